package random_test

import (
	"math"
	"slices"
	"testing"

	"cordon/sim/random"
)

const (
	// propSeed is the scenario seed of the property checks: the checks are
	// deterministic, and pass for this seed.
	propSeed = 20260101
	// propDraws is the sample size of a property check.
	propDraws = 20000
	// meanSEs bounds the sample mean's distance from the mean, in standard
	// errors s/√n: a chance exceedance has probability about 6e-5.
	meanSEs = 4
	// varSEs bounds the sample variance's distance from the variance, in
	// its estimated standard error √((m4 - s⁴)/n), m4 the sample fourth
	// central moment; looser than meanSEs because that estimate is itself
	// noisy for skewed distributions.
	varSEs = 5
	// ksCritical is the asymptotic 1% critical value of √n·D for the
	// Kolmogorov–Smirnov statistic D (the Kolmogorov distribution's 0.99
	// quantile, 1.6276).
	ksCritical = 1.6276
)

// TestDistributions runs the shared property check on every case.
func TestDistributions(t *testing.T) {
	for _, c := range distCases() {
		t.Run(c.name, func(t *testing.T) {
			d := newDist(t, c.spec, propSeed, c.name)
			if got, want := d.Mean(), c.spec.MeanValue(); !near(got, want, 1e-12) {
				t.Errorf("Mean() = %v, Spec.MeanValue() = %v", got, want)
			}
			checkDraws(t, c, d)
		})
	}
}

// newDist builds spec with the stream name of the given scenario seed,
// replication 0.
func newDist(t testing.TB, spec random.Spec, seed uint64, name string) random.Dist {
	t.Helper()
	d, err := spec.New(random.NewStreams(seed, 0).Source(name))
	if err != nil {
		t.Fatalf("%+v.New: %v", spec, err)
	}
	return d
}

// checkDraws is the property check shared by all distributions: it draws
// propDraws values from d and checks them against what c knows.
func checkDraws(t *testing.T, c distCase, d random.Dist) {
	t.Helper()
	x := make([]float64, propDraws)
	for i := range x {
		x[i] = d.Rand()
		if !(x[i] >= 0) || math.IsInf(x[i], 0) {
			t.Fatalf("draw %d = %v, want finite and >= 0", i, x[i])
		}
	}
	n := float64(len(x))

	// Moments: sample mean x̄, variance s², fourth central moment m4.
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	mean := sum / n
	s2, m4 := 0.0, 0.0
	for _, v := range x {
		d2 := (v - mean) * (v - mean)
		s2 += d2 / (n - 1)
		m4 += d2 * d2 / n
	}

	// The comparisons below are written as !(ok) so that a NaN fails.

	// Rounding slack, so that a constant passes exactly: relative 1e-12.
	slack := 1e-12 * mean * mean

	// |x̄ - μ| <= meanSEs·s/√n.
	if se := math.Sqrt(s2 / n); !(math.Abs(mean-d.Mean()) <= meanSEs*se+1e-12*mean) {
		t.Errorf("sample mean %v, want %v ± %v", mean, d.Mean(), meanSEs*se)
	}
	// |s² - σ²| <= varSEs·√((m4 - s⁴)/n).
	if se := math.Sqrt(math.Max(m4-s2*s2, 0) / n); !(math.Abs(s2-c.variance) <= varSEs*se+slack) {
		t.Errorf("sample variance %v, want %v ± %v", s2, c.variance, varSEs*se)
	}
	if c.cdf != nil {
		if d := ksStatistic(x, c.cdf); !(d*math.Sqrt(n) <= ksCritical) {
			t.Errorf("Kolmogorov–Smirnov: √n·D = %.3f > %v, the 1%% critical value", d*math.Sqrt(n), ksCritical)
		}
	}
	// A discrete distribution: each value's frequency p̂ within
	// meanSEs·√(p(1-p)/n) of its probability p; no other value drawn.
	if c.probs != nil {
		counts := map[float64]float64{}
		for _, v := range x {
			counts[v]++
		}
		for v, k := range counts {
			if _, ok := c.probs[v]; !ok {
				t.Errorf("drew %v %v times, want never", v, k)
			}
		}
		for v, p := range c.probs {
			if se := math.Sqrt(p * (1 - p) / n); !(math.Abs(counts[v]/n-p) <= meanSEs*se) {
				t.Errorf("frequency of %v = %v, want %v ± %v", v, counts[v]/n, p, meanSEs*se)
			}
		}
	}
}

