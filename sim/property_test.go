package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// ---------------------------------------------------------------------------
// The calendar against a reference model.
//
// Handlers schedule, cancel and wake at random; a plain list of events,
// ordered by (time, priority, sequence), says which event must fire next,
// what Cancel must report and what Pending must count. This exercises the
// calendar's firing slot, its ring of resumed entities and its lazy
// cancellation together.

type refEvent struct {
	t         float64
	p         Priority
	seq       uint64
	id        EventID // zero for ring events
	cancelled bool
	fired     bool
}

type calModel struct {
	rt      *rapid.T
	s       *Sim
	seq     uint64
	evs     []*refEvent
	firing  *refEvent
	parked  []*Entity
	last    float64
	stopped bool
}

func (m *calModel) pending() int {
	n := 0
	for _, e := range m.evs {
		if !e.cancelled && !e.fired {
			n++
		}
	}
	return n
}

func (m *calModel) next() *refEvent {
	var best *refEvent
	for _, e := range m.evs {
		if e.cancelled || e.fired {
			continue
		}
		if best == nil || e.t < best.t || (e.t == best.t && (e.p < best.p || (e.p == best.p && e.seq < best.seq))) {
			best = e
		}
	}
	return best
}

func (m *calModel) Trace(t float64, p Priority, seq uint64) {
	if t < m.last {
		m.rt.Fatalf("time ran backwards: %v after %v", t, m.last)
	}
	m.last = t
	want := m.next()
	if want == nil {
		m.rt.Fatalf("event (%v, %d, %d) fired, none pending in the model", t, p, seq)
	}
	if want.t != t || want.p != p || want.seq != seq {
		m.rt.Fatalf("fired (%v, %d, %d), want (%v, %d, %d)", t, p, seq, want.t, want.p, want.seq)
	}
	want.fired = true
	m.firing = want
}

func (m *calModel) schedule(t float64, p Priority) {
	m.seq++
	ev := &refEvent{t: t, p: p, seq: m.seq}
	ev.id = m.s.Schedule(t, p, HandlerFunc(func() { m.act(ev) }))
	m.evs = append(m.evs, ev)
}

var testPriorities = []Priority{PriorityShift, PriorityResume, PriorityDefault, PriorityLate, -1, 1, 3}

// act is what a fired event does: a few random actions.
func (m *calModel) act(self *refEvent) {
	rt, s := m.rt, m.s
	n := rapid.IntRange(0, 3).Draw(rt, "actions")
	for range n {
		switch rapid.IntRange(0, 5).Draw(rt, "action") {
		case 0, 1: // schedule, often at this very instant
			d := rapid.SampledFrom([]float64{0, 0, 0.5, 1, 2.25, 7}).Draw(rt, "d")
			m.schedule(s.Now()+d, rapid.SampledFrom(testPriorities).Draw(rt, "p"))
		case 2: // cancel an event issued earlier, maybe one that fired or this one
			var ids []*refEvent
			for _, e := range m.evs {
				if e.id != (EventID{}) {
					ids = append(ids, e)
				}
			}
			if len(ids) == 0 {
				continue
			}
			e := ids[rapid.IntRange(0, len(ids)-1).Draw(rt, "which")]
			if rapid.IntRange(0, 3).Draw(rt, "self") == 0 {
				e = self
			}
			want := !e.cancelled && !e.fired
			if got := s.Cancel(e.id); got != want {
				rt.Fatalf("Cancel of (%v, %d, %d) fired=%v cancelled=%v at %v: got %v, want %v",
					e.t, e.p, e.seq, e.fired, e.cancelled, s.Now(), got, want)
			}
			if want {
				e.cancelled = true
			}
		case 3: // wake a parked entity
			if len(m.parked) == 0 {
				continue
			}
			i := rapid.IntRange(0, len(m.parked)-1).Draw(rt, "entity")
			e := m.parked[i]
			m.parked = slices.Delete(m.parked, i, i+1)
			m.seq++
			m.evs = append(m.evs, &refEvent{t: s.Now(), p: PriorityResume, seq: m.seq})
			e.Wake()
		case 4:
			if s.Cancel(EventID{}) {
				rt.Fatal("Cancel of the zero EventID reported true")
			}
		case 5:
			if rapid.IntRange(0, 4).Draw(rt, "stop") == 0 {
				s.Stop()
				m.stopped = true
			}
		}
		if got, want := s.Pending(), m.pending(); got != want {
			rt.Fatalf("Pending in a handler at %v = %d, want %d", s.Now(), got, want)
		}
	}
}

