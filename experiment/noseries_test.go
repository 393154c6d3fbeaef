package experiment

import (
	"fmt"
	"math"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestNoSeriesSameFigures: a replication that samples no series (the steps
// of a run's marginal analysis, a sensitivity analysis' changed scenarios)
// measures every KPI and every post's figures bit for bit as one that
// does, in every built-in.
func TestNoSeriesSameFigures(t *testing.T) {
	for _, info := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		for rep := range 2 {
			whole := replicationWith(t, sc, rep, compound.Options{})
			bare := replicationWith(t, sc, rep, compound.Options{NoSeries: true})
			if len(whole.Series) == 0 || len(bare.Series) > 0 {
				t.Errorf("%s: %d series sampled, %d without", info.Name, len(whole.Series), len(bare.Series))
			}
			for i, kpi := range compound.Catalog(sc) {
				if !sameBits(whole.Values[i], bare.Values[i]) {
					t.Errorf("%s, replication %d: %s is %v without series, %v with", info.Name, rep, kpi.Name, bare.Values[i], whole.Values[i])
				}
			}
			// %v writes a float the shortest way that reads back the same,
			// and NaN as NaN, which reflect.DeepEqual takes for unequal.
			if fmt.Sprint(whole.Posts) != fmt.Sprint(bare.Posts) || whole.Ledger != bare.Ledger {
				t.Errorf("%s, replication %d: the posts' figures or the ledger differ without series", info.Name, rep)
			}
		}
	}
}

// TestMeasureSameKPIs: a replication that measures a few KPIs alone (every
// other one of the catalogue here, so that one measured after one left out
// is seen) measures each of them bit for bit as a whole replication does,
// in every built-in, and leaves the others NaN.
func TestMeasureSameKPIs(t *testing.T) {
	for _, info := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		cat := compound.Catalog(sc)
		for rep := range 2 {
			measure := make([]bool, len(cat))
			for i := range measure {
				measure[i] = i%2 == rep
			}
			whole := replicationWith(t, sc, rep, compound.Options{})
			few := replicationWith(t, sc, rep, compound.Options{Measure: measure})
			if len(few.Posts)+len(few.Series)+len(few.DoorTimes) > 0 {
				t.Errorf("%s: %d posts, %d series, %d kinds' door times measuring a few KPIs", info.Name, len(few.Posts), len(few.Series), len(few.DoorTimes))
			}
			for i, kpi := range cat {
				if measure[i] && !sameBits(whole.Values[i], few.Values[i]) || !measure[i] && !math.IsNaN(few.Values[i]) {
					t.Errorf("%s, replication %d: %s is %v measuring a few (it among them: %v), %v measuring all", info.Name, rep, kpi.Name, few.Values[i], measure[i], whole.Values[i])
				}
			}
		}
	}
}
