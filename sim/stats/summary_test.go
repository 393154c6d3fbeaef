package stats_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"cordon/sim/stats"
)

func TestSummarize(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name                string
		values              []float64
		level               float64
		n, missing          int
		mean, sd, low, high float64
	}{
		{
			// 1..10: mean 5.5; squared deviations sum to 82.5, sd =
			// sqrt(82.5/9) = 3.0276504; standard error 3.0276504/sqrt(10) =
			// 0.9574271; t(0.975, 9) = 2.2621572; half-width 2.1658506.
			name: "one to ten", values: []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, level: 0.95,
			n: 10, mean: 5.5, sd: 3.0276504, low: 3.3341494, high: 7.6658506,
		},
		{
			// sd sqrt(2), standard error 1, t(0.975, 1) = 12.7062047.
			name: "two", values: []float64{1, 3}, level: 0.95,
			n: 2, mean: 2, sd: math.Sqrt2, low: 2 - 12.7062047, high: 2 + 12.7062047,
		},
		{
			// One value has no spread to measure: no interval.
			name: "one", values: []float64{4.5}, level: 0.95,
			n: 1, mean: 4.5, sd: nan, low: nan, high: nan,
		},
		{
			name: "one measured of three", values: []float64{nan, 4.5, nan}, level: 0.95,
			n: 1, missing: 2, mean: 4.5, sd: nan, low: nan, high: nan,
		},
		{
			name: "none", values: nil, level: 0.95,
			n: 0, mean: nan, sd: nan, low: nan, high: nan,
		},
		{
			// 0.1 summed five times is not 0.5: the spread must still be 0.
			name: "all equal", values: []float64{0.1, 0.1, 0.1, 0.1, 0.1}, level: 0.95,
			n: 5, mean: 0.1, sd: 0, low: 0.1, high: 0.1,
		},
		{
			name: "not finite excluded", values: []float64{1, nan, 3, math.Inf(1)}, level: 0.95,
			n: 2, missing: 2, mean: 2, sd: math.Sqrt2, low: 2 - 12.7062047, high: 2 + 12.7062047,
		},
		{
			name: "only NaN", values: []float64{nan, nan}, level: 0.95,
			n: 0, missing: 2, mean: nan, sd: nan, low: nan, high: nan,
		},
		{
			name: "level out of range", values: []float64{1, 3}, level: 1,
			n: 2, mean: 2, sd: math.Sqrt2, low: nan, high: nan,
		},
		{
			name: "NaN level", values: []float64{4.5}, level: nan,
			n: 1, mean: 4.5, sd: nan, low: nan, high: nan,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := stats.Summarize(tc.values, tc.level)
			if s.N != tc.n || s.Missing != tc.missing {
				t.Errorf("N, Missing = %d, %d; want %d, %d", s.N, s.Missing, tc.n, tc.missing)
			}
			checkNear(t, "Mean", s.Mean, tc.mean, 1e-12)
			checkNear(t, "StdDev", s.StdDev, tc.sd, 1e-7)
			checkNear(t, "Low", s.Low, tc.low, 1e-7)
			checkNear(t, "High", s.High, tc.high, 1e-7)
			checkNear(t, "HalfWidth", s.HalfWidth(), (tc.high-tc.low)/2, 1e-7)
			checkNear(t, "Level", s.Level, tc.level, 0)
			checkFloats(t, "Values", s.Values, tc.values, 0)
		})
	}
}

func TestSummarizeCopiesValues(t *testing.T) {
	in := []float64{1, 2, 3}
	s := stats.Summarize(in, 0.95)
	in[0] = 100
	if s.Values[0] != 1 {
		t.Errorf("Values shares the caller's slice")
	}
}

