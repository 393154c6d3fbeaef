package sim

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// setCapAt changes r's capacity at time t, as a shift change does.
func setCapAt(s *Sim, t float64, r *Resource, n int) {
	s.Schedule(t, PriorityShift, HandlerFunc(func() { r.SetCapacity(n) }))
}

// duty renders the duty events a monitor saw: kind, unit, time and overtime.
func duty(m *resRec) string {
	var b []string
	for _, ev := range m.evs {
		switch ev.Kind {
		case ResourceUnitOn, ResourceUnitOff, ResourceUnitRest:
			if ev.Entity != nil {
				b = append(b, "entity on a duty event")
			}
			b = append(b, fmt.Sprintf("%v u%d@%g+%g", ev.Kind, ev.Unit, ev.Time, ev.Overtime))
		}
	}
	return strings.Join(b, ", ")
}

func wantDuty(t *testing.T, m *resRec, want ...string) {
	t.Helper()
	if got, w := duty(m), strings.Join(want, ", "); got != w {
		t.Errorf("duty events\n got: %s\nwant: %s", got, w)
	}
}

func TestSetCapacityDownBusyUnitsFinish(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	m := &resRec{}
	r.SetMonitor(m)
	// A (0..10) on unit 0, B (1..21) on unit 1. At 5 the shift ends: both
	// finish their tasks, unit 0 goes off at 10 with 5 s overtime, unit 1 at
	// 21 with 16 s. C at 12 waits: nobody is on duty.
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	startAt(s, 1, job(j, r, 1, 20), "B", 0)
	setCapAt(s, 5, r, 0)
	startAt(s, 12, job(j, r, 1, 1), "C", 0)
	s.RunUntil(6)
	if r.Capacity() != 0 || r.Busy() != 2 || r.Available() != 0 || r.Idle() != 0 {
		t.Errorf("at 6: capacity %d busy %d available %d idle %d", r.Capacity(), r.Busy(), r.Available(), r.Idle())
	}
	s.Run()
	j.want(t, "A start@0", "B start@1", "A end@10", "B end@21")
	wantDuty(t, m, "unit-off u0@10+5", "unit-off u1@21+16")
	if r.Busy() != 0 || r.Queued() != 1 {
		t.Errorf("busy %d queued %d", r.Busy(), r.Queued())
	}
}

func TestSetCapacityDownTakesEarliestTask(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	m := &resRec{}
	r.SetMonitor(m)
	// A (0..10) on unit 0, B (1..21) on unit 1. At 5 one unit goes: the task
	// begun earliest, A's. C at 6 waits: unit 0 is finishing past its shift
	// and goes off at 10, so C gets unit 1 when B ends at 21.
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	startAt(s, 1, job(j, r, 1, 20), "B", 0)
	setCapAt(s, 5, r, 1)
	startAt(s, 6, job(j, r, 1, 2), "C", 0)
	s.Run()
	j.want(t, "A start@0", "B start@1", "A end@10", "B end@21", "C start@21", "C end@23")
	wantDuty(t, m, "unit-off u0@10+5")
}

func TestSetCapacityOrderOfGoingOff(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 3)
	m := &resRec{}
	r.SetMonitor(m)
	// A uses unit 0 0..2; idle then: unit 1 and 2 (since 0), unit 0 (since
	// 2). Going down to 2 at 5 and to 1 at 6 takes the ones idle longest:
	// unit 1, then unit 2. Back to 3 at 7: the off units come on again, 1
	// then 2, idle since 7, so unit 0 (idle since 2) is taken first.
	startAt(s, 0, job(j, r, 1, 2), "A", 0)
	setCapAt(s, 5, r, 2)
	setCapAt(s, 6, r, 1)
	setCapAt(s, 7, r, 3)
	var units []int32
	f := NewFlow("f").Then(Seize(r, 1), Do(func(e *Entity) { units = append(units, e.held[0].unit) }), Park())
	for range 3 {
		at(s, 8, func() { s.Start(f, nil) })
	}
	s.Run()
	wantDuty(t, m, "unit-off u1@5+0", "unit-off u2@6+0", "unit-on u1@7+0", "unit-on u2@7+0")
	if len(units) != 3 || units[0] != 0 || units[1] != 1 || units[2] != 2 {
		t.Errorf("units taken %v, want [0 1 2]", units)
	}
	if r.Units() != 3 {
		t.Errorf("Units = %d, want 3", r.Units())
	}
}

