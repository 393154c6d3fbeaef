package stats

import (
	"math"
	"slices"
	"sort"
)

// Tally records observations of a quantity, such as waiting times.
//
// The zero value is ready to use. It keeps running moments only (Welford's
// algorithm), in constant memory; call [Tally.KeepValues] before the first
// observation to also keep every value, which [Tally.Quantile],
// [Tally.FractionAtMost] and [Tally.Values] need.
type Tally struct {
	n        int
	sum      float64
	mean     float64
	m2       float64 // sum of squared deviations from the mean
	min, max float64
	rejected int

	keep   bool
	vals   []float64
	sorted bool // vals is in ascending order

	// fixed lists positions of vals that hold their sorted value, found by
	// earlier quantiles while vals had fixedLen values.
	fixed    []int
	fixedLen int
}

// KeepValues makes t keep every observation from now on. Call it before the
// first Add: once t holds observations it has nothing to do, because the
// values already added are gone.
func (t *Tally) KeepValues() {
	if t.n == 0 {
		t.keep = true
	}
}

// Add records the observation x. A value that is not finite is ignored and
// counted in [Tally.Rejected].
func (t *Tally) Add(x float64) {
	if !finite(x) {
		t.rejected++
		return
	}
	t.n++
	if t.n == 1 {
		t.min, t.max = x, x
	} else {
		// As math.Min and math.Max (-0 below +0 included), which the
		// built-in min and max are, called only when x is not strictly
		// inside: a comparison is cheaper than either.
		if x <= t.min {
			t.min = min(t.min, x)
		}
		if x >= t.max {
			t.max = max(t.max, x)
		}
	}
	t.sum += x
	d := x - t.mean
	t.mean += d / float64(t.n)
	t.m2 += d * (x - t.mean)
	if t.keep {
		t.vals = append(t.vals, x)
		t.sorted = false
	}
}

// Count returns the number of observations recorded.
func (t *Tally) Count() int { return t.n }

// Rejected returns the number of Add calls ignored because the value was not
// finite.
func (t *Tally) Rejected() int { return t.rejected }

// Sum returns the sum of the observations (0 when empty).
func (t *Tally) Sum() float64 { return t.sum }

// Mean returns the mean of the observations, or NaN when empty.
func (t *Tally) Mean() float64 {
	if t.n == 0 {
		return math.NaN()
	}
	return t.mean
}

// Variance returns the unbiased sample variance (divisor n-1), or NaN when
// fewer than two observations were recorded.
func (t *Tally) Variance() float64 {
	if t.n < 2 {
		return math.NaN()
	}
	return t.m2 / float64(t.n-1)
}

// StdDev returns the square root of [Tally.Variance].
func (t *Tally) StdDev() float64 { return math.Sqrt(t.Variance()) }

// Min returns the smallest observation, or NaN when empty.
func (t *Tally) Min() float64 {
	if t.n == 0 {
		return math.NaN()
	}
	return t.min
}

// Max returns the largest observation, or NaN when empty.
func (t *Tally) Max() float64 {
	if t.n == 0 {
		return math.NaN()
	}
	return t.max
}

// Quantile returns the empirical p-quantile of the kept values: the smallest
// value v such that at least a share p of the observations are <= v (gonum's
// stat.Empirical on the sorted values). It returns NaN when t is empty, when
// values are not kept, or when p is outside [0, 1].
//
// The value is found by selection, in time linear in the number of values,
// without sorting them; quantiles asked for together share the work.
func (t *Tally) Quantile(p float64) float64 {
	if !t.keep || t.n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	k := empiricalIndex(p, len(t.vals))
	if t.sorted {
		return t.vals[k]
	}
	if t.fixedLen != len(t.vals) {
		t.fixed, t.fixedLen = t.fixed[:0], len(t.vals)
	}
	return orderStat(t.vals, k, &t.fixed)
}

// empiricalIndex returns the position in n sorted values of their empirical
// p-quantile as gonum's stat.Quantile with stat.Empirical finds it: the
// first position i with i+1 >= p*n.
func empiricalIndex(p float64, n int) int {
	return max(int(math.Ceil(p*float64(n)))-1, 0)
}

// FractionAtMost returns the share of the kept observations that are <= x,
// or NaN when t is empty, values are not kept or x is NaN. It counts the
// values, or searches them once they are sorted.
func (t *Tally) FractionAtMost(x float64) float64 {
	if !t.keep || t.n == 0 || math.IsNaN(x) {
		return math.NaN()
	}
	v := t.vals
	var k int
	if t.sorted {
		k = sort.Search(len(v), func(i int) bool { return v[i] > x })
	} else {
		for _, y := range v {
			if y <= x {
				k++
			}
		}
	}
	return float64(k) / float64(len(v))
}

// Values returns a copy of the kept observations in ascending order, or nil
// when values are not kept.
func (t *Tally) Values() []float64 {
	if !t.keep {
		return nil
	}
	return slices.Clone(t.sortedValues())
}

// Merge adds the observations of o to t, as if they had been added to t one
// by one (Chan et al.'s pairwise update of the moments). If t keeps values
// but o holds observations it did not keep, t stops keeping values, since
// its quantiles would no longer describe all its observations.
func (t *Tally) Merge(o *Tally) {
	if o == nil {
		return
	}
	t.rejected += o.rejected
	if o.n == 0 {
		return
	}
	if t.keep {
		if o.keep {
			t.vals = append(t.vals, o.vals...)
			t.sorted = false
		} else {
			t.keep, t.vals, t.sorted = false, nil, false
		}
	}
	if t.n == 0 {
		t.n, t.sum, t.mean, t.m2, t.min, t.max = o.n, o.sum, o.mean, o.m2, o.min, o.max
		return
	}
	na, nb := float64(t.n), float64(o.n)
	n := na + nb
	d := o.mean - t.mean
	t.mean += d * nb / n
	t.m2 += o.m2 + d*d*na*nb/n
	t.n += o.n
	t.sum += o.sum
	t.min = min(t.min, o.min)
	t.max = max(t.max, o.max)
}

func (t *Tally) sortedValues() []float64 {
	if !t.sorted {
		slices.Sort(t.vals)
		t.sorted = true
	}
	return t.vals
}
