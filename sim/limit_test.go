package sim

import (
	"errors"
	"testing"
)

// TestEventLimit: a handler that reschedules itself every second stops after
// the tenth event, at time 9, with a LimitError; later runs do nothing.
func TestEventLimit(t *testing.T) {
	s := New()
	s.SetLimits(10, 0)
	var tick HandlerFunc
	tick = func() { s.After(1, PriorityDefault, tick) }
	s.Schedule(0, PriorityDefault, tick)
	s.RunUntil(100)
	var le *LimitError
	if !errors.As(s.Err(), &le) || le.What != "events" || le.Limit != 10 || le.At != 9 || s.Fired() != 10 {
		t.Fatalf("err %v, fired %d", s.Err(), s.Fired())
	}
	s.Run()
	if s.Fired() != 10 || s.Now() != 9 {
		t.Errorf("ran on after the limit: fired %d, now %v", s.Fired(), s.Now())
	}
}

// TestEntityLimit: entities that never leave a closed resource pile up; the
// run stops when the sixth is started.
func TestEntityLimit(t *testing.T) {
	s := New()
	s.SetLimits(0, 5)
	r := s.NewResource("closed", 0)
	f := NewFlow("f").Then(Seize(r, 1))
	var tick HandlerFunc
	tick = func() {
		s.Start(f, nil)
		s.After(1, PriorityDefault, tick)
	}
	s.Schedule(0, PriorityDefault, tick)
	s.RunUntil(100)
	var le *LimitError
	if !errors.As(s.Err(), &le) || le.What != "entities" || s.Live() != 6 || s.Now() != 5 {
		t.Fatalf("err %v, live %d, now %v", s.Err(), s.Live(), s.Now())
	}
}

// TestEntityLimitStopsABatch: one arrival of a batch of 100,000 into a
// closed resource stops making entities as soon as the limit is passed,
// rather than making the whole batch first (a batch drawn from a
// long-tailed size could otherwise fill memory before the guard acts).
func TestEntityLimitStopsABatch(t *testing.T) {
	s := New()
	s.SetLimits(0, 100)
	r := s.NewResource("closed", 0)
	f := NewFlow("f").Then(Seize(r, 1))
	src := s.NewSource(f, Renewal{Gap: Constant(1)}).Batch(Constant(100_000))
	src.Start()
	s.RunUntil(10)
	var le *LimitError
	if !errors.As(s.Err(), &le) || le.What != "entities" || s.Live() != 101 || src.Arrived() != 101 {
		t.Fatalf("err %v, live %d, arrived %d, want 101", s.Err(), s.Live(), src.Arrived())
	}
}
