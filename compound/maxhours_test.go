package compound

import (
	"math"
	"testing"
)

// dayTurn gives small's volunteers one turn, 07:00-16:00 with 2 in each
// zone, and none on duty afterwards, under a max_hours of limit: every
// second of their overtime is kept on at the end of that turn.
func dayTurn(t *testing.T, limit float64) *Scenario {
	t.Helper()
	sc := small()
	v := &sc.Staff[3]
	from, _ := ParseClock("07:00")
	to, _ := ParseClock("16:00")
	v.Count, v.Shifts, v.MaxHours = 0, []Shift{{From: from, To: to, Count: 2}}, limit
	return sc
}

// TestHoursOverMaxFromOvertime: a person kept on past a turn as long as
// max_hours to finish a delivery works every second of the overtime past
// the limit; with an hour more of limit only the overtime past that hour
// counts; without a limit none does. Nobody is sent off mid-task.
func TestHoursOverMaxFromOvertime(t *testing.T) {
	kept := false
	for rep := range 4 {
		at9 := dayTurn(t, 9)
		_, res := runModel(t, at9, rep, Options{})
		over := value(t, at9, res, "staff.volunteers.overtime")
		past := value(t, at9, res, "staff.volunteers.hours_over_max") * 3600
		if math.Abs(past-over) > 1e-6 {
			t.Errorf("rep %d, max_hours 9: %v s past the limit, %v s of overtime after a 9-hour turn", rep, past, over)
		}
		kept = kept || over > 0
		at10 := dayTurn(t, 10)
		_, res10 := runModel(t, at10, rep, Options{})
		if past10 := value(t, at10, res10, "staff.volunteers.hours_over_max") * 3600; past10 > math.Max(over-3600, 0)+1e-6 {
			t.Errorf("rep %d, max_hours 10: %v s past the limit, with %v s of overtime after a 9-hour turn", rep, past10, over)
		}
		free := dayTurn(t, 0)
		_, resFree := runModel(t, free, rep, Options{})
		if v := value(t, free, resFree, "staff.volunteers.hours_over_max"); v != 0 {
			t.Errorf("rep %d, no limit: %v h past it", rep, v)
		}
	}
	if !kept {
		t.Fatal("no volunteer was kept on past 16:00 in any replication: the test shows nothing")
	}
}

// TestHoursOverMaxFromRoster: a logged roster whose north volunteers are
// on for 17 hours under a limit of 9 is replayed as it was, not refused; a
// row is a span of a count, not one person's turn, so only the overtime at
// its end counts past the limit, every second of it (as south's, planned,
// after a 9-hour turn).
func TestHoursOverMaxFromRoster(t *testing.T) {
	sc := dayTurn(t, 9)
	roster := []RosterEntry{{Pool: "volunteers/north", From: 0, To: 17 * 3600, Count: 2}}
	if errs := sc.CheckReplay(nil, roster); len(errs) > 0 {
		t.Fatal(errs)
	}
	kept := false
	for rep := range 4 {
		_, res := runModel(t, sc, rep, Options{Roster: roster})
		over := value(t, sc, res, "staff.volunteers.overtime")
		past := value(t, sc, res, "staff.volunteers.hours_over_max") * 3600
		if math.Abs(past-over) > 1e-6 {
			t.Errorf("rep %d: %v s past the limit, want the %v s of overtime at the ends of the rows, all past the limit", rep, past, over)
		}
		kept = kept || over > 0
	}
	if !kept {
		t.Fatal("nobody kept on in any replication: the test shows nothing")
	}
}

// TestReinforcementsWithinMaxHours: reinforcements are people of the pool
// on duty for the event's length, which may not be longer than the pool's
// max_hours (to the end of the run counts from the event's time); an
// absence may be as long as it likes.
func TestReinforcementsWithinMaxHours(t *testing.T) {
	at, _ := ParseClock("08:00")
	for _, tc := range []struct {
		name string
		s    StaffChange
		want string // "" for none
	}{
		{"a turn", StaffChange{Pool: "volunteers", Change: 2, For: 9 * 3600}, ""},
		{"a long day", StaffChange{Pool: "volunteers", Zone: "north", Change: 2, For: 12 * 3600},
			"events[0].staff.for: 2 more of volunteers for 12h, above the pool's max_hours (9h): give one event for each turn"},
		{"to the end of the run", StaffChange{Pool: "volunteers", Change: 1},
			"events[0].staff.for: 1 more of volunteers for 23h (to the end of the run), above the pool's max_hours (9h): give one event for each turn"},
		{"an absence", StaffChange{Pool: "volunteers", Change: -1, For: 48 * 3600}, ""},
		{"a team off", StaffChange{Pool: "volunteers", Zone: "north", AllOff: true}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := dayTurn(t, 9)
			s := tc.s
			sc.Events = []Event{{Day: 1, At: at, Staff: &s}}
			var got []string
			for _, err := range sc.Check() {
				got = append(got, err.Error())
			}
			wantOneError(t, got, tc.want)
		})
	}
}
