package compound

import (
	"slices"
	"strings"
	"testing"
)

// onDuty is the count the roster puts on duty in group name (of pool) at
// time t, as a replay reads it.
func onDuty(sc *Scenario, roster []RosterEntry, name, pool string, t float64) int {
	ch, ok := rosterFor(roster, name, pool, sc.timeline().horizon)
	if !ok {
		return -1
	}
	return schedule(ch).at(t)
}

// halfGate is small's gate pool logged at 1 by day (the plan has 2) with
// a lunch break of its own, and 1 at night as planned; the volunteers
// logged for the north zone only.
func halfGate() []RosterEntry {
	return []RosterEntry{
		{Pool: "gate", From: 0, To: 5 * 3600, Count: 1},
		{Pool: "gate", From: 5 * 3600, To: 5.5 * 3600, Count: 0},
		{Pool: "gate", From: 5.5 * 3600, To: 12 * 3600, Count: 1},
		{Pool: "gate", From: 12 * 3600, To: 24 * 3600, Count: 1},
		{Pool: "volunteers/north", From: 0, To: 24 * 3600, Count: 1},
	}
}

// TestSetRosterSetsTheShiftsCount: --set staff.gate.shifts[0].count=3 on a
// day whose roster names the gate puts 3 on duty wherever the day shift
// (07:00–19:00) covers, the roster's own break included, and leaves the
// night as logged; a pool the set does not touch keeps its entries.
func TestSetRosterSetsTheShiftsCount(t *testing.T) {
	sc := small()
	changed := *sc
	changed.Staff = slices.Clone(sc.Staff)
	changed.Staff[0].Shifts = slices.Clone(sc.Staff[0].Shifts)
	changed.Staff[0].Shifts[0].Count = 3
	roster, pools, err := SetRoster(sc, &changed, halfGate(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pools, []string{"gate"}) {
		t.Errorf("pools changed %v, want [gate]", pools)
	}
	for _, c := range []struct {
		at   float64
		want int
	}{{0, 3}, {5.2 * 3600, 3}, {11.9 * 3600, 3}, {12 * 3600, 1}, {23 * 3600, 1}} {
		if got := onDuty(sc, roster, "gate", "gate", c.at); got != c.want {
			t.Errorf("gate at %.1f h: %d on duty, want %d", c.at/3600, got, c.want)
		}
	}
	if got := onDuty(sc, roster, "volunteers/north", "volunteers", 3600); got != 1 {
		t.Errorf("north volunteers: %d, want the logged 1", got)
	}
	if got := onDuty(sc, roster, "volunteers/south", "volunteers", 3600); got != -1 {
		t.Errorf("south volunteers: the roster never named them, yet it has %d", got)
	}
	// Setting the plan's own count (2) still sets it on the roster, which
	// has 1.
	roster, pools, err = SetRoster(sc, sc, halfGate(), map[string][]int{"gate": {0}})
	if err != nil || !slices.Equal(pools, []string{"gate"}) {
		t.Fatalf("pools %v, error %v", pools, err)
	}
	if got := onDuty(sc, roster, "gate", "gate", 3600); got != 2 {
		t.Errorf("gate with its day shift set to the plan's 2: %d on duty", got)
	}
}

// TestSetRosterRefusesMovedShifts: a --set that moves a shift of a pool
// the roster names cannot be applied to the roster, and says so, naming
// the pool; the same set on a pool the roster does not name is no conflict.
func TestSetRosterRefusesMovedShifts(t *testing.T) {
	sc := small()
	changed := *sc
	changed.Staff = slices.Clone(sc.Staff)
	changed.Staff[0].Shifts = slices.Clone(sc.Staff[0].Shifts)
	changed.Staff[0].Shifts[0].From += 3600
	_, _, err := SetRoster(sc, &changed, halfGate(), nil)
	if err == nil || !strings.Contains(err.Error(), "gate") || !strings.Contains(err.Error(), "shifts or breaks") {
		t.Fatalf("moving the gate's shift on a roster that names it: %v", err)
	}
	if _, pools, err := SetRoster(sc, &changed, halfGate()[4:], nil); err != nil || len(pools) != 0 {
		t.Errorf("a roster without the gate: pools %v, error %v", pools, err)
	}
}

// TestShiftRosterAddsThePlansDifference: --vs a scenario with one more on
// the gate's day shift adds one to the logged count in that shift (1 → 2,
// the logged break 0 → 1), not the plan's count.
func TestShiftRosterAddsThePlansDifference(t *testing.T) {
	sc := small()
	changed := *sc
	changed.Staff = slices.Clone(sc.Staff)
	changed.Staff[0].Shifts = slices.Clone(sc.Staff[0].Shifts)
	changed.Staff[0].Shifts[0].Count = 3
	roster, pools, clipped, err := ShiftRoster(sc, &changed, halfGate())
	if err != nil || len(clipped) > 0 || !slices.Equal(pools, []string{"gate"}) {
		t.Fatalf("pools %v, clipped %v, error %v", pools, clipped, err)
	}
	for _, c := range []struct {
		at   float64
		want int
	}{{0, 2}, {5.2 * 3600, 1}, {6 * 3600, 2}, {12 * 3600, 1}} {
		if got := onDuty(sc, roster, "gate", "gate", c.at); got != c.want {
			t.Errorf("gate at %.1f h: %d on duty, want %d", c.at/3600, got, c.want)
		}
	}
	changed.Staff[0].Shifts[0].Count = 0 // two fewer than planned: the roster has one
	if _, _, clipped, _ := ShiftRoster(sc, &changed, halfGate()); !slices.Equal(clipped, []string{"gate"}) {
		t.Errorf("taking off more than the roster has: clipped %v, want [gate]", clipped)
	}
}

// TestRestoreRosterAndShortfalls: the gate logged at 1 where the plan has
// 2 (and at 0 during the plan's lunch break of one) is one short for 12
// hours; restored, it has the plan's count by day, its break included, and
// keeps the night's 1.
func TestRestoreRosterAndShortfalls(t *testing.T) {
	sc := small()
	sf := sc.Shortfalls(halfGate())
	if len(sf) != 2 || sf[0].Pool != "gate" || sf[0].MostMissing != 1 || sf[0].StaffHours != 12 {
		t.Fatalf("shortfalls %+v, want the gate 12 staff-hours, 1 at once, then the volunteers", sf)
	}
	roster := sc.RestoreRoster(halfGate(), "gate")
	for _, c := range []struct {
		at   float64
		want int
	}{{0, 2}, {5.2 * 3600, 1}, {6 * 3600, 2}, {12 * 3600, 1}} {
		if got := onDuty(sc, roster, "gate", "gate", c.at); got != c.want {
			t.Errorf("restored gate at %.1f h: %d on duty, want %d", c.at/3600, got, c.want)
		}
	}
}
