package experiment_test

import (
	"bytes"
	"context"
	"math"
	"testing"

	"cordon/experiment"
)

// TestSensitivity: a 20% longer swab lengthens the round and a 20% shorter
// one shortens it; takeout volume does not move the round at all (common
// random numbers keep the round's draws); the number of residents and the
// swab time, the two things the swab stations' load is made of, are the
// round's two largest effects.
func TestSensitivity(t *testing.T) {
	sc := load(t, "baseline")
	s, err := experiment.Analyse(context.Background(), sc, []string{"sampling.makespan"}, 0.2, experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	effs := s.Effects[0]
	byName := map[string]experiment.Effect{}
	for _, e := range effs {
		byName[e.Factor.Name] = e
	}
	swab := byName["sampling.swab"]
	base, _ := s.Base.KPI("sampling.makespan")
	if !(swab.Low.Mean < base.Mean && base.Mean < swab.High.Mean) {
		t.Errorf("swab ±20%%: makespan %.0f / %.0f / %.0f, want increasing", swab.Low.Mean, base.Mean, swab.High.Mean)
	}
	if e, ok := byName["takeout per day"]; !ok {
		t.Error("no factor named takeout per day")
	} else if e.Swing != 0 {
		t.Errorf("takeout volume moves the round by %.1f s", e.Swing)
	}
	top := map[string]bool{effs[0].Factor.Name: true, effs[1].Factor.Name: true}
	if !top["sampling.swab"] || !top["residents"] {
		t.Errorf("largest effects on the round: %s (%.0f s), %s (%.0f s); want the residents and the swab time",
			effs[0].Factor.Name, effs[0].Swing, effs[1].Factor.Name, effs[1].Swing)
	}
	if r := byName["residents"]; !(r.Low.Mean < base.Mean && base.Mean < r.High.Mean) {
		t.Errorf("residents ±20%%: makespan %.0f / %.0f / %.0f, want increasing", r.Low.Mean, base.Mean, r.High.Mean)
	}
	if _, err := experiment.Analyse(context.Background(), sc, []string{"no.kpi"}, 0.2, experiment.Options{Replications: 2}); err == nil {
		t.Error("no error for an unknown KPI")
	}
}

// TestSensitivityKeepsItsKPIs: a sensitivity analysis that keeps, of each
// changed scenario's replications, only its KPIs' values as they finish
// (Do) gives the same analysis, to the bit, as the one assembled from
// every replication whole (as a merge of parts does).
func TestSensitivityKeepsItsKPIs(t *testing.T) {
	sc := load(t, "baseline")
	w, err := experiment.NewSensitivityWork(sc, []string{"sampling.makespan", "takeout.door_time.p95"}, 0.2, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	done, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.RunWork(context.Background(), w, experiment.Shard{}, experiment.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := w.Assemble(results)
	if err != nil {
		t.Fatal(err)
	}
	a, b := done.Sensitivity, whole.Sensitivity
	if len(a.Effects) != 2 || !bytes.Equal(encode(t, a.Effects), encode(t, b.Effects)) || !bytes.Equal(encode(t, a.Base.KPIs), encode(t, b.Base.KPIs)) {
		t.Fatal("the analysis kept as it goes differs from the one of whole replications")
	}
}

// TestSensitivityChangeIsPaired: each effect's change is the KPI with the
// factor scaled up less the KPI with it scaled down, replication by
// replication, its mean ±Swing; an effect whose interval holds zero (the
// takeout volume on the round, exactly nothing) comes after every effect
// whose interval leaves zero out, whatever the swings.
func TestSensitivityChangeIsPaired(t *testing.T) {
	sc := load(t, "baseline")
	s, err := experiment.Analyse(context.Background(), sc, []string{"sampling.makespan", "takeout.door_time.p95"}, 0.2, experiment.Options{Replications: 6})
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range s.KPIs {
		chance := false
		for _, e := range s.Effects[i] {
			sum := 0.0
			for r := range e.High.Values {
				sum += e.High.Values[r] - e.Low.Values[r]
			}
			if mean := sum / float64(len(e.High.Values)); math.Abs(mean-e.Change.Mean) > 1e-9*math.Max(1, math.Abs(mean)) {
				t.Errorf("%s: %s: change %v, the paired mean is %v", k.Name, e.Factor.Name, e.Change.Mean, mean)
			}
			if math.Abs(math.Abs(e.Change.Mean)-e.Swing) > 1e-9*math.Max(1, e.Swing) {
				t.Errorf("%s: %s: swing %v, change %v", k.Name, e.Factor.Name, e.Swing, e.Change.Mean)
			}
			if e.WithinChance() != !(e.Change.Low > 0 || e.Change.High < 0) {
				t.Errorf("%s: %s: within chance %v with the interval [%v, %v]", k.Name, e.Factor.Name, e.WithinChance(), e.Change.Low, e.Change.High)
			}
			if chance && !e.WithinChance() {
				t.Errorf("%s: %s, beyond chance, ranked after an effect within chance", k.Name, e.Factor.Name)
			}
			chance = chance || e.WithinChance()
		}
		if s.Effects[i][0].WithinChance() {
			t.Errorf("%s: no factor's effect beyond chance; the test checks little", k.Name)
		}
	}
	for _, e := range s.Effects[0] {
		if e.Factor.Name == "takeout per day" && !e.WithinChance() {
			t.Errorf("the takeout volume moves the round beyond chance: %+v", e.Change)
		}
	}
}
