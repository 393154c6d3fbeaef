package sim

import "testing"

// pairJob seizes every need together, holds d and releases them all.
func pairJob(j *journal, d float64, needs ...Need) *Flow {
	return NewFlow("pair").Then(SeizeTogether(needs...), j.noteName("start"), Delay(Constant(d)), ReleaseAll(), j.noteName("end"))
}

func TestJointGrantedOnlyWhenAllFree(t *testing.T) {
	s := New()
	j := &journal{s: s}
	worker := s.NewResource("worker", 1)
	cart := s.NewResource("cart", 1)
	// X holds the cart 0..10. J wants worker and cart at 1: it waits holding
	// neither (the worker stays idle). Y wants the worker at 2: J is ahead of
	// it in the worker's queue, so Y waits although the worker is idle. At
	// 10 J gets both (10..15); Y gets the worker at 15.
	startAt(s, 0, job(j, cart, 1, 10), "X", 0)
	startAt(s, 1, pairJob(j, 5, Need{worker, 1}, Need{cart, 1}), "J", 0)
	startAt(s, 2, job(j, worker, 1, 1), "Y", 0)
	s.RunUntil(5)
	if worker.Busy() != 0 || worker.Idle() != 1 || worker.Queued() != 2 || cart.Queued() != 1 {
		t.Errorf("at 5: worker busy %d idle %d queued %d, cart queued %d",
			worker.Busy(), worker.Idle(), worker.Queued(), cart.Queued())
	}
	s.Run()
	j.want(t, "X start@0", "X end@10", "J start@10", "J end@15", "Y start@15", "Y end@16")
}

func TestJointImmediate(t *testing.T) {
	s := New()
	a := s.NewResource("a", 2)
	b := s.NewResource("b", 3)
	m := &resRec{}
	a.SetMonitor(m)
	b.SetMonitor(m)
	e := s.NewEntity("J")
	s.Begin(e, NewFlow("f").Then(SeizeTogether(Need{a, 2}, Need{b, 2}), Park()))
	if e.Holds(a) != 2 || e.Holds(b) != 2 || a.Idle() != 0 || b.Idle() != 1 {
		t.Errorf("holds %d %d idle %d %d", e.Holds(a), e.Holds(b), a.Idle(), b.Idle())
	}
	if g := m.of(ResourceGranted); len(g) != 4 || g[0].Waited != 0 {
		t.Errorf("grants %+v", g)
	}
}

func TestJointWaitedAndAmounts(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 3)
	b := s.NewResource("b", 2)
	m := &resRec{}
	a.SetMonitor(m)
	b.SetMonitor(m)
	// X holds 2 of a 0..4; Y holds 1 of b 0..6. J wants 2 of a and 2 of b
	// at 1: a frees at 4, b at 6, so J starts at 6 having waited 5.
	startAt(s, 0, job(j, a, 2, 4), "X", 0)
	startAt(s, 0, job(j, b, 1, 6), "Y", 0)
	startAt(s, 1, pairJob(j, 2, Need{a, 2}, Need{b, 2}), "J", 0)
	s.Run()
	j.want(t, "X start@0", "Y start@0", "X end@4", "Y end@6", "J start@6", "J end@8")
	n := 0
	for _, g := range m.of(ResourceGranted) {
		if g.who == "J" {
			n++
			if g.Waited != 5 || g.Time != 6 {
				t.Errorf("J grant %+v", g)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d grants to J, want 4", n)
	}
	if q := m.of(ResourceQueued); len(q) != 2 {
		t.Errorf("queued events %+v, want one per resource", q)
	}
}

func TestJointFIFOAcrossQueues(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 1)
	// X holds a 0..10. J1 wants a and b at 1 and waits. At 2 B1 wants b
	// alone: J1 is ahead of it in b's queue, so B1 waits although b is idle.
	// At 3 J2 wants b and a: it is behind J1 in both queues and behind B1 in
	// b's. At 10 J1 gets both, 10..12.
	startAt(s, 0, job(j, a, 1, 10), "X", 0)
	startAt(s, 1, pairJob(j, 2, Need{a, 1}, Need{b, 1}), "J1", 0)
	startAt(s, 2, job(j, b, 1, 3), "B1", 0)
	startAt(s, 3, pairJob(j, 1, Need{b, 1}, Need{a, 1}), "J2", 0)
	s.Run()
	// At 12 J1 releases: B1 (first in b's queue) takes b 12..15; J2 is first
	// in a's queue but not in b's, so it waits for B1: 15..16.
	j.want(t, "X start@0", "X end@10", "J1 start@10", "J1 end@12", "B1 start@12", "B1 end@15", "J2 start@15", "J2 end@16")
}

func TestJointCrossedNoDeadlock(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 1)
	// Four jobs at 0, alternating the order of their needs. Taken one at a
	// time (a and b each) would deadlock; together they run one after the
	// other, 3 s each.
	startAt(s, 0, pairJob(j, 3, Need{a, 1}, Need{b, 1}), "P", 0)
	startAt(s, 0, pairJob(j, 3, Need{b, 1}, Need{a, 1}), "Q", 0)
	startAt(s, 0, pairJob(j, 3, Need{a, 1}, Need{b, 1}), "R", 0)
	startAt(s, 0, pairJob(j, 3, Need{b, 1}, Need{a, 1}), "S", 0)
	s.Run()
	j.want(t, "P start@0", "P end@3", "Q start@3", "Q end@6", "R start@6", "R end@9", "S start@9", "S end@12")
	if s.Live() != 0 {
		t.Errorf("Live = %d", s.Live())
	}
}

