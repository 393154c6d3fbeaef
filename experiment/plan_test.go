package experiment_test

import (
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/queueing"
)

func targets(t *testing.T, texts ...string) []compound.Target {
	t.Helper()
	var out []compound.Target
	for _, s := range texts {
		tg, err := compound.ParseTarget(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tg)
	}
	return out
}

// TestPlanMatchesErlangC: one testing site set up as an M/M/c queue
// (scenarios/validation/mmc.yaml: λ = 0.04/s, μ = 1/60 per second) with a
// target on the mean wait of 30 s. Erlang C gives Wq = 64.7 s with 3
// swabbers and 8.6 s with 4, so the least number meeting the target is 4;
// the plan must have exactly that many.
func TestPlanMatchesErlangC(t *testing.T) {
	if testing.Short() {
		t.Skip("long planning run")
	}
	sc, err := scenarios.LoadFile("../scenarios/validation/mmc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := queueing.MinServers(0.04, 1.0/60, 30)
	if err != nil || want != 4 {
		t.Fatalf("Erlang C minimum: %d %v, want 4", want, err)
	}
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 6}, Targets: targets(t, "sampling.wait.mean <= 30s"), Confirm: 12,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Planned.Sampling.Sites[0].Swab; !p.Feasible || got != want {
		t.Errorf("plan: %d swabbers (feasible %v), Erlang C minimum %d; path %+v", got, p.Feasible, want, p.Path)
	}
}

// TestPlanBaseline: the baseline's own targets and one more given. The
// plan keeps every one of them (the scenario's marked as such), only adds
// (a zero-cost knob may move either way), keeps the scenario's floors,
// and meets every target on a fresh seed (neither the search's nor the
// confirmation's), as cordon run on the written plan would judge it. At
// the search's seed and the confirmation's replications, where the search
// took back what was not needed, taking any one added unit away misses a
// target.
func TestPlanBaseline(t *testing.T) {
	if testing.Short() {
		t.Skip("long planning run; TestAllowCutsKeepsFloors and TestPlanPrefersZeroCostKnobs plan small scenarios")
	}
	sc := load(t, "baseline")
	given := targets(t, "gate.staging.max <= 200")
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{Targets: given})
	if err != nil {
		t.Fatal(err)
	}
	all := append(sc.ParsedTargets(), given...)
	if len(p.Constraints) != len(all) || len(p.Targets) != len(all) {
		t.Fatalf("the plan has %d targets, want the scenario's %d and the given one", len(p.Constraints), len(all)-1)
	}
	for i, c := range p.Constraints {
		want := experiment.SourceScenario
		if i == len(all)-1 {
			want = experiment.SourceFlag
		}
		if c.Text != all[i].Text || c.Source != want {
			t.Errorf("target %d: %q from %s, want %q from %s", i, c.Text, c.Source, all[i].Text, want)
		}
	}
	if !p.Feasible || !p.Confirmed {
		t.Fatalf("no plan meets the targets (confirmed %v): %+v", p.Confirmed, p.Unmet)
	}
	t.Logf("plan: cost %.0f (input %.0f), %d evaluations, %d replications, %d changes, %d side effects",
		p.Cost, p.InputCost, p.Evaluations, p.Replications, len(p.Settings), len(p.SideEffects))
	for _, s := range p.Settings {
		if s.To < s.From && !s.Knob.TwoWay {
			t.Errorf("the plan cuts %s from %d to %d without --allow-cuts", s.Knob.Name, s.From, s.To)
		}
	}
	if s := p.Planned.DutyShortfalls(sc); len(s) > 0 {
		t.Errorf("the plan breaks a floor: %v", s[0])
	}
	fresh := uint64(777)
	out, err := experiment.Run(context.Background(), p.Planned, experiment.Options{Replications: 30, Seed: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := experiment.CheckTargets(out, all)
	for _, r := range res {
		if !r.Met {
			t.Errorf("on fresh seeds the plan misses %s: mean %.0f [%.0f, %.0f]", r.Text, r.KPI.Mean, r.KPI.Low, r.KPI.High)
		}
	}
	confirms := 0
	for _, s := range p.Path {
		if s.Action == "confirm" {
			confirms++
		}
	}
	if confirms != 1 {
		return // searched on after a failed confirmation: it took back at that seed
	}
	refined := experiment.Options{Replications: p.ConfirmReplications, Seed: &p.SearchSeed}
	for _, s := range p.Settings {
		if s.To <= s.From || s.Knob.TwoWay {
			continue
		}
		less, err := experiment.Run(context.Background(), s.Knob.With(p.Planned, s.To-s.Knob.Step), refined)
		if err != nil {
			t.Fatal(err)
		}
		res, _ := experiment.CheckTargets(less, all)
		if experiment.AllMetWithConfidence(res) {
			t.Errorf("without one %s (%d) the plan still meets every target", s.Knob.Name, s.To)
		}
	}
}
