package queueing

import (
	"math"
	"testing"
)

func TestOfferedLoadAndMinStable(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		rate, mean float64
		load       float64
		min        int
	}{
		{0, 10, 0, 0},
		{0.5, 3, 1.5, 2},
		{2, 2, 4, 5}, // integer load: 4 servers would be exactly saturated
		{1, 0.1, 0.1, 1},
		{3, 0, 0, 1}, // traffic but no work: still at least one server
		{190, 1, 190, 191},
		{-1, 1, nan, math.MaxInt},
		{1, -1, nan, math.MaxInt},
		{nan, 1, nan, math.MaxInt},
		{inf, 1, inf, math.MaxInt},
		{1e300, 1e10, inf, math.MaxInt},
	}
	for _, tt := range tests {
		load := OfferedLoad(tt.rate, tt.mean)
		if !(load == tt.load || math.IsNaN(load) && math.IsNaN(tt.load)) {
			t.Errorf("OfferedLoad(%g, %g) = %g, want %g", tt.rate, tt.mean, load, tt.load)
		}
		if got := MinStable(tt.rate, tt.mean); got != tt.min {
			t.Errorf("MinStable(%g, %g) = %d, want %d", tt.rate, tt.mean, got, tt.min)
		}
	}
}

// TestMinStableIsStabilityThreshold: MinStable is the least c for which
// the M/M/c queue validates.
func TestMinStableIsStabilityThreshold(t *testing.T) {
	for _, a := range []float64{0.3, 1, 2.5, 7, 19.99, 190} {
		c := MinStable(a, 1)
		if err := (MMc{Lambda: a, Mu: 1, C: c}).Validate(); err != nil {
			t.Errorf("a=%g: c=%d should be stable: %v", a, c, err)
		}
		if err := (MMc{Lambda: a, Mu: 1, C: c - 1}).Validate(); err == nil {
			t.Errorf("a=%g: c=%d should not be stable", a, c-1)
		}
	}
}
