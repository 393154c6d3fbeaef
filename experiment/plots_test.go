package experiment

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortedQuantile is the reports' quantile of values: sorted by
// slices.Sort (NaN first), then type 7.
func sortedQuantile(v []float64, q float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	h := q * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return s[n-1]
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
}

// TestPointCountsQuantileIsTheSortedOne: the quantiles read from a point's
// counted values are those of its values sorted, to the bit, NaN (a point
// before the level was first set) included, for any number of values.
func TestPointCountsQuantileIsTheSortedOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 300; n += 7 {
		var c pointCounts
		var v []float64
		for range n {
			x := float64(rng.IntN(12))
			if rng.IntN(10) == 0 {
				x = math.NaN()
			}
			c.add(x)
			v = append(v, x)
		}
		for _, q := range []float64{0, 0.05, 0.5, 0.95, 1} {
			got, want := c.quantile(q), sortedQuantile(v, q)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("%d values, q %v: %v, want %v", n, q, got, want)
			}
		}
		if len(c.values) > 12 {
			t.Fatalf("%d values of 12 kinds kept as %d", n, len(c.values))
		}
	}
}

// TestDoorTimesExactThenBucketed: up to doorExact times every one is kept
// and read exactly; beyond, they are counted in buckets, each read within
// 1/1024 of the exact order statistic, the shortest and the longest
// exact, and what is held stops growing with the times.
func TestDoorTimesExactThenBucketed(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var d DoorTimes
	var all []float64
	for d.Len() <= doorExact {
		rep := make([]float64, 500)
		for i := range rep {
			rep[i] = 60 + rng.ExpFloat64()*1800
		}
		all = append(all, rep...)
		if d.add(rep); d.Len() <= doorExact {
			d.finish()
			s := slices.Sorted(slices.Values(all))
			for r := range s {
				if d.At(r) != s[r] {
					t.Fatalf("%d times: At(%d) = %v, want %v", d.Len(), r, d.At(r), s[r])
				}
			}
		}
	}
	if d.Exact() {
		t.Fatalf("%d times still kept exactly", d.Len())
	}
	buckets := len(d.buckets)
	for range 100 {
		rep := make([]float64, 500)
		for i := range rep {
			rep[i] = 60 + rng.ExpFloat64()*1800
		}
		all = append(all, rep...)
		d.add(rep)
	}
	d.finish()
	if d.exact != nil || len(d.buckets) > 2*buckets {
		t.Errorf("%d times held as %d exact and %d buckets (%d at the switch)", d.Len(), len(d.exact), len(d.buckets), buckets)
	}
	s := slices.Sorted(slices.Values(all))
	if d.Len() != len(s) || d.At(0) != s[0] || d.At(len(s)-1) != s[len(s)-1] {
		t.Fatalf("%d times, shortest %v longest %v; want %d, %v, %v", d.Len(), d.At(0), d.At(len(s)-1), len(s), s[0], s[len(s)-1])
	}
	for r := 0; r < len(s); r += 97 {
		if got := d.At(r); got > s[r] || got < s[r]*(1-1.0/1024) {
			t.Fatalf("At(%d) = %v, want within 1/1024 below %v", r, got, s[r])
		}
	}
	// Every rank but the ends reads the start of the bucket it falls in,
	// counting the buckets up in order.
	for r := 1; r < len(s)-1; r++ {
		left, want := r, d.max
		for _, k := range d.keys {
			if left < d.buckets[k] {
				want = max(math.Float64frombits(k<<(52-doorBits)), d.min)
				break
			}
			left -= d.buckets[k]
		}
		if got := d.At(r); got != want {
			t.Fatalf("At(%d) = %v, want %v, the start of its bucket", r, got, want)
		}
	}
}
