package experiment_test

import (
	"context"
	"testing"

	"cordon/experiment"
)

// TestPlanArrangesBeforeBuying: the baseline's own queue-peak target
// (sampling.queue.peak <= 50) is met by changing the calling plan, at no
// cost: the plan adds no medical staff at any site, moves a zero-cost knob,
// and meets the target on fresh seeds.
func TestPlanArrangesBeforeBuying(t *testing.T) {
	sc := load(t, "baseline")
	ts := targets(t, "sampling.queue.peak <= 50")
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 5}, Targets: ts, OnlyGiven: true, Confirm: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Feasible {
		t.Fatalf("no plan meets the queue target: %+v", p.Unmet)
	}
	moved := false
	for _, s := range p.Settings {
		moved = moved || s.Knob.Resource == experiment.KnobSchedule
	}
	if !moved {
		t.Errorf("the plan moves no zero-cost knob: %+v", p.Settings)
	}
	for i, site := range p.Planned.Sampling.Sites {
		if in := sc.Sampling.Sites[i]; site.Swab > in.Swab || site.Registration > in.Registration {
			t.Errorf("%s: %d swab and %d registration, the input %d and %d: medical staff added", site.Name, site.Swab, site.Registration, in.Swab, in.Registration)
		}
	}
	if p.Cost > p.InputCost {
		t.Errorf("the plan costs %v, more than the input's %v", p.Cost, p.InputCost)
	}
	fresh := uint64(2024)
	out, err := experiment.Run(context.Background(), p.Planned, experiment.Options{Replications: 10, Seed: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := experiment.CheckTargets(out, ts)
	if !experiment.AllMetWithConfidence(res) {
		t.Errorf("on fresh seeds the plan misses the target: %+v", res[0].KPI.Summary)
	}
}
