package sim

import "testing"

func TestPreemptResumeAndRestart(t *testing.T) {
	for _, x := range []struct {
		mode    PreemptMode
		lowEnds string
	}{
		// Low (10 s) starts at 0; High (4 s) arrives at 3 and takes the unit
		// until 7. Resume: Low has 7 s left, ends at 14. Restart: it runs
		// its 10 s again, ends at 17.
		{PreemptResume, "Low end@14"},
		{PreemptRestart, "Low end@17"},
	} {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 1)
		r.SetPreemption(x.mode)
		m := &resRec{}
		r.SetMonitor(m)
		startAt(s, 0, job(j, r, 1, 10), "Low", 0)
		startAt(s, 3, job(j, r, 1, 4), "High", 1)
		s.Run()
		j.want(t, "Low start@0", "High start@3", "High end@7", x.lowEnds)
		// Preempted, granted to High, Low queued; at 7 Low is granted after
		// waiting 4 s.
		var kinds []ResourceEventKind
		for _, ev := range m.evs {
			kinds = append(kinds, ev.Kind)
		}
		want := []ResourceEventKind{ResourceGranted, ResourcePreempted, ResourceGranted, ResourceQueued,
			ResourceReleased, ResourceGranted, ResourceReleased}
		if len(kinds) != len(want) {
			t.Fatalf("mode %d: events %v", x.mode, kinds)
		}
		for i := range want {
			if kinds[i] != want[i] {
				t.Errorf("mode %d: event %d is %v, want %v", x.mode, i, kinds[i], want[i])
			}
		}
		if p := m.evs[1]; p.who != "Low" || p.Time != 3 || p.Unit != 0 {
			t.Errorf("preempted event %+v", p)
		}
		if g := m.evs[5]; g.who != "Low" || g.Time != 7 || g.Waited != 4 {
			t.Errorf("re-grant %+v", g)
		}
	}
}

func TestPreemptTwice(t *testing.T) {
	// Resume: Low 10 s from 0; H1 (3 s) at 2 leaves 8 s, H1 ends at 5; Low
	// resumes, H2 (1 s) at 6 leaves 7 s; H2 ends at 7; Low ends at 14.
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptResume)
	startAt(s, 0, job(j, r, 1, 10), "Low", 0)
	startAt(s, 2, job(j, r, 1, 3), "H1", 5)
	startAt(s, 6, job(j, r, 1, 1), "H2", 5)
	s.Run()
	j.want(t, "Low start@0", "H1 start@2", "H1 end@5", "H2 start@6", "H2 end@7", "Low end@14")
}

func TestPreemptedGoesToFrontOfItsClass(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptResume)
	// L1 (prio 0) serves 0..10; L2 (prio 0) queues at 1. H (prio 5, 3 s) at
	// 2 preempts L1, which goes back to the queue in front of L2 (same class,
	// though it queued later). At 5 L1 resumes with 8 s left: ends at 13.
	// L2 then runs 13..23.
	startAt(s, 0, job(j, r, 1, 10), "L1", 0)
	startAt(s, 1, job(j, r, 1, 10), "L2", 0)
	startAt(s, 2, job(j, r, 1, 3), "H", 5)
	s.Run()
	j.want(t, "L1 start@0", "H start@2", "H end@5", "L1 end@13", "L2 start@13", "L2 end@23")
}

func TestPreemptedStaysBehindHigherClasses(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptResume)
	// L (prio 0, 10 s) from 0. M (prio 2, 5 s) at 1 preempts L (9 s left).
	// H (prio 5, 2 s) at 2 preempts M (4 s left). M goes to the front of
	// class 2, ahead of L (class 0). H ends at 4, M 4..8, L 8..17.
	startAt(s, 0, job(j, r, 1, 10), "L", 0)
	startAt(s, 1, job(j, r, 1, 5), "M", 2)
	startAt(s, 2, job(j, r, 1, 2), "H", 5)
	s.Run()
	j.want(t, "L start@0", "M start@1", "H start@2", "H end@4", "M end@8", "L end@17")
}

