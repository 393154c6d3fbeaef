package experiment

import (
	"fmt"
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
