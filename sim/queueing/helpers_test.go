package queueing

import (
	"math"
	"testing"
)

// near reports whether got is within tol of want, relatively for |want| > 1
// and absolutely otherwise.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.12g, want %.12g (tol %g)", name, got, want, tol)
	}
}

// mustF returns a function that fails t on a non-nil error and otherwise
// returns the value, so that m(q.Wq()) reads as the value.
func mustF(t *testing.T) func(float64, error) float64 {
	return func(v float64, err error) float64 {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}

// erlangCDirect is the textbook Erlang C with factorials, for small c:
// C = (a^c/c!)·c/(c-a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c-a)).
func erlangCDirect(c int, a float64) float64 {
	sum, term := 0.0, 1.0 // term = a^k/k!
	for k := 0; k < c; k++ {
		sum += term
		term *= a / float64(k+1)
	}
	top := term * float64(c) / (float64(c) - a)
	return top / (sum + top)
}

// erlangBDirect is the textbook Erlang B with factorials:
// B = (a^c/c!) / Σ_{k<=c} a^k/k!.
func erlangBDirect(c int, a float64) float64 {
	sum, term := 0.0, 1.0
	for k := 0; k <= c; k++ {
		if k > 0 {
			term *= a / float64(k)
		}
		sum += term
	}
	return term / sum
}