func TestNoPreemption(t *testing.T) {
	for _, x := range []struct {
		name string
		mode PreemptMode
		prio int
	}{
		{"equal priority", PreemptResume, 0},
		{"mode off", NoPreempt, 5},
	} {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 1)
		r.SetPreemption(x.mode)
		// A (10 s) at 0, B (4 s) at 3: B waits until 10, ends at 14.
		startAt(s, 0, job(j, r, 1, 10), "A", 0)
		startAt(s, 3, job(j, r, 1, 4), "B", x.prio)
		s.Run()
		if j.String() != "A start@0, A end@10, B start@10, B end@14" {
			t.Errorf("%s: %s", x.name, j)
		}
	}
}

func TestPreemptVictimChoice(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 3)
	r.SetPreemption(PreemptResume)
	// A (prio 2) at 0, B (prio 1) at 1, C (prio 1) at 2, all 100 s. H (prio
	// 5, 1 s) at 3 preempts the lowest priority, most recently served: C.
	// C resumes at 4 with 99 s left: ends at 103.
	startAt(s, 0, job(j, r, 1, 100), "A", 2)
	startAt(s, 1, job(j, r, 1, 100), "B", 1)
	startAt(s, 2, job(j, r, 1, 100), "C", 1)
	startAt(s, 3, job(j, r, 1, 1), "H", 5)
	s.Run()
	j.want(t, "A start@0", "B start@1", "C start@2", "H start@3", "H end@4", "A end@100", "B end@101", "C end@103")
}

func TestPreemptOnlyHoldersInADelay(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptRestart)
	// P (prio 0) holds the unit while parked, so it cannot be preempted: H
	// waits until P is woken at 10 and releases.
	fp := NewFlow("P").Then(Seize(r, 1), j.noteName("start"), Park(), Release(r, 1), j.noteName("end"))
	p := s.NewEntity("P")
	s.Begin(p, fp)
	startAt(s, 1, job(j, r, 1, 2), "H", 5)
	at(s, 10, p.Wake)
	s.Run()
	j.want(t, "P start@0", "P end@10", "H start@10", "H end@12")
}

func TestNoPreemptionForSeveralUnits(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	r.SetPreemption(PreemptResume)
	// H wants 2 units: preemption applies to single-unit requests only.
	startAt(s, 0, job(j, r, 2, 10), "L", 0)
	startAt(s, 1, job(j, r, 2, 1), "H", 5)
	s.Run()
	j.want(t, "L start@0", "L end@10", "H start@10", "H end@11")
}

// Regression: a request that arrives while one of higher priority waits must
// not preempt past it. H waits because the holder L was not in a delay when
// H came; when N (priority between them) arrives, L is in a delay, and N
// used to preempt L and be served before H.
func TestPreemptionDoesNotOvertakeHigherWaiting(t *testing.T) {
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptResume)
	other := s.NewResource("other", 1)
	// K holds other 0..5. L (prio 0) takes r at 0, then waits for other.
	// H (prio 5, 2 s) queues at r at 1. At 5 L gets other and holds both
	// 5..15. N (prio 3, 2 s) at 6: H is first in line, N queues behind it.
	// At 15 H runs 15..17, then N 17..19.
	startAt(s, 0, job(j, other, 1, 5), "K", 0)
	fl := NewFlow("L").Then(Seize(r, 1), Seize(other, 1), j.noteName("start"), Delay(Constant(10)),
		Release(other, 1), Release(r, 1), j.noteName("end"))
	startAt(s, 0, fl, "L", 0)
	startAt(s, 1, job(j, r, 1, 2), "H", 5)
	startAt(s, 6, job(j, r, 1, 2), "N", 3)
	s.Run()
	j.want(t, "K start@0", "K end@5", "L start@5", "L end@15", "H start@15", "H end@17", "N start@17", "N end@19")
}

