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
type Buckets struct {
	g        grid
	area     []float64 // integral of the level over the observed part of each bucket
	observed []float64 // observed time in each bucket
	started  bool      // a value has been set
	last     float64   // time of the last change
	value    float64
	rejected int
}

// NewBuckets returns Buckets for n buckets of the given width from start. It
// fails unless start is finite, width is finite and > 0 and n >= 1.
func NewBuckets(start, width float64, n int) (*Buckets, error) {
	g, err := newGrid(start, width, n)
	if err != nil {
		return nil, err
	}
	return &Buckets{g: g, area: make([]float64, n), observed: make([]float64, n), last: math.Inf(-1)}, nil
}

// Set records that the level changes to value at time now.
func (b *Buckets) Set(now, value float64) {
	if !finite(now) || !finite(value) {
		b.rejected++
		return
	}
	b.advance(now)
	b.value, b.started = value, true
}

// Finish accounts for the current value up to now; later calls may go on.
func (b *Buckets) Finish(now float64) {
	if !finite(now) {
		b.rejected++
		return
	}
	b.advance(now)
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
