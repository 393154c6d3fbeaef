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
// returns the token its queue entries carry.
func (e *Entity) startWaiting(res *Resource, amount int, joint []Need, renege int) uint32 {
	w := &e.wait
	w.token++
	w.active = true
	w.res, w.amount, w.joint = res, amount, joint
	w.since = e.sim.now
	w.renege = renege
	return w.token
}

// waitEntry is one entity's place in a queue.
type waitEntry struct {
	e     *Entity
	rank  int64 // minus the entity's priority: lower ranks are served first
	seq   uint64
	token uint32
}

func (a *waitEntry) before(b *waitEntry) bool {
	return a.rank < b.rank || (a.rank == b.rank && a.seq < b.seq)
}

// waitQueue keeps waiting entities sorted by priority, then by arrival, in a
// slice read from head on. Joining at the back, the usual case (first come,
// first served, or a priority no higher than the last), costs O(1); a
// request of higher priority is inserted in place.
type waitQueue struct {
	h    []waitEntry
	head int
	live int
}

func (q *waitQueue) push(w waitEntry) {
	q.live++
	n := len(q.h)
	if n == q.head || !w.before(&q.h[n-1]) {
		q.h = append(q.h, w)
		return
	}
	lo, hi := q.head, n-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if w.before(&q.h[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	q.h = append(q.h, waitEntry{})
	copy(q.h[lo+1:], q.h[lo:n])
	q.h[lo] = w
}

func (q *waitQueue) stale(w *waitEntry) bool {
	return w.token != w.e.wait.token || !w.e.wait.active
}

// peek returns the first live entry, or nil when none waits. It drops stale
// entries it finds at the front.
func (q *waitQueue) peek() *waitEntry {
	for q.head < len(q.h) {
		if w := &q.h[q.head]; !q.stale(w) {
			return w
		}
		q.removeTop()
	}
	return nil
}

// pop removes the first entry, which peek has just returned live.
func (q *waitQueue) pop() {
	q.live--
	q.removeTop()
}

func (q *waitQueue) removeTop() {
	q.h[q.head] = waitEntry{}
	q.head++
	if q.head == len(q.h) {
		q.h = q.h[:0]
		q.head = 0
	} else if q.head >= 64 && q.head*2 >= len(q.h) {
		n := copy(q.h, q.h[q.head:])
		clear(q.h[n:])
		q.h = q.h[:n]
		q.head = 0
	}
}
