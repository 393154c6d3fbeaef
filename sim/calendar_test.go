package sim

import (
	"cmp"
	"container/heap"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// ev returns a handler that logs name@now to j.
func (j *journal) ev(name string) Handler { return HandlerFunc(func() { j.add(name) }) }

func TestCalendarOrderTimePriorityInsertion(t *testing.T) {
	s := New()
	j := &journal{s: s}
	tr := &traceRec{}
	s.SetTracer(tr)
	// Scheduled out of order on purpose. By time, then priority (lower
	// first), then the order of scheduling:
	//   t=1: b (0), e (20)
	//   t=3: f (-20)
	//   t=5: c (-10), g (-10, scheduled after c), a (0), d (0, after a)
	for _, x := range []struct {
		name string
		t    float64
		p    Priority
	}{
		{"a", 5, PriorityDefault},
		{"b", 1, PriorityDefault},
		{"c", 5, PriorityResume},
		{"d", 5, PriorityDefault},
		{"e", 1, PriorityLate},
		{"f", 3, PriorityShift},
		{"g", 5, PriorityResume},
	} {
		s.Schedule(x.t, x.p, j.ev(x.name))
	}
	if got := s.Pending(); got != 7 {
		t.Fatalf("Pending = %d, want 7", got)
	}
	s.Run()
	j.want(t, "b@1", "e@1", "f@3", "c@5", "g@5", "a@5", "d@5")
	if s.Now() != 5 || s.Fired() != 7 || s.Pending() != 0 {
		t.Errorf("after Run: now %v fired %d pending %d, want 5, 7, 0", s.Now(), s.Fired(), s.Pending())
	}
	// The tracer sees the priorities, and the sequence numbers of the
	// scheduling order: a=1, b=2, c=3, d=4, e=5, f=6, g=7.
	want := []traced{{1, 0, 2}, {1, 20, 5}, {3, -20, 6}, {5, -10, 3}, {5, -10, 7}, {5, 0, 1}, {5, 0, 4}}
	if len(tr.evs) != len(want) {
		t.Fatalf("traced %v, want %v", tr.evs, want)
	}
	for i := range want {
		if tr.evs[i] != want[i] {
			t.Errorf("trace %d = %+v, want %+v", i, tr.evs[i], want[i])
		}
	}
}

func TestCalendarExtremePriorities(t *testing.T) {
	// The packed key must order the whole int16 range.
	s := New()
	j := &journal{s: s}
	s.Schedule(1, math.MaxInt16, j.ev("max"))
	s.Schedule(1, 1, j.ev("one"))
	s.Schedule(1, -1, j.ev("minus"))
	s.Schedule(1, math.MinInt16, j.ev("min"))
	s.Schedule(1, 0, j.ev("zero"))
	s.Run()
	j.want(t, "min@1", "minus@1", "zero@1", "one@1", "max@1")
}

func TestAfterIsRelativeToNow(t *testing.T) {
	s := New()
	j := &journal{s: s}
	// At 3 the handler asks for 4.5 s later: it fires at 7.5.
	at(s, 3, func() { s.After(4.5, PriorityDefault, j.ev("later")) })
	s.After(2, PriorityDefault, j.ev("two"))
	s.Run()
	j.want(t, "two@2", "later@7.5")
}

func TestScheduleInvalidTimesPanic(t *testing.T) {
	s := New()
	at(s, 5, func() {})
	s.Run()
	// Now is 5: the past, NaN and +Inf are model bugs.
	for _, x := range []struct {
		name string
		t    float64
	}{{"past", 4.999}, {"NaN", math.NaN()}, {"+Inf", math.Inf(1)}, {"-Inf", math.Inf(-1)}} {
		mustPanic(t, "Schedule at "+x.name, func() { s.Schedule(x.t, 0, HandlerFunc(func() {})) })
	}
	mustPanic(t, "After(-1)", func() { s.After(-1, 0, HandlerFunc(func() {})) })
	// Now itself is fine.
	s.Schedule(5, 0, HandlerFunc(func() {}))
	if s.Pending() != 1 {
		t.Errorf("Pending = %d, want 1", s.Pending())
	}
}

func TestCancel(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.Schedule(1, 0, j.ev("a"))
	b := s.Schedule(2, 0, j.ev("b"))
	s.Schedule(3, 0, j.ev("c"))
	if s.Cancel(EventID{}) {
		t.Error("cancelling the zero EventID reported true")
	}
	if !s.Cancel(b) {
		t.Error("cancelling pending b reported false")
	}
	if s.Cancel(b) {
		t.Error("cancelling b twice reported true")
	}
	if got := s.Pending(); got != 2 {
		t.Errorf("Pending after a cancel = %d, want 2", got)
	}
	s.Run()
	j.want(t, "a@1", "c@3")
	if s.Cancel(a) {
		t.Error("cancelling a after it fired reported true")
	}
	if s.Cancel(b) {
		t.Error("cancelling b after its time reported true")
	}
	if s.Pending() != 0 {
		t.Errorf("Pending = %d, want 0", s.Pending())
	}
}

// Regression: RunUntil looks ahead past cancelled events and used to drop
// them from the calendar before the clock reached them; a second Cancel then
// reported true, Pending went to -1 and Step panicked on an empty heap.
func TestCancelTwiceAfterRunUntilLookedAhead(t *testing.T) {
	s := New()
	id := s.Schedule(10, 0, HandlerFunc(func() { t.Error("cancelled event fired") }))
	if !s.Cancel(id) {
		t.Fatal("first cancel reported false")
	}
	s.RunUntil(5)
	if s.Now() != 5 {
		t.Fatalf("now = %v, want 5", s.Now())
	}
	if s.Cancel(id) {
		t.Error("second cancel after RunUntil(5) reported true")
	}
	if got := s.Pending(); got != 0 {
		t.Errorf("Pending = %d, want 0", got)
	}
	if s.Step() {
		t.Error("Step on an empty calendar reported true")
	}
	// The event's own instant: still not pending.
	s.RunUntil(10)
	if s.Cancel(id) {
		t.Error("cancel at the event's own time reported true")
	}
}

// Regression: the same look-ahead happened when an entity resumed through the
// ring was next: pop dropped the cancelled event due later while the clock
// stayed at the ring's instant.
func TestCancelTwiceWhileRingEventFires(t *testing.T) {
	s := New()
	id := s.Schedule(10, 0, HandlerFunc(func() { t.Error("cancelled event fired") }))
	s.Cancel(id)
	var again bool
	var pending int
	f := NewFlow("p").Then(Park(), Do(func(*Entity) { again = s.Cancel(id); pending = s.Pending() }))
	e := s.Start(f, nil)
	e.Wake() // at 0, through the ring
	s.Run()
	if again {
		t.Error("second cancel from a ring event reported true")
	}
	if pending != 0 {
		t.Errorf("Pending inside the ring event = %d, want 0", pending)
	}
	if s.Now() != 0 || s.Fired() != 1 {
		t.Errorf("now %v fired %d, want 0 and 1", s.Now(), s.Fired())
	}
}

func TestCancelAtTheCurrentInstant(t *testing.T) {
	s := New()
	j := &journal{s: s}
	var a, b, c, d EventID
	var res = map[string]bool{}
	// Four events at 5, fired in the order a, b, c (d is cancelled).
	a = s.Schedule(5, 0, HandlerFunc(func() {
		j.add("a")
		res["a cancels d (pending, same instant)"] = s.Cancel(d)
		res["a cancels itself"] = s.Cancel(a)
	}))
	b = s.Schedule(5, 0, HandlerFunc(func() {
		j.add("b")
		res["b cancels a (fired, same instant)"] = s.Cancel(a)
		// Push first: the firing event's slot is taken over by the push.
		s.Schedule(6, 0, j.ev("x"))
		res["b cancels itself after a push"] = s.Cancel(b)
		res["b cancels d again"] = s.Cancel(d)
	}))
	c = s.Schedule(5, 0, HandlerFunc(func() {
		j.add("c")
		// An event it schedules now for now is pending.
		y := s.Schedule(5, 0, j.ev("y"))
		res["c cancels y (its own, same instant)"] = s.Cancel(y)
		res["c cancels itself"] = s.Cancel(c)
		res["c cancels b (fired)"] = s.Cancel(b)
	}))
	d = s.Schedule(5, 0, j.ev("d"))
	s.Run()
	j.want(t, "a@5", "b@5", "c@5", "x@6")
	want := map[string]bool{
		"a cancels d (pending, same instant)": true,
		"a cancels itself":                    false,
		"b cancels a (fired, same instant)":   false,
		"b cancels itself after a push":       false,
		"b cancels d again":                   false,
		"c cancels y (its own, same instant)": true,
		"c cancels itself":                    false,
		"c cancels b (fired)":                 false,
	}
	for k, w := range want {
		if got, ok := res[k]; !ok || got != w {
			t.Errorf("%s: got %v (ran %v), want %v", k, got, ok, w)
		}
	}
}

func TestCancelEventDeepInTheHeapAtTheCurrentInstant(t *testing.T) {
	// Many events at one instant, so that the one cancelled sits deep in the
	// heap; the handler of the first cancels every other one still pending.
	s := New()
	var ids []EventID
	fired := 0
	for range 40 {
		ids = append(ids, s.Schedule(1, 0, HandlerFunc(func() { fired++ })))
	}
	s.Schedule(2, 0, HandlerFunc(func() { fired += 100 }))
	first := true
	s.Schedule(1, PriorityShift, HandlerFunc(func() {
		if !first {
			return
		}
		first = false
		for i := 1; i < 40; i += 2 {
			if !s.Cancel(ids[i]) {
				t.Errorf("cancel of pending event %d reported false", i)
			}
		}
	}))
	s.Run()
	// 20 of the 40 at t=1 fire, then the one at 2.
	if fired != 120 {
		t.Errorf("fired count %d, want 120", fired)
	}
}

func TestRunUntil(t *testing.T) {
	s := New()
	j := &journal{s: s}
	for _, x := range []float64{1, 2, 5, 7} {
		s.Schedule(x, 0, j.ev("e"))
	}
	s.RunUntil(5)
	// Events before 5 fire; the one exactly at 5 stays pending.
	j.want(t, "e@1", "e@2")
	if s.Now() != 5 || s.Pending() != 2 {
		t.Errorf("now %v pending %d, want 5 and 2", s.Now(), s.Pending())
	}
	s.RunUntil(3) // in the past: nothing happens
	if s.Now() != 5 || s.Pending() != 2 {
		t.Errorf("RunUntil(3) changed things: now %v pending %d", s.Now(), s.Pending())
	}
	s.RunUntil(6)
	j.want(t, "e@1", "e@2", "e@5")
	s.RunUntil(100)
	if s.Now() != 100 || s.Pending() != 0 {
		t.Errorf("now %v pending %d, want 100 and 0", s.Now(), s.Pending())
	}
	// An empty calendar: the clock still moves.
	s.RunUntil(250)
	if s.Now() != 250 {
		t.Errorf("now %v, want 250", s.Now())
	}
}

func TestRunUntilSkipsCancelledAndStop(t *testing.T) {
	s := New()
	j := &journal{s: s}
	id := s.Schedule(3, 0, j.ev("cancelled"))
	s.Schedule(4, 0, HandlerFunc(func() { j.add("stop"); s.Stop() }))
	s.Schedule(6, 0, j.ev("later"))
	s.Cancel(id)
	s.RunUntil(10)
	// Stop leaves the clock at the last event, not at 10.
	j.want(t, "stop@4")
	if s.Now() != 4 || s.Pending() != 1 {
		t.Errorf("now %v pending %d, want 4 and 1", s.Now(), s.Pending())
	}
	s.RunUntil(10)
	j.want(t, "stop@4", "later@6")
	if s.Now() != 10 {
		t.Errorf("now %v, want 10", s.Now())
	}
}

func TestRunWhileAndStep(t *testing.T) {
	s := New()
	j := &journal{s: s}
	for _, x := range []float64{1, 2, 3, 4} {
		s.Schedule(x, 0, j.ev("e"))
	}
	checks := 0
	s.RunWhile(func() bool { checks++; return s.Now() < 2 })
	// Checked before each event: at 0 (fire 1), at 1 (fire 2), at 2 (stop).
	j.want(t, "e@1", "e@2")
	if checks != 3 || s.Now() != 2 {
		t.Errorf("checks %d now %v, want 3 and 2", checks, s.Now())
	}
	if !s.Step() || s.Now() != 3 || s.Fired() != 3 {
		t.Errorf("Step: now %v fired %d, want 3 and 3", s.Now(), s.Fired())
	}
	s.RunWhile(func() bool { return true })
	if s.Now() != 4 || s.Step() {
		t.Errorf("after RunWhile(true): now %v, or Step found an event", s.Now())
	}
	// Stop inside RunWhile.
	s.Schedule(5, 0, HandlerFunc(s.Stop))
	s.Schedule(6, 0, j.ev("six"))
	s.RunWhile(func() bool { return true })
	if s.Now() != 5 || s.Pending() != 1 {
		t.Errorf("RunWhile with Stop: now %v pending %d, want 5 and 1", s.Now(), s.Pending())
	}
}

func TestStopThenRunResumes(t *testing.T) {
	s := New()
	j := &journal{s: s}
	s.Schedule(1, 0, j.ev("a"))
	s.Schedule(2, 0, HandlerFunc(func() { j.add("stop"); s.Stop() }))
	s.Schedule(2, 0, j.ev("b")) // same instant, after the stop
	s.Schedule(3, 0, j.ev("c"))
	s.Run()
	j.want(t, "a@1", "stop@2")
	if s.Now() != 2 || s.Pending() != 2 {
		t.Errorf("now %v pending %d, want 2 and 2", s.Now(), s.Pending())
	}
	s.Run() // Run clears the stop
	j.want(t, "a@1", "stop@2", "b@2", "c@3")
}

func TestPendingCounts(t *testing.T) {
	s := New()
	f := NewFlow("parked").Then(Park())
	e1 := s.Start(f, nil)
	e2 := s.Start(f, nil)
	x := s.Schedule(4, 0, HandlerFunc(func() {}))
	s.Schedule(4, 0, HandlerFunc(func() {}))
	if s.Pending() != 2 {
		t.Fatalf("Pending = %d, want 2", s.Pending())
	}
	e1.Wake() // a ring event
	e2.Wake()
	if s.Pending() != 4 {
		t.Errorf("with two wakes Pending = %d, want 4", s.Pending())
	}
	s.Cancel(x)
	if s.Pending() != 3 {
		t.Errorf("after a cancel Pending = %d, want 3", s.Pending())
	}
	var inside []int
	s.Schedule(1, 0, HandlerFunc(func() {
		// The firing event is not pending; the ones it schedules are.
		inside = append(inside, s.Pending())
		s.Schedule(2, 0, HandlerFunc(func() {}))
		inside = append(inside, s.Pending())
		s.Schedule(2, 0, HandlerFunc(func() {}))
		inside = append(inside, s.Pending())
	}))
	s.Step() // wake e1 (ring, at 0)
	s.Step() // wake e2
	if s.Pending() != 2 || s.Now() != 0 || s.Live() != 0 {
		t.Errorf("after the wakes: pending %d now %v live %d, want 2, 0, 0", s.Pending(), s.Now(), s.Live())
	}
	s.Step() // the event at 1
	if len(inside) != 3 || inside[0] != 1 || inside[1] != 2 || inside[2] != 3 {
		t.Errorf("Pending inside a handler = %v, want [1 2 3]", inside)
	}
	s.Run()
	if s.Pending() != 0 || s.Fired() != 6 {
		t.Errorf("pending %d fired %d, want 0 and 6", s.Pending(), s.Fired())
	}
}

func TestHandlerSchedulesAtNowWithLowerPriority(t *testing.T) {
	s := New()
	j := &journal{s: s}
	s.Schedule(5, PriorityDefault, HandlerFunc(func() {
		j.add("h")
		s.Schedule(5, PriorityDefault, j.ev("same-prio")) // after "other"
		s.Schedule(5, PriorityResume, j.ev("lower"))      // fires next
		s.Schedule(5, PriorityLate, j.ev("late"))
		s.Schedule(5, PriorityShift, j.ev("lowest")) // before "lower"
	}))
	s.Schedule(5, PriorityDefault, j.ev("other"))
	s.Run()
	j.want(t, "h@5", "lowest@5", "lower@5", "other@5", "same-prio@5", "late@5")
}

func TestHandlerPushesSeveralEvents(t *testing.T) {
	// The first push of a handler takes the firing event's slot in the heap;
	// the rest go in as usual. The order must be what a plain heap gives.
	s := New()
	j := &journal{s: s}
	for _, x := range []float64{2, 4, 6} {
		s.Schedule(x, 0, j.ev("bg"))
	}
	s.Schedule(1, 0, HandlerFunc(func() {
		j.add("h")
		s.Schedule(7, 0, j.ev("p7"))  // takes the slot: must sift down past 2, 4, 6
		s.Schedule(1, 0, j.ev("p1"))  // now
		s.Schedule(4, -1, j.ev("p4")) // before bg@4
		s.Schedule(3, 0, j.ev("p3"))
		s.Schedule(1, -1, j.ev("p1-")) // now, before p1
	}))
	s.Run()
	j.want(t, "h@1", "p1-@1", "p1@1", "bg@2", "p3@3", "p4@4", "bg@4", "bg@6", "p7@7")
}

func TestHandlerPushesNothing(t *testing.T) {
	// A handler that schedules nothing leaves the firing event to be removed
	// after it; a wake alone goes through the ring.
	s := New()
	j := &journal{s: s}
	f := NewFlow("p").Then(Park(), j.note("woken"))
	e := s.Start(f, nil)
	s.Schedule(1, 0, j.ev("a"))
	s.Schedule(1, 0, HandlerFunc(func() { j.add("b"); e.Wake() }))
	s.Schedule(1, 0, j.ev("c"))
	s.Schedule(2, 0, j.ev("d"))
	s.Run()
	// The wake (PriorityResume) comes before c (PriorityDefault).
	j.want(t, "a@1", "b@1", "woken@1", "c@1", "d@2")
}

func TestRingInterleavesWithScheduledEvents(t *testing.T) {
	s := New()
	j := &journal{s: s}
	tr := &traceRec{}
	s.SetTracer(tr)
	fp := NewFlow("P").Then(Park(), Do(func(e *Entity) {
		j.add("P")
		// Another wake and a shift event, both now: the shift event is
		// first (lower priority value); the wake comes after R2, which was
		// scheduled before it with the same priority.
		e.Data.(*Entity).Wake()
		s.Schedule(5, PriorityShift, j.ev("S3"))
	}))
	fq := NewFlow("Q").Then(Park(), j.note("Q"))
	q := s.Start(fq, nil)
	p := s.Start(fp, q)
	s.Schedule(5, PriorityDefault, j.ev("X"))
	s.Schedule(5, PriorityResume, j.ev("R1"))
	s.Schedule(5, PriorityShift, HandlerFunc(func() {
		j.add("S")
		p.Wake() // ring, after R1 (scheduled earlier with the same priority)
		s.Schedule(5, PriorityResume, j.ev("R2"))
		s.Schedule(5, PriorityShift, j.ev("S2"))
	}))
	s.Schedule(5, PriorityLate, j.ev("L"))
	s.Run()
	j.want(t, "S@5", "S2@5", "R1@5", "P@5", "S3@5", "R2@5", "Q@5", "X@5", "L@5")
	// Every event at 5, priorities as seen by the tracer.
	wantP := []Priority{-20, -20, -10, -10, -20, -10, -10, 0, 20}
	if len(tr.evs) != len(wantP) {
		t.Fatalf("traced %d events, want %d", len(tr.evs), len(wantP))
	}
	for i, x := range tr.evs {
		if x.t != 5 || x.p != wantP[i] {
			t.Errorf("event %d traced at %v prio %d, want 5 and %d", i, x.t, x.p, wantP[i])
		}
	}
}

func TestWakeBeforeRunAndBetweenRuns(t *testing.T) {
	s := New()
	j := &journal{s: s}
	f := NewFlow("p").Then(Park(), j.note("woken"))
	e := s.Start(f, nil)
	s.RunUntil(3)
	e.Wake() // the clock is at 3: the entity goes on at 3
	s.Schedule(3, PriorityShift, j.ev("shift"))
	s.Schedule(3, PriorityDefault, j.ev("default"))
	s.Run()
	j.want(t, "shift@3", "woken@3", "default@3")
}

func TestHandlerRunningTheSimulationPanics(t *testing.T) {
	s := New()
	var rec any
	s.Schedule(1, 0, HandlerFunc(func() {
		defer func() { rec = recover() }()
		s.Step()
	}))
	s.Schedule(2, 0, HandlerFunc(func() {}))
	s.Step()
	if rec == nil {
		t.Error("Step inside a handler did not panic")
	}
}

func TestCalendarManyEventsMatchSort(t *testing.T) {
	// 20,000 events at random times (many equal) and priorities, a third of
	// them cancelled: they fire in the order of a stable sort by (time,
	// priority), i.e. scheduling order breaks ties.
	s := New()
	rng := rand.New(rand.NewPCG(11, 12))
	type ev struct {
		t    float64
		p    Priority
		i    int
		dead bool
	}
	var evs []ev
	var ids []EventID
	var got []int
	for i := range 20000 {
		e := ev{t: float64(rng.IntN(500)) / 4, p: Priority(rng.IntN(7) - 3), i: i}
		evs = append(evs, e)
		ids = append(ids, s.Schedule(e.t, e.p, HandlerFunc(func() { got = append(got, i) })))
	}
	for i := range evs {
		if rng.IntN(3) == 0 {
			evs[i].dead = true
			if !s.Cancel(ids[i]) {
				t.Fatalf("cancel %d reported false", i)
			}
		}
	}
	var want []int
	sorted := slices.Clone(evs)
	slices.SortStableFunc(sorted, func(a, b ev) int {
		return cmp.Or(cmp.Compare(a.t, b.t), cmp.Compare(a.p, b.p))
	})
	for _, e := range sorted {
		if !e.dead {
			want = append(want, e.i)
		}
	}
	if s.Pending() != len(want) {
		t.Errorf("Pending = %d, want %d", s.Pending(), len(want))
	}
	s.Run()
	if !slices.Equal(got, want) {
		t.Errorf("firing order differs from the sorted order (%d fired, want %d)", len(got), len(want))
	}
}

func TestMinusZeroIsTheSameInstantAsZero(t *testing.T) {
	// The calendar orders times by their bits; -0 must count as 0, so that
	// two events at the instant 0 fire by priority, whichever zero they
	// were scheduled at.
	s := New()
	j := &journal{s: s}
	s.Schedule(math.Copysign(0, -1), PriorityLate, j.ev("late"))
	s.Schedule(0, PriorityDefault, j.ev("default"))
	s.Schedule(math.Copysign(0, -1), PriorityShift, j.ev("shift"))
	s.Schedule(1, PriorityShift, j.ev("later"))
	s.Run()
	j.want(t, "shift@0", "default@0", "late@0", "later@1")
}

// refEvents is a textbook heap of (time, priority, order of scheduling), the
// reference the calendar is checked against.
type refEvents [][3]float64

func (h refEvents) Len() int { return len(h) }
func (h refEvents) Less(i, j int) bool {
	a, b := h[i], h[j]
	return a[0] < b[0] || (a[0] == b[0] && (a[1] < b[1] || (a[1] == b[1] && a[2] < b[2])))
}
func (h refEvents) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *refEvents) Push(x any)   { *h = append(*h, x.([3]float64)) }
func (h *refEvents) Pop() any {
	x := (*h)[len(*h)-1]
	*h = (*h)[:len(*h)-1]
	return x
}

func TestBigCalendarHoldMatchesTextbookHeap(t *testing.T) {
	// A hold model with more than bigHeap events pending, where each event
	// schedules the next while it fires (many at one time, of several
	// priorities), the heap then shrinking below bigHeap: every event must
	// be the one a textbook heap gives.
	s := New()
	rng := rand.New(rand.NewPCG(5, 6))
	ref := &refEvents{}
	seq := 0.0
	var schedule func(at float64, more int)
	schedule = func(at float64, more int) {
		seq++
		ev := [3]float64{at, float64(rng.IntN(5) - 2), seq}
		heap.Push(ref, ev)
		s.Schedule(at, Priority(ev[1]), HandlerFunc(func() {
			if want := heap.Pop(ref).([3]float64); want != ev {
				t.Fatalf("fired %v, want %v", ev, want)
			}
			if more > 0 {
				schedule(s.Now()+float64(rng.IntN(40))/4, more-1)
			}
		}))
	}
	for range bigHeap + 2000 {
		schedule(float64(rng.IntN(40))/4, 3)
	}
	s.Run()
	if ref.Len() != 0 {
		t.Errorf("%d events never fired", ref.Len())
	}
}
