package reports

import (
	"math"
	"testing"

	"cordon/compound"
)

// The on-duty figure draws, for each pool and the medical staff, the mean
// over the replications of each hour's on-duty series, worked out here by
// hand; where the roster fixes the count (the gate crew's 3 from 08:00 to
// 09:00, 2.5 from 11:00 with one at lunch from 11:30, 1 at 03:00; the zone
// volunteers' 3 a zone in 13 zones) the line says so.
func TestPlotOnDutyData(t *testing.T) {
	o := dataOutcome(t)
	fig, err := onDutyPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	start := float64(o.Scenario.Horizon.Start) / 3600
	pools := []string{compound.MedicalStaff}
	for _, p := range o.Scenario.Staff {
		pools = append(pools, p.Name)
	}
	for _, pool := range pools {
		xys, ok := fig.layer(pool)
		if !ok {
			t.Errorf("no line for %s", pool)
			continue
		}
		name := compound.OnDutySeries(pool)
		for h, pt := range xys {
			sum, n := 0.0, 0
			for _, res := range o.Runs {
				for _, s := range res.Series {
					if s.Name == name && h < len(s.Points) {
						sum += s.Points[h]
						n++
					}
				}
			}
			if n != len(o.Runs) || !near(pt.X, start+float64(h)) || !near(pt.Y, sum/float64(n)) {
				t.Errorf("%s, hour %d: (%v, %v), want (%v, %v) from %d replications", pool, h, pt.X, pt.Y, start+float64(h), sum/float64(n), n)
				break
			}
		}
	}
	at := func(pool string, clock float64) float64 {
		xys, _ := fig.layer(pool)
		for _, pt := range xys {
			if pt.X == clock {
				return pt.Y
			}
		}
		return math.NaN()
	}
	for _, c := range []struct {
		pool  string
		clock float64
		want  float64
	}{{"gate-crew", 8, 3}, {"gate-crew", 11, 2.5}, {"zone-volunteers", 8, 39}, {"gate-crew", 27, 1}} { // 03:00 the next morning
		if got := at(c.pool, c.clock); !near(got, c.want) {
			t.Errorf("%s on duty in the hour from %v:00: %v, want %v", c.pool, c.clock, got, c.want)
		}
	}
	if at(compound.MedicalStaff, 13) <= 0 || at(compound.MedicalStaff, 8) != 0 {
		t.Errorf("medical staff: %v at 13:00, %v at 08:00; want some during the round, none before it", at(compound.MedicalStaff, 13), at(compound.MedicalStaff, 8))
	}
}
