package sim

import (
	"fmt"
	"math"
	"slices"
)

// AnyKey makes a get take items whatever their Key.
const AnyKey = -1

// Unlimited is the capacity of a store or container without a limit.
const Unlimited = math.MaxInt

// Store holds items (entities parked in it) up to a capacity: the staging
// area at the gate, the shelf where the cart picks up, the sorting table of
// the zones. Items are kept in order of priority (Entity.Prio, higher first)
// and then of arrival, so hot meals leave before parcels.
//
// When the store is full a put either waits for room (the courier waits) or
// is turned away (Rejected); both are counted by the monitor. A get takes only
// items whose Key matches (zone 7's parcels), up to a batch size, waiting up
// to a fill time for the batch to build up.
type Store struct {
	sim      *Sim
	name     string
	capacity int
	reject   bool

	items   []stored
	perKey  []int // items held, by key (keys >= 0)
	putters []blockedPut
	getters []*Entity
	seq     uint64
	taken   []float64 // scratch: when the items of the last take were put in

	mon StoreMonitor
}

type stored struct {
	e     *Entity
	rank  int64
	seq   uint64
	since float64
}

type blockedPut struct {
	e     *Entity
	since float64
}

// getWait is an entity's pending get: where, for what, and its fill timer.
type getWait struct {
	e       *Entity
	store   *Store
	key     int
	max     int
	expired bool
	timer   EventID
}

func (g *getWait) Handle() {
	g.timer = EventID{}
	g.expired = true
	g.store.serveGetters()
}

// NewStore returns a store called name holding up to capacity items
// (Unlimited for no limit). With reject set, a put that finds it full is
// turned away instead of waiting for room.
func (s *Sim) NewStore(name string, capacity int, reject bool) *Store {
	return &Store{sim: s, name: name, capacity: max(capacity, 0), reject: reject}
}

// Name returns the store's name.
func (st *Store) Name() string { return st.name }

// Len returns the number of items held.
func (st *Store) Len() int { return len(st.items) }

// Capacity returns the most items the store holds.
func (st *Store) Capacity() int { return st.capacity }

// Count returns the number of items whose Key matches key (AnyKey: all).
func (st *Store) Count(key int) int {
	if key == AnyKey {
		return len(st.items)
	}
	if key < 0 || key >= len(st.perKey) {
		return 0
	}
	return st.perKey[key]
}

// Blocked returns the number of puts waiting for room.
func (st *Store) Blocked() int { return len(st.putters) }

// Getters returns the number of gets waiting for items.
func (st *Store) Getters() int { return len(st.getters) }

// SetMonitor installs m (nil removes it).
func (st *Store) SetMonitor(m StoreMonitor) { st.mon = m }

func (st *Store) String() string {
	return fmt.Sprintf("%s(%d/%d held, %d blocked)", st.name, len(st.items), st.capacity, len(st.putters))
}

func (st *Store) emit(k StoreEventKind, e *Entity, waited float64) {
	st.mon.StoreChanged(StoreEvent{Kind: k, Time: st.sim.now, Store: st, Entity: e, Waited: waited})
}

// Put parks the item e in the store, where it waits until a get takes it and
// the taker wakes it. When the store is full the item waits for room, or, in
// a rejecting store, leaves its flow as Rejected (going on at onReject when
// that is a step index >= 0). Put always returns Wait.
func (st *Store) Put(e *Entity, onReject int) Outcome {
	if len(st.items) < st.capacity && len(st.putters) == 0 {
		st.insert(e)
		if st.mon != nil {
			st.emit(StorePut, e, 0)
		}
		st.serveGetters()
		return Wait
	}
	if st.reject {
		if st.mon != nil {
			st.emit(StoreRejected, e, 0)
		}
		e.leave(Rejected, onReject)
		return Wait
	}
	st.putters = append(st.putters, blockedPut{e, st.sim.now})
	if st.mon != nil {
		st.emit(StoreBlocked, e, 0)
	}
	return Wait
}

