package sim

import (
	"fmt"
	"math"
	"math/bits"
)

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
	slot uint32 // the event's slot, plus one
	gen  uint32 // the slot's generation when the event was scheduled
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

// calEntry is one pending event in the heap: its time, the packed
// (priority, sequence) key that orders events at one instant, and the slot
// holding its handler. Entries hold no pointers, so moving them in the heap
// costs no write barriers.
//
// The time is kept as the bits of the float64 (see timeBits): for the times
// an event can have, never negative, their order as unsigned integers is the
// times' order, so (at, key) compares as one 128-bit number, without the
// branches a float comparison followed by a tie-break takes.
type calEntry struct {
	at   uint64
	key  uint64
	slot uint32
}

// end is the entry kept just past the last entry of the heap, after every
// event: a sift compares a node's two children without asking whether the
// second exists, a branch that goes one way or the other as the heap's size
// changes and that the processor mispredicts.
var end = calEntry{at: math.MaxUint64, key: math.MaxUint64}

// timeBits returns the bits of t >= 0 whose unsigned order is the order of
// the times: -0 counts as 0 (the same instant).
func timeBits(t float64) uint64 { return math.Float64bits(t) &^ (1 << 63) }

// time returns the entry's time.
func (e *calEntry) time() float64 { return math.Float64frombits(e.at) }

// slot holds a pending event's handler. Its generation changes every time it
// is freed, so an EventID of an event that fired or was cancelled no longer
// matches it.
type slot struct {
	h         Handler
	gen       uint32
	cancelled bool
}

