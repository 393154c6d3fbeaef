package sim

import (
	"math"
	"testing"
)

// TestNonNegativeIsMaxZero: the hot path's clamp of a drawn span gives what
// max(x, 0) gives, bit for bit.
func TestNonNegativeIsMaxZero(t *testing.T) {
	for _, x := range []float64{-1, math.Copysign(0, -1), 0, 1e-300, 2.5, math.Inf(1), math.Inf(-1), math.NaN()} {
		got, want := nonNegative(x), max(x, 0)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("nonNegative(%v) = %v, max gives %v", x, got, want)
		}
	}
}
