package sim

import "fmt"

// Resource is a pool of identical units — workers of a post, carts, sampling
// tables — that entities seize and release. Requests wait in one queue served
// by priority (Entity.Prio, higher first) and then first come, first served.
// Units are told apart, so utilisation can be measured per worker as well as
// for the pool; an idle unit that is needed next is the one idle longest.
//
// The number of units on duty follows SetCapacity, usually driven by a shift
// schedule (see Roster): a unit going off duty finishes the task in hand and
// the time past its shift end is reported as overtime. With a duty limit
// (SetDutyLimit) each unit rests after a stretch on duty, as a worker leaves
// the post when the protective suit has been worn for its limit.
type Resource struct {
	sim  *Sim
	name string

	units    []*unit
	idleHead int32 // first idle unit (idle longest), -1 when none
	idleTail int32

	rostered int // units the schedule puts on duty (busy, idle or resting)
	nIdle    int
	nBusy    int // units held by entities, including those finishing past their shift
	nResting int
	nLeaving int // busy units going off duty when their task ends

	queue   waitQueue
	balkAt  int
	preempt PreemptMode

	dutyMax, dutyRest float64
	starts            int // times a unit came on duty (Starts)

	mon ResourceMonitor
}

// PreemptMode says what a resource does when a request of higher priority
// arrives and every unit is busy.
type PreemptMode uint8

// Preemption modes. A preempted entity must be in a Delay; it goes back to
// the front of its priority class in the queue and, when served again, runs
// what was left of the delay (PreemptResume) or the whole delay again
// (PreemptRestart).
const (
	NoPreempt PreemptMode = iota
	PreemptResume
	PreemptRestart
)

type unitState uint8

const (
	unitOff unitState = iota
	unitIdle
	unitBusy
	unitResting
)

type unit struct {
	state      unitState
	leaving    bool // busy, and goes off duty when the task ends
	restNext   bool // busy, and rests when the task ends (duty limit reached)
	prev, next int32
	holder     *Entity
	since      float64 // when the current task or state began
	offAt      float64 // when a leaving unit was due off
	restAt     float64 // when a unit due to rest reached its duty limit
	timer      EventID // duty limit or end of rest
	tick       unitTick
}

// unitTick is the handler of a unit's duty-limit and end-of-rest events.
type unitTick struct {
	r *Resource
	u int32
}

func (t *unitTick) Handle() { t.r.dutyEvent(t.u) }

// NewResource returns a resource called name with capacity units on duty.
func (s *Sim) NewResource(name string, capacity int) *Resource {
	r := &Resource{sim: s, name: name, idleHead: -1, idleTail: -1, balkAt: -1}
	r.SetCapacity(capacity)
	return r
}

// Name returns the resource's name.
func (r *Resource) Name() string { return r.name }

// Capacity returns the units the schedule has on duty now, resting ones
// included (the roster count).
func (r *Resource) Capacity() int { return r.rostered }

// Available returns the units on duty and not resting: busy or idle, without
// those finishing a task past their shift.
func (r *Resource) Available() int { return r.rostered - r.nResting }

// Busy returns the units held by entities, including units finishing a task
// past the end of their shift.
func (r *Resource) Busy() int { return r.nBusy }

// Idle returns the units free to be seized.
func (r *Resource) Idle() int { return r.nIdle }

// Resting returns the units resting after a duty stretch.
func (r *Resource) Resting() int { return r.nResting }

// Queued returns the number of entities waiting.
func (r *Resource) Queued() int { return r.queue.live }

// Starts returns how many times a unit has come on duty: at the start of
// a shift, or back from a rest after a duty limit. A unit finishing a task
// past its shift end that is put back on duty before it goes off has not
// left and does not count. A worker in a protective suit puts on a new
// suit at each start.
func (r *Resource) Starts() int { return r.starts }

// Units returns how many distinct units the resource has had.
func (r *Resource) Units() int { return len(r.units) }

// Holder returns the entity holding unit u, or nil.
func (r *Resource) Holder(u int) *Entity { return r.units[u].holder }

// SetMonitor installs m (nil removes it).
func (r *Resource) SetMonitor(m ResourceMonitor) { r.mon = m }

// SetBalking makes arrivals that would have to wait and find n or more
// entities already waiting balk (not join): n = 0 turns away every arrival
// that cannot be served at once (a full staging area). n < 0, the default,
// turns balking off.
func (r *Resource) SetBalking(n int) { r.balkAt = n }

// SetPreemption sets what a request of higher priority does to a busy unit.
func (r *Resource) SetPreemption(m PreemptMode) { r.preempt = m }

func (r *Resource) String() string {
	return fmt.Sprintf("%s(%d/%d busy, %d waiting)", r.name, r.nBusy, r.rostered, r.queue.live)
}