func TestPropertyCalendarMatchesReference(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := New()
		m := &calModel{rt: rt, s: s}
		s.SetTracer(m)
		flow := NewFlow("parked")
		flow.Label("top").Then(Park(), Do(func(e *Entity) {
			m.act(m.firing)
			m.parked = append(m.parked, e)
		}), Goto("top"))
		for range rapid.IntRange(0, 4).Draw(rt, "entities") {
			m.parked = append(m.parked, s.Start(flow, nil))
		}
		for range rapid.IntRange(1, 12).Draw(rt, "initial") {
			tm := float64(rapid.IntRange(0, 10).Draw(rt, "t"))
			m.schedule(tm, rapid.SampledFrom(testPriorities).Draw(rt, "p"))
		}
		for steps := 0; steps < 400 && m.pending() > 0; steps++ {
			if got, want := s.Pending(), m.pending(); got != want {
				rt.Fatalf("Pending at %v = %d, want %d", s.Now(), got, want)
			}
			m.stopped = false
			before := s.Now()
			switch rapid.IntRange(0, 2).Draw(rt, "drive") {
			case 0:
				if !s.Step() {
					rt.Fatal("Step found no event")
				}
			case 1:
				until := before + rapid.SampledFrom([]float64{0, 0.5, 1, 2.25, 3}).Draw(rt, "until")
				s.RunUntil(until)
				if !m.stopped {
					if want := math.Max(until, before); s.Now() != want {
						rt.Fatalf("RunUntil(%v) left the clock at %v", until, s.Now())
					}
					if nx := m.next(); nx != nil && nx.t < until {
						rt.Fatalf("RunUntil(%v) left an event at %v", until, nx.t)
					}
				} else if s.Now() != m.last {
					rt.Fatalf("RunUntil stopped at %v, last event at %v", s.Now(), m.last)
				}
			case 2:
				n := rapid.IntRange(1, 5).Draw(rt, "n")
				s.RunWhile(func() bool { n--; return n >= 0 })
			}
			// Between runs, cancelling every event issued must agree with the
			// model (and leave it consistent for the next round).
			for _, e := range m.evs {
				if e.id == (EventID{}) || rapid.IntRange(0, 9).Draw(rt, "recancel") != 0 {
					continue
				}
				want := !e.cancelled && !e.fired
				if got := s.Cancel(e.id); got != want {
					rt.Fatalf("Cancel between runs of (%v, %d, %d) at %v: got %v, want %v", e.t, e.p, e.seq, s.Now(), got, want)
				}
				if want {
					e.cancelled = true
				}
			}
		}
		// Drain what is left (handlers may call Stop; each event begets
		// fewer than one new one on average, so this ends).
		for range 1000 {
			s.Run()
			if m.pending() == 0 {
				break
			}
		}
		if m.pending() != 0 || s.Pending() != 0 || s.Step() {
			rt.Fatalf("after Run: kernel %d pending, model %d", s.Pending(), m.pending())
		}
	})
}

// ---------------------------------------------------------------------------
// Random models of resources.

type resSpec struct {
	roster   []Change
	preempt  PreemptMode
	balk     int
	dutyMax  float64
	dutyRest float64
}

type seizeSpec struct {
	res      []int // one: Seize; two: a joint request
	amount   []int
	patience float64
	out      bool // renege and balk to the "out" label (else leave the flow)
}

type flowSpec struct {
	seizes       []seizeSpec
	delays       []float64
	releaseEarly bool
}