func TestSummaryContains(t *testing.T) {
	s := stats.Summarize([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95) // [3.33, 7.67]
	for _, tc := range []struct {
		x    float64
		want bool
	}{{5.5, true}, {3.4, true}, {3.3, false}, {7.7, false}, {math.NaN(), false}} {
		if got := s.Contains(tc.x); got != tc.want {
			t.Errorf("Contains(%v) = %v, want %v", tc.x, got, tc.want)
		}
	}
	if stats.Summarize(nil, 0.95).Contains(0) {
		t.Errorf("an empty summary contains 0")
	}
}

func TestPaired(t *testing.T) {
	a := []float64{10, 12, 11, 13}
	b := []float64{11, 14, 12, math.NaN()}
	// Differences 1, 2, 1 and a NaN (missing).
	s, err := stats.Paired(a, b, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	// Mean 4/3; sd sqrt((1/9+4/9+1/9)/2) = sqrt(1/3) = 0.5773503; standard
	// error 0.5773503/sqrt(3) = 1/3; t(0.975, 2) = 4.3026527; half-width
	// 1.4342176.
	if s.N != 3 || s.Missing != 1 {
		t.Errorf("N, Missing = %d, %d; want 3, 1", s.N, s.Missing)
	}
	checkNear(t, "Mean", s.Mean, 4.0/3, 1e-12)
	checkNear(t, "HalfWidth", s.HalfWidth(), 1.4342176, 1e-7)
	checkFloats(t, "Values", s.Values, []float64{1, 2, 1, math.NaN()}, 0)

	if _, err := stats.Paired(a, b[:3], 0.95); err == nil {
		t.Errorf("Paired with lengths 4 and 3: no error")
	}
}

// The 95% interval from 10 normal values must cover the true mean in about
// 95% of samples. Over 2,000 independent samples the number covered is
// Binomial(2000, 0.95): sd sqrt(0.95*0.05/2000) = 0.49 percentage points,
// so the band 93.5%..96.5% is about ±3.1 sd, which a correct interval misses
// with probability about 0.2%; a z interval (no t) would cover about 92%.
// The seed is fixed, so the test is deterministic anyway.
func TestSummarizeCoverage(t *testing.T) {
	const (
		sets    = 2000
		mu, sd  = 3.0, 2.0
		perSet  = 10
		low, hi = 0.935, 0.965
	)
	rng := rand.New(rand.NewPCG(7, 8))
	covered := 0
	values := make([]float64, perSet)
	for range sets {
		for i := range values {
			values[i] = mu + sd*rng.NormFloat64()
		}
		if stats.Summarize(values, 0.95).Contains(mu) {
			covered++
		}
	}
	if share := float64(covered) / sets; share < low || share > hi {
		t.Errorf("coverage %.4f, want within [%v, %v]", share, low, hi)
	}
}

// One more normal value falls inside the prediction interval of the others
// 95% of the time; the interval is wider than the mean's by √(N+1).
func TestPredictionCoverage(t *testing.T) {
	const (
		sets    = 4000
		mu, sd  = 3.0, 2.0
		perSet  = 10
		low, hi = 0.94, 0.96
	)
	rng := rand.New(rand.NewPCG(9, 10))
	covered := 0
	values := make([]float64, perSet)
	for range sets {
		for i := range values {
			values[i] = mu + sd*rng.NormFloat64()
		}
		s := stats.Summarize(values, 0.95)
		plo, phi := s.Prediction()
		if ratio := (phi - plo) / (s.High - s.Low); math.Abs(ratio-math.Sqrt(perSet+1)) > 1e-9 {
			t.Fatalf("prediction interval %.4g times the confidence interval, want √%d", ratio, perSet+1)
		}
		if next := mu + sd*rng.NormFloat64(); plo <= next && next <= phi {
			covered++
		}
	}
	if share := float64(covered) / sets; share < low || share > hi {
		t.Errorf("coverage %.4f, want within [%v, %v]", share, low, hi)
	}
	if lo, hi := stats.Summarize([]float64{1}, 0.95).Prediction(); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Error("one value has a prediction interval")
	}
	if lo, hi := stats.Summarize([]float64{4, 4, 4}, 0.95).Prediction(); lo != 4 || hi != 4 {
		t.Errorf("equal values: [%v, %v], want [4, 4]", lo, hi)
	}
}
