package scenarios

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/sim/fit"
	"cordon/sim/random"
)

func TestFormatDistExamples(t *testing.T) {
	for _, tc := range []struct {
		spec random.Spec
		want string
	}{
		{random.Constant(30), "30s"},
		{random.Constant(0), "0s"},
		{random.Spec{Family: random.FamilyExponential, Mean: 0.001234}, "{dist: exponential, mean: 1.23ms}"},
		{random.Spec{Family: random.FamilyLogNormal, Mean: 23.43, SD: 8.071}, "{dist: lognormal, mean: 23.4s, sd: 8.07s}"},
		{random.Spec{Family: random.FamilyGamma, Mean: 180.4, CV: 0.49871}, "{dist: gamma, mean: 3m, cv: 0.499}"},
		{random.Spec{Family: random.FamilyWeibull, Shape: 1.4963, Scale: 92.47}, "{dist: weibull, shape: 1.5, scale: 1m32.5s}"},
		{random.Spec{Family: random.FamilyNormal, Mean: 5026, SD: 600}, "{dist: normal, mean: 1h23m50s, sd: 10m}"},
		{random.Spec{Family: random.FamilyNormal, Mean: 3600, SD: 30}, "{dist: normal, mean: 1h, sd: 30s}"},
		{random.Spec{Family: random.FamilyUniform, Min: 60, Max: 240}, "{dist: uniform, min: 1m, max: 4m}"},
		{random.Spec{Family: random.FamilyTriangular, Min: 180, Mode: 300, Max: 480}, "{dist: triangular, min: 3m, mode: 5m, max: 8m}"},
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{20, 30, 60}, Weights: []float64{1, 2, 1}},
			"{dist: empirical, values: [20s, 30s, 1m], weights: [1, 2, 1]}"},
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{20.04}}, "{dist: empirical, values: [20s]}"},
		// Ends that round to the same time make a valid uniform still.
		{random.Spec{Family: random.FamilyUniform, Min: 100.01, Max: 100.02}, "{dist: uniform, min: 1m40s, max: 1m40s}"},
		{random.Spec{Family: random.FamilyWeibull, Shape: 2, Scale: 6e-10}, "{dist: weibull, shape: 2, scale: 1ns}"},
	} {
		got, err := FormatDist(tc.spec)
		if err != nil {
			t.Errorf("%+v: %v", tc.spec, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%+v: got %s, want %s", tc.spec, got, tc.want)
		}
	}
}

func TestFormatDistErrors(t *testing.T) {
	for _, tc := range []struct {
		spec random.Spec
		want string
	}{
		{random.Spec{Family: random.FamilyLogNormal, Mean: -1, SD: 1}, "mean"},
		{random.Spec{Family: "pareto"}, "pareto"},
		{random.Spec{Family: random.FamilyNormal, Mean: -5, SD: 10}, "negative"},
		{random.Spec{Family: random.FamilyExponential, Mean: 1e13}, "292 years"},
		{random.Spec{Family: random.FamilyWeibull, Shape: 2, Scale: 4e-10}, "nanosecond"},
	} {
		_, err := FormatDist(tc.spec)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want one saying %q", tc.spec, err, tc.want)
		}
	}
}

// TestFormatDistFitsLoad formats every fit the fitter makes of samples of
// every family it fits, sets it as the baseline's gate.intake through the
// loader, and gets the fitted Spec back within rounding.
func TestFormatDistFitsLoad(t *testing.T) {
	truths := []random.Spec{
		{Family: random.FamilyExponential, Mean: 40},
		{Family: random.FamilyLogNormal, Mean: 40, SD: 15},
		{Family: random.FamilyGamma, Mean: 180, CV: 0.5},
		{Family: random.FamilyWeibull, Shape: 1.5, Scale: 92},
		{Family: random.FamilyNormal, Mean: 600, SD: 60},
	}
	streams := random.NewStreams(7, 0)
	for _, truth := range truths {
		d, err := truth.New(streams.Source(truth.Family))
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float64, 500)
		for i := range x {
			x[i] = d.Rand()
		}
		fits, err := fit.Best(x)
		if err != nil {
			t.Fatal(err)
		}
		if len(fits) != 5 {
			t.Errorf("%s samples: %d fits, want all 5 families", truth.Family, len(fits))
		}
		for _, f := range append(fits, fit.Fit{Spec: random.Constant(x[0])}) {
			text, err := FormatDist(f.Spec)
			if err != nil {
				t.Errorf("%+v: %v", f.Spec, err)
				continue
			}
			sc, err := Resolve("baseline", Override{Path: "gate.intake", Value: text})
			if err != nil {
				t.Errorf("%s does not load: %v", text, err)
				continue
			}
			checkWithinRounding(t, text, f.Spec, sc.Gate.Intake.Spec)
		}
	}
}

