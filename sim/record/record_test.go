package record_test

import (
	"math"
	"testing"

	"cordon/sim"
	"cordon/sim/record"
)

// TestResourceFigures works a two-unit desk by hand. Three customers arrive
// at 0 with services of 10, 20 and 5 s:
//
//	unit 0 serves A over [0, 10] and C over [10, 15]; unit 1 serves B over [0, 20].
//
// Busy units: 2 over [0, 15], 1 over [15, 20]: integral 35 over 20 s on
// duty at 2 units (40 unit-seconds): utilisation 35/40 = 0.875. Queue: C
// waits over [0, 10]: mean queue over [0, 20] is 10/20 = 0.5; waits 0, 0 and
// 10: mean 10/3.
func TestResourceFigures(t *testing.T) {
	s := sim.New()
	r := s.NewResource("desk", 2)
	rec := record.NewResource(r, 0)
	rec.KeepWaits()
	for _, d := range []float64{10, 20, 5} {
		f := sim.NewFlow("c").Then(sim.Seize(r, 1), sim.Delay(sim.Constant(d)), sim.Release(r, 1))
		s.Start(f, nil)
	}
	s.RunUntil(20)
	if u := rec.Utilisation(20); math.Abs(u-0.875) > 1e-12 {
		t.Errorf("utilisation %v, want 0.875", u)
	}
	if q := rec.Queue.Mean(20); math.Abs(q-0.5) > 1e-12 {
		t.Errorf("mean queue %v, want 0.5", q)
	}
	if w := rec.Wait.Mean(); math.Abs(w-10.0/3) > 1e-12 || rec.Granted != 3 {
		t.Errorf("mean wait %v over %d, want 10/3 over 3", w, rec.Granted)
	}
	if got := rec.UnitBusy(20); got[0] != 15 || got[1] != 20 {
		t.Errorf("unit busy %v, want [15 20]", got)
	}
	if rec.InSystem.Max() != 3 {
		t.Errorf("most in the system %v, want 3", rec.InSystem.Max())
	}
}

// TestOvertimeAndHourly: one worker on duty until 3600 s takes a task of
// 4000 s at 0: it finishes 400 s past the shift end, reported as overtime;
// the first hour is fully busy, the second hour busy for 400 s with nobody
// rostered (utilisation undefined there, NaN).
func TestOvertimeAndHourly(t *testing.T) {
	s := sim.New()
	r := s.NewResource("crew", 0)
	if _, err := s.NewRoster(r, []sim.Change{{At: 0, Capacity: 1}, {At: 3600, Capacity: 0}}); err != nil {
		t.Fatal(err)
	}
	rec := record.NewResource(r, 0)
	if err := rec.Hourly(3600, 2); err != nil {
		t.Fatal(err)
	}
	s.Start(sim.NewFlow("task").Then(sim.Seize(r, 1), sim.Delay(sim.Constant(4000)), sim.Release(r, 1)), nil)
	s.RunUntil(7200)
	if rec.Overtime != 400 {
		t.Errorf("overtime %v, want 400", rec.Overtime)
	}
	h := rec.HourlyUtilisation(7200)
	if h[0] != 1 || !math.IsNaN(h[1]) {
		t.Errorf("hourly utilisation %v, want [1 NaN]", h)
	}
	if d := rec.HourlyOnDuty(7200); len(d) != 2 || d[0] != 1 || d[1] != 0 {
		t.Errorf("hourly on duty %v, want [1 0]: the worker finishing past the shift end is off duty", d)
	}
}

// TestResetDropsWarmUp: after a reset at 10 only what follows counts.
func TestResetDropsWarmUp(t *testing.T) {
	s := sim.New()
	r := s.NewResource("desk", 1)
	rec := record.NewResource(r, 0)
	f := sim.NewFlow("c").Then(sim.Seize(r, 1), sim.Delay(sim.Constant(10)), sim.Release(r, 1))
	s.Start(f, nil)
	s.Start(f, nil) // waits 10
	s.RunUntil(10)
	rec.Reset(10)
	s.RunUntil(30)
	// After 10: the second customer is served over [10, 20], waited 10.
	if rec.Granted != 1 || rec.Wait.Mean() != 10 {
		t.Errorf("granted %d mean wait %v, want 1 and 10", rec.Granted, rec.Wait.Mean())
	}
	if u := rec.Utilisation(30); math.Abs(u-0.5) > 1e-12 {
		t.Errorf("utilisation after reset %v, want 0.5", u)
	}
}

// TestStoreFigures: a store of 2 that rejects; three puts at 0, one taken at
// 5: one rejected, the taken item stayed 5 s, the store was full over [0, 5].
func TestStoreFigures(t *testing.T) {
	s := sim.New()
	st := s.NewStore("shelf", 2, true)
	rec := record.NewStore(st, 0)
	if err := rec.Sample(0, 1, 11); err != nil {
		t.Fatal(err)
	}
	put := sim.NewFlow("item").Then(sim.Put(st, ""))
	for range 3 {
		s.Start(put, nil)
	}
	take := sim.NewFlow("taker").Then(sim.Delay(sim.Constant(5)), sim.Get(st, nil, 1, 0), sim.Drop())
	s.Start(take, nil)
	s.RunUntil(10)
	if rec.Put != 2 || rec.Rejected != 1 || rec.Taken != 1 || rec.Stay.Mean() != 5 {
		t.Errorf("put %d rejected %d taken %d stay %v", rec.Put, rec.Rejected, rec.Taken, rec.Stay.Mean())
	}
	if full := rec.TimeFull(10); full != 5 {
		t.Errorf("time full %v, want 5", full)
	}
	pts := rec.Series(10).Points()
	if pts[0] != 2 || pts[4] != 2 || pts[5] != 1 || pts[10] != 1 {
		t.Errorf("sampled level %v", pts)
	}
}
