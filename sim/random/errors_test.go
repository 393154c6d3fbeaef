package random_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"cordon/sim/random"
)

var (
	nan  = math.NaN()
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
)

// TestInvalid checks that every constructor, through Spec.New, and
// Spec.Validate reject bad parameters with the same error, one naming the
// parameter and saying what was expected.
func TestInvalid(t *testing.T) {
	const (
		c   = random.FamilyConstant
		exp = random.FamilyExponential
		uni = random.FamilyUniform
		tri = random.FamilyTriangular
		nor = random.FamilyNormal
		ln  = random.FamilyLogNormal
		gam = random.FamilyGamma
		wei = random.FamilyWeibull
		emp = random.FamilyEmpirical
	)
	for _, tc := range []struct {
		spec random.Spec
		want string
	}{
		{random.Spec{}, `unknown distribution kind "", want one of constant, exponential,`},
		{random.Spec{Family: "poisson"}, `unknown distribution kind "poisson"`},
		{random.Constant(-3), "constant: value must be >= 0, got -3"},
		{random.Constant(nan), "constant: value must be finite, got NaN"},
		{random.Constant(inf), "constant: value must be finite, got +Inf"},
		{random.Spec{Family: exp, Mean: 0}, "exponential: mean must be > 0, got 0"},
		{random.Spec{Family: exp, Mean: -1}, "exponential: mean must be > 0, got -1"},
		{random.Spec{Family: exp, Mean: ninf}, "exponential: mean must be finite, got -Inf"},
		{random.Spec{Family: uni, Min: -1, Max: 2}, "uniform: min must be >= 0, got -1"},
		{random.Spec{Family: uni, Min: 3, Max: 2}, "uniform: max must be >= min (3), got 2"},
		{random.Spec{Family: uni, Min: 3, Max: nan}, "uniform: max must be finite, got NaN"},
		{random.Spec{Family: tri, Min: -1, Mode: 2, Max: 3}, "triangular: min must be >= 0, got -1"},
		{random.Spec{Family: tri, Min: 2, Mode: 1, Max: 3}, "triangular: mode must be >= min (2), got 1"},
		{random.Spec{Family: tri, Min: 1, Mode: 2, Max: 1.5}, "triangular: max must be >= mode (2), got 1.5"},
		{random.Spec{Family: tri, Min: 1, Mode: inf, Max: inf}, "triangular: mode must be finite, got +Inf"},
		{random.Spec{Family: nor, Mean: 10, SD: -3}, "normal: sd must be >= 0, got -3"},
		{random.Spec{Family: nor, Mean: nan, SD: 1}, "normal: mean must be finite, got NaN"},
		{random.Spec{Family: nor, Mean: -1, SD: 0}, "normal: mean must be >= 0 when sd is 0, got -1"},
		{random.Spec{Family: nor, Mean: -36, SD: 1}, "normal: mean must be >= -35*sd (-35), got -36"},
		{random.Spec{Family: ln, Mean: 40, SD: -3}, "lognormal: sd must be >= 0, got -3"},
		{random.Spec{Family: ln, Mean: 0, SD: 3}, "lognormal: mean must be > 0, got 0"},
		{random.Spec{Family: ln, Mean: 1e-300, SD: 1e300}, "lognormal: parameters out of range: sigma"},
		{random.Spec{Family: gam, Mean: -40, CV: 1}, "gamma: mean must be > 0, got -40"},
		{random.Spec{Family: gam, Mean: 40, CV: -1}, "gamma: cv must be >= 0, got -1"},
		{random.Spec{Family: gam, Mean: 40, CV: 1e-200}, "gamma: parameters out of range: shape"},
		{random.Spec{Family: wei, Shape: 0, Scale: 1}, "weibull: shape must be > 0, got 0"},
		{random.Spec{Family: wei, Shape: 1, Scale: -2}, "weibull: scale must be > 0, got -2"},
		{random.Spec{Family: wei, Shape: 0.001, Scale: 1}, "weibull: parameters out of range: the mean"},
		{random.Spec{Family: emp}, "empirical: values must not be empty"},
		{random.Spec{Family: emp, Values: []float64{1, -2}}, "empirical: values[1] must be >= 0, got -2"},
		{random.Spec{Family: emp, Values: []float64{1, inf}}, "empirical: values[1] must be finite, got +Inf"},
		{random.Spec{Family: emp, Values: []float64{1, 2}, Weights: []float64{1}}, "empirical: weights must be empty or one per value (2), got 1"},
		{random.Spec{Family: emp, Values: []float64{1, 2}, Weights: []float64{1, nan}}, "empirical: weights[1] must be finite, got NaN"},
		{random.Spec{Family: emp, Values: []float64{1, 2}, Weights: []float64{-1, 2}}, "empirical: weights[0] must be >= 0, got -1"},
		{random.Spec{Family: emp, Values: []float64{1, 2}, Weights: []float64{0, 0}}, "empirical: weights must not all be zero"},
		{random.Spec{Family: emp, Values: []float64{1, 2}, Weights: []float64{math.MaxFloat64, math.MaxFloat64}}, "empirical: parameters out of range: the total weight"},
	} {
		verr := tc.spec.Validate()
		_, nerr := tc.spec.New(rand.NewPCG(1, 2))
		if verr == nil || nerr == nil {
			t.Errorf("%+v: Validate() = %v, New() = %v, want errors", tc.spec, verr, nerr)
			continue
		}
		if !strings.HasPrefix(verr.Error(), tc.want) {
			t.Errorf("%+v: error %q, want %q", tc.spec, verr, tc.want)
		}
		if verr.Error() != nerr.Error() {
			t.Errorf("%+v: Validate() = %q but New() = %q", tc.spec, verr, nerr)
		}
	}
}

