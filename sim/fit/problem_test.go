package fit

import (
	"errors"
	"math"
	"testing"

	"cordon/sim/random"
)

// The errors carry their figures, so that a report can say them in its
// own language: the problem, the family and the counts.
func TestErrorFigures(t *testing.T) {
	for _, c := range []struct {
		name string
		fit  func([]float64) ([]Fit, error)
		x    []float64
		want Error
	}{
		{"too few", Best, []float64{1}, Error{Problem: TooFew, N: 1}},
		{"NaN", Best, []float64{1, math.NaN(), 2}, Error{Problem: NotFinite, N: 3, Index: 1}},
		{"negative", Best, []float64{1, -2, 3, -0.5}, Error{Problem: Negative, N: 4, Count: 2, Index: 1, Value: -2}},
		{"all equal", Best, []float64{3, 3}, Error{Problem: NoSpread, N: 2, Value: 3}},
		{"overflow", Best, []float64{1.7e308, 1e308}, Error{Problem: Overflow, N: 2}},
		{"zeros", one(Gamma), []float64{0, 1, 2}, Error{Family: random.FamilyGamma, Problem: Zeros, N: 3, Count: 1}},
	} {
		_, err := c.fit(c.x)
		e, ok := errors.AsType[*Error](err)
		if !ok {
			t.Errorf("%s: %T %v, want an *Error", c.name, err, err)
			continue
		}
		got := *e
		if math.IsNaN(got.Value) {
			got.Value = 0
		}
		if got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	// Every family failing is a NoFitError holding each one's Error.
	none := NoFitError{{Family: random.FamilyGamma, Problem: Zeros, N: 3, Count: 1}, {Family: random.FamilyNormal, Problem: OutOfRange, N: 3, Detail: "x"}}
	if got, want := none.Error(), "fit gamma: 1 of 3 samples are zero; the gamma needs every sample > 0\nfit normal: x"; got != want {
		t.Errorf("NoFitError = %q, want %q", got, want)
	}
	if e, ok := errors.AsType[*Error](none); !ok || e.Family != random.FamilyGamma {
		t.Errorf("NoFitError unwraps to %v", e)
	}
}

// one makes a family's fitter look like Best.
func one(f func([]float64) (Fit, error)) func([]float64) ([]Fit, error) {
	return func(x []float64) ([]Fit, error) {
		fit, err := f(x)
		return []Fit{fit}, err
	}
}