type entSpec struct {
	at   float64
	flow int
	prio int
}

type modelSpec struct {
	dutyFirst bool // set duty limits before the roster puts units on
	res       []resSpec
	flows     []flowSpec
	ents      []entSpec
}

func drawModel(rt *rapid.T) modelSpec {
	var m modelSpec
	nres := rapid.IntRange(1, 3).Draw(rt, "resources")
	m.dutyFirst = rapid.Bool().Draw(rt, "dutyFirst")
	for range nres {
		rs := resSpec{roster: []Change{{0, rapid.IntRange(0, 3).Draw(rt, "cap0")}}}
		var times []float64
		for range rapid.IntRange(0, 4).Draw(rt, "changes") {
			times = append(times, float64(rapid.IntRange(0, 60).Draw(rt, "at"))*2.5)
		}
		slices.Sort(times)
		for _, x := range times {
			rs.roster = append(rs.roster, Change{x, rapid.IntRange(0, 3).Draw(rt, "cap")})
		}
		rs.preempt = PreemptMode(rapid.IntRange(0, 2).Draw(rt, "preempt"))
		rs.balk = -1
		if rapid.IntRange(0, 3).Draw(rt, "balking") == 0 {
			rs.balk = rapid.IntRange(0, 3).Draw(rt, "balk")
		}
		if rapid.IntRange(0, 2).Draw(rt, "dutyOn") == 0 {
			rs.dutyMax = float64(rapid.IntRange(2, 24).Draw(rt, "dutyMax")) * 2.5
			rs.dutyRest = float64(rapid.IntRange(1, 8).Draw(rt, "dutyRest")) * 2.5
		}
		m.res = append(m.res, rs)
	}
	for range rapid.IntRange(1, 3).Draw(rt, "flows") {
		var fs flowSpec
		for range rapid.IntRange(1, 2).Draw(rt, "seizes") {
			var sz seizeSpec
			if nres >= 2 && rapid.IntRange(0, 4).Draw(rt, "joint") == 0 {
				perm := rapid.Permutation([]int{0, 1, 2}[:nres]).Draw(rt, "perm")
				sz.res = perm[:2]
				sz.amount = []int{rapid.IntRange(1, 2).Draw(rt, "a"), rapid.IntRange(1, 2).Draw(rt, "a")}
			} else {
				sz.res = []int{rapid.IntRange(0, nres-1).Draw(rt, "r")}
				sz.amount = []int{rapid.IntRange(1, 2).Draw(rt, "a")}
			}
			if rapid.Bool().Draw(rt, "patient") {
				sz.patience = float64(rapid.IntRange(1, 16).Draw(rt, "patience")) * 2.5
			}
			sz.out = rapid.Bool().Draw(rt, "out")
			fs.seizes = append(fs.seizes, sz)
			// Multiples of 2.5 so that many things happen at one instant.
			fs.delays = append(fs.delays, float64(rapid.IntRange(0, 10).Draw(rt, "delay"))*2.5)
		}
		fs.releaseEarly = len(fs.seizes[0].res) == 1 && rapid.Bool().Draw(rt, "early")
		m.flows = append(m.flows, fs)
	}
	for range rapid.IntRange(1, 30).Draw(rt, "entities") {
		m.ents = append(m.ents, entSpec{
			at:   float64(rapid.IntRange(0, 50).Draw(rt, "arrive")) * 2.5,
			flow: rapid.IntRange(0, len(m.flows)-1).Draw(rt, "flow"),
			prio: rapid.IntRange(-1, 2).Draw(rt, "prio"),
		})
	}
	return m
}

// checkMon derives a resource's state from its monitor's events alone.
type checkMon struct {
	w      *world
	r      *Resource
	busy   int
	queued map[*Entity]bool
	duty   map[int]ResourceEventKind // unit -> last duty event (on, off, rest)

	prev          ResourceEvent
	prevFromQueue bool
}

