package experiment

import (
	"path/filepath"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestEachKPIMeasuredAlone: every KPI of the catalogue measured alone
// (compound.Options.Measure marking it and no other) has, to the bit, the
// value the whole replication gives it, in every built-in and in the
// validation scenarios of the planner's own posts (cut to two days), over
// three replications
// (KPI i in replication i%3). A replication that measures a few KPIs
// records only what they read; this is the check that it records all of
// it. Where the scenario is separable, a KPI of one part is measured with
// that part alone, as a run report's analysis measures it.
func TestEachKPIMeasuredAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("one replication for every KPI of every built-in")
	}
	var scs []*compound.Scenario
	for _, info := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	for _, f := range []string{"erlang-a.yaml", "jackson.yaml"} {
		sc, err := scenarios.LoadFile(filepath.Join("../scenarios/validation", f), scenarios.Override{Path: "clock.days", Value: "2"})
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	const reps = 3
	for _, sc := range scs {
		cat := compound.Catalog(sc)
		var whole [reps]*compound.Result
		for rep := range reps {
			whole[rep] = replicationWith(t, sc, rep, compound.Options{})
		}
		for i, kpi := range cat {
			rep := i % reps
			opt := compound.Options{Measure: make([]bool, len(cat))}
			opt.Measure[i] = true
			if sc.Separable() {
				opt.Part = compound.KPIPart(kpi)
			}
			alone := replicationWith(t, sc, rep, opt)
			if !sameBits(alone.Values[i], whole[rep].Values[i]) {
				t.Errorf("%s, replication %d: %s measured alone (part %d) is %v, %v in the whole replication",
					sc.Name, rep, kpi.Name, opt.Part, alone.Values[i], whole[rep].Values[i])
			}
		}
	}
}
