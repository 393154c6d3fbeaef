package experiment_test

import (
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"

	"pgregory.net/rapid"
)

// TestAllowCutsKeepsFloors: mini.yaml with gate-crew shifts and a break
// drawn at random, and floors drawn at random (a least value for some
// capacities, a least number of gate crew on duty whenever the gate is
// open or over some hours), planned with --allow-cuts against a target
// any plan meets: the plan cuts, and never below a floor (nor below the
// input where the input is already under one, which the plan says).
func TestAllowCutsKeepsFloors(t *testing.T) {
	base, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	loose := targets(t, "express.door_time.p95 <= 48h")
	cuts, atFloor := 0, 0
	rapid.Check(t, func(rt *rapid.T) {
		sc := *base
		sc.Staff = append([]compound.Pool(nil), base.Staff...)
		crew := &sc.Staff[0]
		crew.Count = 0
		crew.Shifts = []compound.Shift{
			{From: 6 * 3600, To: 18 * 3600, Count: rapid.IntRange(1, 4).Draw(rt, "day")},
			{From: 18 * 3600, To: 6 * 3600, Count: rapid.IntRange(0, 2).Draw(rt, "night")},
		}
		if rapid.Bool().Draw(rt, "break") {
			crew.Breaks = []compound.Break{{At: 12 * 3600, Length: 1800, Count: 1}}
		}
		sc.Gate.Open = compound.Clock(3600 * rapid.IntRange(0, 8).Draw(rt, "open"))
		sc.Gate.Close = compound.Clock(3600 * rapid.IntRange(18, 24).Draw(rt, "close"))
		sc.Gate.Shelves = rapid.IntRange(0, 4).Draw(rt, "shelves")
		sc.Transfer.Carts = rapid.IntRange(1, 3).Draw(rt, "carts")
		sc.Disinfection.Space = 10 * rapid.IntRange(1, 8).Draw(rt, "space")
		floor := compound.DutyFloor{Pool: "gate-crew", Min: rapid.IntRange(1, 3).Draw(rt, "on duty"), From: 0, To: 24 * 3600}
		if rapid.Bool().Draw(rt, "gate open") {
			floor.During = compound.DuringGateOpen
		} else {
			from := rapid.IntRange(0, 23).Draw(rt, "from")
			to := rapid.IntRange(1, 30).Draw(rt, "to")
			if to%24 == from {
				to = from + 1
			}
			floor.From, floor.To = compound.Clock(3600*from), compound.Clock(3600*to)
		}
		sc.Floors = compound.Floors{OnDuty: []compound.DutyFloor{floor}}
		for _, path := range sc.CapacityPaths() {
			if v, _ := sc.Capacity(path); rapid.Bool().Draw(rt, "floor "+path) {
				sc.Floors.Knobs = append(sc.Floors.Knobs, compound.KnobFloor{Path: path, Min: rapid.IntRange(0, v+1).Draw(rt, "min "+path)})
			}
		}
		if errs := sc.Check(); len(errs) > 0 {
			rt.Fatalf("the generator made an invalid scenario: %v", errs)
		}
		p, err := experiment.MakePlan(context.Background(), &sc, experiment.PlanOptions{
			Options: experiment.Options{Replications: 2, Workers: 1}, Confirm: 3, MaxEvaluations: 40,
			Targets: loose, OnlyGiven: true, AllowCuts: true})
		if err != nil {
			rt.Fatal(err)
		}
		for _, f := range sc.Floors.Knobs {
			in, _ := sc.Capacity(f.Path)
			got, _ := p.Planned.Capacity(f.Path)
			if got < min(f.Min, in) {
				rt.Fatalf("%s cut to %d, below its floor %d (input %d)", f.Path, got, f.Min, in)
			}
			if got == f.Min && got < in {
				atFloor++
			}
		}
		if under := sc.DutyShortfalls(nil); len(p.UnderFloors) != len(under) {
			rt.Fatalf("the input is under its floors %v, the plan says %v", under, p.UnderFloors)
		}
		if s := p.Planned.DutyShortfalls(&sc); len(s) > 0 {
			rt.Fatalf("the plan breaks an on-duty floor: %v (shifts %+v)", s[0], p.Planned.Staff[0].Shifts)
		}
		for _, s := range p.Settings {
			if s.To < s.From {
				cuts++
			}
		}
	})
	if cuts == 0 || atFloor == 0 {
		t.Errorf("%d cuts, %d capacities cut to their floor: the property was not exercised", cuts, atFloor)
	}
}
