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
		{random.Constant(0.5), 1}, // rounds to 1
		{random.Constant(2.5), 3}, // half away from zero
		{random.Spec{Family: random.FamilyUniform, Min: 0, Max: 1}, 1},      // every draw is one item
		{random.Spec{Family: random.FamilyUniform, Min: 1, Max: 3}, 2},      // 1, 2, 3 with 1/4, 1/2, 1/4
		{random.Spec{Family: random.FamilyUniform, Min: 80, Max: 120}, 100}, // the baseline's lorries
		{random.Spec{Family: random.FamilyUniform, Min: 0, Max: 2}, 1.25},   // 1 (x < 1.5) or 2
		{random.Spec{Family: random.FamilyEmpirical, Values: []float64{0.2, 2, 5.6}, Weights: []float64{1, 2, 1}}, (1 + 4 + 6) / 4.0},
		{random.Spec{Family: random.FamilyTriangular, Min: 0, Mode: 0, Max: 1}, 1},
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
		{Family: random.FamilyExponential, Mean: 0.4},
		{Family: random.FamilyExponential, Mean: 12},
		{Family: random.FamilyUniform, Min: 0.2, Max: 4.9},
		{Family: random.FamilyTriangular, Min: 5, Mode: 12, Max: 30},
		{Family: random.FamilyTriangular, Min: 0.1, Mode: 0.7, Max: 2.2},
		{Family: random.FamilyNormal, Mean: 1, SD: 2},
		{Family: random.FamilyNormal, Mean: 6, SD: 0.3},
		{Family: random.FamilyLogNormal, Mean: 1.3, SD: 0.4},
		{Family: random.FamilyLogNormal, Mean: 20, SD: 60},
		{Family: random.FamilyGamma, Mean: 1.5, CV: 0.3},
		{Family: random.FamilyGamma, Mean: 8, CV: 2},
		{Family: random.FamilyWeibull, Shape: 0.7, Scale: 3},
		{Family: random.FamilyWeibull, Shape: 4, Scale: 1.6},
		{Family: random.FamilyEmpirical, Values: []float64{0, 1.5, 7.49, 7.5}},
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
