package experiment_test

import (
	"math"
	"testing"

	"cordon/compound"
	"cordon/experiment"

	"pgregory.net/rapid"
)

// TestIntervalsHoldTheMean: whatever the values of the replications, the
// interval of every KPI holds its mean: cutting it at zero, and a share's at
// one, never moves an end past the mean (a share above 100% cut at one gave
// "260.0% [260.0%, 100.0%]").
func TestIntervalsHoldTheMean(t *testing.T) {
	sc := &compound.Scenario{
		Kinds: []compound.Kind{{Name: "express", PerDay: 10, Target: 3600}},
		Staff: []compound.Pool{{Name: "crew", Count: 1, Tasks: []compound.Task{{Task: compound.TaskIntake}}}},
	}
	cat := compound.Catalog(sc)
	rapid.Check(t, func(rt *rapid.T) {
		reps := rapid.IntRange(2, 6).Draw(rt, "replications")
		results := make([]*compound.Result, reps)
		for r := range results {
			res := &compound.Result{Values: make([]float64, len(cat))}
			for i := range res.Values {
				res.Values[i] = rapid.Float64Range(-3, 3).Draw(rt, "value")
			}
			results[r] = res
		}
		for _, k := range experiment.Summarize(sc, results).KPIs {
			if !(k.Low <= k.Mean && k.Mean <= k.High) || math.IsNaN(k.Low) || math.IsNaN(k.High) {
				rt.Fatalf("%s: mean %v outside its interval [%v, %v] (values %v)", k.Name, k.Mean, k.Low, k.High, k.Values)
			}
		}
	})
}

// TestOneReplicationHasNoInterval: one replication gives a mean and no
// interval (NaN ends, null in results.json), and so no target is met with
// confidence, even one its mean meets by far.
func TestOneReplicationHasNoInterval(t *testing.T) {
	out := run(t, load(t, "baseline"), 1)
	for _, k := range out.KPIs {
		if !math.IsNaN(k.Low) || !math.IsNaN(k.High) {
			t.Errorf("%s: interval [%v, %v] from one replication", k.Name, k.Low, k.High)
		}
	}
	if err := experiment.CheckInvariants(out); err != nil {
		t.Error(err)
	}
	tg, err := compound.ParseTarget("sampling.makespan <= 24h")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := experiment.CheckTargets(out, []compound.Target{tg})
	if err != nil {
		t.Fatal(err)
	}
	if !rs[0].Met || rs[0].Confident {
		t.Errorf("met %v, met with confidence %v: want met, not with confidence", rs[0].Met, rs[0].Confident)
	}
}
