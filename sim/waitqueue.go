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
type waitQueue struct {
	classes []waitLine // by rank, lowest (highest priority) first; none empty
	live    int
	spare   []waitEntry // the storage of the last class emptied, for the next one
}

// waitLine is one priority class's line, in order of seq, read from head on.
type waitLine struct {
	rank int64
	h    []waitEntry
	head int
}

func (q *waitQueue) push(w waitEntry) {
	q.live++
	if n := len(q.classes); n > 0 && q.classes[n-1].rank == w.rank {
		q.classes[n-1].push(w) // the usual case: one class, or the lowest
		return
	}
	lo, hi := 0, len(q.classes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if q.classes[m].rank < w.rank {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(q.classes) || q.classes[lo].rank != w.rank {
		q.classes = append(q.classes, waitLine{})
		copy(q.classes[lo+1:], q.classes[lo:])
		q.classes[lo] = waitLine{rank: w.rank, h: q.spare}
		q.spare = nil
	}
	q.classes[lo].push(w)
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

func (q *waitQueue) stale(w *waitEntry) bool {
	return w.token != w.e.wait.token || !w.e.wait.active
}

// peek returns the first live entry, or nil when none waits. It drops stale
// entries it finds at the front, and the classes they empty.
func (q *waitQueue) peek() *waitEntry {
	for len(q.classes) > 0 {
		l := &q.classes[0]
		for l.head < len(l.h) {
			if w := &l.h[l.head]; !q.stale(w) {
				return w
			}
			l.removeTop()
		}
		q.dropFirstClass()
	}
	return nil
}

// pop removes the first entry, which peek has just returned live.
func (q *waitQueue) pop() {
	q.live--
	l := &q.classes[0]
	l.removeTop()
	if l.head == len(l.h) {
		q.dropFirstClass()
	}
}

func (q *waitQueue) dropFirstClass() {
	if cap(q.classes[0].h) > cap(q.spare) {
		q.spare = q.classes[0].h[:0]
	}
	n := copy(q.classes, q.classes[1:])
	q.classes[n] = waitLine{}
	q.classes = q.classes[:n]
}

func (l *waitLine) removeTop() {
	l.h[l.head] = waitEntry{}
	l.head++
	if l.head == len(l.h) {
		l.h = l.h[:0]
		l.head = 0
	} else if l.head >= 64 && l.head*2 >= len(l.h) {
		n := copy(l.h, l.h[l.head:])
		clear(l.h[n:])
		l.h = l.h[:n]
		l.head = 0
	}
}
