package experiment

import (
	"math"
	"testing"

	"cordon/compound"
)

// TestHourWithNobodyOnDuty: a post's hour with nobody on duty in any
// replication has no utilisation (NaN, which the report says as "nobody on
// duty"), not 0%; one with somebody on duty in some replications is the
// mean over all, those with nobody counting as zero.
func TestHourWithNobodyOnDuty(t *testing.T) {
	nan := math.NaN()
	run := func(zoneUtil, zoneQueue float64) *compound.Result {
		return &compound.Result{Posts: []compound.PostResult{
			{Name: "gate-crew", Hourly: []float64{0.3, 0.1}, HourlyQueue: []float64{0, 0}},
			{Name: "zone-volunteers/zone-9", Hourly: []float64{0.8, zoneUtil}, HourlyQueue: []float64{1, zoneQueue}},
		}}
	}
	runs := []*compound.Result{run(nan, 0.2), run(nan, 0.4)}
	if u, q := meanOver(runs, 1, 1); !math.IsNaN(u) || math.Abs(q-0.3) > 1e-12 {
		t.Errorf("nobody on duty in either replication: utilisation %v, queue %v; want NaN and 0.3", u, q)
	}
	if u, _ := meanOver([]*compound.Result{run(nan, 0.2), run(0.5, 0.4)}, 1, 1); u != 0.25 {
		t.Errorf("on duty in one replication of two: utilisation %v, want 0.25", u)
	}
	if u, _ := meanOver(runs, 1, 0); u != 0.8 {
		t.Errorf("on duty: utilisation %v, want 0.8", u)
	}
}
