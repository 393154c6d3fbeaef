package record_test

import (
	"math"
	"slices"
	"testing"

	"cordon/sim"
	"cordon/sim/record"

	"pgregory.net/rapid"
)

// TestWorkPastShiftEndIsOvertime: a volunteer on duty 600 s (a ten-minute
// shift) takes a 1560 s task at once. The 960 s past the shift end are
// overtime, not work on duty: utilisation is 1 (busy all the 600 s on duty),
// not 1560/600 = 2.6, and so is the first hour's.
func TestWorkPastShiftEndIsOvertime(t *testing.T) {
	s := sim.New()
	r := s.NewResource("volunteers", 0)
	if _, err := s.NewRoster(r, []sim.Change{{At: 0, Capacity: 1}, {At: 600, Capacity: 0}}); err != nil {
		t.Fatal(err)
	}
	rec := record.NewResource(r, 0)
	if err := rec.Hourly(3600, 1); err != nil {
		t.Fatal(err)
	}
	s.Start(sim.NewFlow("run").Then(sim.Seize(r, 1), sim.Delay(sim.Constant(1560)), sim.Release(r, 1)), nil)
	s.RunUntil(3600)
	if rec.Overtime != 960 {
		t.Errorf("overtime %v, want 960", rec.Overtime)
	}
	if u := rec.Utilisation(3600); u != 1 {
		t.Errorf("utilisation %v, want 1", u)
	}
	if h := rec.HourlyUtilisation(3600); h[0] != 1 {
		t.Errorf("hourly utilisation %v, want [1]", h)
	}
}

// TestUtilisationIsAShare: whatever the roster (shifts on and off, units
// leaving mid-task and coming back) and the work, the utilisation over the
// run and in every hour is a share from 0 to 1, or NaN where no one was on
// duty.
func TestUtilisationIsAShare(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := sim.New()
		r := s.NewResource("crew", 0)
		n := rapid.IntRange(1, 8).Draw(rt, "changes")
		var changes []sim.Change
		for range n {
			changes = append(changes, sim.Change{
				At:       float64(rapid.IntRange(0, 4*3600).Draw(rt, "at")),
				Capacity: rapid.IntRange(0, 3).Draw(rt, "capacity"),
			})
		}
		slices.SortStableFunc(changes, func(a, b sim.Change) int { return int(a.At - b.At) })
		if _, err := s.NewRoster(r, changes); err != nil {
			rt.Fatal(err)
		}
		if rapid.Bool().Draw(rt, "suit") {
			r.SetDutyLimit(float64(rapid.IntRange(60, 3600).Draw(rt, "limit")), 600)
		}
		rec := record.NewResource(r, 0)
		if err := rec.Hourly(3600, 5); err != nil {
			rt.Fatal(err)
		}
		tasks := rapid.IntRange(0, 20).Draw(rt, "tasks")
		for range tasks {
			start := float64(rapid.IntRange(0, 4*3600).Draw(rt, "start"))
			d := float64(rapid.IntRange(1, 7200).Draw(rt, "length"))
			f := sim.NewFlow("task").Then(sim.Delay(sim.Constant(start)), sim.Seize(r, 1), sim.Delay(sim.Constant(d)), sim.Release(r, 1))
			s.Start(f, nil)
		}
		end := 5 * 3600.0
		s.RunUntil(end)
		share := func(u float64) bool { return math.IsNaN(u) || u >= 0 && u <= 1 }
		if u := rec.Utilisation(end); !share(u) {
			rt.Fatalf("utilisation %v", u)
		}
		for h, u := range rec.HourlyUtilisation(end) {
			if !share(u) {
				rt.Fatalf("hour %d: utilisation %v", h, u)
			}
		}
	})
}
