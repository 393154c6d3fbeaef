package compound

import (
	"math"

	"cordon/sim"
)

// What a run costs, defined once: the planner weighs a plan by what its
// staff and equipment cost (PlannedCost), and every run reports the same
// figures as KPIs (cost.staff, cost.equipment), with the consumables it
// used (cost.consumables) and the sum (cost.total).

// staffCostOf is what staff cost over a run: each pool's staff-hours,
// hours(i) for pool i, by its hour_cost, each medical worker at the
// testing sites by the round (costs.medical), and the servers of the
// sampling lab and of the planner's own posts by their hour_cost.
func (sc *Scenario) staffCostOf(hours func(pool int) float64) float64 {
	total := 0.0
	for i, p := range sc.Staff {
		total += p.HourCost * hours(i)
	}
	if sp := sc.Sampling; sp != nil {
		for _, s := range sp.Sites {
			total += sc.Costs.Medical * float64(s.Swab+s.Registration) * float64(sc.roundsAtSites())
		}
		if l := sp.Lab; l != nil { // the lab's servers, the whole run
			total += l.HourCost * float64(l.Servers) * float64(sc.Horizon.Days) * 24
		}
	}
	// A post's own servers are on duty the whole run.
	for _, p := range sc.Posts {
		total += p.HourCost * float64(p.Servers) * float64(sc.Horizon.Days) * 24
	}
	return total
}

// equipmentCost is what the shelves, containers, carts and disinfection
// places cost for the run: the most of each held at once, the scenario's
// and what its events add (equipment that comes in the evening is bought
// for the run as the morning's is).
func (sc *Scenario) equipmentCost() float64 {
	held := sc.mostEquipment()
	return sc.Costs.Shelf*float64(held.Shelves) + sc.Costs.Container*float64(held.Containers) +
		sc.Costs.Cart*float64(held.Carts) + sc.Costs.DisinfectionSlot*float64(held.DisinfectionSpace)
}

// mostEquipment returns the most of each kind of equipment held at once
// over the run: the scenario's, as the add and remove events change it.
func (sc *Scenario) mostEquipment() Equipment {
	most := sc.equipment()
	sc.equipmentChanges(sc.timeline(), func(_ Event, have Equipment) {
		most = Equipment{Ground: max(most.Ground, have.Ground), Shelves: max(most.Shelves, have.Shelves),
			Containers: max(most.Containers, have.Containers), Carts: max(most.Carts, have.Carts),
			DisinfectionSpace: max(most.DisinfectionSpace, have.DisinfectionSpace)}
	})
	return most
}

// consumablesCost is what the suits and disinfectant c cost.
func (sc *Scenario) consumablesCost(c consumed) float64 {
	return sc.Costs.Suit*float64(c.suits) + sc.Costs.Disinfectant*c.litres
}

// PlannedCost returns what a plan's staff and equipment cost over the run,
// rounded to the cent: staff on the scenario's roster (StaffHours) and
// the medical staff by the round, and the equipment. A run of sc reports
// the same as cost.staff + cost.equipment; the consumables it uses
// (cost.consumables) follow from the deliveries and the suited staff's
// hours, and are reported, not planned for.
func (sc *Scenario) PlannedCost() float64 {
	total := sc.staffCostOf(sc.StaffHours) + sc.equipmentCost()
	return math.Round(total*100) / 100
}

// staffCost is what the run's staff cost: its pools on the roster it ran
// with (the scenario's, or a replayed one), as PlannedCost reckons them.
func (m *Model) staffCost() float64 {
	return m.sc.staffCostOf(func(i int) float64 {
		total := 0.0
		for _, ch := range m.pools[m.sc.Staff[i].Name].changes {
			total = dutySeconds(total, ch, m.tl.horizon)
		}
		return total / 3600
	})
}

// dutySeconds adds to total the staff-seconds a capacity schedule puts on
// the roster from its first change to horizon.
func dutySeconds(total float64, ch []sim.Change, horizon float64) float64 {
	for i, c := range ch {
		to := horizon
		if i+1 < len(ch) {
			to = ch[i+1].At
		}
		total += float64(c.Capacity) * (to - c.At)
	}
	return total
}
