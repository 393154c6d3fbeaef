package experiment_test

import (
	"context"
	"fmt"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/random"

	"pgregory.net/rapid"
)

// TestInvariantsBuiltins: every built-in scenario's outcome holds the
// invariants of experiment.CheckInvariants.
func TestInvariantsBuiltins(t *testing.T) {
	builtins := scenarios.Builtins()
	if len(builtins) == 0 {
		t.Fatal("no built-in scenarios")
	}
	for _, b := range builtins {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			out := run(t, load(t, b.Name), 3)
			if err := experiment.CheckInvariants(out); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestInvariantsRandomScenarios: small scenarios drawn at random (short
// shifts, long doors, breaks, suits, full gates, impatient couriers, fast
// or instant rounds) hold the invariants too.
func TestInvariantsRandomScenarios(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		sc := randomScenario(rt)
		if errs := sc.Check(); len(errs) > 0 {
			rt.Fatalf("the generator made an invalid scenario: %v", errs)
		}
		out, err := experiment.Run(context.Background(), sc, experiment.Options{Workers: 1})
		if err != nil {
			rt.Fatal(err)
		}
		if err := experiment.CheckInvariants(out); err != nil {
			rt.Fatal(err)
		}
	})
}

// TestCheckInvariantsCatches: the check is not vacuous: a share above one
// and an interval that leaves out its mean are reported.
func TestCheckInvariantsCatches(t *testing.T) {
	out := run(t, load(t, "baseline"), 2)
	if err := experiment.CheckInvariants(out); err != nil {
		t.Fatal(err)
	}
	k, ok := out.KPI("staff.gate-crew.utilisation")
	if !ok {
		t.Fatal("no staff.gate-crew.utilisation")
	}
	i := 0
	for out.KPIs[i].Name != k.Name {
		i++
	}
	out.Runs[1].Values[i] = 2.6
	if experiment.CheckInvariants(out) == nil {
		t.Error("a utilisation of 260% in a replication passes")
	}
	out.Runs[1].Values[i] = k.Values[1]
	out.KPIs[i].High = out.KPIs[i].Mean / 2
	if experiment.CheckInvariants(out) == nil {
		t.Error("an interval below its mean passes")
	}
}

// randomScenario draws a small valid scenario: one or two zones of one or
// two buildings, every required task, and at random a sampling round,
// garbage and special needs.
func randomScenario(rt *rapid.T) *compound.Scenario {
	minutes := func(label string, lo, hi int) float64 { return 60 * float64(rapid.IntRange(lo, hi).Draw(rt, label)) }
	dist := func(label string, lo, hi int) compound.Dist {
		a := minutes(label+" min", lo, hi)
		switch rapid.IntRange(0, 2).Draw(rt, label+" kind") {
		case 0:
			return compound.Const(a)
		case 1:
			return compound.Dist{Spec: random.Spec{Family: random.FamilyUniform, Min: a, Max: a + minutes(label+" spread", 0, hi)}}
		}
		return compound.Dist{Spec: random.Spec{Family: random.FamilyExponential, Mean: a + 1}}
	}
	clock := func(label string) compound.Clock { return compound.Clock(minutes(label, 0, 24*60-1)) }
	// pool is a pool doing tasks, on all day or on a few shifts.
	pool := func(name string, perZone bool, tasks ...string) compound.Pool {
		p := compound.Pool{Name: name, PerZone: perZone, HourCost: 40}
		for i, t := range tasks {
			p.Tasks = append(p.Tasks, compound.Task{Task: t, Priority: i})
		}
		if rapid.Bool().Draw(rt, name+" all day") {
			p.Count = rapid.IntRange(1, 3).Draw(rt, name+" count")
		} else {
			from := clock(name + " from")
			p.Shifts = []compound.Shift{{From: from, To: from + compound.Clock(minutes(name+" shift", 10, 12*60)), Count: rapid.IntRange(0, 3).Draw(rt, name+" shift count")}}
			if p.Shifts[0].To >= 24*3600 {
				p.Shifts[0].To -= 24 * 3600
			}
		}
		if rapid.Bool().Draw(rt, name+" break") {
			p.Breaks = []compound.Break{{At: clock(name + " break at"), Length: compound.Duration(minutes(name+" break length", 5, 60)), Count: 1}}
		}
		if rapid.Bool().Draw(rt, name+" suit") {
			p.Suit = &compound.Suit{Limit: compound.Duration(minutes(name+" suit limit", 10, 240)), Changeover: compound.Duration(minutes(name+" changeover", 0, 30))}
		}
		return p
	}
	sc := &compound.Scenario{
		Name: "random", Seed: rapid.Uint64().Draw(rt, "seed"), Replications: rapid.IntRange(2, 3).Draw(rt, "replications"),
		Horizon: compound.Horizon{Start: clock("start"), Days: 1},
		Gate: compound.Gate{Open: 0, Close: 24 * 3600, Ground: rapid.IntRange(1, 50).Draw(rt, "ground"), ShelfSlots: 40, ContainerSlots: 150,
			WhenFull:        rapid.SampledFrom([]string{"wait", "turn-away"}).Draw(rt, "when full"),
			CourierPatience: compound.Duration(minutes("patience", 0, 60)), Intake: dist("intake", 0, 5)},
		Transfer:     compound.Transfer{Carts: rapid.IntRange(1, 3).Draw(rt, "carts"), Capacity: rapid.IntRange(1, 20).Draw(rt, "cart capacity"), Fill: compound.Duration(minutes("cart fill", 0, 20)), Trip: dist("trip", 0, 10), Load: compound.Const(5)},
		Disinfection: compound.Disinfection{Space: rapid.IntRange(1, 50).Draw(rt, "space"), Dwell: dist("dwell", 0, 30)},
		Sorting:      compound.Sorting{Time: dist("sorting", 0, 2)},
		Delivery:     compound.Delivery{ItemsPerRun: rapid.IntRange(1, 10).Draw(rt, "items per run"), Fill: compound.Duration(minutes("run fill", 0, 45)), Door: dist("door", 0, 30)},
		Costs:        compound.Costs{Shelf: 300, Container: 1500, Cart: 200, DisinfectionSlot: 20, Medical: 800},
	}
	zones := rapid.IntRange(1, 2).Draw(rt, "zones")
	for z := range zones {
		zone := compound.Zone{Name: fmt.Sprintf("z%d", z), Walk: dist("walk", 0, 8), Site: "s", WalkToSite: dist("walk to site", 0, 5)}
		for b := range rapid.IntRange(1, 2).Draw(rt, "buildings") {
			id := fmt.Sprintf("b%d.%d", z, b)
			households := rapid.IntRange(0, 20).Draw(rt, "households")
			sc.Buildings = append(sc.Buildings, compound.Building{ID: id, Households: households, Residents: households * 2, Walk: compound.Const(0)})
			zone.Buildings = append(zone.Buildings, id)
		}
		sc.Zones = append(sc.Zones, zone)
	}
	for i := range rapid.IntRange(1, 2).Draw(rt, "kinds") {
		k := compound.Kind{Name: fmt.Sprintf("kind%d", i), PerDay: float64(rapid.IntRange(0, 300).Draw(rt, "per day")),
			Batch: rapid.SampledFrom([]compound.Dist{compound.Const(1), compound.Const(7),
				{Spec: random.Spec{Family: random.FamilyUniform, Min: 0, Max: 3}},
				{Spec: random.Spec{Family: random.FamilyExponential, Mean: 0.8}}}).Draw(rt, "batch"),
			Priority: i, Hot: rapid.Bool().Draw(rt, "hot"),
			Target: compound.Duration(minutes("target", 0, 120))}
		if rapid.Bool().Draw(rt, "profile") {
			k.Profile = []float64{0, 1, 3, 0}
		}
		sc.Kinds = append(sc.Kinds, k)
	}
	sc.Staff = []compound.Pool{
		pool("gate", false, compound.TaskIntake, compound.TaskTransfer, compound.TaskSorting),
		pool("volunteers", true, compound.TaskDelivery, compound.TaskGarbage),
		pool("workers", false, compound.TaskSpecialNeeds, compound.TaskLabRun, compound.TaskDoorToDoor),
	}
	if rapid.Bool().Draw(rt, "sampling") {
		sc.Sampling = &compound.Sampling{Start: clock("round start"), Day: 1,
			Sites:        []compound.Site{{Name: "s", Registration: rapid.IntRange(0, 2).Draw(rt, "registration"), Swab: rapid.IntRange(1, 3).Draw(rt, "swab")}},
			Calling:      compound.Calling{Interval: compound.Duration(minutes("interval", 1, 30)), PerWave: rapid.IntRange(1, 3).Draw(rt, "per wave"), ComeDown: dist("come down", 0, 20)},
			Registration: dist("registration time", 0, 1), Swab: dist("swab time", 0, 1),
			Pooling:    compound.Pooling{PerTube: 2, TubesPerBox: 5, Every: 1800, Trip: dist("lab trip", 0, 40)},
			DoorToDoor: compound.DoorToDoor{Share: float64(rapid.IntRange(0, 10).Draw(rt, "at home")) / 10, Visit: dist("visit", 0, 10)}}
		if sc.Sampling.Start < sc.Horizon.Start {
			sc.Sampling.Start = sc.Horizon.Start
		}
	}
	if rapid.Bool().Draw(rt, "garbage") {
		sc.Garbage = &compound.Garbage{From: clock("garbage from"), To: clock("garbage to"), BagsPerHousehold: 1, PerBag: dist("bag", 0, 1)}
	}
	if rapid.Bool().Draw(rt, "special needs") {
		sc.SpecialNeeds = &compound.SpecialNeeds{PerDay: float64(rapid.IntRange(0, 30).Draw(rt, "cards")), Handling: dist("handling", 0, 60),
			TripShare: 0.5, Trip: dist("needs trip", 0, 60), Target: compound.Duration(minutes("needs target", 0, 120))}
	}
	return sc
}
