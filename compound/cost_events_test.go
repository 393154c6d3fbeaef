package compound

import (
	"testing"
)

// TestEquipmentFromEventsCosted: equipment an event adds is bought for the
// run as the scenario's own is: shelves and a container added at 18:00
// cost what they cost from the start, in the planner's cost and in a run's
// cost.equipment (they were left out: the report's two days, where the
// evening's reorganisation adds them, cost 5,400 less than the same
// equipment from the morning). Equipment taken away by an event was held
// until then: the run pays for the most of each held at once.
func TestEquipmentFromEventsCosted(t *testing.T) {
	at := func(s string) Clock {
		v, err := ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	priced := func() *Scenario {
		sc := small()
		sc.Costs.Shelf, sc.Costs.Container, sc.Costs.Cart, sc.Costs.DisinfectionSlot = 300, 1500, 200, 20
		return sc
	}
	equipment := func(sc *Scenario) float64 {
		t.Helper()
		if fe := sc.Check(); len(fe) > 0 {
			t.Fatal(fe)
		}
		res := runSmall(t, sc, 0)
		v, ok := res.Value(Catalog(sc), "cost.equipment")
		if !ok {
			t.Fatal("no cost.equipment")
		}
		return v
	}

	fromStart := priced()
	fromStart.Gate.Shelves += 2
	fromStart.Gate.Containers++
	fromStart.Transfer.Carts++
	evening := priced()
	evening.Events = []Event{{Day: 1, At: at("18:00"), Add: &Equipment{Shelves: 2, Containers: 1, Carts: 1}}}
	want := equipment(fromStart)
	if got := equipment(evening); got != want {
		t.Errorf("equipment added at 18:00 costs %v, the same from the start %v", got, want)
	}
	if got, want := evening.PlannedCost()-priced().PlannedCost(), 2*300+1500+200.0; got != want {
		t.Errorf("the planner's cost of the evening's equipment: %v, want %v", got, want)
	}

	// Two shelves taken away at noon and one put back at 18:00: the
	// scenario's shelves were held all morning, and no more than them
	// (not the one held at the end, nor the one put back on top).
	twoShelves := func() *Scenario {
		sc := priced()
		sc.Gate.Shelves = 2
		return sc
	}
	swapped := twoShelves()
	swapped.Events = []Event{
		{Day: 1, At: at("12:00"), Remove: &Equipment{Shelves: 2}},
		{Day: 1, At: at("18:00"), Add: &Equipment{Shelves: 1}},
	}
	if got, want := equipment(swapped), equipment(twoShelves()); got != want {
		t.Errorf("a shelf taken away and put back costs %v, the scenario's shelves %v", got, want)
	}
}
