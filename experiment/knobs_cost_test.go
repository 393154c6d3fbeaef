package experiment_test

import (
	"math"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// TestStepCostIsThePlannersCost checks that what the analysis and the
// plan's review say one step of a knob costs is what the step adds to the
// planner's cost of the scenario, for every knob a plan buys of every base
// scenario, events included.
func TestStepCostIsThePlannersCost(t *testing.T) {
	for name, load := range knobBases(t) {
		sc, err := load()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range experiment.Knobs(sc) {
			to := k.Value(sc) + k.Step
			if k.TwoWay || to > k.Max {
				continue
			}
			d := math.Round((experiment.Cost(k.With(sc, to))-experiment.Cost(sc))*100) / 100
			if d != k.UnitCost {
				t.Errorf("%s: %s: a step adds %v to the cost, the knob says %v", name, k.Name, d, k.UnitCost)
			}
		}
	}
}

// TestStepCostFollowsTheEvents checks the case that made the formula wrong:
// in two-days the door-to-door team stands down on day 2 (an event), so one
// more on its 8-hour shift is paid for day 1 only, half what the shift's
// hours over the two days would say; with the event taken out, both days.
func TestStepCostFollowsTheEvents(t *testing.T) {
	cost := func(ov ...scenarios.Override) float64 {
		t.Helper()
		sc, err := scenarios.Resolve("two-days", ov...)
		if err != nil {
			t.Fatal(err)
		}
		hourCost := 0.0
		for _, p := range sc.Staff {
			if p.Name == "mobile-team" {
				hourCost = p.HourCost
			}
		}
		for _, k := range experiment.Knobs(sc) {
			if k.Path == "staff.mobile-team.shifts[0].count" {
				return k.UnitCost / hourCost
			}
		}
		t.Fatal("two-days has no knob of the mobile team's shift")
		return 0
	}
	if h := cost(); h != 8 {
		t.Errorf("one more of the mobile team costs %v hours, want 8 (day 1 only)", h)
	}
	if h := cost(scenarios.Override{Path: "events", Value: "[]"}); h != 16 {
		t.Errorf("without the events, one more of the mobile team costs %v hours, want 16", h)
	}
}