func TestSetCapacityUpServesQueue(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	m := &resRec{}
	r.SetMonitor(m)
	// One unit, A 0..10; B and C queue at 1. Two more units at 4 serve both
	// at once.
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	startAt(s, 1, job(j, r, 1, 10), "B", 0)
	startAt(s, 1, job(j, r, 1, 10), "C", 0)
	setCapAt(s, 4, r, 3)
	s.Run()
	j.want(t, "A start@0", "B start@4", "C start@4", "A end@10", "B end@14", "C end@14")
	wantDuty(t, m, "unit-on u1@4+0", "unit-on u2@4+0")
	g := m.of(ResourceGranted)
	if len(g) != 3 || g[1].Waited != 3 || g[2].Waited != 3 {
		t.Errorf("grants %+v", g)
	}
}

func TestSetCapacityNegativeIsZero(t *testing.T) {
	s := New()
	r := s.NewResource("r", -3)
	if r.Capacity() != 0 || r.Units() != 0 {
		t.Errorf("capacity %d units %d", r.Capacity(), r.Units())
	}
	r.SetCapacity(2)
	r.SetCapacity(-1)
	if r.Capacity() != 0 || r.Idle() != 0 {
		t.Errorf("capacity %d idle %d", r.Capacity(), r.Idle())
	}
}

func TestComingBackCancelsLeaving(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	m := &resRec{}
	r.SetMonitor(m)
	// A 0..10. Off at 4, back on at 6, while A's task goes on: the unit does
	// not go off at 10; B (queued at 8) takes it at 10.
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	setCapAt(s, 4, r, 0)
	setCapAt(s, 6, r, 1)
	startAt(s, 8, job(j, r, 1, 5), "B", 0)
	s.RunUntil(5)
	if r.Capacity() != 0 || r.Busy() != 1 {
		t.Errorf("at 5: capacity %d busy %d", r.Capacity(), r.Busy())
	}
	s.Run()
	j.want(t, "A start@0", "A end@10", "B start@10", "B end@15")
	// No unit went off; the unit was put back on duty at 6.
	wantDuty(t, m, "unit-on u0@6+0")
	if r.Units() != 1 || r.Capacity() != 1 || r.Idle() != 1 {
		t.Errorf("units %d capacity %d idle %d", r.Units(), r.Capacity(), r.Idle())
	}
}

func TestRoster(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 0)
	m := &resRec{}
	r.SetMonitor(m)
	ro, err := s.NewRoster(r, []Change{{0, 2}, {60, 1}, {120, 3}, {120, 2}, {200, 0}})
	if err != nil {
		t.Fatal(err)
	}
	// Two on at 0: A (0..100) on unit 0, B (0..70) on unit 1. At 60 one
	// goes: the earliest task, tie broken by unit order: unit 0, which goes
	// off at 100 with 40 s overtime. C (80..90) gets unit 1. At 120 the
	// second change at 120 replaces the first: two on, unit 0 comes back.
	// At 200 both go off (idle, no overtime): unit 1 idle since 90 first.
	startAt(s, 0, job(j, r, 1, 100), "A", 0)
	startAt(s, 0, job(j, r, 1, 70), "B", 0)
	startAt(s, 80, job(j, r, 1, 10), "C", 0)
	capAt := map[float64]int{}
	for _, x := range []float64{30, 61, 110, 150, 250} {
		at(s, x, func() { capAt[x] = r.Capacity() })
	}
	s.Run()
	j.want(t, "A start@0", "B start@0", "B end@70", "C start@80", "C end@90", "A end@100")
	wantDuty(t, m, "unit-on u0@0+0", "unit-on u1@0+0", "unit-off u0@100+40", "unit-on u0@120+0",
		"unit-off u1@200+0", "unit-off u0@200+0")
	for tm, w := range map[float64]int{30: 2, 61: 1, 110: 1, 150: 2, 250: 0} {
		if capAt[tm] != w {
			t.Errorf("capacity at %v = %d, want %d", tm, capAt[tm], w)
		}
	}
	for _, x := range []struct {
		t float64
		c int
	}{{-1, 0}, {0, 2}, {59.9, 2}, {60, 1}, {119, 1}, {120, 2}, {199, 2}, {200, 0}, {1e9, 0}} {
		if got := ro.CapacityAt(x.t); got != x.c {
			t.Errorf("CapacityAt(%v) = %d, want %d", x.t, got, x.c)
		}
	}
}

