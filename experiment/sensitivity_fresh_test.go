package experiment_test

import (
	"context"
	"slices"
	"testing"

	"cordon/experiment"
)

// TestSensitivityLeadersHoldOnFreshSeeds: the factor a sensitivity
// analysis puts first for each KPI (the one a planner acts on) is among the
// first three on a seed it never saw, with twice the replications, and
// moves the KPI the same way there (up or down as the factor grows),
// beyond chance both times.
func TestSensitivityLeadersHoldOnFreshSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two sensitivity analyses")
	}
	sc := load(t, "baseline")
	kpis := experiment.HeadlineKPIs(sc)
	first, err := experiment.Analyse(context.Background(), sc, kpis, 0.2, experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	fresh := uint64(20261207)
	again, err := experiment.Analyse(context.Background(), sc, kpis, 0.2, experiment.Options{Replications: 10, Seed: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range first.KPIs {
		lead := first.Effects[i][0]
		if lead.Swing == 0 || lead.WithinChance() {
			t.Errorf("%s: no factor moves it beyond chance; the test checks nothing", k.Name)
			continue
		}
		var names []string
		for _, e := range again.Effects[i][:3] {
			names = append(names, e.Factor.Name)
		}
		if !slices.Contains(names, lead.Factor.Name) {
			t.Errorf("%s: %s first (swing %.4g), not among the first three on fresh seeds: %v", k.Name, lead.Factor.Name, lead.Swing, names)
		}
		for _, e := range again.Effects[i] {
			if e.Factor.Name == lead.Factor.Name && e.WithinChance() {
				t.Errorf("%s: %s moves it within chance on fresh seeds: change %.4g [%.4g, %.4g]", k.Name, lead.Factor.Name, e.Change.Mean, e.Change.Low, e.Change.High)
			}
			if e.Factor.Name == lead.Factor.Name && (lead.High.Mean > lead.Low.Mean) != (e.High.Mean > e.Low.Mean) {
				t.Errorf("%s: %s moves it the other way on fresh seeds: %.4g to %.4g, first %.4g to %.4g",
					k.Name, lead.Factor.Name, e.Low.Mean, e.High.Mean, lead.Low.Mean, lead.High.Mean)
			}
		}
	}
}
