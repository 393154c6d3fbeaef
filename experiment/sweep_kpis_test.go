package experiment_test

import (
	"cordon/experiment"
	"slices"
	"testing"
)

func TestSweepKPIs(t *testing.T) {
	sc := load(t, "baseline")
	got, err := experiment.SweepKPIs(sc, nil)
	if err != nil || len(got) == 0 {
		t.Fatalf("defaults: %v, %v", got, err)
	}
	var targets []string
	for _, tg := range sc.ParsedTargets() {
		targets = append(targets, tg.KPI)
	}
	if len(targets) > 0 && !slices.Equal(got, targets) {
		t.Errorf("defaults %v, want the targets' KPIs %v", got, targets)
	}
	if got, err := experiment.SweepKPIs(sc, []string{"items.delivered"}); err != nil || !slices.Equal(got, []string{"items.delivered"}) {
		t.Errorf("asked items.delivered: got %v, %v", got, err)
	}
	_, err = experiment.SweepKPIs(sc, []string{"items.delivered", "items.deliverd"})
	if want := "--kpi items.deliverd: " + sc.Name + " has no KPI items.deliverd, did you mean items.delivered?"; err == nil || err.Error() != want {
		t.Errorf("a misspelt KPI: got %v, want %q", err, want)
	}
}
