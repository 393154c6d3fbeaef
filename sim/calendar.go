package sim

import "math"

// Priority orders events that fall at the same instant: lower values fire
// first, and events with equal time and priority fire in the order they were
// scheduled. The named priorities below are the ones the kernel itself uses.
type Priority int16

// Named priorities, from first to last at one instant. Capacity changes come
// first so that a worker coming on at 08:00 can take a task released at 08:00;
// entities that were granted a resource resume before new work (arrivals,
// ends of delays) at the same instant; observers sample after everything else.
const (
	PriorityShift   Priority = -20 // capacity schedules and duty limits
	PriorityResume  Priority = -10 // entities resumed after a grant or a wake-up
	PriorityDefault Priority = 0   // arrivals, ends of delays, user events
	PriorityLate    Priority = 20  // observers that must see the settled state
)

// EventID names a scheduled event so that it can be cancelled. The zero
// EventID names no event.
type EventID struct {
	t   float64
	key uint64
}

// Handler is what an event does when it fires.
type Handler interface {
	Handle()
}

// HandlerFunc adapts a function to a Handler. Converting a closure allocates,
// so hot paths keep one HandlerFunc (or one pointer Handler) and reuse it.
type HandlerFunc func()

// Handle calls f.
func (f HandlerFunc) Handle() { f() }

// calEntry is one pending event: its time, the packed (priority, sequence)
// key that orders events at one instant, and its handler.
type calEntry struct {
	t   float64
	key uint64
	h   Handler
}

const (
	seqBits = 48
	seqMask = 1<<seqBits - 1
)

func packKey(p Priority, seq uint64) uint64 {
	return uint64(uint16(p)^0x8000)<<seqBits | seq
}

func less(a, b *calEntry) bool {
	return a.t < b.t || (a.t == b.t && a.key < b.key)
}

// calendar is a binary min-heap of events ordered by (time, priority,
// insertion sequence). No memory is allocated per event once the heap has
// grown to the model's working size.
//
// Entities resumed at the current instant (after a grant, a wake-up) do not
// go through the heap: they wait in a first-in, first-out ring, all at the
// current time with PriorityResume and in sequence order, and pop compares
// the ring's head with the heap's top by the same key, so the order of events
// is exactly what the heap alone would give.
//
// A cancelled event stays in the heap, its key noted in a set, until it
// reaches the top, where pop drops it: cancelling costs O(1) and the heap
// tracks no positions. An event is known to be pending without a search when
// it is due after now; one due now is looked for among the heap's events of
// this instant, which sit together at the top.
type calendar struct {
	heap []calEntry
	seq  uint64

	// firing is true while the event at the top of the heap is being handled:
	// it stays in place until the handler's first push takes its slot (one
	// sift instead of a removal and an insertion) or the handler returns.
	firing bool

	ring     []calEntry
	ringHead int

	cancelled map[uint64]struct{}
}

func (c *calendar) len() int {
	n := len(c.heap) - len(c.cancelled) + len(c.ring) - c.ringHead
	if c.firing {
		n--
	}
	return n
}

func (c *calendar) nextSeq() uint64 {
	if c.seq >= seqMask {
		panic("sim: more than 2^48 events scheduled in one run")
	}
	c.seq++
	return c.seq
}

func (c *calendar) push(t float64, p Priority, h Handler) EventID {
	e := calEntry{t: t, key: packKey(p, c.nextSeq()), h: h}
	if c.firing {
		c.firing = false
		c.down(0, e)
		return EventID{t, e.key}
	}
	c.heap = append(c.heap, e)
	c.up(len(c.heap)-1, e)
	return EventID{t, e.key}
}

// pushNow schedules h at the current time with PriorityResume, through the
// ring. Such events cannot be cancelled.
func (c *calendar) pushNow(now float64, h Handler) {
	c.ring = append(c.ring, calEntry{t: now, key: packKey(PriorityResume, c.nextSeq()), h: h})
}

