package sim

import (
	"strings"
	"testing"
)

func TestStepsRunInOrder(t *testing.T) {
	s := New()
	j := &journal{s: s}
	f := NewFlow("f").Then(
		j.note("a"),
		Delay(Constant(2)),
		j.note("b"),
		DelayFor(func(e *Entity) float64 { return float64(e.Key) }), // 3
		j.note("c"),
		DelayFor(func(*Entity) float64 { return -4 }), // counts as zero
		j.note("d"),
		StepFunc(func(e *Entity) Outcome { e.Hold(1.5); return Wait }),
		j.note("e"),
	)
	if f.Len() != 9 {
		t.Errorf("Len = %d, want 9", f.Len())
	}
	e := s.NewEntity(nil)
	e.Key = 3
	s.Begin(e, f)
	// "a" runs at once, inside Begin.
	j.want(t, "a@0")
	s.Run()
	j.want(t, "a@0", "b@2", "c@5", "d@5", "e@6.5")
}

func TestParkAndWake(t *testing.T) {
	s := New()
	j := &journal{s: s}
	f := NewFlow("f").Then(j.note("parked"), Park(), j.note("woken"), Delay(Constant(1)), j.note("done"))
	e := s.Start(f, nil)
	at(s, 7, e.Wake)
	s.Run()
	j.want(t, "parked@0", "woken@7", "done@8")
}

func TestGotoIfAndLabels(t *testing.T) {
	s := New()
	j := &journal{s: s}
	type rec struct{ n int }
	f := NewFlow("loop")
	f.Label("top").Then(
		Do(func(e *Entity) { e.Data.(*rec).n++ }),
		Delay(Constant(2)),
		If(func(e *Entity) bool { return e.Data.(*rec).n < 3 }, "top"),
		j.note("out"),
		Goto("end"),
		j.note("skipped"),
	).Label("end")
	if err := f.Check(); err != nil {
		t.Fatal(err)
	}
	r := &rec{}
	var doneAt float64
	f.OnDone(func(*Entity) { doneAt = s.Now() })
	s.Start(f, r)
	s.Run()
	// Three rounds of 2 s: out at 6, the jump to the end label finishes.
	j.want(t, "out@6")
	if r.n != 3 || doneAt != 6 {
		t.Errorf("rounds %d done at %v, want 3 and 6", r.n, doneAt)
	}
}

// TestGotoSharedByFlows: one Goto step in two flows, its label at a
// different step in each, sends each entity to the label of its own
// flow, whichever flow walks the step first and however they alternate
// (the step keeps the label's place of the flow it last saw).
func TestGotoSharedByFlows(t *testing.T) {
	s := New()
	j := &journal{s: s}
	jump := Goto("out")
	a := NewFlow("a").Then(Delay(Constant(1)), jump, j.note("a skipped")).Label("out").Then(j.note("a out"))
	b := NewFlow("b").Then(Delay(Constant(2)), jump, j.note("b skipped"), j.note("b skipped too")).Label("out").Then(j.note("b out"))
	for _, f := range []*Flow{a, b} {
		if err := f.Check(); err != nil {
			t.Fatal(err)
		}
	}
	s.Start(a, nil)
	s.Start(b, nil)
	at(s, 2.5, func() { s.Start(a, nil) })
	s.Run()
	j.want(t, "a out@1", "b out@2", "a out@3.5")
}

func TestJump(t *testing.T) {
	s := New()
	j := &journal{s: s}
	f := NewFlow("f")
	f.Then(StepFunc(func(e *Entity) Outcome {
		if e.Jump("nowhere") {
			t.Error("Jump to a missing label reported true")
		}
		if !e.Jump("b") {
			t.Error("Jump to b reported false")
		}
		return Next
	}), j.note("a")).Label("b").Then(j.note("b"))
	s.Start(f, nil)
	j.want(t, "b@0")
}