// TestFormatDistRoundTrip formats many random distributions of every kind,
// from a millisecond to days, and decodes each back as a file's random
// time: the same kind, every parameter within rounding.
func TestFormatDistRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	time := func() float64 { return math.Pow(10, -3+8*rng.Float64()) }
	plain := func() float64 { return math.Pow(10, -1.5+3*rng.Float64()) }
	for i := range 2000 {
		var s random.Spec
		switch i % 9 {
		case 0:
			s = random.Constant(time())
		case 1:
			s = random.Spec{Family: random.FamilyExponential, Mean: time()}
		case 2:
			a, b := time(), time()
			s = random.Spec{Family: random.FamilyUniform, Min: min(a, b), Max: max(a, b)}
		case 3:
			v := []float64{time(), time(), time()}
			s = random.Spec{Family: random.FamilyTriangular, Min: min(v[0], v[1], v[2]), Mode: v[0] + v[1] + v[2] - min(v[0], v[1], v[2]) - max(v[0], v[1], v[2]), Max: max(v[0], v[1], v[2])}
		case 4:
			s = random.Spec{Family: random.FamilyNormal, Mean: time(), SD: time()}
		case 5:
			s = random.Spec{Family: random.FamilyLogNormal, Mean: time(), SD: time()}
		case 6:
			s = random.Spec{Family: random.FamilyGamma, Mean: time(), CV: plain()}
		case 7:
			s = random.Spec{Family: random.FamilyWeibull, Shape: plain(), Scale: time()}
		case 8:
			s = random.Spec{Family: random.FamilyEmpirical, Values: []float64{time(), time()}, Weights: []float64{plain(), plain()}}
		}
		if s.Validate() != nil {
			continue
		}
		text, err := FormatDist(s)
		if err != nil {
			t.Errorf("%+v: %v", s, err)
			continue
		}
		back, err := decodeTimeDist(text)
		if err != nil {
			t.Errorf("%s (from %+v) does not decode: %v", text, s, err)
			continue
		}
		checkWithinRounding(t, text, s, back)
	}
}

// decodeTimeDist decodes text as the loader decodes a random time.
func decodeTimeDist(text string) (random.Spec, error) {
	n, err := snippet(text)
	if err != nil {
		return random.Spec{}, err
	}
	errs := &collector{}
	var d compound.Dist
	newDecoder("test", errs, nil).dist(n, &d, "x", false)
	if !errs.empty() {
		return random.Spec{}, errs.errors()
	}
	return d.Spec, d.Spec.Validate()
}

// checkWithinRounding checks that got is want with every parameter rounded
// to 3 significant digits (half a unit of the third digit, 0.5%, and half
// a nanosecond for times).
func checkWithinRounding(t *testing.T, text string, want, got random.Spec) {
	t.Helper()
	if got.Family != want.Family {
		t.Errorf("%s: kind %s, want %s", text, got.Family, want.Family)
		return
	}
	pairs := [][2]float64{{want.Value, got.Value}, {want.Mean, got.Mean}, {want.SD, got.SD}, {want.CV, got.CV},
		{want.Min, got.Min}, {want.Mode, got.Mode}, {want.Max, got.Max}, {want.Shape, got.Shape}, {want.Scale, got.Scale}}
	if len(want.Values) != len(got.Values) || len(want.Weights) != len(got.Weights) {
		t.Errorf("%s: %d values and %d weights, want %d and %d", text, len(got.Values), len(got.Weights), len(want.Values), len(want.Weights))
		return
	}
	for i := range want.Values {
		pairs = append(pairs, [2]float64{want.Values[i], got.Values[i]})
	}
	for i := range want.Weights {
		pairs = append(pairs, [2]float64{want.Weights[i], got.Weights[i]})
	}
	for _, p := range pairs {
		if math.Abs(p[0]-p[1]) > 0.005*math.Abs(p[0])+0.5e-9 {
			t.Errorf("%s: read back %+v, want %+v within rounding", text, got, want)
			return
		}
	}
}
