package sim

import (
	"math"
	"slices"
	"testing"
)

// TestRunUntilBounds checks which events RunUntil fires at the edges of its
// bound: only those due strictly before t, none for t at or before time
// zero or NaN, every one (the largest finite time too) for +Inf, and the
// clock set to t only when t is later than the clock.
func TestRunUntilBounds(t *testing.T) {
	s := New()
	var fired []float64
	h := HandlerFunc(func() { fired = append(fired, s.Now()) })
	for _, at := range []float64{0, 1, 1, 2, math.MaxFloat64} {
		s.Schedule(at, PriorityDefault, h)
	}
	steps := []struct {
		until float64
		want  []float64
		now   float64
	}{
		{math.NaN(), nil, 0},
		{-1, nil, 0},
		{0, nil, 0},
		{1, []float64{0}, 1},
		{1, []float64{0}, 1},
		{2, []float64{0, 1, 1}, 2},
		{math.Inf(1), []float64{0, 1, 1, 2, math.MaxFloat64}, math.Inf(1)},
	}
	for i, st := range steps {
		s.RunUntil(st.until)
		if !slices.Equal(fired, st.want) || s.Now() != st.now {
			t.Fatalf("step %d, RunUntil(%v): fired %v, now %v; want %v, now %v", i, st.until, fired, s.Now(), st.want, st.now)
		}
	}
}

// TestRunUntilResumed checks that an entity resumed at the current instant
// waits for a RunUntil bound later than now, like any event.
func TestRunUntilResumed(t *testing.T) {
	s := New()
	f := NewFlow("parked").Then(Park(), Do(func(*Entity) {}))
	s.RunUntil(5)
	e := s.Start(f, nil)
	e.Wake()
	s.RunUntil(5) // t is now: nothing fires
	if s.Fired() != 0 || s.Live() != 1 {
		t.Fatalf("RunUntil(now) fired %d events, %d live; want 0 and 1", s.Fired(), s.Live())
	}
	s.RunUntil(6)
	if s.Fired() != 1 || s.Live() != 0 {
		t.Fatalf("RunUntil(now+1) fired %d events, %d live; want 1 and 0", s.Fired(), s.Live())
	}
}