func TestRosterShiftChangeComesFirst(t *testing.T) {
	// A worker coming on at 100 takes a task that arrives at 100; one going
	// off at 100 while finishing a task that ends at 100 does so with no
	// overtime.
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 0)
	b := s.NewResource("b", 0)
	m := &resRec{}
	b.SetMonitor(m)
	if _, err := s.NewRoster(a, []Change{{100, 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.NewRoster(b, []Change{{0, 1}, {100, 0}}); err != nil {
		t.Fatal(err)
	}
	startAt(s, 100, job(j, a, 1, 5), "A", 0)
	startAt(s, 0, job(j, b, 1, 100), "B", 0)
	s.Run()
	j.want(t, "B start@0", "A start@100", "B end@100", "A end@105")
	wantDuty(t, m, "unit-on u0@0+0", "unit-off u0@100+0")
}

func TestRosterCreatedLate(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	s.RunUntil(50)
	ro, err := s.NewRoster(r, []Change{{0, 4}, {40, 2}, {100, 3}})
	if err != nil {
		t.Fatal(err)
	}
	// Created at 50: the change at 40 is in force at once; before the first
	// change the capacity was the one the resource had (1).
	if r.Capacity() != 2 || ro.CapacityAt(-5) != 1 || ro.CapacityAt(45) != 2 {
		t.Errorf("capacity %d, CapacityAt(-5) %d, CapacityAt(45) %d", r.Capacity(), ro.CapacityAt(-5), ro.CapacityAt(45))
	}
	s.RunUntil(101)
	if r.Capacity() != 3 {
		t.Errorf("capacity at 101 = %d, want 3", r.Capacity())
	}
}

func TestRosterErrors(t *testing.T) {
	for _, x := range []struct {
		name    string
		changes []Change
		msg     string
	}{
		{"negative time", []Change{{-1, 1}}, "time must be finite and >= 0"},
		{"NaN time", []Change{{0, 1}, {math.NaN(), 2}}, "time must be finite and >= 0"},
		// Regression: +Inf passed the check and then panicked when the
		// change was scheduled.
		{"infinite time", []Change{{0, 1}, {math.Inf(1), 0}}, "time must be finite and >= 0"},
		{"negative capacity", []Change{{0, 1}, {5, -2}}, "capacity must be >= 0"},
		{"out of order", []Change{{10, 1}, {5, 2}}, "time order"},
	} {
		s := New()
		r := s.NewResource("r", 1)
		ro, err := s.NewRoster(r, x.changes)
		if err == nil || ro != nil || !strings.Contains(err.Error(), x.msg) {
			t.Errorf("%s: roster %v, error %v", x.name, ro, err)
		}
		if r.Capacity() != 1 || s.Pending() != 0 {
			t.Errorf("%s: a rejected roster changed things", x.name)
		}
	}
	s := New()
	r := s.NewResource("r", 1)
	if ro, err := s.NewRoster(r, nil); err != nil || ro.CapacityAt(10) != 1 {
		t.Errorf("empty roster: %v", err)
	}
}

func TestDutyLimit(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 0)
	r.SetDutyLimit(100, 30)
	r.SetCapacity(1)
	m := &resRec{}
	r.SetMonitor(m)
	// On at 0, limit at 100. A works 90..120: the unit finishes, rests
	// 120..150 with 20 s overtime. B arrives at 130 and waits for it: 150..160.
	// Next limit at 250 (idle): rest 250..280.
	startAt(s, 90, job(j, r, 1, 30), "A", 0)
	startAt(s, 130, job(j, r, 1, 10), "B", 0)
	var resting, avail, capty int
	at(s, 140, func() { resting, avail, capty = r.Resting(), r.Available(), r.Capacity() })
	s.RunUntil(300)
	j.want(t, "A start@90", "A end@120", "B start@150", "B end@160")
	wantDuty(t, m, "unit-rest u0@120+20", "unit-on u0@150+0", "unit-rest u0@250+0", "unit-on u0@280+0")
	if resting != 1 || avail != 0 || capty != 1 {
		t.Errorf("at 140: resting %d available %d capacity %d, want 1 0 1", resting, avail, capty)
	}
	if g := m.of(ResourceGranted); len(g) != 2 || g[1].Waited != 20 {
		t.Errorf("grants %+v", g)
	}
}

// Regression: SetDutyLimit on a resource whose units are already on duty
// (NewResource with a capacity) had no effect: only units coming on later got
// a duty timer.
func TestDutyLimitAppliesToUnitsOnDuty(t *testing.T) {
	s := New()
	r := s.NewResource("r", 2)
	r.SetDutyLimit(100, 30)
	m := &resRec{}
	r.SetMonitor(m)
	j := &journal{s: s}
	// Unit 0 works A 50..120: rests 120..150 (20 s overtime); unit 1 idle
	// rests 100..130.
	startAt(s, 50, job(j, r, 1, 70), "A", 0)
	s.RunUntil(200)
	wantDuty(t, m, "unit-rest u1@100+0", "unit-rest u0@120+20", "unit-on u1@130+0", "unit-on u0@150+0")
}

// Regression: a unit going off while busy, then put back on duty before its
// task ended, lost its duty limit (and a rest already due) and never rested
// again.
func TestDutyLimitSurvivesComingBack(t *testing.T) {
	for _, x := range []struct {
		name     string
		task     float64 // A works 80..80+task
		off, on  float64 // capacity 0 at off, 1 at on (on < 0: stays off)
		wantDuty []string
	}{
		{
			// Limit at 100 while busy; off at 105, back at 107. A ends at 110:
			// the unit rests 110..160 with 10 s overtime (past the limit).
			name: "limit then off then on", task: 30, off: 105, on: 107,
			wantDuty: []string{"unit-on u0@107+0", "unit-rest u0@110+10", "unit-on u0@160+0", "unit-rest u0@260+0", "unit-on u0@310+0"},
		},
		{
			// Off at 90, limit at 100 while leaving, back on at 120; A ends at
			// 130: rest 130..180, 30 s past the limit.
			name: "off then limit then on", task: 50, off: 90, on: 120,
			wantDuty: []string{"unit-on u0@120+0", "unit-rest u0@130+30", "unit-on u0@180+0", "unit-rest u0@280+0", "unit-on u0@330+0"},
		},
		{
			// Limit at 100, off at 110: the unit goes off at 130 with the
			// overtime counted from the limit, the earlier of the two: 30.
			name: "limit then off", task: 50, off: 110, on: -1,
			wantDuty: []string{"unit-off u0@130+30"},
		},
		{
			// Off at 90, limit at 100: off at 130, 40 s past the shift end.
			name: "off then limit", task: 50, off: 90, on: -1,
			wantDuty: []string{"unit-off u0@130+40"},
		},
		{
			// Off at 90, goes off at 130; on again at 140 for a fresh
			// stretch: limit at 240, no stray rest from the old stretch.
			name: "off, gone, on again", task: 50, off: 90, on: 140,
			wantDuty: []string{"unit-off u0@130+40", "unit-on u0@140+0", "unit-rest u0@240+0", "unit-on u0@290+0"},
		},
	} {
		s := New()
		r := s.NewResource("r", 0)
		r.SetDutyLimit(100, 50)
		r.SetCapacity(1)
		m := &resRec{}
		r.SetMonitor(m)
		j := &journal{s: s}
		startAt(s, 80, job(j, r, 1, x.task), "A", 0)
		setCapAt(s, x.off, r, 0)
		if x.on >= 0 {
			setCapAt(s, x.on, r, 1)
		}
		s.RunUntil(340)
		if got, w := duty(m), strings.Join(x.wantDuty, ", "); got != w {
			t.Errorf("%s:\n got: %s\nwant: %s", x.name, got, w)
		}
		if s.Live() != 0 {
			t.Errorf("%s: A did not finish", x.name)
		}
	}
}

func TestDutyLimitWithCapacityGoingDownWhileResting(t *testing.T) {
	s := New()
	r := s.NewResource("r", 0)
	r.SetDutyLimit(100, 50)
	r.SetCapacity(2)
	m := &resRec{}
	r.SetMonitor(m)
	// Both idle units rest at 100. At 120 the capacity goes to 1: a resting
	// unit (unit 0) goes off at once, without overtime. Unit 1 comes back at
	// 150; unit 0 stays off until the capacity goes back to 2 at 160, with a
	// fresh stretch (limit at 260). Unit 1 rests again at 250.
	setCapAt(s, 120, r, 1)
	setCapAt(s, 160, r, 2)
	var st []int
	at(s, 130, func() { st = append(st, r.Capacity(), r.Resting(), r.Available(), r.Idle()) })
	s.RunUntil(270)
	wantDuty(t, m, "unit-rest u0@100+0", "unit-rest u1@100+0", "unit-off u0@120+0", "unit-on u1@150+0",
		"unit-on u0@160+0", "unit-rest u1@250+0", "unit-rest u0@260+0")
	if len(st) != 4 || st[0] != 1 || st[1] != 1 || st[2] != 0 || st[3] != 0 {
		t.Errorf("at 130: capacity, resting, available, idle = %v, want [1 1 0 0]", st)
	}
}

func TestDutyLimitPrefersRestingThenIdleWhenGoingDown(t *testing.T) {
	s := New()
	r := s.NewResource("r", 0)
	r.SetDutyLimit(100, 50)
	r.SetCapacity(1)
	m := &resRec{}
	r.SetMonitor(m)
	// Unit 0 on at 0; unit 1 on at 60 (limit at 160). Unit 0 rests at 100.
	// At 120 capacity 1: the resting unit 0 goes, unit 1 (idle) stays.
	setCapAt(s, 60, r, 2)
	setCapAt(s, 120, r, 1)
	s.RunUntil(170)
	wantDuty(t, m, "unit-on u1@60+0", "unit-rest u0@100+0", "unit-off u0@120+0", "unit-rest u1@160+0")
}

func TestDutyLimitRemoved(t *testing.T) {
	s := New()
	r := s.NewResource("r", 0)
	r.SetDutyLimit(100, 50)
	r.SetCapacity(1)
	m := &resRec{}
	r.SetMonitor(m)
	// Removing the limit at 10 leaves the current stretch's limit (100);
	// the stretch after the rest (from 150) has none.
	at(s, 10, func() { r.SetDutyLimit(0, 50) })
	s.RunUntil(1000)
	wantDuty(t, m, "unit-rest u0@100+0", "unit-on u0@150+0")
}

// TestStarts: a unit's starts of duty are counted at each shift start and
// each return from a rest, not when a unit finishing past its shift end is
// put back on duty, nor when a resting unit goes off.
func TestStarts(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 0)
	r.SetDutyLimit(100, 30)
	setCapAt(s, 0, r, 2) // two starts
	// Unit 0 rests 100..130 and comes back (a start); unit 1 too.
	// At 140 the capacity goes to 0 and back to 2 at 150 while A works
	// (135..170): A's unit, due off when A is done, stays on: no start;
	// the other, gone off at 140, comes back: a start.
	startAt(s, 135, job(j, r, 1, 35), "A", 0)
	setCapAt(s, 140, r, 0)
	setCapAt(s, 150, r, 2)
	s.RunUntil(160)
	if got := r.Starts(); got != 5 {
		t.Errorf("starts %d, want 5 (2 at 0, 2 back from rest at 130, 1 back on at 150)", got)
	}
	if r.Units() != 2 {
		t.Errorf("units %d, want 2", r.Units())
	}
	// A resting unit that goes off is no start; coming on later is.
	r2 := s.NewResource("r2", 0)
	r2.SetDutyLimit(10, 30)
	setCapAt(s, 200, r2, 1)
	setCapAt(s, 215, r2, 0) // resting since 210
	setCapAt(s, 300, r2, 1)
	s.RunUntil(305)
	if got := r2.Starts(); got != 2 {
		t.Errorf("r2 starts %d, want 2", got)
	}
}