func TestCheckReportsMissingLabels(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	st := s.NewStore("st", 1, true)
	for _, x := range []struct {
		name string
		step Step
		miss string
	}{
		{"goto", Goto("g"), "g"},
		{"if", If(func(*Entity) bool { return true }, "i"), "i"},
		{"renege", Seize(r, 1).Patience(Constant(1), "rn"), "rn"},
		{"balk", Seize(r, 1).OnBalk("bk"), "bk"},
		{"reject", Put(st, "rj"), "rj"},
	} {
		f := NewFlow(x.name).Then(x.step)
		err := f.Check()
		if err == nil || !strings.Contains(err.Error(), `"`+x.miss+`"`) {
			t.Errorf("%s: Check = %v, want a missing %q", x.name, err, x.miss)
			continue
		}
		mustPanic(t, x.name+": starting an entity", func() { s.Start(f, nil) })
		f.Label(x.miss)
		if err := f.Check(); err != nil {
			t.Errorf("%s: with the label, Check = %v", x.name, err)
		}
	}
	// Empty optional labels are fine.
	f := NewFlow("ok").Then(Seize(r, 1).Patience(Constant(1), "").OnBalk(""), Put(st, ""))
	if err := f.Check(); err != nil {
		t.Errorf("optional labels left empty: Check = %v", err)
	}
}

func TestFlowMisusePanics(t *testing.T) {
	f := NewFlow("f").Label("x")
	mustPanic(t, "label defined twice", func() { f.Label("x") })
	s := New()
	f.Then(Delay(Constant(1)))
	s.Start(f, nil)
	mustPanic(t, "Then after an entity started", func() { f.Then(Delay(Constant(1))) })
}

func TestOnDoneFatesIDsAndRecycling(t *testing.T) {
	s := New()
	r := s.NewResource("r", 1)
	r.SetBalking(1)
	st := s.NewStore("st", 0, true)
	seen := map[int64]Fate{}
	var order []int64
	done := func(e *Entity) {
		if _, dup := seen[e.ID]; dup {
			t.Errorf("entity %d seen twice by OnDone", e.ID)
		}
		seen[e.ID] = e.Fate
		order = append(order, e.ID)
	}
	work := NewFlow("work").Then(Seize(r, 1).Patience(Constant(5), ""), Delay(Constant(10)), Release(r, 1)).OnDone(done)
	rej := NewFlow("rej").Then(Put(st, "")).OnDone(done)
	// 1 at 0 is served 0..10 (Done at 10); 2 at 1 queues and reneges at 6;
	// 3 at 2 finds one waiting and balks at 2; 4 at 3 is rejected at 3.
	startAt(s, 0, work, "1", 0)
	startAt(s, 1, work, "2", 0)
	startAt(s, 2, work, "3", 0)
	startAt(s, 3, rej, "4", 0)
	var liveAt []int
	for _, x := range []float64{0.5, 1.5, 2.5, 3.5, 6.5, 10.5} {
		at(s, x, func() { liveAt = append(liveAt, s.Live()) })
	}
	s.Run()
	want := map[int64]Fate{1: Done, 2: Reneged, 3: Balked, 4: Rejected}
	for id, f := range want {
		if seen[id] != f {
			t.Errorf("entity %d: fate %v, want %v", id, seen[id], f)
		}
	}
	if len(seen) != 4 {
		t.Errorf("OnDone saw %d entities, want 4", len(seen))
	}
	// Finished in the order: 3 (balked at 2), 4 (rejected at 3), 2 (6), 1 (10).
	if w := []int64{3, 4, 2, 1}; len(order) != 4 || order[0] != w[0] || order[1] != w[1] || order[2] != w[2] || order[3] != w[3] {
		t.Errorf("finish order %v, want %v", order, w)
	}
	// Live: 1 at 0.5, 2 at 1.5, 2 at 2.5 (3 balked), 2 at 3.5 (4 rejected),
	// 1 at 6.5 (2 reneged), 0 at 10.5.
	wantLive := []int{1, 2, 2, 2, 1, 0}
	for i := range wantLive {
		if liveAt[i] != wantLive[i] {
			t.Errorf("Live at sample %d = %d, want %d (all %v)", i, liveAt[i], wantLive[i], liveAt)
		}
	}
}

