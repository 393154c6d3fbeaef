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

// TestPlanBaseline: three targets on the baseline. The plan meets all three
// on fresh seeds (neither the search's nor the confirmation's), and taking
// any one unit away from it misses at least one, at the replications and
// seed it was confirmed with.
func TestPlanBaseline(t *testing.T) {
	if testing.Short() {
		t.Skip("long planning run")
	}
	sc := load(t, "baseline")
	ts := targets(t, "takeout.door_time.p95 <= 45m", "sampling.makespan <= 4h", "gate.staging.max <= 200")
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{Targets: ts})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Feasible {
		t.Fatalf("no plan meets the targets: %+v", p.Unmet)
	}
	t.Logf("plan: cost %.0f (input %.0f), %d evaluations, %d changes", p.Cost, p.InputCost, p.Evaluations, len(p.Settings))
	fresh := uint64(777)
	confirm := experiment.Options{Replications: 30, Seed: &fresh}
	out, err := experiment.Run(context.Background(), p.Planned, confirm)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := experiment.CheckTargets(out, ts)
	for _, r := range res {
		if !r.Confident {
			t.Errorf("on fresh seeds the plan misses %s: mean %.0f [%.0f, %.0f]", r.Text, r.KPI.Mean, r.KPI.Low, r.KPI.High)
		}
	}
	confirmed := experiment.Options{Replications: p.ConfirmReplications, Seed: &p.ConfirmSeed}
	for _, k := range p.Knobs {
		v := k.Value(p.Planned)
		if v-k.Step < k.Min || k.TwoWay { // a zero-cost knob is no unit to take away
			continue
		}
		less, err := experiment.Run(context.Background(), k.With(p.Planned, v-k.Step), confirmed)
		if err != nil {
			t.Fatal(err)
		}
		res, _ := experiment.CheckTargets(less, ts)
		if experiment.AllMetWithConfidence(res) {
			t.Errorf("without one %s (%d) the plan still meets every target", k.Name, v)
		}
	}
}
