package experiment

import (
	"slices"
	"testing"

	"cordon/scenarios"
)

func TestSweepKPIs(t *testing.T) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	got, err := SweepKPIs(sc, nil)
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
	if got, err := SweepKPIs(sc, []string{"items.delivered"}); err != nil || !slices.Equal(got, []string{"items.delivered"}) {
		t.Errorf("asked items.delivered: got %v, %v", got, err)
	}
	_, err = SweepKPIs(sc, []string{"items.delivered", "items.deliverd"})
	if want := "--kpi items.deliverd: " + sc.Name + " has no such KPI (cordon kpis lists them)"; err == nil || err.Error() != want {
		t.Errorf("a misspelt KPI: got %v, want %q", err, want)
	}
}