// peek returns the time of the next event, or +Inf when there is none; now
// is the current time, the time of every event in the ring. It looks no
// further than limit: when the next event is due after limit, the time it
// returns may be that of a cancelled event, also after limit.
func (c *calendar) peek(now, limit float64) float64 {
	if c.ringHead < len(c.ring) {
		return now
	}
	if len(c.cancelled) > 0 {
		c.dropCancelled(limit)
	}
	if len(c.heap) == 0 {
		return math.Inf(1)
	}
	return c.heap[0].t
}

// peek and dropCancelled are not called while an event is firing: the
// handler may not run the simulation.

// dropCancelled removes cancelled events due no later than limit from the
// top of the heap. A cancelled event must stay in the heap (and its key in
// the set) until the clock has reached its time: cancel tells one that is
// due later than now from a pending one only by the set.
func (c *calendar) dropCancelled(limit float64) {
	for len(c.heap) > 0 && c.heap[0].t <= limit {
		if _, ok := c.cancelled[c.heap[0].key]; !ok {
			return
		}
		delete(c.cancelled, c.heap[0].key)
		c.removeTop()
	}
}

// pop returns the next event. An event from the heap stays at the top,
// marked firing, until done is called after its handler.
func (c *calendar) pop() calEntry {
	if c.firing {
		panic("sim: an event handler ran the simulation")
	}
	if len(c.cancelled) > 0 {
		// With events in the ring the next one may be due now, before the
		// cancelled events at the top: drop only those due now. Otherwise the
		// clock moves on to the first event left, past every one dropped.
		limit := math.Inf(1)
		if c.ringHead < len(c.ring) {
			limit = c.ring[c.ringHead].t
		}
		c.dropCancelled(limit)
	}
	if c.ringHead < len(c.ring) {
		r := &c.ring[c.ringHead]
		if len(c.heap) == 0 || !less(&c.heap[0], r) {
			e := *r
			r.h = nil
			c.ringHead++
			if c.ringHead == len(c.ring) {
				c.ring = c.ring[:0]
				c.ringHead = 0
			}
			return e
		}
	}
	c.firing = true
	return c.heap[0]
}

// done ends the handling of the event pop returned.
func (c *calendar) done() {
	if c.firing {
		c.firing = false
		c.removeTop()
	}
}

func (c *calendar) removeTop() calEntry {
	top := c.heap[0]
	n := len(c.heap) - 1
	last := c.heap[n]
	c.heap[n].h = nil
	c.heap = c.heap[:n]
	if n > 0 {
		c.down(0, last)
	}
	return top
}

// cancel marks the event named by id cancelled; it reports whether it was
// pending. now is the current time.
func (c *calendar) cancel(id EventID, now float64) bool {
	if id.t < now {
		return false // it has fired
	}
	if _, done := c.cancelled[id.key]; done {
		return false
	}
	if id.t == now && !c.pendingNow(0, id) {
		return false
	}
	if c.cancelled == nil {
		c.cancelled = map[uint64]struct{}{}
	}
	c.cancelled[id.key] = struct{}{}
	return true
}

// pendingNow looks for the event id, due at the current instant, in the
// subtree of the heap at i whose events are due no later than it.
func (c *calendar) pendingNow(i int, id EventID) bool {
	if i >= len(c.heap) || c.heap[i].t > id.t {
		return false
	}
	if c.heap[i].key == id.key {
		return i > 0 || !c.firing
	}
	return c.pendingNow(2*i+1, id) || c.pendingNow(2*i+2, id)
}

func (c *calendar) up(i int, e calEntry) {
	h := c.heap
	for i > 0 {
		p := (i - 1) >> 1
		if !less(&e, &h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
}

func (c *calendar) down(i int, e calEntry) {
	h := c.heap
	n := len(h)
	for {
		k := 2*i + 1
		if k >= n {
			break
		}
		if k+1 < n && less(&h[k+1], &h[k]) {
			k++
		}
		if !less(&h[k], &e) {
			break
		}
		h[i] = h[k]
		i = k
	}
	h[i] = e
}
