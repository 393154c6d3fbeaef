package sim

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// job is a flow: seize amount units of r, log the start, hold d, release,
// log the end. Entities carry their name as Data.
func job(j *journal, r *Resource, amount int, d float64) *Flow {
	return NewFlow("job").Then(Seize(r, amount), j.noteName("start"), Delay(Constant(d)), Release(r, amount), j.noteName("end"))
}

func TestFIFOServiceTimes(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	m := &resRec{}
	r.SetMonitor(m)
	f := job(j, r, 1, 10)
	// Two units, three customers at 0 with service 10: A and B start at 0,
	// C waits and starts at 10 when A leaves; C leaves at 20.
	for _, n := range []string{"A", "B", "C"} {
		startAt(s, 0, f, n, 0)
	}
	s.RunUntil(5)
	if r.Busy() != 2 || r.Idle() != 0 || r.Queued() != 1 || r.Capacity() != 2 || r.Available() != 2 {
		t.Errorf("at 5: %v idle %d", r, r.Idle())
	}
	if got := r.String(); got != "r(2/2 busy, 1 waiting)" {
		t.Errorf("String = %q", got)
	}
	s.Run()
	// A's release hands its unit to C, who resumes (PriorityResume) right
	// after A's event and before B's end of service at the same instant.
	j.want(t, "A start@0", "B start@0", "A end@10", "C start@10", "B end@10", "C end@20")
	g := m.of(ResourceGranted)
	if len(g) != 3 || g[2].Waited != 10 || g[2].Time != 10 || g[0].Waited != 0 {
		t.Errorf("granted events %+v", g)
	}
	if q := m.of(ResourceQueued); len(q) != 1 || q[0].who != "C" || q[0].Unit != -1 || q[0].Time != 0 {
		t.Errorf("queued events %+v", q)
	}
	if rel := m.of(ResourceReleased); len(rel) != 3 {
		t.Errorf("released events %+v", rel)
	}
	// C gets the unit A gave back (unit 0).
	if g[2].Unit != 0 || g[0].Unit != 0 || g[1].Unit != 1 {
		t.Errorf("units granted %d %d %d, want 0 1 0", g[0].Unit, g[1].Unit, g[2].Unit)
	}
	for _, ev := range m.evs {
		if ev.Resource != r {
			t.Errorf("event of resource %v", ev.Resource)
		}
	}
	if r.Name() != "r" || r.Units() != 2 {
		t.Errorf("Name %q Units %d", r.Name(), r.Units())
	}
}

func TestPriorityOrder(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	f := job(j, r, 1, 10)
	// Z holds the unit 0..10. While it does, A (prio 0) at 1, B (prio 5) at
	// 2, C (prio 5) at 3 and D (prio 1) at 4 queue. Higher priority first,
	// first come first served within a class: B 10..20, C 20..30, D 30..40,
	// A 40..50.
	startAt(s, 0, f, "Z", 0)
	startAt(s, 1, f, "A", 0)
	startAt(s, 2, f, "B", 5)
	startAt(s, 3, f, "C", 5)
	startAt(s, 4, f, "D", 1)
	s.Run()
	j.want(t, "Z start@0", "Z end@10", "B start@10", "B end@20", "C start@20", "C end@30",
		"D start@30", "D end@40", "A start@40", "A end@50")
}

func TestNegativePriorities(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	f := job(j, r, 1, 1)
	startAt(s, 0, f, "Z", 0)
	startAt(s, 0.1, f, "low", -3)
	startAt(s, 0.2, f, "mid", -1)
	startAt(s, 0.3, f, "zero", 0)
	s.Run()
	j.want(t, "Z start@0", "Z end@1", "zero start@1", "zero end@2", "mid start@2", "mid end@3", "low start@3", "low end@4")
}

func TestHeadOfLineBlocking(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 3)
	// X takes 2 units 0..10. Y wants 2 at 1: only 1 is idle, it waits. Z
	// wants 1 at 2 with the same priority: it must not overtake Y, so it
	// waits although a unit is idle. At 10 Y takes 2 and Z the third: both
	// start at 10 and end at 15.
	startAt(s, 0, job(j, r, 2, 10), "X", 0)
	startAt(s, 1, job(j, r, 2, 5), "Y", 0)
	startAt(s, 2, job(j, r, 1, 5), "Z", 0)
	s.RunUntil(3)
	if r.Idle() != 1 || r.Queued() != 2 || r.Busy() != 2 {
		t.Errorf("at 3: idle %d queued %d busy %d, want 1 2 2", r.Idle(), r.Queued(), r.Busy())
	}
	s.Run()
	j.want(t, "X start@0", "X end@10", "Y start@10", "Z start@10", "Y end@15", "Z end@15")
}