func (m *checkMon) ResourceChanged(ev ResourceEvent) {
	w := m.w
	if ev.Time != w.s.Now() || ev.Resource != m.r || ev.Waited < 0 || ev.Overtime < 0 {
		w.fail("bad monitor event %+v at %v", ev, w.s.Now())
	}
	switch ev.Kind {
	case ResourceGranted:
		// Nobody overtakes a request waiting with a higher priority, nor,
		// when served without waiting, one of the same priority.
		// (A grant of several units comes as several events in a row.)
		fromQueue := m.queued[ev.Entity] || (m.prev.Kind == ResourceGranted && m.prev.Entity == ev.Entity && m.prevFromQueue)
		m.prevFromQueue = fromQueue
		rank := -int64(ev.Entity.Prio)
		for _, q := range m.r.queue.all() {
			if !m.r.queue.stale(q) && q.e != ev.Entity && (q.rank < rank || (q.rank == rank && !fromQueue)) {
				w.fail("%s: entity %d (prio %d) served while %d (prio %d) waits", m.r.name,
					ev.Entity.ID, ev.Entity.Prio, q.e.ID, q.e.Prio)
			}
		}
		// A unit going off or to rest after its task takes no new one.
		if x := m.r.units[ev.Unit]; x.leaving || x.restNext {
			w.fail("%s unit %d granted to entity %d while due off (%v) or to rest (%v)", m.r.name, ev.Unit,
				ev.Entity.ID, x.leaving, x.restNext)
		}
		m.busy++
		delete(m.queued, ev.Entity)
	case ResourceReleased, ResourcePreempted:
		m.busy--
	case ResourceQueued:
		if m.queued[ev.Entity] {
			w.fail("entity %d queued twice at %s", ev.Entity.ID, m.r.name)
		}
		m.queued[ev.Entity] = true
	case ResourceReneged:
		if !m.queued[ev.Entity] {
			w.fail("entity %d reneged from %s without being queued", ev.Entity.ID, m.r.name)
		}
		delete(m.queued, ev.Entity)
	case ResourceUnitOn, ResourceUnitOff, ResourceUnitRest:
		m.duty[ev.Unit] = ev.Kind
	}
	m.prev = ev
}

// world is one run of a random model with its checks.
type world struct {
	rt       *rapid.T
	s        *Sim
	res      []*Resource
	mons     []*checkMon
	rosters  []*Roster
	live     map[*Entity]bool
	started  int
	finished int
	last     float64
	trace    []traced
	failed   string
}

func (w *world) fail(format string, args ...any) {
	if w.failed == "" {
		w.failed = fmt.Sprintf(format, args...)
	}
}

func (w *world) Trace(t float64, p Priority, seq uint64) {
	if t < w.last {
		w.fail("time ran backwards: %v after %v", t, w.last)
	}
	w.last = t
	w.trace = append(w.trace, traced{t, p, seq})
	w.check(false)
}

