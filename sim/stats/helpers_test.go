package stats_test

import (
	"math"
	"testing"
)

// near reports whether got and want agree to a relative tolerance tol
// (absolute near zero); two NaNs agree.
func near(got, want, tol float64) bool {
	if got == want || math.IsNaN(want) {
		return got == want || math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func checkFloats(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
	for i := range want {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s = %v, want %v", what, got, want)
			return
		}
	}
}
