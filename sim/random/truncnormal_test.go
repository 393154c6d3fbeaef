package random_test

import (
	"math"
	"testing"

	"cordon/sim/random"
)

// millsTail returns E[Z | Z > a] for a standard normal Z and large a, from
// the asymptotic series a + 1/a - 2/a³ + 10/a⁵ - 74/a⁷ + 706/a⁹, whose
// error is about 8162/a¹¹ (below 1e-7 for a >= 10).
func millsTail(a float64) float64 {
	return a + 1/a - 2/math.Pow(a, 3) + 10/math.Pow(a, 5) - 74/math.Pow(a, 7) + 706/math.Pow(a, 9)
}

func TestTruncNormalExtremes(t *testing.T) {
	for _, tc := range []struct {
		name      string
		mean, sd  float64
		wantMean  float64
		lo, hi    float64 // every draw in [lo, hi]
		meanTol   float64 // absolute tolerance on Mean()
		sampleTol float64 // absolute tolerance on the sample mean: 7 or more standard errors
	}{
		// The cut is 10 sd above the mean: the kept mass is 7.6e-24.
		{"far-tail", -10, 1, -10 + millsTail(10), 0, 2, 1e-7, 0.01},
		// At the limit, 35 sd: the kept mass is 1e-268.
		{"limit", -35, 1, -35 + millsTail(35), 0, 1, 1e-10, 0.005},
		// Barely cut: the normal itself.
		{"narrow", 5, 0.001, 5, 4.99, 5.01, 0, 1e-4},
		// Cut at the mean: the half-normal, mean sd·√(2/π).
		{"half", 0, 1, math.Sqrt(2 / math.Pi), 0, 10, 1e-15, 0.03},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDist(t, random.Spec{Family: random.FamilyNormal, Mean: tc.mean, SD: tc.sd}, propSeed, tc.name)
			if got := d.Mean(); !(math.Abs(got-tc.wantMean) <= tc.meanTol) {
				t.Errorf("Mean() = %v, want %v ± %v", got, tc.wantMean, tc.meanTol)
			}
			sum := 0.0
			for i := range propDraws {
				x := d.Rand()
				if !(x >= tc.lo && x <= tc.hi) {
					t.Fatalf("draw %d = %v, want in [%v, %v]", i, x, tc.lo, tc.hi)
				}
				sum += x
			}
			if got := sum / propDraws; !(math.Abs(got-tc.wantMean) <= tc.sampleTol) {
				t.Errorf("sample mean %v, want %v ± %v", got, tc.wantMean, tc.sampleTol)
			}
		})
	}
}