// buildWorld builds the model spec describes; monitored puts a checking
// monitor on every resource (without one, a resource passes a freed unit
// straight to the head of its queue: Resource.passOn).
func buildWorld(rt *rapid.T, spec modelSpec, monitored bool) *world {
	s := New()
	w := &world{rt: rt, s: s, live: map[*Entity]bool{}}
	s.SetTracer(w)
	for i, rs := range spec.res {
		r := s.NewResource(fmt.Sprint("r", i), 0)
		if monitored {
			m := &checkMon{w: w, r: r, queued: map[*Entity]bool{}, duty: map[int]ResourceEventKind{}}
			r.SetMonitor(m)
			w.mons = append(w.mons, m)
		}
		r.SetPreemption(rs.preempt)
		r.SetBalking(rs.balk)
		if rs.dutyMax > 0 && spec.dutyFirst {
			r.SetDutyLimit(rs.dutyMax, rs.dutyRest)
		}
		ro, err := s.NewRoster(r, rs.roster)
		if err != nil {
			rt.Fatal(err)
		}
		if rs.dutyMax > 0 && !spec.dutyFirst {
			r.SetDutyLimit(rs.dutyMax, rs.dutyRest)
		}
		w.res = append(w.res, r)
		w.rosters = append(w.rosters, ro)
	}
	var flows []*Flow
	for fi, fs := range spec.flows {
		f := NewFlow(fmt.Sprint("f", fi))
		for i, sz := range fs.seizes {
			label := ""
			if sz.out || i > 0 {
				label = "out" // anything held must be given back
			}
			if len(sz.res) == 1 {
				st := Seize(w.res[sz.res[0]], sz.amount[0]).OnBalk(label)
				if sz.patience > 0 {
					st.Patience(Constant(sz.patience), label)
				}
				f.Then(st)
			} else {
				needs := []Need{{w.res[sz.res[0]], sz.amount[0]}, {w.res[sz.res[1]], sz.amount[1]}}
				f.Then(StepFunc(func(e *Entity) Outcome {
					return SeizeAll(e, needs, sz.patience, e.flow.target(label))
				}))
			}
			f.Then(Delay(Constant(fs.delays[i])))
		}
		if fs.releaseEarly {
			sz := fs.seizes[0]
			f.Then(Release(w.res[sz.res[0]], sz.amount[0]), Delay(Constant(1)))
		}
		f.Then(ReleaseAll(), Goto("end"))
		f.Label("out").Then(ReleaseAll()).Label("end")
		f.OnDone(func(e *Entity) {
			if len(e.held) != 0 {
				w.fail("entity %d finished holding %d units", e.ID, len(e.held))
			}
			if !w.live[e] {
				w.fail("entity %d finished twice or was never started", e.ID)
			}
			delete(w.live, e)
			w.finished++
		})
		flows = append(flows, f)
	}
	for _, es := range spec.ents {
		at(s, es.at, func() {
			e := s.NewEntity(nil)
			e.Prio = es.prio
			w.live[e] = true
			w.started++
			s.Begin(e, flows[es.flow])
		})
	}
	return w
}

