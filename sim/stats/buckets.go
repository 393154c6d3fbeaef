package stats

import "math"

// Buckets records the time-weighted mean of a level per fixed time bucket,
// such as utilisation per hour: bucket i is [start+i*width,
// start+(i+1)*width).
//
// The level is observed from the first Set to the latest Set or Finish;
// before the first Set it is unknown. A bucket's mean is taken over the part
// of it that was observed, so a bucket only partly reached is averaged over
// that part, and a bucket never observed for a positive length of time is
// NaN. Time outside [start, start+n*width) is not recorded.
//
// A time before the last change is taken as the time of the last change. A
// call with a time or a value that is not finite is ignored and counted in
// [Buckets.Rejected].
//
// A change within the bucket of the last one adds to that bucket alone, at
// the cost of two sums; only a change past the bucket's end (or Finish)
// spreads the value held across the buckets it covered.
type Buckets struct {
	g        grid
	area     []float64 // integral of the level over the observed part of each bucket
	observed []float64 // observed time in each bucket
	started  bool      // a value has been set
	last     float64   // time of the last change
	value    float64
	rejected int

	// cur is the bucket holding last, and curHi its end, once started and
	// while last is inside the grid; otherwise curHi is -Inf.
	cur   int
	curHi float64
}

// NewBuckets returns Buckets for n buckets of the given width from start. It
// fails unless start is finite, width is finite and > 0 and n >= 1.
func NewBuckets(start, width float64, n int) (*Buckets, error) {
	g, err := newGrid(start, width, n)
	if err != nil {
		return nil, err
	}
	return &Buckets{g: g, area: make([]float64, n), observed: make([]float64, n),
		last: math.Inf(-1), curHi: math.Inf(-1)}, nil
}

// Set records that the level changes to value at time now.
func (b *Buckets) Set(now, value float64) {
	if !bothFinite(now, value) {
		b.rejected++
		return
	}
	if now < b.curHi {
		// Within the bucket of the last change: what advance would do,
		// without looking for the bucket.
		if now > b.last {
			dt := now - b.last
			b.area[b.cur] += b.value * dt
			b.observed[b.cur] += dt
			b.last = now
		}
		b.value = value
		return
	}
	b.advance(now)
	b.value, b.started = value, true
	b.locate()
}

// Finish accounts for the current value up to now; later calls may go on.
func (b *Buckets) Finish(now float64) {
	if !finite(now) {
		b.rejected++
		return
	}
	b.advance(now)
	b.locate()
}

// Means returns the time-weighted mean of each bucket over its observed
// part, NaN for a bucket not observed.
func (b *Buckets) Means() []float64 {
	m := nanSlice(b.g.n)
	for i, d := range b.observed {
		if d > 0 {
			m[i] = b.area[i] / d
		}
	}
	return m
}

// Rejected returns the number of calls ignored because a time or a value was
// not finite.
func (b *Buckets) Rejected() int { return b.rejected }

// advance spreads the current value held over [last, now] across the
// buckets it overlaps, and makes now the time of the last change.
func (b *Buckets) advance(now float64) {
	now = max(now, b.last)
	from, to := max(b.last, b.g.start), min(now, b.g.end())
	b.last = now
	if !b.started || !(from < to) {
		return
	}
	for i := b.g.index(from); i < b.g.n; i++ {
		lo, hi := max(from, b.g.edge(i)), min(to, b.g.edge(i+1))
		if hi <= lo {
			break
		}
		b.area[i] += b.value * (hi - lo)
		b.observed[i] += hi - lo
	}
}

// locate finds the bucket holding the time of the last change.
func (b *Buckets) locate() {
	if !b.started || b.last < b.g.start || b.last >= b.g.end() {
		b.curHi = math.Inf(-1)
		return
	}
	b.cur = b.g.index(b.last)
	b.curHi = b.g.edge(b.cur + 1)
}
