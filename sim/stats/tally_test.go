package stats_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
	"pgregory.net/rapid"

	"cordon/sim/stats"
)

func tallyOf(keep bool, xs ...float64) *stats.Tally {
	var t stats.Tally
	if keep {
		t.KeepValues()
	}
	for _, x := range xs {
		t.Add(x)
	}
	return &t
}

func TestTallyHand(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name                          string
		xs                            []float64
		count                         int
		sum, mean, variance, min, max float64
	}{
		{"empty", nil, 0, 0, nan, nan, nan, nan},
		{"one", []float64{3}, 1, 3, 3, nan, 3, 3},
		// Deviations from 5: -3 -1 -1 -1 0 0 2 4, squares sum to 32; 32/7.
		{"eight", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 8, 40, 5, 32.0 / 7, 2, 9},
		{"rejects", []float64{1, nan, math.Inf(1), 3, math.Inf(-1)}, 2, 4, 2, 2, 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ta := tallyOf(false, tc.xs...)
			if ta.Count() != tc.count {
				t.Errorf("Count = %d, want %d", ta.Count(), tc.count)
			}
			if got, want := ta.Rejected(), len(tc.xs)-tc.count; got != want {
				t.Errorf("Rejected = %d, want %d", got, want)
			}
			checkNear(t, "Sum", ta.Sum(), tc.sum, 1e-12)
			checkNear(t, "Mean", ta.Mean(), tc.mean, 1e-12)
			checkNear(t, "Variance", ta.Variance(), tc.variance, 1e-12)
			checkNear(t, "StdDev", ta.StdDev(), math.Sqrt(tc.variance), 1e-12)
			checkNear(t, "Min", ta.Min(), tc.min, 0)
			checkNear(t, "Max", ta.Max(), tc.max, 0)
		})
	}
}

func TestTallyAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		n            int
		offset, unit float64
	}{
		{2, 0, 1}, {3, 0, 1}, {17, 5, 2}, {1000, 0, 1},
		// A large offset against a small spread is where naive sums of
		// squares lose every digit; Welford keeps them.
		{1000, 1e9, 1e-3},
	} {
		xs := make([]float64, tc.n)
		for i := range xs {
			xs[i] = tc.offset + tc.unit*rng.NormFloat64()
		}
		ta := tallyOf(false, xs...)
		mean, variance := stat.MeanVariance(xs, nil)
		checkNear(t, "Mean", ta.Mean(), mean, 1e-12)
		checkNear(t, "Variance", ta.Variance(), variance, 1e-6)
		checkNear(t, "Min", ta.Min(), slices.Min(xs), 0)
		checkNear(t, "Max", ta.Max(), slices.Max(xs), 0)
	}
}

func TestTallyMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xs := make([]float64, 200)
	for i := range xs {
		xs[i] = 10 + 3*rng.ExpFloat64()
	}
	whole := tallyOf(true, xs...)
	for _, cut := range []int{0, 1, 2, 100, 199, 200} {
		a, b := tallyOf(true, xs[:cut]...), tallyOf(true, xs[cut:]...)
		a.Merge(b)
		if a.Count() != whole.Count() {
			t.Fatalf("cut %d: Count = %d, want %d", cut, a.Count(), whole.Count())
		}
		checkNear(t, "Sum", a.Sum(), whole.Sum(), 1e-12)
		checkNear(t, "Mean", a.Mean(), whole.Mean(), 1e-12)
		checkNear(t, "Variance", a.Variance(), whole.Variance(), 1e-10)
		checkNear(t, "Min", a.Min(), whole.Min(), 0)
		checkNear(t, "Max", a.Max(), whole.Max(), 0)
		checkFloats(t, "Values", a.Values(), whole.Values(), 0)
	}
}