// check verifies the invariants of every resource. settled says that every
// event of the current instant has fired.
func (w *world) check(settled bool) {
	s := w.s
	if w.started != w.finished+s.Live() || len(w.live) != s.Live() {
		w.fail("started %d, finished %d, live %d (tracked %d)", w.started, w.finished, s.Live(), len(w.live))
	}
	for i, r := range w.res {
		var idle, busy, leaving, resting int
		for u, x := range r.units {
			switch x.state {
			case unitIdle:
				idle++
				if x.holder != nil || x.leaving || x.restNext {
					w.fail("%s unit %d idle with a holder or flags", r.name, u)
				}
				if r.dutyMax > 0 && x.timer == (EventID{}) {
					w.fail("%s unit %d idle without a duty timer", r.name, u)
				}
			case unitBusy:
				busy++
				if x.leaving {
					leaving++
				}
				h := x.holder
				if h == nil || !w.live[h] {
					w.fail("%s unit %d busy without a live holder", r.name, u)
				} else if !slices.Contains(h.held, holding{r, int32(u)}) {
					w.fail("%s unit %d: holder %d does not hold it", r.name, u, h.ID)
				}
				if r.dutyMax > 0 && x.timer == (EventID{}) && !x.restNext {
					w.fail("%s unit %d busy without a duty timer", r.name, u)
				}
			case unitResting:
				resting++
				if x.holder != nil || x.timer == (EventID{}) {
					w.fail("%s unit %d resting with a holder or without a timer", r.name, u)
				}
			case unitOff:
				if x.holder != nil || x.timer != (EventID{}) {
					w.fail("%s unit %d off with a holder or a pending timer", r.name, u)
				}
			}
			if w.mons == nil {
				continue
			}
			if k := w.mons[i].duty[u]; (k == ResourceUnitOn) != (x.state == unitIdle || x.state == unitBusy) {
				w.fail("%s unit %d in state %d, monitor says %v", r.name, u, x.state, k)
			}
		}
		n := 0
		prevSince := math.Inf(-1)
		for u := r.idleHead; u >= 0; u = r.units[u].next {
			n++
			if r.units[u].state != unitIdle || r.units[u].since < prevSince {
				w.fail("%s idle list out of order at unit %d", r.name, u)
			}
			prevSince = r.units[u].since
			if n > len(r.units) {
				w.fail("%s idle list loops", r.name)
				break
			}
		}
		if n != idle || r.nIdle != idle || r.nBusy != busy || r.nResting != resting {
			w.fail("%s counts: idle %d/%d/%d busy %d/%d resting %d/%d", r.name, n, r.nIdle, idle, r.nBusy, busy, r.nResting, resting)
		}
		// Units on duty are those busy, idle or resting, less those finishing
		// past their shift end; busy units never exceed the units on duty and
		// not resting plus those finishing past a shift end.
		if r.Capacity() != idle+resting+busy-leaving {
			w.fail("%s capacity %d, units: idle %d resting %d busy %d leaving %d", r.name, r.Capacity(), idle, resting, busy, leaving)
		}
		if r.Busy() > r.Available()+leaving || r.Available() > r.Capacity() {
			w.fail("%s busy %d available %d capacity %d leaving %d", r.name, r.Busy(), r.Available(), r.Capacity(), leaving)
		}
		if settled {
			if want := w.rosters[i].CapacityAt(s.Now()); r.Capacity() != want {
				w.fail("%s capacity %d at %v, roster says %d", r.name, r.Capacity(), s.Now(), want)
			}
		}
		// The monitor's view.
		var m *checkMon
		if w.mons != nil {
			m = w.mons[i]
			if m.busy != r.Busy() {
				w.fail("%s monitor busy %d, Busy() %d", r.name, m.busy, r.Busy())
			}
			if len(m.queued) != r.Queued() {
				w.fail("%s monitor queued %d, Queued() %d", r.name, len(m.queued), r.Queued())
			}
		}
		// The queue: live count, order, and no request at the front that the
		// idle units could serve.
		q := &r.queue
		var prev *waitEntry
		live := 0
		for _, e := range q.all() {
			if prev != nil && e.before(prev) {
				w.fail("%s queue out of order", r.name)
			}
			prev = e
			if q.stale(e) {
				continue
			}
			live++
			if m != nil && !m.queued[e.e] {
				w.fail("%s: entity %d waits, the monitor did not see it queue", r.name, e.e.ID)
			}
			if live == 1 && e.e.wait.joint == nil && e.e.wait.amount <= r.nIdle {
				w.fail("%s: %d idle units and the first in line wants %d", r.name, r.nIdle, e.e.wait.amount)
			}
		}
		if live != q.live {
			w.fail("%s queue: %d live entries, count says %d", r.name, live, q.live)
		}
	}
	if settled {
		// Every entity in the system waits in a queue or is in a delay.
		for e := range w.live {
			if !e.wait.active && e.timer == (EventID{}) {
				w.fail("entity %d at step %d neither waits nor is in a delay", e.ID, e.pc)
			}
		}
	}
}

func (w *world) run(horizon float64) {
	s := w.s
	for s.cal.peek(s.now) < horizon {
		s.Step()
		if w.failed != "" {
			w.rt.Fatalf("at %v: %s", s.Now(), w.failed)
		}
		if s.cal.peek(s.now) > s.now {
			w.check(true)
			if w.failed != "" {
				w.rt.Fatalf("at %v (settled): %s", s.Now(), w.failed)
			}
		}
	}
}

