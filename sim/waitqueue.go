package sim

// waiting is an entity's membership of resource queues. An entity waits in
// at most one place at a time (a joint request waits in several queues at
// once, as one membership). Queue entries carry the token they were made
// with; bumping the token makes every entry of the entity stale at once, and
// queues drop stale entries when they reach the front.
type waiting struct {
	token  uint32
	active bool
	res    *Resource // the resource of a single request
	amount int
	joint  []Need // the needs of a joint request
	since  float64
	renege int // step to go on at when patience runs out (-1: leave the flow)
}

// startWaiting makes e wait for amount units of res, or for the needs of a
// joint request, going on at step renege if its patience runs out; it
// returns the entry e takes in each queue: at the back of its class, or at
// the front for a preempted entity.
func (e *Entity) startWaiting(res *Resource, amount int, joint []Need, renege int, front bool) waitEntry {
	w := &e.wait
	w.token++
	w.active = true
	w.res, w.amount, w.joint = res, amount, joint
	w.since = e.sim.now
	w.renege = renege
	s := e.sim
	var seq uint64
	if front {
		s.frontSeq--
		seq = s.frontSeq
	} else {
		s.waitSeq++
		seq = s.waitSeq
	}
	return waitEntry{e: e, rank: -int64(e.Prio), seq: seq, token: w.token}
}

// waitEntry is one entity's place in a queue.
type waitEntry struct {
	e     *Entity
	rank  int64 // minus the entity's priority: lower ranks are served first
	seq   uint64
	token uint32
}

// waitQueue keeps waiting entities sorted by priority, then by arrival: one
// first-come-first-served line per priority class, the classes in order.
// Joining at the back of one's class, the usual case, costs O(log k) for k
// classes present (a handful: the model's priorities), however long the
// lines; a preempted entity, sent back to the front of its class, joins at
// the front.
//
// The class served first has a line of its own (first), outside the slice
// of the others (rest): a queue of one priority class, the usual case,
// never touches the slice.
type waitQueue struct {
	first waitLine   // the class served first; empty only when rest is
	rest  []waitLine // the other classes, by rank; none empty
	live  int
	spare []waitEntry // the storage of the last class emptied, for the next one
}

// waitLine is one priority class's line, in order of seq, read from head on.
type waitLine struct {
	rank int64
	h    []waitEntry
	head int
}

func (q *waitQueue) push(w waitEntry) {
	q.live++
	l := &q.first
	if l.head == len(l.h) {
		// An empty queue: w's class comes first.
		l.rank = w.rank
	} else if w.rank != l.rank {
		q.pushOther(w)
		return
	}
	if n := len(l.h); n == l.head || w.seq > l.h[n-1].seq {
		l.h = append(l.h, w) // the usual case: at the back
		return
	}
	l.push(w)
}

// pushOther places w, of another class than the first, in its class's line.
func (q *waitQueue) pushOther(w waitEntry) {
	if w.rank < q.first.rank {
		// A class served before the first: the first moves to the front of
		// the rest, and w's class comes first.
		q.rest = append(q.rest, waitLine{})
		copy(q.rest[1:], q.rest)
		q.rest[0] = q.first
		q.first = waitLine{rank: w.rank, h: q.takeSpare()}
		q.first.h = append(q.first.h, w)
		return
	}
	if n := len(q.rest); n > 0 && q.rest[n-1].rank == w.rank {
		q.rest[n-1].push(w) // the lowest class present
		return
	}
	lo, hi := 0, len(q.rest)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if q.rest[m].rank < w.rank {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(q.rest) || q.rest[lo].rank != w.rank {
		q.rest = append(q.rest, waitLine{})
		copy(q.rest[lo+1:], q.rest[lo:])
		q.rest[lo] = waitLine{rank: w.rank, h: q.takeSpare()}
	}
	q.rest[lo].push(w)
}

// takeSpare returns the storage kept from the last class emptied.
func (q *waitQueue) takeSpare() []waitEntry {
	h := q.spare
	q.spare = nil
	return h
}

// push places w in the line by its seq: at the back (joining), at the front
// (sent back there), or, never in practice, in between.
func (l *waitLine) push(w waitEntry) {
	n := len(l.h)
	switch {
	case n == l.head || w.seq > l.h[n-1].seq:
		l.h = append(l.h, w)
		return
	case w.seq < l.h[l.head].seq && l.head > 0:
		l.head--
		l.h[l.head] = w
		return
	}
	i := l.head
	for i < n && l.h[i].seq < w.seq {
		i++
	}
	l.h = append(l.h, waitEntry{})
	copy(l.h[i+1:], l.h[i:n])
	l.h[i] = w
}

// stale reports whether w no longer waits: its entity was served or
// reneged, which moves the entity's token on, or waits anew, with another
// token.
func (q *waitQueue) stale(w *waitEntry) bool {
	return w.token != w.e.wait.token
}

// peek returns the first live entry, or nil when none waits. It drops stale
// entries it finds at the front, and the classes they empty.
func (q *waitQueue) peek() *waitEntry {
	for {
		l := &q.first
		for l.head < len(l.h) {
			if w := &l.h[l.head]; w.token == w.e.wait.token {
				return w
			}
			l.removeTop()
		}
		if len(q.rest) == 0 {
			return nil
		}
		q.nextClass()
	}
}

// pop removes the first entry, which peek has just returned live.
//
// Entries taken from the front are not cleared: the entities they name
// belong to the Sim (waiting, moving or recycled) as long as it lives, and
// the line's storage is written over from the start as soon as it empties.
func (q *waitQueue) pop() {
	q.live--
	q.first.head++
	q.popped()
}

// compactFrom is how far a line's head must have moved before its entries
// are moved to the start of its storage (when they fill half of it or
// less); passOn, which pops written out, checks it too.
const compactFrom = 64

// popped is the rest of pop once the first line's head has moved on: the
// line emptied or compacted when due.
func (q *waitQueue) popped() {
	l := &q.first
	if l.head == len(l.h) {
		l.h = l.h[:0]
		l.head = 0
		if len(q.rest) > 0 {
			q.nextClass()
		}
	} else if l.head >= compactFrom && l.head*2 >= len(l.h) {
		l.compact()
	}
}

// nextClass makes the first of the rest the first class, the empty first
// line's storage kept for a class to come.
func (q *waitQueue) nextClass() {
	if cap(q.first.h) > cap(q.spare) {
		q.spare = q.first.h[:0]
	}
	q.first = q.rest[0]
	n := copy(q.rest, q.rest[1:])
	q.rest[n] = waitLine{}
	q.rest = q.rest[:n]
}

func (l *waitLine) removeTop() {
	l.head++
	if l.head == len(l.h) {
		l.h = l.h[:0]
		l.head = 0
	} else if l.head >= compactFrom && l.head*2 >= len(l.h) {
		l.compact()
	}
}

// compact moves the line's entries to the start of its storage.
func (l *waitLine) compact() {
	n := copy(l.h, l.h[l.head:])
	clear(l.h[n:])
	l.h = l.h[:n]
	l.head = 0
}