func TestEntitiesRecycledWithFreshState(t *testing.T) {
	s := New()
	st := s.NewStore("st", Unlimited, false)
	item := NewFlow("item").Then(Put(st, ""))
	var first *Entity
	f := NewFlow("f").Then(
		Get(st, nil, 2, 0),
		Drop(),
		Delay(Constant(1)),
		Do(func(e *Entity) { e.Fate = Balked }), // a finished entity's fields must not leak
	).OnDone(func(e *Entity) {
		if first == nil {
			first = e
		}
	})
	it := s.NewEntity("item")
	it.Key = 4
	s.Begin(it, item)
	e := s.NewEntity("data")
	e.Prio, e.Key = 7, 9
	s.Begin(e, f)
	s.Run()
	if first != e {
		t.Fatal("OnDone did not see the entity")
	}
	// Two entities finished; the free list gives them back, most recent first.
	ids := map[int64]bool{}
	var last int64
	for range 4 {
		x := s.NewEntity(nil)
		if x.ID <= last {
			t.Errorf("ID %d not increasing after %d", x.ID, last)
		}
		last = x.ID
		ids[x.ID] = true
		if x.Prio != 0 || x.Key != 0 || x.Data != nil || x.Fate != Done || len(x.Items) != 0 || len(x.held) != 0 || x.flow != nil {
			t.Errorf("recycled entity %d not reset: %+v", x.ID, x)
		}
		if x.Sim() != s {
			t.Error("entity of another sim")
		}
	}
	if len(ids) != 4 || last != 6 {
		t.Errorf("IDs %v, last %d, want 4 distinct ending at 6", ids, last)
	}
}

func TestEntityIDsAcrossManyRecycles(t *testing.T) {
	s := New()
	n := 0
	f := NewFlow("f").Then(Delay(Constant(1))).OnDone(func(*Entity) { n++ })
	ptrs := map[*Entity]bool{}
	var last int64
	src := s.NewSource(f, Renewal{Gap: Constant(0.5)}).Until(100).Setup(func(e *Entity, _ int64) {
		if e.ID != last+1 {
			t.Errorf("ID %d after %d", e.ID, last)
		}
		last = e.ID
		ptrs[e] = true
	})
	src.Start()
	s.Run()
	// Arrivals at 0.5, 1, ..., 99.5 (199 of them), each in the system for
	// 1 s: at most 3 live at once, so a handful of Entity values serve all.
	if n != 199 || last != 199 || src.Arrived() != 199 {
		t.Errorf("done %d last ID %d arrived %d, want 199", n, last, src.Arrived())
	}
	if len(ptrs) > 3 {
		t.Errorf("%d distinct entities used, want at most 3", len(ptrs))
	}
}

func TestEntityAccessors(t *testing.T) {
	s := New()
	r := s.NewResource("r", 3)
	q := s.NewResource("q", 1)
	f := NewFlow("f").Then(Seize(r, 2), Seize(q, 1), Park())
	e := s.Start(f, nil)
	if e.Flow() != f || e.Holds(r) != 2 || e.Holds(q) != 1 {
		t.Errorf("Flow %v Holds(r) %d Holds(q) %d", e.Flow(), e.Holds(r), e.Holds(q))
	}
	e.ReleaseAll()
	if e.Holds(r) != 0 || e.Holds(q) != 0 || r.Idle() != 3 || q.Idle() != 1 {
		t.Errorf("after ReleaseAll: holds %d %d idle %d %d", e.Holds(r), e.Holds(q), r.Idle(), q.Idle())
	}
}

func TestStringers(t *testing.T) {
	for _, x := range []struct{ got, want string }{
		{Done.String(), "done"},
		{Balked.String(), "balked"},
		{Reneged.String(), "reneged"},
		{Rejected.String(), "rejected"},
		{Fate(9).String(), "unknown"},
		{ResourceQueued.String(), "queued"},
		{ResourceUnitRest.String(), "unit-rest"},
		{ResourceEventKind(99).String(), "unknown"},
		{StorePut.String(), "put"},
		{StoreTaken.String(), "taken"},
		{StoreEventKind(99).String(), "unknown"},
	} {
		if x.got != x.want {
			t.Errorf("got %q, want %q", x.got, x.want)
		}
	}
}