func TestPreemptionPrefersAnIdleUnit(t *testing.T) {
	// Capacity 2: L (prio 0) holds one unit 0..10, Q (prio 0) waits for 2.
	// H (prio 5) at 1 is first in line and one unit is idle: it takes the idle
	// unit, preempting nobody; L still ends at 10.
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 2)
	r.SetPreemption(PreemptResume)
	m := &resRec{}
	r.SetMonitor(m)
	startAt(s, 0, job(j, r, 1, 10), "L", 0)
	startAt(s, 0, job(j, r, 2, 1), "Q", 0)
	startAt(s, 1, job(j, r, 1, 2), "H", 5)
	s.Run()
	j.want(t, "L start@0", "H start@1", "H end@3", "L end@10", "Q start@10", "Q end@11")
	if n := len(m.of(ResourcePreempted)); n != 0 {
		t.Errorf("%d preemptions, want 0", n)
	}
}

func TestPreemptAtTheEndOfTheVictimsDelay(t *testing.T) {
	// Low's delay ends at 10, but H arrives at 10 first (it was scheduled
	// before Low's end of service): Low is preempted with nothing left to
	// run. Resume: Low ends when it gets the unit back at 12.
	s := New()
	j := &journal{s: s}
	r := s.NewResource("r", 1)
	r.SetPreemption(PreemptResume)
	startAt(s, 10, job(j, r, 1, 2), "H", 5) // scheduled before Low starts
	s.Begin(s.NewEntity("Low"), job(j, r, 1, 10))
	s.Run()
	j.want(t, "Low start@0", "H start@10", "H end@12", "Low end@12")
}

// Regression: preemption took units that were finishing their task past the
// end of their shift or past their duty limit, handing off-duty workers new
// work.
func TestNoPreemptionOfUnitsDueOff(t *testing.T) {
	t.Run("shift ended", func(t *testing.T) {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 1)
		r.SetPreemption(PreemptResume)
		m := &resRec{}
		r.SetMonitor(m)
		// Low 0..10; the shift ends at 2, Low's worker finishes and goes off
		// at 10 (8 s overtime). High at 3 finds nobody on duty and waits
		// until the next shift at 20: 20..24.
		startAt(s, 0, job(j, r, 1, 10), "Low", 0)
		setCapAt(s, 2, r, 0)
		startAt(s, 3, job(j, r, 1, 4), "High", 5)
		setCapAt(s, 20, r, 1)
		s.Run()
		j.want(t, "Low start@0", "Low end@10", "High start@20", "High end@24")
		wantDuty(t, m, "unit-off u0@10+8", "unit-on u0@20+0")
	})
	t.Run("duty limit reached", func(t *testing.T) {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 1)
		r.SetDutyLimit(5, 10)
		r.SetPreemption(PreemptResume)
		m := &resRec{}
		r.SetMonitor(m)
		// Low 0..10; the duty limit comes at 5, so the worker rests after
		// Low's task, 10..20, 5 s past the limit. High at 6 waits: 20..24.
		startAt(s, 0, job(j, r, 1, 10), "Low", 0)
		startAt(s, 6, job(j, r, 1, 4), "High", 5)
		s.RunUntil(24.5)
		j.want(t, "Low start@0", "Low end@10", "High start@20", "High end@24")
		wantDuty(t, m, "unit-rest u0@10+5", "unit-on u0@20+0")
	})
	t.Run("another unit on duty", func(t *testing.T) {
		s := New()
		j := &journal{s: s}
		r := s.NewResource("r", 2)
		r.SetPreemption(PreemptRestart)
		// A (prio 0) on unit 0 from 0, B (prio 1) on unit 1 from 1, both
		// 10 s. At 2 one unit goes: A's (the earliest task). High at 3
		// preempts B, on the unit still on duty, although A's priority is
		// lower. B restarts at 7 and ends at 17.
		startAt(s, 0, job(j, r, 1, 10), "A", 0)
		startAt(s, 1, job(j, r, 1, 10), "B", 1)
		setCapAt(s, 2, r, 1)
		startAt(s, 3, job(j, r, 1, 4), "High", 5)
		s.Run()
		j.want(t, "A start@0", "B start@1", "High start@3", "High end@7", "A end@10", "B end@17")
	})
}