// Regression: a request of higher priority than every one waiting is first in
// line; when a unit is idle (the request at the front waits for more units
// than are idle) it must get it at once instead of waiting for the next
// release.
func TestHigherPriorityTakesIdleUnitPastBlockedRequest(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	// A holds 1 unit 0..10. Q (prio 0) wants 2 at 0 and waits, 1 unit idle.
	// H (prio 5) wants 1 at 1: it is first in line and a unit is idle, so it
	// starts at 1 and ends at 5. Q starts at 10 when A leaves.
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	startAt(s, 0, job(j, r, 2, 5), "Q", 0)
	startAt(s, 1, job(j, r, 1, 4), "H", 5)
	s.Run()
	j.want(t, "A start@0", "H start@1", "H end@5", "A end@10", "Q start@10", "Q end@15")
}

func TestAmountGreaterThanOne(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 4)
	m := &resRec{}
	r.SetMonitor(m)
	// A takes 3 at 0 for 10; B wants 3 at 1: waits; at 10 B gets 3 units in
	// one grant, all with Waited 9.
	startAt(s, 0, job(j, r, 3, 10), "A", 0)
	startAt(s, 1, job(j, r, 3, 10), "B", 0)
	s.Run()
	j.want(t, "A start@0", "A end@10", "B start@10", "B end@20")
	g := m.of(ResourceGranted)
	if len(g) != 6 {
		t.Fatalf("%d grants, want 6", len(g))
	}
	units := map[int]bool{}
	for _, ev := range g[3:] {
		if ev.Waited != 9 || ev.Time != 10 || ev.who != "B" {
			t.Errorf("grant %+v", ev)
		}
		units[ev.Unit] = true
	}
	// At 10, idle longest first: unit 3 (idle since 0), then 2, 1, 0 as A
	// gave them back most recently seized first.
	if len(units) != 3 || !units[3] || !units[2] || !units[1] {
		t.Errorf("units granted to B %v, want 3, 2 and 1", units)
	}
}

func TestBalking(t *testing.T) {
	for _, withLabel := range []bool{false, true} {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 1)
		r.SetBalking(2)
		m := &resRec{}
		r.SetMonitor(m)
		seize := Seize(r, 1)
		f := NewFlow("f")
		if withLabel {
			seize.OnBalk("balked")
		}
		f.Then(seize, j.noteName("start"), Delay(Constant(100)), Release(r, 1), Goto("end"))
		f.Label("balked").Then(j.noteName("went elsewhere")).Label("end")
		fates := map[string]Fate{}
		f.OnDone(func(e *Entity) { fates[e.Data.(string)] = e.Fate })
		// A is served at 0; B at 1 and C at 2 wait (2 waiting); D at 3 and
		// E at 4 find 2 waiting and balk.
		for i, n := range []string{"A", "B", "C", "D", "E"} {
			startAt(s, float64(i), f, n, 0)
		}
		s.RunUntil(50)
		if withLabel {
			j.want(t, "A start@0", "D went elsewhere@3", "E went elsewhere@4")
		} else {
			j.want(t, "A start@0")
		}
		if fates["D"] != Balked || fates["E"] != Balked || len(fates) != 2 {
			t.Errorf("label %v: fates %v", withLabel, fates)
		}
		b := m.of(ResourceBalked)
		if len(b) != 2 || b[0].Time != 3 || b[1].Time != 4 || b[0].Entity == nil || b[0].who != "D" || b[0].Unit != -1 {
			t.Errorf("label %v: balk events %+v", withLabel, b)
		}
		s.Run()
		if fates["B"] != Done || fates["C"] != Done {
			t.Errorf("label %v: fates %v", withLabel, fates)
		}
	}
}

func TestBalkingOff(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	r.SetBalking(1)
	r.SetBalking(-1)
	f := NewFlow("f").Then(Seize(r, 1), Delay(Constant(1)), Release(r, 1))
	for range 5 {
		s.Start(f, nil)
	}
	if r.Queued() != 4 {
		t.Errorf("Queued = %d, want 4 (no balking)", r.Queued())
	}
}

