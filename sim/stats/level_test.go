package stats_test

import (
	"math"
	"testing"

	"cordon/sim/stats"
)

// newStepLevel builds the level used by several tests:
//
//	value 2 on [0,10), 5 for no time at 10, 3 on [10,25), 0 from 25 on.
func newStepLevel(thresholds ...float64) *stats.Level {
	l := stats.NewLevel(0, 2)
	for _, th := range thresholds {
		l.TrackThreshold(th)
	}
	l.Set(10, 5)
	l.Set(10, 3) // same time: a zero-length segment at 5
	l.Set(25, 0)
	return l
}

func TestLevelPiecewise(t *testing.T) {
	l := newStepLevel()
	tests := []struct {
		name                string
		now, integral, mean float64
	}{
		{"at last change", 25, 65, 2.6},    // 2*10 + 5*0 + 3*15 = 65; 65/25
		{"later", 40, 65, 1.625},           // 65 + 0*15; 65/40
		{"much later", 100, 65, 0.65},      // 65/100
		{"before last change", 3, 65, 2.6}, // taken at 25
		{"NaN", math.NaN(), 65, 2.6},       // taken at 25
	}
	for _, tc := range tests {
		checkNear(t, tc.name+": Integral", l.Integral(tc.now), tc.integral, 1e-12)
		checkNear(t, tc.name+": Mean", l.Mean(tc.now), tc.mean, 1e-12)
	}
	checkNear(t, "Value", l.Value(), 0, 0)
	checkNear(t, "Max", l.Max(), 5, 0) // held for no time, still held
	checkNear(t, "Min", l.Min(), 0, 0)
}

func TestLevelDuringRun(t *testing.T) {
	l := stats.NewLevel(0, 2)
	checkNear(t, "Integral(0)", l.Integral(0), 0, 0)
	checkNear(t, "Mean(0)", l.Mean(0), 2, 0)          // zero-length window: the initial value
	checkNear(t, "Integral(5)", l.Integral(5), 10, 0) // 2*5
	l.Set(10, 5)
	l.Set(10, 3)
	checkNear(t, "Integral(10)", l.Integral(10), 20, 0) // 2*10
	checkNear(t, "Mean(20)", l.Mean(20), 2.5, 0)        // (20 + 3*10) / 20

	z := stats.NewLevel(7, 3)
	z.Set(7, 9) // a change at the start, held from then on
	checkNear(t, "zero-length Mean", z.Mean(7), 3, 0)
	checkNear(t, "zero-length Integral", z.Integral(7), 0, 0)
	checkNear(t, "Mean(8)", z.Mean(8), 9, 0) // 9*1 / 1
}

func TestLevelThresholds(t *testing.T) {
	l := newStepLevel(0, 2, 3, 5, 2) // 2 twice: tracked once
	tests := []struct {
		threshold, at20, at40 float64
	}{
		{0, 20, 40},                 // always
		{2, 20, 25},                 // [0,10) at 2, [10,25) at 3
		{3, 10, 15},                 // [10,25) at 3
		{5, 0, 0},                   // 5 held for no time
		{1, math.NaN(), math.NaN()}, // not tracked
		{math.NaN(), math.NaN(), math.NaN()},
	}
	for _, tc := range tests {
		checkNear(t, "TimeAtOrAbove(40)", l.TimeAtOrAbove(40, tc.threshold), tc.at40, 1e-12)
	}
	m := stats.NewLevel(0, 2)
	for _, th := range []float64{0, 2, 3, 5} {
		m.TrackThreshold(th)
	}
	m.Set(10, 5)
	m.Set(10, 3)
	for _, tc := range tests {
		checkNear(t, "TimeAtOrAbove(20)", m.TimeAtOrAbove(20, tc.threshold), tc.at20, 1e-12)
	}
}

func TestLevelReset(t *testing.T) {
	l := newStepLevel(3)
	l.Reset(20) // before the last change (25): taken as 25
	l.Set(30, 4)
	// From 25: 0 on [25,30), 4 on [30,40): integral 40 over 15.
	checkNear(t, "Integral", l.Integral(40), 40, 1e-12)
	checkNear(t, "Mean", l.Mean(40), 40.0/15, 1e-12)
	checkNear(t, "Max", l.Max(), 4, 0)
	checkNear(t, "Min", l.Min(), 0, 0)
	checkNear(t, "TimeAtOrAbove", l.TimeAtOrAbove(40, 3), 10, 1e-12)
	checkNear(t, "Mean(25)", l.Mean(25), 0, 0) // value at the reset
}

func TestLevelLateThreshold(t *testing.T) {
	l := stats.NewLevel(0, 1)
	l.Set(0, 2) // no time has passed: tracking is still exact
	l.TrackThreshold(2)
	l.Set(5, 1)
	l.TrackThreshold(1) // 5 s of history missed
	checkNear(t, "early", l.TimeAtOrAbove(10, 2), 5, 0)
	checkNear(t, "late", l.TimeAtOrAbove(10, 1), math.NaN(), 0)
	l.Reset(10)
	checkNear(t, "late after Reset", l.TimeAtOrAbove(12, 1), 2, 0)
}

func TestLevelTimeOrderAndRejects(t *testing.T) {
	l := stats.NewLevel(0, 1)
	l.Add(10, 2) // 3 from 10
	l.Add(4, -1) // before 10: at 10, so 2 from 10
	l.Set(math.NaN(), 7)
	l.Set(12, math.NaN())
	l.Set(12, math.Inf(1))
	l.Set(math.Inf(1), 7)
	l.Reset(math.NaN())
	l.TrackThreshold(math.NaN())
	// 1*10 + 2*10
	checkNear(t, "Integral", l.Integral(20), 30, 0)
	checkNear(t, "Max", l.Max(), 3, 0)
	if l.Rejected() != 6 {
		t.Errorf("Rejected = %d, want 6", l.Rejected())
	}
	bad := stats.NewLevel(math.NaN(), math.Inf(1))
	if bad.Rejected() != 2 || bad.Value() != 0 || bad.Mean(0) != 0 {
		t.Errorf("NewLevel(NaN, Inf): Rejected %d, Value %v", bad.Rejected(), bad.Value())
	}
}

func TestLevelSetAllocs(t *testing.T) {
	l := stats.NewLevel(0, 0)
	for _, th := range []float64{1, 5, 10} {
		l.TrackThreshold(th)
	}
	now := 0.0
	n := testing.AllocsPerRun(1000, func() {
		now++
		l.Set(now, math.Mod(now, 12))
	})
	if n != 0 {
		t.Errorf("Set allocates %v times per call", n)
	}
}