// ksStatistic returns the Kolmogorov–Smirnov statistic of the sample x
// against the CDF F: D = max over the sorted sample x₍ᵢ₎, i = 1..n, of
// max(i/n - F(x₍ᵢ₎), F(x₍ᵢ₎) - (i-1)/n).
func ksStatistic(x []float64, F func(float64) float64) float64 {
	x = slices.Sorted(slices.Values(x))
	n := float64(len(x))
	d := 0.0
	for i, v := range x {
		f := F(v)
		d = max(d, float64(i+1)/n-f, f-float64(i)/n)
	}
	return d
}

// near reports whether a and b agree to a relative tolerance.
func near(a, b, tol float64) bool {
	return a == b || math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

func TestZeroAllocsPerDraw(t *testing.T) {
	for _, c := range distCases() {
		d := newDist(t, c.spec, propSeed, c.name)
		if allocs := testing.AllocsPerRun(1000, func() { d.Rand() }); allocs != 0 {
			t.Errorf("%s: %v allocations per Rand, want 0", c.name, allocs)
		}
	}
}

func TestSameSpecSameStreamSameDraws(t *testing.T) {
	for _, c := range distCases() {
		a := newDist(t, c.spec, 7, "service")
		b := newDist(t, c.spec, 7, "service")
		for i := range 100 {
			if x, y := a.Rand(), b.Rand(); x != y {
				t.Fatalf("%s: draw %d: %v != %v", c.name, i, x, y)
			}
		}
	}
}

func TestDegenerateIsFixed(t *testing.T) {
	src := random.NewStreams(1, 0).Source("x")
	for _, s := range []random.Spec{
		{Family: random.FamilyUniform, Min: 3, Max: 3},
		{Family: random.FamilyTriangular, Min: 3, Mode: 3, Max: 3},
		{Family: random.FamilyNormal, Mean: 3, SD: 0},
		{Family: random.FamilyLogNormal, Mean: 3, SD: 0},
		{Family: random.FamilyGamma, Mean: 3, CV: 0},
	} {
		d, err := s.New(src)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if _, ok := d.(random.Fixed); !ok || d.Rand() != 3 || d.Mean() != 3 {
			t.Errorf("%+v.New = %v (%T), want constant(3)", s, d, d)
		}
	}
}

func TestString(t *testing.T) {
	src := random.NewStreams(1, 0).Source("x")
	for _, tc := range []struct {
		spec random.Spec
		want string
	}{
		{random.Constant(5), "constant(5)"},
		{random.Spec{Family: random.FamilyExponential, Mean: 40}, "exponential(mean=40)"},
		{random.Spec{Family: random.FamilyUniform, Min: 1, Max: 2.5}, "uniform(min=1, max=2.5)"},
		{random.Spec{Family: random.FamilyTriangular, Min: 1, Mode: 2, Max: 4}, "triangular(min=1, mode=2, max=4)"},
		{random.Spec{Family: random.FamilyNormal, Mean: 30, SD: 10}, "normal(mean=30, sd=10) truncated at 0"},
		{random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: 15}, "lognormal(mean=40, sd=15)"},
		{random.Spec{Family: random.FamilyGamma, Mean: 40, CV: 0.5}, "gamma(mean=40, cv=0.5)"},
		{random.Spec{Family: random.FamilyWeibull, Shape: 1.5, Scale: 30}, "weibull(shape=1.5, scale=30)"},
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{1, 3}}, "empirical(n=2, mean=2)"},
	} {
		d, err := tc.spec.New(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.(interface{ String() string }).String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
