package random_test

import (
	"math"
	"slices"
	"testing"

	"cordon/sim/random"
)

func TestKinds(t *testing.T) {
	want := []string{"constant", "exponential", "uniform", "triangular", "normal", "lognormal", "gamma", "weibull", "empirical"}
	if got := random.FamilyNames(); !slices.Equal(got, want) {
		t.Errorf("Kinds() = %q, want %q", got, want)
	}
	random.FamilyNames()[0] = "changed"
	if random.FamilyNames()[0] != "constant" {
		t.Error("changing the result of Kinds changed the next one")
	}
	// Every kind has a test case.
	for _, kind := range want {
		if !slices.ContainsFunc(distCases(), func(c distCase) bool { return c.spec.Family == kind }) {
			t.Errorf("no test case for kind %q", kind)
		}
	}
}

func TestMeanValue(t *testing.T) {
	for _, tc := range []struct {
		spec random.Spec
		want float64
	}{
		{random.Constant(7), 7},
		{random.Spec{Family: random.FamilyExponential, Mean: 40}, 40},
		{random.Spec{Family: random.FamilyUniform, Min: 10, Max: 50}, 30},
		{random.Spec{Family: random.FamilyTriangular, Min: 0, Mode: 3, Max: 6}, 3},
		{random.Spec{Family: random.FamilyNormal, Mean: 0, SD: 2}, 2 * math.Sqrt(2/math.Pi)},
		{random.Spec{Family: random.FamilyNormal, Mean: 100, SD: 1}, 100},
		{random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: 15}, 40},
		{random.Spec{Family: random.FamilyGamma, Mean: 40, CV: 2}, 40},
		{random.Spec{Family: random.FamilyWeibull, Shape: 1, Scale: 30}, 30}, // weibull(1, λ) is exponential(mean λ)
		{random.Spec{Family: random.FamilyWeibull, Shape: 2, Scale: 2}, math.Sqrt(math.Pi)},
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{10, 20}, Weights: []float64{3, 1}}, 12.5},
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{1, 2, 6}}, 3},
	} {
		if got := tc.spec.MeanValue(); !near(got, tc.want, 1e-14) {
			t.Errorf("%+v.MeanValue() = %v, want %v", tc.spec, got, tc.want)
		}
	}
}

func TestScaled(t *testing.T) {
	const f = 1.2
	for _, c := range distCases() {
		s := c.spec.Scaled(f)
		if err := s.Validate(); err != nil {
			t.Errorf("%s: Scaled(%v) is invalid: %v", c.name, f, err)
			continue
		}
		if got, want := s.MeanValue(), f*c.spec.MeanValue(); !near(got, want, 1e-12) {
			t.Errorf("%s: Scaled(%v).MeanValue() = %v, want %v", c.name, f, got, want)
		}
		// Same shape: with the same stream, every draw is scaled by f.
		d, scaled := newDist(t, c.spec, 1, "x"), newDist(t, s, 1, "x")
		for range 100 {
			if x, y := d.Rand(), scaled.Rand(); !near(y, f*x, 1e-9) {
				t.Fatalf("%s: scaled draw %v, want %v", c.name, y, f*x)
			}
		}
	}
	s := random.Spec{Family: random.FamilyEmpirical, Values: []float64{1, 2}, Weights: []float64{1, 1}}
	scaled := s.Scaled(2)
	scaled.Values[0], scaled.Weights[0] = 9, 9
	if s.Values[0] != 1 || s.Weights[0] != 1 {
		t.Error("changing the Scaled spec's slices changed the original")
	}
	if s := (random.Spec{Family: random.FamilyGamma, Mean: 10, CV: 0.5}).Scaled(2); s.CV != 0.5 || s.Mean != 20 {
		t.Errorf("gamma Scaled(2) = %+v, want mean 20, cv 0.5", s)
	}
	if s := (random.Spec{Family: random.FamilyWeibull, Shape: 1.5, Scale: 10}).Scaled(2); s.Shape != 1.5 || s.Scale != 20 {
		t.Errorf("weibull Scaled(2) = %+v, want shape 1.5, scale 20", s)
	}
}
