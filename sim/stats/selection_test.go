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

// sortedQuantile is the definition Tally.Quantile keeps: gonum's empirical
// quantile of the sorted values.
func sortedQuantile(xs []float64, p float64) float64 {
	return stat.Quantile(p, stat.Empirical, slices.Sorted(slices.Values(xs)), nil)
}

// Quantiles found by selection are, bit for bit, the quantiles of the sorted
// values, asked for in any order, between adds and merges, with ties, and
// after Values has sorted them.
func TestPropertyQuantileBySelectionIsSortedQuantile(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var ta stats.Tally
		ta.KeepValues()
		var xs []float64
		// Few distinct values make long runs of ties; many make none.
		distinct := rapid.SampledFrom([]int{1, 3, 50, 1 << 20}).Draw(t, "distinct")
		shape := rapid.IntRange(0, 3).Draw(t, "shape")
		for range rapid.IntRange(1, 8).Draw(t, "rounds") {
			n := rapid.IntRange(0, 400).Draw(t, "n")
			add := make([]float64, n)
			for i := range add {
				add[i] = float64(rapid.IntRange(0, distinct-1).Draw(t, "x")) / 7
			}
			switch shape { // orders that break naive pivots
			case 1:
				slices.Sort(add)
			case 2:
				slices.Sort(add)
				slices.Reverse(add)
			case 3:
				slices.Sort(add[:n/2])
				slices.Sort(add[n/2:])
				slices.Reverse(add[n/2:])
			}
			if rapid.Bool().Draw(t, "merge") {
				var o stats.Tally
				o.KeepValues()
				for _, x := range add {
					o.Add(x)
				}
				ta.Merge(&o)
			} else {
				for _, x := range add {
					ta.Add(x)
				}
			}
			xs = append(xs, add...)
			if len(xs) == 0 {
				continue
			}
			if rapid.IntRange(0, 9).Draw(t, "sort first") == 0 {
				ta.Values()
			}
			for range rapid.IntRange(1, 20).Draw(t, "quantiles") {
				p := rapid.OneOf(rapid.SampledFrom([]float64{0, 0.5, 0.9, 0.95, 0.99, 1}),
					rapid.Float64Range(0, 1)).Draw(t, "p")
				got, want := ta.Quantile(p), sortedQuantile(xs, p)
				if math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("Quantile(%v) of %d values = %v, sorted: %v", p, len(xs), got, want)
				}
				x := rapid.Float64Range(-1, float64(distinct)/7+1).Draw(t, "x")
				if got, want := ta.FractionAtMost(x), fractionAtMost(xs, x); got != want {
					t.Fatalf("FractionAtMost(%v) = %v, want %v", x, got, want)
				}
			}
			if got := ta.Values(); !slices.Equal(got, slices.Sorted(slices.Values(xs))) {
				t.Fatalf("Values after quantiles are not the sorted values")
			}
		}
	})
}

func fractionAtMost(xs []float64, x float64) float64 {
	k := 0
	for _, y := range xs {
		if y <= x {
			k++
		}
	}
	return float64(k) / float64(len(xs))
}

// Many values, many quantiles: exact against the sorted values.
func TestQuantileLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{17, 1000, 100_000} {
		var ta stats.Tally
		ta.KeepValues()
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = rng.ExpFloat64() * 600
			ta.Add(xs[i])
		}
		for _, p := range []float64{0.95, 0.5, 0.9, 0.99, 0, 1, 0.25, 0.5, 1e-9} {
			got, want := ta.Quantile(p), sortedQuantile(xs, p)
			if got != want {
				t.Errorf("n %d: Quantile(%v) = %v, want %v", n, p, got, want)
			}
		}
	}
}

// Asking for every position, in a random order, finds each one between
// positions already found.
func TestQuantileEveryPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n = 300
	var ta stats.Tally
	ta.KeepValues()
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = math.Round(rng.NormFloat64() * 20)
		ta.Add(xs[i])
	}
	sorted := slices.Sorted(slices.Values(xs))
	for _, k := range rng.Perm(n) {
		p := (float64(k) + 0.5) / n // p*n rounds up to k+1: position k
		if got := ta.Quantile(p); got != sorted[k] {
			t.Fatalf("position %d: Quantile(%v) = %v, want %v", k, p, got, sorted[k])
		}
	}
}