func (r *Resource) emit(k ResourceEventKind, e *Entity, u int32, waited, overtime float64) {
	r.mon.ResourceChanged(ResourceEvent{Kind: k, Time: r.sim.now, Resource: r, Entity: e,
		Unit: int(u), Waited: waited, Overtime: overtime})
}

// idle list: units free to be seized, idle longest first.

func (r *Resource) pushIdle(u int32) {
	x := r.units[u]
	x.state = unitIdle
	x.holder = nil
	x.since = r.sim.now
	r.nIdle++
	r.linkIdle(u)
}

// linkIdle puts unit u, already idle and counted, at the end of the idle
// list.
func (r *Resource) linkIdle(u int32) {
	x := r.units[u]
	x.prev, x.next = r.idleTail, -1
	if r.idleTail >= 0 {
		r.units[r.idleTail].next = u
	} else {
		r.idleHead = u
	}
	r.idleTail = u
}

func (r *Resource) unlinkIdle(u int32) {
	x := r.units[u]
	if x.prev >= 0 {
		r.units[x.prev].next = x.next
	} else {
		r.idleHead = x.next
	}
	if x.next >= 0 {
		r.units[x.next].prev = x.prev
	} else {
		r.idleTail = x.prev
	}
	r.nIdle--
}

// take gives the longest-idle unit to e.
func (r *Resource) take(e *Entity) int32 {
	u := r.idleHead
	r.unlinkIdle(u)
	r.assign(e, u)
	return u
}

// assign makes unit u, off the idle list, busy with e.
func (r *Resource) assign(e *Entity, u int32) {
	x := r.units[u]
	x.state = unitBusy
	x.holder = e
	x.since = r.sim.now
	r.nBusy++
	e.held = append(e.held, holding{r, u})
}

// takeUnits gives e amount idle units, which waited seconds for them.
func (r *Resource) takeUnits(e *Entity, amount int, waited float64) {
	for range amount {
		u := r.take(e)
		if r.mon != nil {
			r.emit(ResourceGranted, e, u, waited, 0)
		}
	}
}

// Seize asks for amount units for e. It returns Next when e got them at
// once, and Wait when e joined the queue (it is resumed when served). When e
// balks, it leaves its flow (or jumps to onBalk) and Seize returns Wait as
// well. patience > 0 makes e leave the queue after that long, going on at
// onRenege (or leaving its flow).
func (r *Resource) Seize(e *Entity, amount int, patience float64, onRenege, onBalk int) Outcome {
	if r.nIdle >= amount && r.ahead(e) {
		r.takeUnits(e, amount, 0)
		return Next
	}
	if r.preempt != NoPreempt && amount == 1 && r.ahead(e) && r.preemptFor(e) {
		return Next
	}
	if r.balkAt >= 0 && r.queue.live >= r.balkAt {
		if r.mon != nil {
			r.emit(ResourceBalked, e, -1, 0, 0)
		}
		e.leave(Balked, onBalk)
		return Wait
	}
	r.join(e, amount, onRenege)
	if patience > 0 {
		e.patient.id = r.sim.After(patience, PriorityDefault, &e.patient)
	}
	return Wait
}

// join puts e at the back of its class in the queue, waiting for amount
// units, to go on at step renege if its patience runs out.
func (r *Resource) join(e *Entity, amount, renege int) {
	w := e.startWaiting(r, amount, nil, renege, false)
	// The queue's push written out for an entry joining at the back: its
	// seq is the largest yet, so within its class it goes last.
	q := &r.queue
	if l := &q.first; l.head == len(l.h) || w.rank == l.rank {
		q.live++
		l.rank = w.rank
		l.h = append(l.h, w)
	} else {
		q.push(w)
	}
	if r.mon != nil {
		r.emit(ResourceQueued, e, -1, 0, 0)
	}
}

// mustQueue reports whether a request for amount units, without patience,
// can only join the queue, whoever makes it: fewer units are idle, no
// holder can be preempted and nobody balks. Seize would then do what join
// does.
func (r *Resource) mustQueue(amount int) bool {
	return r.nIdle < amount && r.preempt == NoPreempt && r.balkAt < 0
}

// ahead reports whether e would be served before every entity waiting: the
// queue is empty, or e's priority is higher than that of the first in it.
func (r *Resource) ahead(e *Entity) bool {
	if r.queue.live == 0 {
		return true // no entry is live: peek would find none
	}
	w := r.queue.peek()
	return w == nil || -int64(e.Prio) < w.rank
}