func TestReneging(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	m := &resRec{}
	r.SetMonitor(m)
	fates := map[string]Fate{}
	mk := func(patience float64, label string) *Flow {
		f := NewFlow("f").Then(Seize(r, 1).Patience(Constant(patience), label), j.noteName("start"),
			Delay(Constant(10)), Release(r, 1), Goto("end"))
		f.Label("gone").Then(j.noteName("gave up")).Label("end")
		return f.OnDone(func(e *Entity) { fates[e.Data.(string)] = e.Fate })
	}
	// A is served 0..10. B at 1 with patience 5 reneges at exactly 6. C at 2
	// with patience 3 reneges at 5 and goes on at "gone". D at 3 with
	// patience 20 is served at 10 (before 23), ends at 20, does not renege.
	startAt(s, 0, mk(0, ""), "A", 0)
	startAt(s, 1, mk(5, ""), "B", 0)
	startAt(s, 2, mk(3, "gone"), "C", 0)
	startAt(s, 3, mk(20, ""), "D", 0)
	s.Run()
	j.want(t, "A start@0", "C gave up@5", "D start@10")
	if fates["A"] != Done || fates["B"] != Reneged || fates["C"] != Reneged || fates["D"] != Done {
		t.Errorf("fates %v", fates)
	}
	rn := m.of(ResourceReneged)
	if len(rn) != 2 || rn[0].Time != 5 || rn[0].Waited != 3 || rn[0].who != "C" ||
		rn[1].Time != 6 || rn[1].Waited != 5 || rn[1].Unit != -1 {
		t.Errorf("reneged events %+v", rn)
	}
	if g := m.of(ResourceGranted); len(g) != 2 || g[1].Waited != 7 {
		t.Errorf("granted events %+v", g)
	}
	if s.Now() != 20 || r.Queued() != 0 {
		t.Errorf("now %v queued %d", s.Now(), r.Queued())
	}
}

func TestRenegingAtTheInstantOfRelease(t *testing.T) {
	// A's end of service (scheduled at 0 first) and B's patience (scheduled
	// at 0 after it) are both due at 10: A leaves first, B is served at 10 and
	// its patience is cancelled at that same instant, so B does not renege.
	// C, whose patience runs out at 10 too but who is behind B, reneges.
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	fates := map[string]Fate{}
	f := NewFlow("f").Then(Seize(r, 1).Patience(Constant(10), ""), j.noteName("start"), Delay(Constant(10)), Release(r, 1)).
		OnDone(func(e *Entity) { fates[e.Data.(string)] = e.Fate })
	for _, n := range []string{"A", "B", "C"} {
		s.Start(f, n)
	}
	s.Run()
	j.want(t, "A start@0", "B start@10")
	if fates["A"] != Done || fates["B"] != Done || fates["C"] != Reneged {
		t.Errorf("fates %v", fates)
	}
}

func TestRenegingLetsTheNextInLine(t *testing.T) {
	// Capacity 2; A holds 1 unit 0..10. B wants 2 at 1 with patience 2 and
	// blocks C (1 unit, same priority) behind it. When B gives up at 3, C
	// takes the idle unit at 3.
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	startAt(s, 0, job(j, r, 1, 10), "A", 0)
	fb := NewFlow("B").Then(Seize(r, 2).Patience(Constant(2), ""), j.noteName("start"))
	startAt(s, 1, fb, "B", 0)
	startAt(s, 2, job(j, r, 1, 1), "C", 0)
	s.Run()
	j.want(t, "A start@0", "C start@3", "C end@4", "A end@10")
}

func TestMonitorSequence(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	m := &resRec{}
	r.SetMonitor(m)
	j := &journal{s: s}
	startAt(s, 0, job(j, r, 1, 4), "A", 0)
	startAt(s, 1, job(j, r, 1, 2), "B", 0)
	s.Run()
	type ev struct {
		k      ResourceEventKind
		t      float64
		who    string
		unit   int
		waited float64
	}
	want := []ev{
		{ResourceGranted, 0, "A", 0, 0},
		{ResourceQueued, 1, "B", -1, 0},
		{ResourceReleased, 4, "A", 0, 0},
		{ResourceGranted, 4, "B", 0, 3},
		{ResourceReleased, 6, "B", 0, 0},
	}
	if len(m.evs) != len(want) {
		t.Fatalf("events %+v", m.evs)
	}
	for i, w := range want {
		g := m.evs[i]
		if g.Kind != w.k || g.Time != w.t || g.who != w.who || g.Unit != w.unit || g.Waited != w.waited {
			t.Errorf("event %d = %v %v %v unit %d waited %v, want %+v", i, g.Kind, g.Time, g.who, g.Unit, g.Waited, w)
		}
	}
	r.SetMonitor(nil)
	s.Start(job(j, r, 1, 1), "C")
	s.Run()
	if len(m.evs) != len(want) {
		t.Error("a removed monitor still saw events")
	}
}