// TestNilSource checks that every kind but constant refuses a nil source,
// even with parameters that make it a constant.
func TestNilSource(t *testing.T) {
	var nilPCG *rand.PCG
	for _, c := range distCases() {
		for _, src := range []rand.Source{nil, nilPCG} {
			d, err := c.spec.New(src)
			if c.spec.Family == random.FamilyConstant {
				if err != nil || d.Rand() != 5 {
					t.Errorf("%s: New(nil) = %v, %v, want constant(5)", c.name, d, err)
				}
				continue
			}
			if want := c.spec.Family + ": src must not be nil"; err == nil || err.Error() != want {
				t.Errorf("%s: New(%#v) error = %v, want %q", c.name, src, err, want)
			}
		}
	}
	if _, err := random.NewUniform(3, 3, nil); err == nil {
		t.Error("NewUniform(3, 3, nil) succeeded, want an error")
	}
}

// TestConstructors checks the constructors directly, beyond Spec.New.
func TestConstructors(t *testing.T) {
	src := rand.NewPCG(1, 2)
	for _, tc := range []struct {
		name string
		new  func() (random.Dist, error)
		want string // "" for success
	}{
		{"NewConstant", func() (random.Dist, error) { return random.NewConstant(-1) }, "constant: value must be >= 0, got -1"},
		{"NewExponential", func() (random.Dist, error) { return random.NewExponential(nan, src) }, "exponential: mean must be finite, got NaN"},
		{"NewUniform", func() (random.Dist, error) { return random.NewUniform(2, 1, src) }, "uniform: max must be >= min (2), got 1"},
		{"NewTriangular", func() (random.Dist, error) { return random.NewTriangular(0, 5, 4, src) }, "triangular: max must be >= mode (5), got 4"},
		{"NewTruncNormal", func() (random.Dist, error) { return random.NewTruncNormal(1, ninf, src) }, "normal: sd must be finite, got -Inf"},
		{"NewLogNormal", func() (random.Dist, error) { return random.NewLogNormal(40, -3, src) }, "lognormal: sd must be >= 0, got -3"},
		{"NewGamma", func() (random.Dist, error) { return random.NewGamma(40, nan, src) }, "gamma: cv must be finite, got NaN"},
		{"NewWeibull", func() (random.Dist, error) { return random.NewWeibull(-1, 1, src) }, "weibull: shape must be > 0, got -1"},
		{"NewEmpirical", func() (random.Dist, error) { return random.NewEmpirical(nil, nil, src) }, "empirical: values must not be empty"},
		{"NewTriangular/min==max", func() (random.Dist, error) { return random.NewTriangular(2, 2, 2, src) }, ""},
		{"NewTruncNormal/zero", func() (random.Dist, error) { return random.NewTruncNormal(0, 0, src) }, ""},
		{"NewTruncNormal/at-limit", func() (random.Dist, error) { return random.NewTruncNormal(-35, 1, src) }, ""},
		{"NewEmpirical/zero-weight", func() (random.Dist, error) { return random.NewEmpirical([]float64{0, 1}, []float64{0, 1}, src) }, ""},
	} {
		d, err := tc.new()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v, want success", tc.name, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		case tc.want != "" && d != nil:
			t.Errorf("%s: returned %v with an error, want nil", tc.name, d)
		}
	}
}

func TestEmpiricalCopiesInput(t *testing.T) {
	values, weights := []float64{1, 2}, []float64{1, 0}
	d, err := random.NewEmpirical(values, weights, rand.NewPCG(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	values[0], weights[0], weights[1] = 5, 0, 1
	for range 100 {
		if x := d.Rand(); x != 1 {
			t.Fatalf("draw %v after the caller changed its slices, want 1", x)
		}
	}
}