// Release gives back amount units that e holds (the most recently seized
// first) and serves the queue.
func (r *Resource) Release(e *Entity, amount int) {
	if n := len(e.held) - 1; amount == 1 && n >= 0 && e.held[n].r == r {
		if u := e.held[n].unit; !r.units[u].leaving && !r.units[u].restNext {
			// The usual case: one unit, the one taken last, goes to the
			// next in line (passOn) or idle.
			e.held = e.held[:n]
			if r.queue.live == 0 {
				// Nobody waits: the unit goes idle (serveFreed would
				// find nobody to serve).
				r.freeIdle(u)
				if r.mon != nil {
					r.emit(ResourceReleased, e, u, 0, 0)
				}
				r.linkIdle(u)
				return
			}
			if r.nIdle == 0 && r.mon == nil && r.passOn(u) {
				return
			}
			r.freeIdle(u)
			if r.mon != nil {
				r.emit(ResourceReleased, e, u, 0, 0)
			}
			r.serveFreed(u)
			return
		}
	}
	idle := int32(-1) // the last unit freed to go idle, not yet on the idle list
	for k := len(e.held) - 1; k >= 0 && amount > 0; k-- {
		if e.held[k].r != r {
			continue
		}
		u := e.held[k].unit
		if k == len(e.held)-1 {
			e.held = e.held[:k] // the usual case: the unit taken last
		} else {
			e.held = append(e.held[:k], e.held[k+1:]...)
		}
		amount--
		// A unit going idle is counted idle at once (a monitor sees the
		// counts after the change), and joins the idle list after the next
		// one freed, or at the end, unless it goes straight to the queue's
		// head.
		if r.free(u) {
			if idle >= 0 {
				r.linkIdle(idle)
			}
			idle = u
		}
		if r.mon != nil {
			r.emit(ResourceReleased, e, u, 0, 0)
		}
	}
	if amount > 0 {
		panic(fmt.Sprintf("sim: entity %d released more units of %s than it holds", e.ID, r.name))
	}
	if idle >= 0 {
		r.serveFreed(idle)
		return
	}
	r.dispatch()
}

// serveFreed serves the queue after a release that left unit u idle,
// counted but not yet on the idle list.
func (r *Resource) serveFreed(u int32) {
	if r.nIdle == 1 {
		if w := r.queue.peek(); w != nil && w.e.wait.joint == nil && w.e.wait.amount == 1 {
			// The usual case of a busy post: the unit is the only idle
			// one, and the entity at the head of the queue wants one.
			// dispatch would give it that unit and stop there (none
			// left idle), so hand it over without the idle list.
			e := w.e
			r.queue.pop()
			r.nIdle--
			r.handOver(e, u)
			return
		}
	}
	r.linkIdle(u)
	r.dispatch()
}

// passOn gives unit u, whose task has just ended and which is not due off
// duty or to rest, straight to the entity at the head of the queue when it
// waits for one unit, and reports whether it did. It is the release, the
// unit counted idle, and serveFreed's hand-over in one, for a resource
// without a monitor and with no other unit idle (so the head of the queue
// is the one the unit would go to): without a monitor nobody sees the
// counts between the release and the grant, and the unit ends busy with
// the new holder since now, as it would have.
func (r *Resource) passOn(u int32) bool {
	// The queue's peek and pop, the wait's end (served) and proceed, for
	// the usual case written out here: the head of the first class is
	// live, it waits for one unit alone and has no patience running, and
	// its next step is a Delay.
	l := &r.queue.first
	if l.head >= len(l.h) {
		return r.passOnSlow(u)
	}
	w := &l.h[l.head]
	e := w.e
	if w.token != e.wait.token || e.wait.joint != nil || e.wait.amount != 1 ||
		e.patient.id != (EventID{}) || e.remaining >= 0 || e.pc >= len(e.flow.steps) {
		return r.passOnSlow(u)
	}
	d, ok := e.flow.steps[e.pc].(*delayStep)
	if !ok {
		return r.passOnSlow(u)
	}
	r.queue.live--
	if l.head++; l.head == len(l.h) || l.head >= compactFrom {
		r.queue.popped()
	}
	e.wait.active = false
	e.wait.token++
	x := r.units[u]
	x.holder = e
	x.since = r.sim.now
	e.held = append(e.held, holding{r, u})
	e.pc++
	d.start(e)
	return true
}

// passOnSlow is passOn through the queue's peek and pop and the entity's
// served and proceed.
func (r *Resource) passOnSlow(u int32) bool {
	w := r.queue.peek()
	if w == nil || w.e.wait.joint != nil || w.e.wait.amount != 1 {
		return false
	}
	e := w.e
	r.queue.pop()
	e.served()
	x := r.units[u]
	x.holder = e
	x.since = r.sim.now
	e.held = append(e.held, holding{r, u})
	e.proceed()
	return true
}

