package experiment

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestPlanRunsPartsAlone: a plan of a separable scenario whose targets are
// of both parts (the deliveries' door time, the round's length) runs its
// evaluations' parts alone, only those whose settings changed, and finds
// exactly the plan found with every evaluation run whole: the same
// settings, path, targets' figures, side effects and report outcome.
func TestPlanRunsPartsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("plans twice")
	}
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var ts []compound.Target
	for _, s := range []string{"takeout.door_time.p95 <= 50m", "sampling.makespan <= 3h45m"} {
		tg, err := compound.ParseTarget(s)
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, tg)
	}
	plan := func(whole bool) *Plan {
		t.Helper()
		p, err := MakePlan(context.Background(), sc, PlanOptions{
			Options: Options{Replications: 3, Workers: 2}, Confirm: 6, Targets: ts, OnlyGiven: true, MaxEvaluations: 40,
			wholeEvaluations: whole})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	parted, whole := plan(false), plan(true)

	if whole.partRuns != 0 {
		t.Fatalf("the whole plan ran %d replications of a part alone", whole.partRuns)
	}
	// Both parts' knobs move: the parts alone stand for fewer whole runs.
	if parted.partRuns == 0 || parted.partRuns >= 2*parted.Replications {
		t.Errorf("%d replications of a part alone for %d judged", parted.partRuns, parted.Replications)
	}
	if len(parted.Settings) == 0 {
		t.Errorf("no setting changed: the test moves nothing")
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"settings", settings(parted), settings(whole)},
		{"path", parted.Path, whole.Path},
		{"targets", parted.Targets, whole.Targets},
		{"frontier", parted.Frontier, whole.Frontier},
		{"side effects", parted.SideEffects, whole.SideEffects},
		{"evaluations", parted.Evaluations, whole.Evaluations},
		{"replications", parted.Replications, whole.Replications},
		{"outcome", parted.Outcome.KPIs, whole.Outcome.KPIs},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ with parts alone:\n%v\nwhole:\n%v", c.what, c.got, c.want)
		}
	}
}

// settings are a plan's changes as --set writes them.
func settings(p *Plan) []string {
	var out []string
	for _, s := range p.Settings {
		out = append(out, fmt.Sprintf("%s=%d (from %d)", s.Knob.Path, s.To, s.From))
	}
	return out
}
