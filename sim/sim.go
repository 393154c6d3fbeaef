package sim

import (
	"fmt"
	"math"
)

// Sim is one simulation run: a clock, an event calendar and the entities that
// move through it. A Sim is not safe for concurrent use; parallel
// replications each build their own.
type Sim struct {
	now     float64
	cal     calendar
	stopped bool
	fired   uint64
	tracer  Tracer
	free    []*Entity
	nextID  int64
	live    int

	waitSeq  uint64 // order of joining queues
	frontSeq uint64 // order of preempted entities, counting down below waitSeq

	maxEvents  uint64 // 0: no limit
	eventLimit uint64 // maxEvents, or the largest uint64 for no limit
	maxLive    int    // 0: no limit
	err        error
}

// LimitError is a run stopped by a guard: too many events fired or too many
// entities in the system at once.
type LimitError struct {
	What  string // "events" or "entities"
	Limit int64
	At    float64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("more than %d %s at time %v", e.Limit, e.What, e.At)
}

// Tracer sees every event as it fires. It is meant for determinism checks and
// debugging; a Sim without a tracer pays one nil check per event.
type Tracer interface {
	Trace(t float64, p Priority, seq uint64)
}

// New returns an empty simulation at time zero.
func New() *Sim { return &Sim{waitSeq: 1 << 62, frontSeq: 1 << 62, eventLimit: math.MaxUint64} }

// Now returns the current simulation time in seconds.
func (s *Sim) Now() float64 { return s.now }

// Fired returns how many events have fired so far.
func (s *Sim) Fired() uint64 { return s.fired }

// Pending returns how many events are scheduled and not yet fired.
func (s *Sim) Pending() int { return s.cal.len() }

// Live returns how many entities have been started and have not yet finished
// their flow.
func (s *Sim) Live() int { return s.live }

// SetLimits guards a run against a runaway model: when more than events
// events have fired, or more than entities entities are in the system at
// once, the run stops after the event in hand and Err reports a *LimitError.
// Zero means no limit.
func (s *Sim) SetLimits(events uint64, entities int) {
	s.maxEvents, s.maxLive = events, entities
	s.eventLimit = events
	if events == 0 {
		s.eventLimit = math.MaxUint64
	}
}

// Err returns why the run was stopped by a guard, or nil.
func (s *Sim) Err() error { return s.err }

func (s *Sim) trip(what string, limit int64) {
	if s.err == nil {
		s.err = &LimitError{What: what, Limit: limit, At: s.now}
	}
	s.stopped = true
}

// SetTracer installs t (nil removes it).
func (s *Sim) SetTracer(t Tracer) { s.tracer = t }

// Schedule arranges for h to fire at time at with priority p. Scheduling in
// the past or at a time that is not a number is a bug in the model and panics.
func (s *Sim) Schedule(at float64, p Priority, h Handler) EventID {
	return s.cal.push(at, p, h, s.now)
}

// After arranges for h to fire d seconds from now with priority p.
func (s *Sim) After(d float64, p Priority, h Handler) EventID {
	return s.Schedule(s.now+d, p, h)
}

// Cancel removes a pending event; it reports whether the event was pending.
// Cancelling an event that fired or was already cancelled does nothing.
func (s *Sim) Cancel(id EventID) bool {
	if id == (EventID{}) {
		return false
	}
	return s.cal.cancel(id)
}

// resume schedules h at the current instant with PriorityResume.
func (s *Sim) resume(h Handler) {
	s.cal.pushNow(h)
}

// Stop makes the current Run, RunUntil or RunWhile return after the event in
// hand.
func (s *Sim) Stop() { s.stopped = true }

// Step fires the next event; it reports false when the calendar is empty.
func (s *Sim) Step() bool { return s.step(math.MaxUint64) }

// step fires the next event if it is due before the time whose bits
// (timeBits) are limit, and reports whether it fired one: the largest
// uint64 lets any event fire. It is the calendar's pop, the handler
// and the calendar's done in one: the event loop every run goes through.
func (s *Sim) step(limit uint64) bool {
	c := &s.cal
	if c.firing {
		panic("sim: an event handler ran the simulation")
	}
	if c.cancelled > 0 {
		c.dropCancelled()
	}
	var h Handler
	var key uint64
	if c.ringHead < len(c.ring) && c.ringFirst(s.now) {
		// An entity resumed at this instant.
		if timeBits(s.now) >= limit {
			return false
		}
		key, h = c.popRing()
	} else {
		if len(c.heap) == 0 {
			return false
		}
		// The event at the top stays there, firing, until the handler's
		// first push takes its place or the handler returns.
		top := &c.heap[0]
		if top.at >= limit {
			return false
		}
		s.now, key = top.time(), top.key
		sl := &c.slots[top.slot]
		sl.gen++ // fired: its EventID cancels nothing from now on
		h = sl.h
		c.firing = true
	}
	s.fired++
	if s.tracer != nil {
		s.tracer.Trace(s.now, Priority(uint16(key>>seqBits)^0x8000), key&seqMask)
	}
	h.Handle()
	if c.firing {
		// The event in hand leaves the heap (removeTop, with the sift
		// called directly: this ends half the events of a run) and its
		// slot, whose generation moved on when it fired, is free.
		c.firing = false
		hp := c.heap
		i := hp[0].slot
		n := len(hp) - 1
		last := hp[n]
		hp[n] = end
		c.heap = hp[:n]
		if n >= bigHeap {
			c.downBig(0, last)
		} else if n > 0 {
			sink(hp[:n], 0, last)
		}
		c.freeSlot(i)
	}
	if s.fired >= s.eventLimit {
		s.trip("events", int64(s.maxEvents))
	}
	return true
}

// Run fires events until the calendar is empty or Stop is called.
func (s *Sim) Run() {
	s.stopped = s.err != nil
	for !s.stopped && s.step(math.MaxUint64) {
	}
}

// RunUntil fires every event due before time t and then sets the clock to t
// (events due exactly at t stay pending, as in SimPy). It returns early when
// Stop is called, leaving the clock at the last event.
func (s *Sim) RunUntil(t float64) {
	s.stopped = s.err != nil
	limit := uint64(0) // fires nothing: t is not after time zero, or NaN
	if t > 0 {
		limit = timeBits(t) // +Inf's bits come after every time's
	}
	for !s.stopped && s.step(limit) {
	}
	if !s.stopped && t > s.now {
		s.now = t
	}
}

// RunWhile fires events while cond returns true, checking it before each
// event, until the calendar is empty or Stop is called.
func (s *Sim) RunWhile(cond func() bool) {
	s.stopped = s.err != nil
	for !s.stopped && cond() && s.Step() {
	}
}