// free ends a unit's task: it takes the unit off duty or to rest when that
// was due, and otherwise makes it idle (counted, not yet on the idle list)
// and reports true: the caller links it or hands it over.
func (r *Resource) free(u int32) bool {
	x := r.units[u]
	r.nBusy--
	x.holder = nil
	switch {
	case x.leaving:
		// Overtime runs from the shift end, or from the duty limit when
		// that came first.
		due := x.offAt
		if x.restNext {
			due = min(due, x.restAt)
		}
		x.leaving, x.restNext = false, false
		r.nLeaving--
		r.sim.Cancel(x.timer)
		x.timer = EventID{}
		x.state = unitOff
		x.since = r.sim.now
		if r.mon != nil {
			r.emit(ResourceUnitOff, nil, u, 0, r.sim.now-due)
		}
	case x.restNext:
		x.restNext = false
		r.startRest(u, r.sim.now-x.restAt)
	default:
		x.state = unitIdle
		x.since = r.sim.now
		r.nIdle++
		return true
	}
	return false
}

// freeIdle ends the task of unit u, which is not due off duty or to rest:
// it goes idle, counted, not yet on the idle list (free's usual case).
func (r *Resource) freeIdle(u int32) {
	x := r.units[u]
	r.nBusy--
	x.holder = nil
	x.state = unitIdle
	x.since = r.sim.now
	r.nIdle++
}

// dispatch serves waiting entities while the one at the front can be served.
func (r *Resource) dispatch() {
	for {
		w := r.queue.peek()
		if w == nil {
			return
		}
		e := w.e
		if e.wait.joint != nil {
			if !grantJoint(e) {
				return
			}
			continue
		}
		if r.nIdle < e.wait.amount {
			return
		}
		r.queue.pop()
		r.grant(e)
	}
}

// grant hands a waiting entity its units and schedules it to go on.
func (r *Resource) grant(e *Entity) {
	waited := e.served()
	r.takeUnits(e, e.wait.amount, waited)
	e.proceed()
}

// served ends e's wait in a queue, as it is served: its queue entries go
// stale and its patience no longer runs. It returns how long e waited.
func (e *Entity) served() float64 {
	e.wait.active = false
	e.wait.token++
	if e.patient.id != (EventID{}) {
		e.cancelPatience()
	}
	return e.sim.now - e.wait.since
}

// cancelPatience cancels e's reneging timer (out of line: served is
// inlined).
//
//go:noinline
func (e *Entity) cancelPatience() {
	e.sim.Cancel(e.patient.id)
	e.patient.id = EventID{}
}

// handOver gives unit u, just freed and not on the idle list, to e, the
// entity at the head of the queue waiting for one unit, as grant would
// have through the idle list, and schedules e to go on.
func (r *Resource) handOver(e *Entity, u int32) {
	waited := e.served()
	r.assign(e, u)
	if r.mon != nil {
		r.emit(ResourceGranted, e, u, waited, 0)
	}
	e.proceed()
}

// proceed schedules an entity that was waiting to go on: straight away, or
// with the rest of a delay it was preempted from. When its next step is a
// Delay, the delay starts at once instead of after a resume event at this
// instant: the entity would do nothing else first, so only the moment of the
// draw moves (earlier within the same instant), and a grant costs one event
// instead of two.
func (e *Entity) proceed() {
	if e.remaining < 0 && e.pc < len(e.flow.steps) {
		if d, ok := e.flow.steps[e.pc].(*delayStep); ok {
			e.pc++
			d.start(e)
			return
		}
	}
	e.proceedLater()
}

// proceedLater is proceed for an entity whose next step is not a Delay:
// the rest of a delay it was preempted from, or a resume event.
func (e *Entity) proceedLater() {
	s := e.sim
	if e.remaining >= 0 {
		e.delayEnd = s.now + e.remaining
		e.timer = s.Schedule(e.delayEnd, PriorityDefault, e)
		e.remaining = -1
		return
	}
	s.resume(e)
}

// patience is the handler of an entity's reneging timer.
type patience struct {
	e  *Entity
	id EventID
}

func (p *patience) Handle() {
	e := p.e
	p.id = EventID{}
	e.wait.active = false
	e.wait.token++
	waited := e.sim.now - e.wait.since
	if e.wait.joint != nil {
		for _, n := range e.wait.joint {
			n.Res.queue.live--
			if n.Res.mon != nil {
				n.Res.emit(ResourceReneged, e, -1, waited, 0)
			}
		}
		for _, n := range e.wait.joint {
			n.Res.dispatch()
		}
	} else {
		r := e.wait.res
		r.queue.live--
		if r.mon != nil {
			r.emit(ResourceReneged, e, -1, waited, 0)
		}
		r.dispatch()
	}
	e.leave(Reneged, e.wait.renege)
}