func TestPropertyResources(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		spec := drawModel(rt)
		w := buildWorld(rt, spec, true)
		w.check(true)
		if w.failed != "" {
			rt.Fatalf("at the start: %s", w.failed)
		}
		w.run(400)
		// The same model run again gives the same sequence of events.
		w2 := buildWorld(rt, spec, true)
		w2.run(400)
		if !slices.Equal(w.trace, w2.trace) || w.finished != w2.finished {
			rt.Fatalf("two runs of one model differ: %d and %d events, %d and %d finished",
				len(w.trace), len(w2.trace), w.finished, w2.finished)
		}
		// Without monitors, where a freed unit goes straight to the head
		// of the queue, the invariants hold and the events are the same.
		w3 := buildWorld(rt, spec, false)
		w3.run(400)
		if !slices.Equal(w.trace, w3.trace) || w.finished != w3.finished {
			rt.Fatalf("the runs with and without monitors differ: %d and %d events, %d and %d finished",
				len(w.trace), len(w3.trace), w.finished, w3.finished)
		}
	})
}

// ---------------------------------------------------------------------------
// Stores.

func TestPropertyStore(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := New()
		capacity := rapid.SampledFrom([]int{0, 1, 2, 4, Unlimited}).Draw(rt, "capacity")
		reject := rapid.Bool().Draw(rt, "reject")
		st := s.NewStore("st", capacity, reject)
		var failed string
		fail := func(format string, args ...any) {
			if failed == "" {
				failed = fmt.Sprintf(format, args...)
			}
		}
		rejected, putsDone, gotItems := 0, 0, 0
		carried := 0
		itemFlow := NewFlow("item").Then(Put(st, "")).OnDone(func(e *Entity) {
			if e.Fate == Rejected {
				rejected++
			} else {
				putsDone++
			}
		})
		nItems := 0
		for range rapid.IntRange(0, 25).Draw(rt, "items") {
			tm := float64(rapid.IntRange(0, 20).Draw(rt, "put"))
			key := rapid.IntRange(0, 2).Draw(rt, "key")
			prio := rapid.IntRange(-1, 2).Draw(rt, "prio")
			nItems++
			at(s, tm, func() {
				e := s.NewEntity(nil)
				e.Key, e.Prio = key, prio
				s.Begin(e, itemFlow)
			})
		}
		for range rapid.IntRange(0, 10).Draw(rt, "getters") {
			tm := float64(rapid.IntRange(0, 20).Draw(rt, "get"))
			key := rapid.IntRange(-1, 2).Draw(rt, "gkey")
			maxN := rapid.IntRange(1, 3).Draw(rt, "max")
			fill := rapid.SampledFrom([]float64{0, 1, 3.5, math.Inf(1)}).Draw(rt, "fill")
			hold := float64(rapid.IntRange(0, 4).Draw(rt, "hold"))
			f := NewFlow("getter").Then(Get(st, func(*Entity) int { return key }, maxN, fill), Do(func(e *Entity) {
				if len(e.Items) == 0 || len(e.Items) > maxN {
					fail("a getter of %d got %d items", maxN, len(e.Items))
				}
				for _, it := range e.Items {
					if key != AnyKey && it.Key != key {
						fail("a getter of key %d got key %d", key, it.Key)
					}
				}
				gotItems += len(e.Items)
				carried += len(e.Items)
			}), Delay(Constant(hold)), Do(func(e *Entity) { carried -= len(e.Items) }), Drop())
			at(s, tm, func() { s.Start(f, nil) })
		}
		check := func() {
			if st.Len() > capacity {
				fail("%d items in a store of %d", st.Len(), capacity)
			}
			if st.Blocked() > 0 && st.Len() < capacity {
				fail("%d puts blocked with room for more", st.Blocked())
			}
			for k := 1; k < len(st.items); k++ {
				a, b := st.items[k-1], st.items[k]
				if cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.seq, b.seq)) >= 0 {
					fail("store items out of order at %d", k)
				}
			}
			for key := range 3 {
				n := 0
				for _, it := range st.items {
					if it.e.Key == key {
						n++
					}
				}
				if st.Count(key) != n {
					fail("Count(%d) = %d, holds %d", key, st.Count(key), n)
				}
			}
			for _, g := range st.getters {
				n := st.Count(g.get.key)
				if n > 0 && (n >= g.get.max || g.get.expired) {
					fail("a getter waits with %d items of its key there (max %d)", n, g.get.max)
				}
			}
			// Every item is in the store, blocked, carried, or gone.
			if inSys := st.Len() + st.Blocked() + carried; nItems > 0 && s.Now() >= 20 && s.Pending() == 0 &&
				inSys+rejected+putsDone != nItems {
				fail("items: %d started, %d in the store, blocked or carried, %d rejected, %d done",
					nItems, inSys, rejected, putsDone)
			}
		}
		for s.Step() {
			check()
			if failed != "" {
				rt.Fatalf("at %v: %s", s.Now(), failed)
			}
		}
		check()
		if failed != "" {
			rt.Fatalf("at the end: %s", failed)
		}
		if gotItems != putsDone {
			rt.Fatalf("%d items taken, %d finished after being dropped", gotItems, putsDone)
		}
	})
}

