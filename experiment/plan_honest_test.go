package experiment_test

import (
	"context"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/stats"
)

// TestPlanProgressCountsEveryReplication: the progress a plan reports
// counts every replication it runs, never goes back, never passes its
// total, and ends at the replications the plan says it ran.
func TestPlanProgressCountsEveryReplication(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var last, lastTotal, calls int
	progress := func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last, lastTotal = done, total
	}
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 3, Workers: 1, Progress: progress}, Confirm: 5,
		Targets: targets(t, "express.door_time.p95 <= 20m")})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != p.Replications || lastTotal != last {
		t.Errorf("progress ended at %d of %d after %d calls; the plan ran %d replications", last, lastTotal, calls, p.Replications)
	}
	if p.Evaluations < 3 || p.Replications < 3*p.Evaluations {
		t.Errorf("%d evaluations, %d replications", p.Evaluations, p.Replications)
	}
}

// TestPlanSideEffects: cutting mini.yaml down with --allow-cuts against a
// target any plan meets makes the door times worse; every KPI with a
// better direction that the confirmation finds significantly worse than
// the input (same seed, same replications: paired) is a side effect, and
// none that is not.
func TestPlanSideEffects(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 3}, Confirm: 10, AllowCuts: true,
		Targets: targets(t, "express.door_time.p95 <= 48h")})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Confirmed || p.Base.Seed != p.ConfirmSeed || p.Outcome.Seed != p.ConfirmSeed || p.Base.Replications != p.Outcome.Replications {
		t.Fatalf("plan and input not run together: seeds %d, %d (confirmation %d)", p.Base.Seed, p.Outcome.Seed, p.ConfirmSeed)
	}
	listed := map[string]bool{}
	for _, e := range p.SideEffects {
		listed[e.Name] = true
	}
	for _, k := range p.Outcome.KPIs {
		b, _ := p.Base.KPI(k.Name)
		d, err := stats.Paired(b.Values, k.Values, experiment.Level)
		if err != nil {
			t.Fatal(err)
		}
		// Worse as compare says it: significantly, and by at least the
		// KPI's practical minimum effect.
		worse := experiment.Judge(k.KPI, b.Mean, d, experiment.MinEffects{}) == experiment.Worse
		if strings.HasSuffix(k.Name, ".hours") && strings.HasPrefix(k.Name, "staff.") {
			worse = false // the plan's cost
		}
		if worse != listed[k.Name] {
			t.Errorf("%s: %v [%v, %v] worse %v, listed %v", k.Name, d.Mean, d.Low, d.High, worse, listed[k.Name])
		}
	}
	if !listed["express.door_time.mean"] {
		t.Errorf("the cuts make no door time worse: side effects %v, changes %+v", listed, p.Settings)
	}
}

// TestPlanBoundWhenNoStaffingMeetsIt: on small.yaml residents are called
// over about 30 minutes, so no staffing ends the round within a minute:
// the plan says so with the KPI's floor with unlimited staff and
// equipment, and that floor is above the target.
func TestPlanBoundWhenNoStaffingMeetsIt(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 3}, Confirm: 4, MaxEvaluations: 30,
		Targets: targets(t, "sampling.makespan <= 1m"), OnlyGiven: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Feasible || len(p.Unmet) != 1 || len(p.Bounds) != 1 {
		t.Fatalf("feasible %v, unmet %d, bounds %d", p.Feasible, len(p.Unmet), len(p.Bounds))
	}
	b := p.Bounds[0]
	if b.Met || b.Factor != 10 || !(b.KPI.Mean > 60) || b.KPI.Mean > p.Unmet[0].KPI.Mean {
		t.Errorf("bound %+v: want a floor above 1m and no higher than the plan's %v", b.KPI.Summary, p.Unmet[0].KPI.Mean)
	}
}