func TestTallyMergeEdges(t *testing.T) {
	t.Run("self", func(t *testing.T) {
		a := tallyOf(true, 1, 2, 3)
		a.Merge(a)
		want := tallyOf(true, 1, 2, 3, 1, 2, 3)
		checkNear(t, "Variance", a.Variance(), want.Variance(), 1e-12)
		checkFloats(t, "Values", a.Values(), want.Values(), 0)
	})
	t.Run("nil and empty", func(t *testing.T) {
		a := tallyOf(true, 1, 2)
		a.Merge(nil)
		a.Merge(&stats.Tally{})
		if a.Count() != 2 || a.Quantile(1) != 2 {
			t.Errorf("Count = %d, Quantile(1) = %v", a.Count(), a.Quantile(1))
		}
	})
	t.Run("rejected carried", func(t *testing.T) {
		a, b := tallyOf(false, 1), tallyOf(false, math.NaN())
		a.Merge(b)
		if a.Count() != 1 || a.Rejected() != 1 {
			t.Errorf("Count = %d, Rejected = %d", a.Count(), a.Rejected())
		}
	})
	t.Run("unkept into kept drops values", func(t *testing.T) {
		a := tallyOf(true, 1, 2)
		a.Merge(tallyOf(false, 3))
		if !math.IsNaN(a.Quantile(0.5)) || a.Values() != nil {
			t.Errorf("Quantile = %v, Values = %v; want NaN, nil", a.Quantile(0.5), a.Values())
		}
		checkNear(t, "Mean", a.Mean(), 2, 0)
	})
}

func TestTallyQuantile(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ta := tallyOf(true)
	var xs []float64
	for _, n := range []int{1, 2, 7, 100} {
		for len(xs) < n {
			x := math.Round(rng.NormFloat64() * 4) // rounding makes ties
			xs = append(xs, x)
			ta.Add(x)
		}
		sorted := slices.Sorted(slices.Values(xs))
		for _, p := range []float64{0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1} {
			want := stat.Quantile(p, stat.Empirical, sorted, nil)
			checkNear(t, "Quantile", ta.Quantile(p), want, 0)
		}
		checkFloats(t, "Values", ta.Values(), sorted, 0)
	}
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		if got := ta.Quantile(p); !math.IsNaN(got) {
			t.Errorf("Quantile(%v) = %v, want NaN", p, got)
		}
	}
}

func TestTallyFractionAtMost(t *testing.T) {
	ta := tallyOf(true, 3, 1, 2, 2, 5)
	for _, tc := range []struct{ x, want float64 }{
		{0, 0}, {1, 0.2}, {1.5, 0.2}, {2, 0.6}, {3, 0.8}, {4.9, 0.8}, {5, 1}, {9, 1},
		{math.NaN(), math.NaN()},
	} {
		checkNear(t, "FractionAtMost", ta.FractionAtMost(tc.x), tc.want, 0)
	}
}

func TestTallyWithoutValues(t *testing.T) {
	late := tallyOf(false, 1, 2)
	late.KeepValues() // too late: has no effect
	late.Add(3)
	for name, ta := range map[string]*stats.Tally{
		"not kept":   tallyOf(false, 1, 2, 3),
		"kept late":  late,
		"kept empty": tallyOf(true),
	} {
		if q, f := ta.Quantile(0.5), ta.FractionAtMost(2); !math.IsNaN(q) || !math.IsNaN(f) {
			t.Errorf("%s: Quantile = %v, FractionAtMost = %v; want NaN", name, q, f)
		}
		if len(ta.Values()) != 0 {
			t.Errorf("%s: Values = %v, want none", name, ta.Values())
		}
	}
}

func TestTallyAddAllocs(t *testing.T) {
	var plain stats.Tally
	if n := testing.AllocsPerRun(1000, func() { plain.Add(1.5) }); n != 0 {
		t.Errorf("Add allocates %v times per call", n)
	}
	kept := tallyOf(true)
	// Appending amortises: far less than one allocation per call.
	if n := testing.AllocsPerRun(10000, func() { kept.Add(1.5) }); n >= 0.01 {
		t.Errorf("Add with kept values allocates %v times per call", n)
	}
}

// Min and Max are math.Min and math.Max folded over the observations, bit
// for bit: -0 is below +0.
func TestPropertyTallyExtremesAreMathMinMax(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.SampledFrom([]float64{math.Copysign(0, -1), 0, -1, 1, 2.5, -2.5}), 1, 20).Draw(t, "xs")
		ta := tallyOf(false, xs...)
		lo, hi := xs[0], xs[0]
		for _, x := range xs[1:] {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
		if math.Float64bits(ta.Min()) != math.Float64bits(lo) || math.Float64bits(ta.Max()) != math.Float64bits(hi) {
			t.Fatalf("Min, Max = %v, %v; math.Min, math.Max: %v, %v", ta.Min(), ta.Max(), lo, hi)
		}
	})
}