// ringEntry is an entity resumed at the current instant.
type ringEntry struct {
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

// before returns 1 when a comes before b, by time, then priority, then
// order of scheduling, and 0 otherwise: the borrow of the 128-bit
// subtraction of (b.at, b.key) from (a.at, a.key), computed without a
// branch (see bigHeap).
func before(a, b calEntry) uint64 {
	_, borrow := bits.Sub64(a.key, b.key, 0)
	_, borrow = bits.Sub64(a.at, b.at, borrow)
	return borrow
}

// calendar is a binary min-heap of events ordered by (time, priority,
// insertion sequence), with the handlers in a slab of slots. No memory is
// allocated per event once the heap and the slab have grown to the model's
// working size.
//
// Entities resumed at the current instant (after a wake-up) do not go
// through the heap: they wait in a first-in, first-out ring, all at the
// current time with PriorityResume and in sequence order, and pop compares
// the ring's head with the heap's top by the same key, so the order of events
// is exactly what the heap alone would give.
//
// The heap's storage always holds end just past its last entry (see end).
//
// A cancelled event's slot is marked and its entry stays in the heap until it
// reaches the top, where pop drops it: cancelling costs O(1) and the heap
// tracks no positions.
type calendar struct {
	heap  []calEntry
	slots []slot
	free  []uint32
	seq   uint64

	// firing is true while the event at the top of the heap is being handled:
	// it stays in place until the handler's first push takes its place (one
	// sift instead of a removal and an insertion) or the handler returns.
	// Its slot, already of a new generation (its EventID no longer cancels
	// anything), goes to that push, or back to the free list at the end.
	firing bool

	ring     []ringEntry
	ringHead int

	cancelled int // cancelled events still in the heap
}

func (c *calendar) len() int {
	n := len(c.heap) - c.cancelled + len(c.ring) - c.ringHead
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

// push schedules h at time t with priority p; now is the current time.
// Scheduling in the past or at a time that is not a number panics.
func (c *calendar) push(t float64, p Priority, h Handler, now float64) EventID {
	if !(t >= now && t <= math.MaxFloat64) {
		panic(badTime(t, now))
	}
	if c.firing {
		// The event in hand gives its place in the heap and its slot: the
		// new event sifts down from the top (down, written out here: it is
		// half the events of a run).
		c.firing = false
		hp := c.heap
		i := hp[0].slot
		sl := &c.slots[i]
		sl.h = h
		e := calEntry{at: timeBits(t), key: packKey(p, c.nextSeq()), slot: i}
		if len(hp) >= bigHeap {
			c.downBig(0, e)
			return EventID{slot: i + 1, gen: sl.gen}
		}
		// next[k] is hp[k+1]: the second child of a node whose first is
		// hp[k], or end.
		next := hp[1 : len(hp)+1]
		n, at := uint(len(hp)), uint(0)
		for {
			k := 2*at + 1
			if k >= n {
				break
			}
			k += uint(before(next[k], hp[k]))
			if before(hp[k], e) == 0 {
				break
			}
			hp[at] = hp[k]
			at = k
		}
		hp[at] = e
		return EventID{slot: i + 1, gen: sl.gen}
	}
	var i uint32
	if n := len(c.free); n > 0 {
		i = c.free[n-1]
		c.free = c.free[:n-1]
	} else {
		i = uint32(len(c.slots))
		c.slots = append(c.slots, slot{})
	}
	sl := &c.slots[i]
	sl.h = h
	id := EventID{slot: i + 1, gen: sl.gen}
	e := calEntry{at: timeBits(t), key: packKey(p, c.nextSeq()), slot: i}
	c.heap = append(c.heap, e)
	c.endHeap()
	c.up(len(c.heap)-1, e)
	return id
}

// badTime says what is wrong with an event scheduled in the past, at +Inf
// or at NaN, out of line so that push stays small; push panics with it
// itself, so that the compiler sees push's arguments are not needed after
// the call.
//
//go:noinline
func badTime(t, now float64) string {
	return fmt.Sprintf("sim: event scheduled at %v, now is %v", t, now)
}

// release frees the slot of a cancelled event dropped from the heap: its
// EventID cancels nothing from now on.
func (c *calendar) release(i uint32) {
	c.slots[i].gen++
	c.freeSlot(i)
}

// freeSlot returns a slot whose event has left the heap to the free list.
func (c *calendar) freeSlot(i uint32) {
	sl := &c.slots[i]
	sl.h = nil
	sl.cancelled = false
	c.free = append(c.free, i)
}

// pushNow schedules h at the current time with PriorityResume, through the
// ring. Such events cannot be cancelled.
func (c *calendar) pushNow(h Handler) {
	c.ring = append(c.ring, ringEntry{key: packKey(PriorityResume, c.nextSeq()), h: h})
}

// peek returns the time of the next event, or +Inf when there is none; now
// is the current time, the time of every event in the ring. It is not called
// while an event is firing: a handler may not run the simulation.
func (c *calendar) peek(now float64) float64 {
	if c.ringHead < len(c.ring) {
		return now
	}
	if c.cancelled > 0 {
		c.dropCancelled()
	}
	if len(c.heap) == 0 {
		return math.Inf(1)
	}
	return c.heap[0].time()
}

// dropCancelled removes cancelled events from the top of the heap.
func (c *calendar) dropCancelled() {
	for c.cancelled > 0 && len(c.heap) > 0 && c.slots[c.heap[0].slot].cancelled {
		c.cancelled--
		c.release(c.removeTop().slot)
	}
}

// ringFirst reports whether the ring's head, at time now, comes before the
// top of the heap; the ring is not empty and no cancelled event is on top.
func (c *calendar) ringFirst(now float64) bool {
	return len(c.heap) == 0 || before(c.heap[0], calEntry{at: timeBits(now), key: c.ring[c.ringHead].key}) == 0
}

// popRing removes the ring's head and returns its key and handler.
func (c *calendar) popRing() (uint64, Handler) {
	r := &c.ring[c.ringHead]
	key, h := r.key, r.h
	r.h = nil
	c.ringHead++
	if c.ringHead == len(c.ring) {
		c.ring = c.ring[:0]
		c.ringHead = 0
	}
	return key, h
}

// endHeap puts end just past the heap's last entry.
func (c *calendar) endHeap() {
	n := len(c.heap)
	if n == cap(c.heap) {
		c.heap = append(c.heap, end)[:n]
		return
	}
	c.heap[:n+1][n] = end
}

func (c *calendar) removeTop() calEntry {
	top := c.heap[0]
	n := len(c.heap) - 1
	last := c.heap[n]
	c.heap[n] = end
	c.heap = c.heap[:n]
	if n > 0 {
		c.down(0, last)
	}
	return top
}

// cancel marks the event named by id cancelled; it reports whether it was
// pending.
func (c *calendar) cancel(id EventID) bool {
	if id.slot == 0 || int(id.slot) > len(c.slots) {
		return false
	}
	sl := &c.slots[id.slot-1]
	if sl.gen != id.gen || sl.h == nil || sl.cancelled {
		return false
	}
	sl.cancelled = true
	c.cancelled++
	return true
}

// up places e at entry i or above, moving greater parents down.
func (c *calendar) up(i int, e calEntry) {
	h := c.heap
	for i > 0 {
		p := (i - 1) >> 1
		if before(e, h[p]) == 0 {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
}

// bigHeap is the size from which the heap no longer fits in the faster
// caches. Below it, a sift chooses the lesser child without a branch: which
// child is less is as good as random, and a mispredicted branch costs more
// than the arithmetic. From it on, the time goes on waiting for memory, and
// a branch, even one mispredicted half the time, lets the processor fetch
// the next level before the comparison has its operands: there it branches.
const bigHeap = 1 << 13

// down places e at entry i or below, moving the least children up.
func (c *calendar) down(i int, e calEntry) {
	if len(c.heap) >= bigHeap {
		c.downBig(i, e)
		return
	}
	sink(c.heap, uint(i), e)
}

// sink places e at entry i or below in h, a heap smaller than bigHeap
// whose storage holds end just past it, moving the least children up. The
// indices are unsigned so that the compiler can see them within h without
// checking each access.
func sink(h []calEntry, i uint, e calEntry) {
	n := uint(len(h))
	next := h[1 : n+1] // next[k] is h[k+1], or end
	for {
		k := 2*i + 1
		if k >= n {
			break
		}
		k += uint(before(next[k], h[k]))
		if before(h[k], e) == 0 {
			break
		}
		h[i] = h[k]
		i = k
	}
	h[i] = e
}

// downBig is down in a big heap, branching on which child is less.
func (c *calendar) downBig(i int, e calEntry) {
	h := c.heap
	n := len(h)
	for {
		k := 2*i + 1
		if k >= n {
			break
		}
		if k+1 < n {
			if r, l := &h[k+1], &h[k]; r.at < l.at || (r.at == l.at && r.key < l.key) {
				k++
			}
		}
		if before(h[k], e) == 0 {
			break
		}
		h[i] = h[k]
		i = k
	}
	h[i] = e
}
