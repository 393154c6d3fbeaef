package random_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"cordon/sim/random"
)

// countOf is how sim.Source reads a batch size from a draw: rounded to a
// whole number, at least 1.
func countOf(x float64) float64 { return max(math.Round(x), 1) }

// TestCountMeanExact: counts whose mean is known by hand.
func TestCountMeanExact(t *testing.T) {
	for _, tc := range []struct {
		spec random.Spec
		want float64
	}{
		{random.Constant(1), 1},
		{random.Constant(12), 12},
		{random.Constant(0.5), 1},                                       // rounds to 1
		{random.Constant(2.5), 3},                                       // half away from zero
		{random.Spec{Kind: random.KindUniform, Min: 0, Max: 1}, 1},      // every draw is one item
		{random.Spec{Kind: random.KindUniform, Min: 1, Max: 3}, 2},      // 1, 2, 3 with 1/4, 1/2, 1/4
		{random.Spec{Kind: random.KindUniform, Min: 80, Max: 120}, 100}, // the baseline's lorries
		{random.Spec{Kind: random.KindUniform, Min: 0, Max: 2}, 1.25},   // 1 (x < 1.5) or 2
		{random.Spec{Kind: random.KindEmpirical, Values: []float64{0.2, 2, 5.6}, Weights: []float64{1, 2, 1}}, (1 + 4 + 6) / 4.0},
		{random.Spec{Kind: random.KindTriangular, Min: 0, Mode: 0, Max: 1}, 1},
	} {
		if got := tc.spec.CountMean(); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%+v: CountMean %v, want %v", tc.spec, got, tc.want)
		}
	}
}

// TestCountMeanByDrawing: for every kind, the mean of many drawn batch
// sizes (rounded, at least 1) is CountMean, within five standard errors.
func TestCountMeanByDrawing(t *testing.T) {
	for _, spec := range []random.Spec{
		{Kind: random.KindExponential, Mean: 0.4},
		{Kind: random.KindExponential, Mean: 12},
		{Kind: random.KindUniform, Min: 0.2, Max: 4.9},
		{Kind: random.KindTriangular, Min: 5, Mode: 12, Max: 30},
		{Kind: random.KindTriangular, Min: 0.1, Mode: 0.7, Max: 2.2},
		{Kind: random.KindNormal, Mean: 1, SD: 2},
		{Kind: random.KindNormal, Mean: 6, SD: 0.3},
		{Kind: random.KindLogNormal, Mean: 1.3, SD: 0.4},
		{Kind: random.KindLogNormal, Mean: 20, SD: 60},
		{Kind: random.KindGamma, Mean: 1.5, CV: 0.3},
		{Kind: random.KindGamma, Mean: 8, CV: 2},
		{Kind: random.KindWeibull, Shape: 0.7, Scale: 3},
		{Kind: random.KindWeibull, Shape: 4, Scale: 1.6},
		{Kind: random.KindEmpirical, Values: []float64{0, 1.5, 7.49, 7.5}},
	} {
		d, err := spec.New(rand.NewPCG(1, 2))
		if err != nil {
			t.Fatal(err)
		}
		const n = 400_000
		sum, sq := 0.0, 0.0
		for range n {
			c := countOf(d.Rand())
			sum += c
			sq += c * c
		}
		mean := sum / n
		se := math.Sqrt((sq/n - mean*mean) / n)
		if got := spec.CountMean(); math.Abs(got-mean) > 5*se+1e-12 {
			t.Errorf("%+v: CountMean %v, drawn %v ± %v", spec, got, mean, se)
		}
	}
}
