package stats

import (
	"math"
	"slices"
)

// Series samples a level on a fixed time grid, for plots: point i is the
// value at time start + i*step.
//
// The sampling rule: a grid point takes the value the level has after every
// change at that instant. So a change at time now gives the new value to a
// grid point exactly at now, while grid points before now keep the value
// held before the change. Before the first Set the level is unknown, so grid
// points before it are NaN.
//
// A time before the last change is taken as the time of the last change. A
// call with a time or a value that is not finite is ignored and counted in
// [Series.Rejected].
type Series struct {
	g        grid
	pts      []float64
	next     int     // first grid point not yet sampled
	nextAt   float64 // its time, +Inf when every point is sampled
	last     float64 // time of the last change
	value    float64 // current value (NaN before the first Set)
	rejected int
}

// NewSeries returns a Series with n grid points at start, start+step, ...,
// start+(n-1)*step. It fails unless start is finite, step is finite and > 0
// and n >= 1.
func NewSeries(start, step float64, n int) (*Series, error) {
	g, err := newGrid(start, step, n)
	if err != nil {
		return nil, err
	}
	return &Series{g: g, pts: nanSlice(n), nextAt: start, last: start, value: math.NaN()}, nil
}

// Set records that the level changes to value at time now.
func (s *Series) Set(now, value float64) {
	if !bothFinite(now, value) {
		s.rejected++
		return
	}
	if now < s.last {
		now = s.last
	}
	if s.nextAt < now {
		s.fill(now, false)
	}
	s.last, s.value = now, value
}

// Finish samples the current value at every remaining grid point up to and
// including now. Call it after the last change at now: a later Set at the
// same time no longer reaches a grid point at now.
func (s *Series) Finish(now float64) {
	if !finite(now) {
		s.rejected++
		return
	}
	now = max(now, s.last)
	s.fill(now, true)
}

// Points returns a copy of the sampled values, one per grid point; points
// not reached yet are NaN.
func (s *Series) Points() []float64 { return slices.Clone(s.pts) }

// Times returns the grid times.
func (s *Series) Times() []float64 {
	t := make([]float64, s.g.n)
	for i := range t {
		t[i] = s.g.edge(i)
	}
	return t
}

// Start returns the time of the first grid point.
func (s *Series) Start() float64 { return s.g.start }

// Step returns the time between grid points.
func (s *Series) Step() float64 { return s.g.width }

// Rejected returns the number of calls ignored because a time or a value was
// not finite.
func (s *Series) Rejected() int { return s.rejected }

// fill samples the current value at the grid points before now, and at now
// too when inclusive.
func (s *Series) fill(now float64, inclusive bool) {
	for s.next < s.g.n {
		t := s.nextAt
		if t > now || (t == now && !inclusive) {
			return
		}
		s.pts[s.next] = s.value
		s.next++
		s.nextAt = s.g.edge(s.next)
	}
	s.nextAt = math.Inf(1)
}
