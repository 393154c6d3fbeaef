package experiment_test

import (
	"bytes"
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestPlanWithoutReport: a plan made with FiguresOnly (no report folder is
// written) is the plan made without, to the side effects read from the
// plan run again at the confirmation, but its outcome gathers nothing the
// report's plots read.
func TestPlanWithoutReport(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	target, err := compound.ParseTarget("express.door_time.p95<=2h")
	if err != nil {
		t.Fatal(err)
	}
	plan := func(figuresOnly bool) *experiment.Plan {
		t.Helper()
		p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
			Options: experiment.Options{Replications: 2, FiguresOnly: figuresOnly}, Confirm: 3, AllowCuts: true,
			Targets: []compound.Target{target}})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	with, without := plan(false), plan(true)
	if with.Outcome.Plots == nil || len(with.SideEffects) == 0 || !with.Confirmed {
		t.Fatalf("the plan has plots' figures %v, %d side effects, confirmed %v: the test proves nothing",
			with.Outcome.Plots != nil, len(with.SideEffects), with.Confirmed)
	}
	if without.Outcome.Plots != nil {
		t.Error("the plan made with FiguresOnly gathered what the report's plots read")
	}
	for what, pair := range map[string][2]any{
		"side effects": {with.SideEffects, without.SideEffects},
		"changes":      {with.Settings, without.Settings},
		"targets":      {with.Targets, without.Targets},
		"search":       {with.Path, without.Path},
		"KPIs":         {with.Outcome.KPIs, without.Outcome.KPIs},
		"work":         {[]int{with.Evaluations, with.Replications}, []int{without.Evaluations, without.Replications}},
	} {
		if !bytes.Equal(encode(t, pair[0]), encode(t, pair[1])) {
			t.Errorf("%s differ with FiguresOnly", what)
		}
	}
}