func TestJointRespectsPriority(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 1)
	// X holds a 0..5. Lo (prio 0) and Hi (prio 3) both want a and b; Hi
	// comes later but goes first in both queues: Hi 5..6, Lo 6..7.
	startAt(s, 0, job(j, a, 1, 5), "X", 0)
	startAt(s, 1, pairJob(j, 1, Need{a, 1}, Need{b, 1}), "Lo", 0)
	startAt(s, 2, pairJob(j, 1, Need{b, 1}, Need{a, 1}), "Hi", 3)
	s.Run()
	j.want(t, "X start@0", "X end@5", "Hi start@5", "Hi end@6", "Lo start@6", "Lo end@7")
}

func TestJointReneging(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 1)
	m := &resRec{}
	a.SetMonitor(m)
	b.SetMonitor(m)
	var fate Fate
	needs := []Need{{a, 1}, {b, 1}}
	fj := NewFlow("J").Then(StepFunc(func(e *Entity) Outcome {
		return SeizeAll(e, needs, 4, e.flow.target("gone"))
	}), j.noteName("start"), ReleaseAll(), Goto("end"))
	fj.Label("gone").Then(j.noteName("gave up")).Label("end")
	fj.OnDone(func(e *Entity) { fate = e.Fate })
	// X holds b 0..10. J wants a and b at 1 with patience 4: it gives up at
	// 5 and leaves both queues. Y, behind J in a's queue since 2 (a idle),
	// gets a at 5.
	startAt(s, 0, job(j, b, 1, 10), "X", 0)
	startAt(s, 1, fj, "J", 0)
	startAt(s, 2, job(j, a, 1, 1), "Y", 0)
	s.RunUntil(5.5)
	if a.Queued() != 0 || b.Queued() != 0 {
		t.Errorf("after reneging: queued %d %d, want 0 0", a.Queued(), b.Queued())
	}
	s.Run()
	j.want(t, "X start@0", "J gave up@5", "Y start@5", "Y end@6", "X end@10")
	if fate != Reneged {
		t.Errorf("fate %v", fate)
	}
	rn := m.of(ResourceReneged)
	if len(rn) != 2 || rn[0].Resource != a || rn[1].Resource != b || rn[0].Waited != 4 || rn[1].Time != 5 {
		t.Errorf("reneged events %+v", rn)
	}
}

func TestJointServedBeforePatienceRunsOut(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 1)
	var fate Fate = 99
	fj := NewFlow("J").Then(StepFunc(func(e *Entity) Outcome {
		return SeizeAll(e, []Need{{a, 1}, {b, 1}}, 20, -1)
	}), j.noteName("start"), Delay(Constant(30)), ReleaseAll(), j.noteName("end")).OnDone(func(e *Entity) { fate = e.Fate })
	startAt(s, 0, job(j, b, 1, 10), "X", 0)
	startAt(s, 1, fj, "J", 0)
	s.Run()
	// Served at 10, before its patience (21) runs out: it must not renege
	// at 21 in the middle of its work.
	j.want(t, "X start@0", "X end@10", "J start@10", "J end@40")
	if fate != Done {
		t.Errorf("fate %v", fate)
	}
}

// Regression: a joint request of higher priority than everyone waiting was
// queued (and left waiting with its units idle) whenever a queue was not
// empty, even though it was first in line everywhere.
func TestJointHigherPriorityServedAtOnce(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 2)
	b := s.NewResource("b", 1)
	// A holds 1 of a 0..10; Q (prio 0) waits for 2 of a, 1 idle. J (prio 5)
	// wants 1 of a and 1 of b at 1: it is first in both lines and both are
	// free, so it runs 1..3. Q starts when A leaves at 10.
	startAt(s, 0, job(j, a, 1, 10), "A", 0)
	startAt(s, 0, job(j, a, 2, 5), "Q", 0)
	startAt(s, 1, pairJob(j, 2, Need{a, 1}, Need{b, 1}), "J", 5)
	s.Run()
	j.want(t, "A start@0", "J start@1", "J end@3", "A end@10", "Q start@10", "Q end@15")
}

func TestJointServedWhenCapacityComesOn(t *testing.T) {
	s := New()
	j := &journal{s: s}
	a := s.NewResource("a", 1)
	b := s.NewResource("b", 0)
	// Nobody on duty at b until 5: J waits holding nothing, and a's next
	// user Y waits behind it. At 5 J gets both (5..7), then Y (7..8).
	startAt(s, 0, pairJob(j, 2, Need{a, 1}, Need{b, 1}), "J", 0)
	startAt(s, 1, job(j, a, 1, 1), "Y", 0)
	setCapAt(s, 5, b, 1)
	s.Run()
	j.want(t, "J start@5", "J end@7", "Y start@7", "Y end@8")
}
