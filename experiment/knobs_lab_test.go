package experiment_test

import (
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// TestLabKnob: a round with a lab has a knob of the lab's servers, one
// server costing its hour cost over the run (what the planner's cost
// adds), moving the lab's queue, waits and results and not the round at
// the sites; a floor may name it; a round without a lab has none.
func TestLabKnob(t *testing.T) {
	lab := scenarios.Override{Path: "sampling.lab", Value: "{servers: 3, test: 10m, hour_cost: 25}"}
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml", lab)
	if err != nil {
		t.Fatal(err)
	}
	var k *experiment.Knob
	for _, x := range experiment.Knobs(sc) {
		if x.Path == "sampling.lab.servers" {
			k = &x
		}
	}
	if k == nil {
		t.Fatal("no knob of the lab's servers")
	}
	days := float64(sc.Horizon.Days)
	if k.Value(sc) != 3 || k.UnitCost != 25*24*days || k.Resource != experiment.KnobStaff {
		t.Errorf("lab servers %d at %v a step (%s), want 3 at %v (staff)", k.Value(sc), k.UnitCost, k.Resource, 25*24*days)
	}
	if d := experiment.Cost(k.With(sc, 4)) - experiment.Cost(sc); d != k.UnitCost {
		t.Errorf("a server more costs the planner %v, the knob says %v", d, k.UnitCost)
	}
	for kpi, want := range map[string]bool{
		"sampling.results_known": true, "sampling.lab_wait.mean": true, "sampling.lab_queue.max@day1": true,
		"sampling.makespan": false, "sampling.wait.mean": false, "sampling.lab_done": false, "sampling.sampled_by": false,
		"express.door_time.p95": false, "cost.total": true,
	} {
		if got := k.Affects(kpi); got != want {
			t.Errorf("lab servers affect %s: %v, want %v", kpi, got, want)
		}
	}
	for _, x := range experiment.Knobs(sc) {
		if x.Pool == "medics" && !x.Affects("sampling.results_known") {
			t.Error("the runners do not affect when the results are known")
		}
	}
	if v, ok := sc.Capacity("sampling.lab.servers"); !ok || v != 3 {
		t.Errorf("capacity sampling.lab.servers: %d, %v", v, ok)
	}
	plain, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range experiment.Knobs(plain) {
		if x.Path == "sampling.lab.servers" {
			t.Error("a knob of the lab's servers without a lab")
		}
	}
}
