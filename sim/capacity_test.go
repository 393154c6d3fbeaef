package sim

import "testing"

// TestSetCapacityMillionUnits puts a million units on duty, takes them off
// with some busy and some resting, and brings them back: each change takes
// one pass over the units (it took minutes when every unit added or taken
// off looked through all of them).
func TestSetCapacityMillionUnits(t *testing.T) {
	const n, busy = 1_000_000, 1000
	s := New()
	r := s.NewResource("space", n)
	if r.Capacity() != n || r.Idle() != n || r.Units() != n {
		t.Fatalf("new: %v, %d units", r, r.Units())
	}
	f := NewFlow("hold").Then(Seize(r, 1), Delay(Constant(100)), Release(r, 1))
	for range busy {
		s.Start(f, nil)
	}
	r.SetCapacity(0) // the idle units go off, the busy ones finish first
	if r.Capacity() != 0 || r.Idle() != 0 || r.Busy() != busy {
		t.Fatalf("down: %v", r)
	}
	r.SetCapacity(n) // the busy units stay on, the others come back
	if r.Capacity() != n || r.Idle() != n-busy || r.Busy() != busy || r.Units() != n {
		t.Fatalf("up: %v, %d units", r, r.Units())
	}
	r.SetDutyLimit(10, 1000)
	s.RunUntil(50) // the idle units rest from time 10
	if r.Resting() != n-busy {
		t.Fatalf("resting: %d, want %d", r.Resting(), n-busy)
	}
	r.SetCapacity(busy) // the resting units go off
	if r.Capacity() != busy || r.Resting() != 0 || r.Busy() != busy {
		t.Fatalf("down from rest: %v, %d resting", r, r.Resting())
	}
	r.SetCapacity(0)
	s.Run()
	if r.Capacity() != 0 || r.Busy() != 0 || r.Idle() != 0 || s.Live() != 0 {
		t.Fatalf("end: %v, %d live", r, s.Live())
	}
}