func TestIdleLongestUnitIsChosen(t *testing.T) {
	s := New()
	r := s.NewResource("r", 3)
	got := map[string]int{}
	f := NewFlow("f").Then(Seize(r, 1), Do(func(e *Entity) { got[e.Data.(string)] = int(e.held[0].unit) }),
		DelayFor(func(e *Entity) float64 { return float64(e.Key) }), Release(r, 1))
	start := func(t float64, name string, d int) {
		at(s, t, func() {
			e := s.NewEntity(name)
			e.Key = d
			s.Begin(e, f)
		})
	}
	// Units 0, 1, 2 come on at 0 in that order. A (0..5) takes 0, B (1..3)
	// takes 1. Idle: 2 since 0, then 1 since 3, then 0 since 5. C at 6 takes
	// 2, D at 7 takes 1, E at 8 takes 0.
	start(0, "A", 5)
	start(1, "B", 2)
	start(6, "C", 10)
	start(7, "D", 10)
	start(8, "E", 10)
	s.RunUntil(8.5)
	want := map[string]int{"A": 0, "B": 1, "C": 2, "D": 1, "E": 0}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s got unit %d, want %d", k, got[k], w)
		}
	}
	if h := r.Holder(2); h == nil || h.Data != "C" {
		t.Errorf("Holder(2) = %v, want C", h)
	}
	s.Run()
	if r.Holder(0) != nil || r.Idle() != 3 {
		t.Errorf("after all: Holder(0) %v idle %d", r.Holder(0), r.Idle())
	}
}

func TestReleaseMoreThanHeldPanics(t *testing.T) {
	s := New()
	r := s.NewResource("r", 3)
	other := s.NewResource("o", 1)
	var msg any
	f := NewFlow("f").Then(Seize(r, 1), Seize(other, 1), StepFunc(func(e *Entity) Outcome {
		defer func() { msg = recover() }()
		r.Release(e, 2)
		return Next
	}), Release(other, 1))
	s.Start(f, nil)
	if m, ok := msg.(string); !ok || !strings.Contains(m, "released more units of r than it holds") {
		t.Errorf("panic %v", msg)
	}
	e := s.NewEntity(nil)
	mustPanic(t, "release with nothing held", func() { r.Release(e, 1) })
}

func TestReleasePartialAndAll(t *testing.T) {
	s := New()
	r := s.NewResource("r", 3)
	q := s.NewResource("q", 2)
	var order []string
	m := &resRec{}
	r.SetMonitor(m)
	q.SetMonitor(m)
	f := NewFlow("f").Then(Seize(r, 2), Seize(q, 2), Seize(r, 1), Release(r, 1),
		Do(func(e *Entity) {
			if e.Holds(r) != 2 || e.Holds(q) != 2 || r.Busy() != 2 {
				t.Errorf("after Release(r, 1): holds %d %d busy %d", e.Holds(r), e.Holds(q), r.Busy())
			}
		}), ReleaseAll())
	s.Start(f, nil)
	for _, ev := range m.of(ResourceReleased) {
		order = append(order, ev.Resource.Name())
	}
	// Release(r, 1) gives back the last r unit; ReleaseAll then gives back
	// the rest most recent first: q, q, r, r.
	if got := strings.Join(order, ","); got != "r,q,q,r,r" {
		t.Errorf("release order %s, want r,q,q,r,r", got)
	}
	if r.Busy() != 0 || q.Busy() != 0 || s.Live() != 0 {
		t.Errorf("busy %d %d live %d", r.Busy(), q.Busy(), s.Live())
	}
}

func TestSeizeZeroCapacityWaits(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 0)
	s.Start(job(j, r, 1, 2), "A")
	s.RunUntil(100)
	if r.Queued() != 1 || len(j.lines) != 0 {
		t.Errorf("queued %d log %v", r.Queued(), j)
	}
	r.SetCapacity(1)
	s.Run()
	j.want(t, "A start@100", "A end@102")
}

