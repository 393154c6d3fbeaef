package stats_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"cordon/sim/stats"
)

func TestBatchMeans(t *testing.T) {
	// Seven values into three batches of two: the first value, the
	// remainder, is dropped; batch means 1, 2, 3.
	s, err := stats.BatchMeans([]float64{100, 1, 1, 2, 2, 3, 3}, 3, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkFloats(t, "Values", s.Values, []float64{1, 2, 3}, 0)
	checkNear(t, "Mean", s.Mean, 2, 0)
	// sd 1, standard error 1/sqrt(3), t(0.975, 2) = 4.3026527.
	checkNear(t, "HalfWidth", s.HalfWidth(), 4.3026527/math.Sqrt(3), 1e-7)

	s, err = stats.BatchMeans([]float64{1, 2, math.NaN(), 4, 5, 6}, 3, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if s.N != 2 || s.Missing != 1 {
		t.Errorf("N, Missing = %d, %d; want 2, 1", s.N, s.Missing)
	}
}

func TestBatchMeansRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		n, b int
	}{{"one batch", 10, 1}, {"no batches", 10, 0}, {"more batches than values", 3, 4}, {"no values", 0, 2}} {
		if _, err := stats.BatchMeans(make([]float64, tc.n), tc.b, 0.95); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestBatchMeansIID(t *testing.T) {
	// 10,007 exponential values with mean 2 (7 to drop), 20 batches of 500.
	rng := rand.New(rand.NewPCG(9, 10))
	values := make([]float64, 10007)
	for i := range values {
		values[i] = 2 * rng.ExpFloat64()
	}
	s, err := stats.BatchMeans(values, 20, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if s.N != 20 || !s.Contains(2) {
		t.Errorf("N = %d, interval [%v, %v] should hold 2", s.N, s.Low, s.High)
	}
	// Each batch mean has sd 2/sqrt(500) = 0.089; the interval is about
	// 2.093 * 0.089/sqrt(20) = 0.042 either side.
	if h := s.HalfWidth(); h < 0.02 || h > 0.08 {
		t.Errorf("HalfWidth = %v, want about 0.042", h)
	}
}
