package fit

import "math"

// ksStatistic returns sup |F_n(t) − F(t)| for the empirical CDF F_n of the
// sorted samples x and a continuous CDF F. The supremum is reached at a jump
// of F_n, on one side or the other, so with n samples it is
//
//	max over i = 1..n of max(i/n − F(x_(i)), F(x_(i)) − (i−1)/n).
//
// Tied samples are handled too: at a run of equal values, the largest i/n is
// the height of F_n after the jump and the smallest (i−1)/n the height
// before it.
func ksStatistic(x []float64, cdf func(float64) float64) float64 {
	n := float64(len(x))
	d := 0.0
	for i, v := range x {
		f := min(max(cdf(v), 0), 1)
		d = max(d, float64(i+1)/n-f, f-float64(i)/n)
	}
	return min(d, 1)
}

// kolmogorovSurvival returns P(K > lambda) for the Kolmogorov distribution,
// the limit law of √n·D_n for a sample of a continuous distribution:
//
//	P(K > λ) = 2 Σ_{j≥1} (−1)^(j−1) exp(−2j²λ²)
//	P(K ≤ λ) = (√(2π)/λ) Σ_{j≥1} exp(−(2j−1)²π²/(8λ²))
//
// The first series converges fast for large λ, the second for small λ; each
// is used where it needs at most a handful of terms.
func kolmogorovSurvival(lambda float64) float64 {
	switch {
	case math.IsNaN(lambda):
		return math.NaN()
	case lambda <= 0:
		return 1
	case lambda < 1.18:
		sum := 0.0
		for j := 1; j <= 50; j++ {
			m := float64(2*j - 1)
			term := math.Exp(-m * m * math.Pi * math.Pi / (8 * lambda * lambda))
			sum += term
			if term <= 1e-17*sum {
				break
			}
		}
		return min(max(1-math.Sqrt(2*math.Pi)/lambda*sum, 0), 1)
	}
	sum, sign := 0.0, 1.0
	for j := 1; j <= 50; j++ {
		jf := float64(j)
		term := math.Exp(-2 * jf * jf * lambda * lambda)
		sum += sign * term
		if term <= 1e-17*sum {
			break
		}
		sign = -sign
	}
	return min(max(2*sum, 0), 1)
}