func TestLongQueueOrder(t *testing.T) {
	// 600 customers at 0 with random priorities on one unit, 1 s each;
	// every fourth gives up at 0.5, before anyone but the first is served.
	// The first gets the unit at once; the others are served in the order
	// of a stable sort by priority, higher first. This runs the queue's
	// insertion in place, its stale entries and its compaction.
	s := New()
	rng := rand.New(rand.NewPCG(3, 4))
	r := s.NewResource("r", 1)
	var got []int
	type cust struct{ prio, i int }
	var stay []cust
	reneged := 0
	for i := range 600 {
		prio := rng.IntN(5)
		patience := 0.0
		if i%4 == 3 {
			patience = 0.5
		} else if i > 0 {
			stay = append(stay, cust{prio, i})
		}
		f := NewFlow("f").Then(Seize(r, 1).Patience(Constant(patience), ""),
			Do(func(*Entity) { got = append(got, i) }), Delay(Constant(1)), Release(r, 1)).
			OnDone(func(e *Entity) {
				if e.Fate == Reneged {
					reneged++
				}
			})
		e := s.NewEntity(nil)
		e.Prio = prio
		s.Begin(e, f)
	}
	slices.SortStableFunc(stay, func(a, b cust) int { return cmp.Compare(b.prio, a.prio) })
	want := []int{0}
	for _, c := range stay {
		want = append(want, c.i)
	}
	s.Run()
	if !slices.Equal(got, want) {
		t.Errorf("service order differs from a stable sort by priority")
	}
	// 450 served one after the other: the last leaves at 450.
	if reneged != 150 || len(got) != 450 || s.Now() != 450 || s.Live() != 0 || r.Queued() != 0 {
		t.Errorf("reneged %d served %d end %v live %d queued %d", reneged, len(got), s.Now(), s.Live(), r.Queued())
	}
}

// TestBalkingAtZero: with SetBalking(0) an arrival that cannot be served at
// once is turned away, as couriers are at a full staging area. One unit,
// three arrivals at 0 with service 10: the first is served, the other two
// balk; an arrival at 10 (after the release) is served.
func TestBalkingAtZero(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	r.SetBalking(0)
	var fates []string
	f := NewFlow("f").Then(Seize(r, 1), Delay(Constant(10)), Release(r, 1)).
		OnDone(func(e *Entity) { fates = append(fates, fmt.Sprintf("%d:%v@%v", e.ID, e.Fate, s.Now())) })
	for range 3 {
		s.Start(f, nil)
	}
	s.Schedule(10, PriorityDefault, HandlerFunc(func() { s.Start(f, nil) }))
	s.Run()
	want := []string{"2:balked@0", "3:balked@0", "1:done@10", "4:done@20"}
	if fmt.Sprint(fates) != fmt.Sprint(want) {
		t.Errorf("fates %v, want %v", fates, want)
	}
}

// TestFinishingWhileHoldingPanics: an entity that reaches the end of its flow
// still holding a unit is a bug in the model, caught at once.
func TestFinishingWhileHoldingPanics(t *testing.T) {
	s := New()
	r := s.NewResource("desk", 1)
	f := NewFlow("f").Then(Seize(r, 1))
	mustPanic(t, "finish holding", func() { s.Start(f, nil) })
}

// countsMon checks, at every release, that the resource's counts already
// show the unit given back: busy, idle and resting units make up those
// rostered, as the ResourceEvent documentation promises.
type countsMon struct {
	t *testing.T
	n int
}

func (m *countsMon) ResourceChanged(ev ResourceEvent) {
	if ev.Kind != ResourceReleased {
		return
	}
	m.n++
	r := ev.Resource
	if r.Busy()+r.Idle()+r.Resting() != r.Capacity() {
		m.t.Errorf("released unit %d at %v: busy %d + idle %d + resting %d, capacity %d",
			ev.Unit, ev.Time, r.Busy(), r.Idle(), r.Resting(), r.Capacity())
	}
}

// TestReleasedCounts: a monitor sees a released unit idle, also when the
// release hands it on to the head of the queue and when several units are
// released at once.
func TestReleasedCounts(t *testing.T) {
	s := New()
	r := s.NewResource("r", 2)
	m := &countsMon{t: t}
	r.SetMonitor(m)
	one := NewFlow("one").Then(Seize(r, 1), Delay(Constant(10)), Release(r, 1))
	two := NewFlow("two").Then(Seize(r, 2), Delay(Constant(5)), Release(r, 2))
	for _, f := range []*Flow{one, one, one, two, one} {
		s.Start(f, nil)
	}
	s.Run()
	if m.n != 6 {
		t.Errorf("%d releases, want 6", m.n)
	}
}
