package experiment_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestPlanRefusesHugeCosts: a scenario whose costs exceed the most a cost
// may be (here built without the loader) is refused by the planner, not
// planned at a cost of +Inf.
func TestPlanRefusesHugeCosts(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc.Staff[0].HourCost = 1e308
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 2}, Targets: targets(t, "express.door_time.p95 <= 10h"), Confirm: 2, MaxEvaluations: 4,
	})
	if err == nil {
		t.Fatalf("planned at a cost of %v", p.Cost)
	}
	if !strings.Contains(err.Error(), "staff[0].hour_cost") {
		t.Errorf("error %q does not name staff[0].hour_cost", err)
	}
}

// TestCostBound: every cost field may be at most compound.MaxCost, and a
// plan at the largest costs costs a finite amount.
func TestCostBound(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc.Costs = compound.Costs{Shelf: compound.MaxCost, Container: compound.MaxCost, Cart: compound.MaxCost, DisinfectionSlot: compound.MaxCost, Medical: compound.MaxCost}
	for i := range sc.Staff {
		sc.Staff[i].HourCost = compound.MaxCost
	}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if c := experiment.Cost(sc); !(c > 1e9 && c < 1e20) {
		t.Errorf("cost %v", c)
	}
	sc.Costs.Shelf = compound.MaxCost * 1.5
	if errs := sc.Check(); len(errs) != 1 || errs[0].Path != "costs.shelf" {
		t.Errorf("a shelf above the most a cost may be: %v", errs)
	}
}

// TestRunCostIsPlanCost: what `cordon run` reports as the cost of staff
// and equipment is, in every replication, what the planner weighs the
// scenario by (one definition, compound.Scenario.PlannedCost); the run's
// total adds the consumables it used.
func TestRunCostIsPlanCost(t *testing.T) {
	for _, file := range []string{"../scenarios/testdata/valid/small.yaml", "../scenarios/testdata/valid/mini.yaml"} {
		sc, err := scenarios.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2})
		if err != nil {
			t.Fatal(err)
		}
		get := func(name string) experiment.KPIResult {
			k, ok := o.KPI(name)
			if !ok {
				t.Fatalf("%s: no KPI %s", file, name)
			}
			return k
		}
		staff, equipment, consumables, total := get("cost.staff"), get("cost.equipment"), get("cost.consumables"), get("cost.total")
		for r := range o.Replications {
			if got, want := math.Round((staff.Values[r]+equipment.Values[r])*100)/100, experiment.Cost(sc); got != want {
				t.Errorf("%s, replication %d: cost.staff + cost.equipment = %v, the planner's cost %v", file, r, got, want)
			}
			if d := total.Values[r] - staff.Values[r] - equipment.Values[r] - consumables.Values[r]; math.Abs(d) > 1e-6 {
				t.Errorf("%s, replication %d: cost.total is %v off its parts", file, r, d)
			}
		}
	}
}
