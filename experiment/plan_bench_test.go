package experiment_test

import (
	"context"
	"testing"

	"cordon/experiment"
)

// BenchmarkPlanBaseline is the search of `cordon plan baseline` with the
// baseline's own targets, on every CPU: screening, refinement and the
// confirmation with the input (the command adds a sensitivity analysis of
// the plan and the report). It reports the scenario evaluations, the
// replications and the wall time of one plan.
//
//	go test -run x -bench PlanBaseline -benchtime 3x ./experiment/
func BenchmarkPlanBaseline(b *testing.B) {
	sc := load(b, "baseline")
	var evals, reps int
	for b.Loop() {
		p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if !p.Feasible {
			b.Fatalf("no plan meets the baseline's targets: %+v", p.Unmet)
		}
		evals, reps = p.Evaluations, p.Replications
	}
	b.ReportMetric(float64(evals), "evaluations")
	b.ReportMetric(float64(reps), "replications")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/plan")
}