// ---------------------------------------------------------------------------
// Hourly arrivals: the rate integrated from after to Next(after) is exactly
// the unit draw spent.

// integrate returns the integral of the profile's rate (per second) from a
// to b, hour by hour.
func integrate(rates []float64, origin, a, b float64) float64 {
	sum := 0.0
	for t := a; t < b; {
		k := math.Floor((t - origin) / 3600)
		end := math.Min(origin+(k+1)*3600, b)
		if end <= t { // rounding at an hour boundary
			end = math.Nextafter(t, math.Inf(1))
		}
		n := len(rates)
		sum += rates[((int(k)%n)+n)%n] / 3600 * (end - t)
		t = end
	}
	return sum
}

func TestPropertyHourlyInversion(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(rt, "hours")
		rates := make([]float64, n)
		for i := range rates {
			if rapid.Bool().Draw(rt, "zero") {
				rates[i] = 0
			} else {
				rates[i] = rapid.Float64Range(0.1, 100).Draw(rt, "rate")
			}
		}
		origin := rapid.Float64Range(-1e5, 1e5).Draw(rt, "origin")
		after := rapid.Float64Range(-1e5, 1e5).Draw(rt, "after")
		e := rapid.Float64Range(0, 5).Draw(rt, "e")
		h, err := NewHourly(rates, origin, Constant(e))
		if err != nil {
			rt.Fatal(err)
		}
		got, ok := h.Next(after)
		allZero := slices.Max(rates) == 0
		if ok == allZero {
			rt.Fatalf("Next reported %v for rates %v", ok, rates)
		}
		if !ok {
			return
		}
		if got < after {
			rt.Fatalf("Next(%v) = %v, before it", after, got)
		}
		if spent := integrate(rates, origin, after, got); math.Abs(spent-e) > 1e-6*(1+e) {
			rt.Fatalf("Next(%v) = %v: integrated rate %v, want %v", after, got, spent, e)
		}
		// The arrival falls in an hour of positive rate, or on the boundary
		// of one (within rounding: Next and Rate compute hour boundaries
		// from origin in different ways).
		d := 1e-9 * (1 + math.Abs(got))
		if got > after && h.Rate(got) == 0 && h.Rate(got-d) == 0 && h.Rate(got+d) == 0 {
			rt.Fatalf("arrival at %v in a stretch of rate 0", got)
		}
	})
}

// all returns every entry of the queue, stale ones too, in the order they
// are served.
func (q *waitQueue) all() []*waitEntry {
	var out []*waitEntry
	if q.first.head == len(q.first.h) && len(q.rest) > 0 {
		panic("an empty first class before others in the queue")
	}
	for k := q.first.head; k < len(q.first.h); k++ {
		out = append(out, &q.first.h[k])
	}
	for c := range q.rest {
		l := &q.rest[c]
		if l.head == len(l.h) {
			panic("an empty class in the queue")
		}
		for k := l.head; k < len(l.h); k++ {
			out = append(out, &l.h[k])
		}
	}
	return out
}

// before reports whether a queue serves a before b: by rank, then by seq.
func (a *waitEntry) before(b *waitEntry) bool {
	return a.rank < b.rank || (a.rank == b.rank && a.seq < b.seq)
}