func (st *Store) insert(e *Entity) {
	st.seq++
	it := stored{e: e, rank: -int64(e.Prio), seq: st.seq, since: st.sim.now}
	i := len(st.items)
	if i > 0 && it.rank < st.items[i-1].rank {
		i, _ = slices.BinarySearchFunc(st.items, it, func(a, b stored) int {
			if a.rank != b.rank {
				if a.rank < b.rank {
					return -1
				}
				return 1
			}
			if a.seq < b.seq {
				return -1
			}
			return 1
		})
	}
	st.items = slices.Insert(st.items, i, it)
	if k := e.Key; k >= 0 {
		if k >= len(st.perKey) {
			st.perKey = append(st.perKey, make([]int, k+1-len(st.perKey))...)
		}
		st.perKey[k]++
	}
}

// Get takes items whose Key matches key (AnyKey: any) into e.Items, at most
// max of them. With fill > 0 the getter waits up to fill seconds for a full
// batch and then leaves with what there is, or with the first item to come
// when there is none; fill == 0 takes whatever is there as soon as there is
// anything; fill = +Inf waits for a full batch. Get returns Next when it took
// items at once and Wait otherwise (e is woken when it has them).
func (st *Store) Get(e *Entity, key, max int, fill float64) Outcome {
	n := st.Count(key)
	if n >= max || (n > 0 && fill <= 0) {
		st.take(e, key, max)
		return Next
	}
	g := &e.get
	g.store, g.key, g.max = st, key, max
	g.expired = fill <= 0
	if fill > 0 && !math.IsInf(fill, 1) {
		g.timer = st.sim.After(fill, PriorityDefault, g)
	}
	st.getters = append(st.getters, e)
	return Wait
}

// Expire ends the fill time of every waiting get whose key matches key
// (AnyKey: all of them): each leaves now with what there is, or with the
// first item to come. A hot meal put on a zone's shelf sends the waiting run
// off at once.
func (st *Store) Expire(key int) {
	for _, e := range st.getters {
		g := &e.get
		if key == AnyKey || g.key == AnyKey || g.key == key {
			st.sim.Cancel(g.timer)
			g.timer = EventID{}
			g.expired = true
		}
	}
	st.serveGetters()
}

// Take removes up to max items matching key into e.Items at once, without
// waiting, and returns how many it took.
func (st *Store) Take(e *Entity, key, max int) int {
	before := len(e.Items)
	st.take(e, key, max)
	return len(e.Items) - before
}

func (st *Store) take(e *Entity, key, max int) {
	before := len(e.Items)
	st.taken = st.taken[:0]
	kept := st.items[:0]
	for _, it := range st.items {
		if len(e.Items)-before < max && (key == AnyKey || it.e.Key == key) {
			e.Items = append(e.Items, it.e)
			st.taken = append(st.taken, it.since)
			if k := it.e.Key; k >= 0 {
				st.perKey[k]--
			}
			continue
		}
		kept = append(kept, it)
	}
	clear(st.items[len(kept):])
	st.items = kept
	if st.mon != nil {
		for i, it := range e.Items[before:] {
			st.emit(StoreTaken, it, st.sim.now-st.taken[i])
		}
	}
	st.admit()
}

// admit lets waiting puts in while there is room.
func (st *Store) admit() {
	for len(st.putters) > 0 && len(st.items) < st.capacity {
		p := st.putters[0]
		st.putters[0] = blockedPut{}
		st.putters = st.putters[1:]
		st.insert(p.e)
		if st.mon != nil {
			st.emit(StorePut, p.e, st.sim.now-p.since)
		}
	}
	if len(st.putters) == 0 {
		st.putters = st.putters[:0:0]
	}
	st.serveGetters()
}

// serveGetters gives waiting getters, in the order they came, the batches
// they can have now.
func (st *Store) serveGetters() {
	if len(st.items) == 0 {
		return // no getter can have anything: a fill time running out with nothing there costs nothing
	}
	for i := 0; i < len(st.getters); {
		e := st.getters[i]
		g := &e.get
		n := st.Count(g.key)
		if n == 0 || (n < g.max && !g.expired) {
			i++
			continue
		}
		st.getters = append(st.getters[:i], st.getters[i+1:]...)
		st.sim.Cancel(g.timer)
		g.timer = EventID{}
		g.store = nil
		st.take(e, g.key, g.max)
		e.Wake()
		return // take served the getters again with what is left
	}
}
