package fit

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"

	"cordon/sim/random"
)

// Gamma fits the gamma distribution by maximum likelihood. The mean is the
// sample mean m; the shape k solves
//
//	log k − ψ(k) = s,  s = log m − mean(log x) > 0,
//
// by Newton's method from Minka's approximation
// k₀ = (3 − s + sqrt((s − 3)² + 24s)) / (12s); the rate is k/m and the Spec
// carries the mean m and cv = 1/√k. Every sample must be > 0.
func Gamma(x []float64) (Fit, error) {
	s, err := newSample(random.FamilyGamma, x, true)
	if err != nil {
		return Fit{}, err
	}
	m, n := s.mean, s.n()
	// s = −mean(log(x/m)): log1p for the samples near the mean, where the
	// terms of either sign nearly cancel when the cv is small; the difference
	// of the logarithms elsewhere, where x/m may be too small for log1p's
	// argument, x/m − 1, to keep its digits (or x/m to be representable).
	logM := math.Log(m)
	sumLog, sumLogRatio := 0.0, 0.0
	for _, v := range s.x {
		lv := math.Log(v)
		sumLog += lv
		if math.Abs(v-m) < m/2 {
			sumLogRatio += math.Log1p((v - m) / m)
		} else {
			sumLogRatio += lv - logM
		}
	}
	target := -sumLogRatio / n
	if !(target > 0) || math.IsInf(target, 0) {
		return Fit{}, s.fail(SmallSpread, fmt.Sprintf("log(mean) − mean(log x) is %v, want > 0: the samples' spread is too small to fit a shape", target))
	}
	k, err := gammaShape(target)
	if err != nil {
		return Fit{}, s.fail(NoConvergence, err.Error())
	}
	// ℓ = n·k·log(k/m) − n·log Γ(k) + (k − 1)·Σ log x − (k/m)·Σx, and
	// (k/m)·Σx = n·k at the fit.
	lg, _ := math.Lgamma(k)
	logLik := n*(k*math.Log(k/m)-lg-k) + (k-1)*sumLog
	spec := random.Spec{Family: random.FamilyGamma, Mean: m, CV: 1 / math.Sqrt(k)}
	rate := k / m
	return s.finish(spec, logLik, func(t float64) float64 {
		if t <= 0 {
			return 0
		}
		return mathext.GammaIncReg(k, rate*t)
	})
}

// gammaShape solves log k − ψ(k) = s for k, s > 0. The left side decreases
// from +∞ to 0 and is convex, so Newton's method from a point left of the
// root climbs to it without overshooting; from the right it lands left of
// the root (or below zero, where the step is halved instead).
func gammaShape(s float64) (float64, error) {
	k := (3 - s + math.Sqrt((s-3)*(s-3)+24*s)) / (12 * s)
	for range 100 {
		f, df := logMinusDigamma(k)
		next := k - (f-s)/df
		if !(next > 0) {
			next = k / 2
		}
		if math.IsInf(next, 0) || math.IsNaN(next) {
			break
		}
		if math.Abs(next-k) <= 1e-12*next {
			return next, nil
		}
		k = next
	}
	return 0, fmt.Errorf("the shape did not converge (log(mean) − mean(log x) = %v, last shape %v)", s, k)
}

// logMinusDigamma returns h(k) = log k − ψ(k) and h′(k) = 1/k − ψ′(k). Below
// 20 it takes ψ from mathext.Digamma and ψ′(k), the trigamma function, as
// the Hurwitz zeta ζ(2, k) from mathext.Zeta (gonum has no Trigamma). From
// 20 up, where log k and ψ(k) agree in their leading digits, it uses the
// asymptotic series h(k) = 1/(2k) + Σ B₂ⱼ/(2j·k²ʲ), exact to rounding there.
func logMinusDigamma(k float64) (h, dh float64) {
	if k < 20 {
		return math.Log(k) - mathext.Digamma(k), 1/k - mathext.Zeta(2, k)
	}
	r := 1 / k
	r2 := r * r
	h = r/2 + r2*(1.0/12+r2*(-1.0/120+r2*(1.0/252+r2*(-1.0/240+r2/132))))
	dh = -r2 * (1.0/2 + r*(1.0/6+r2*(-1.0/30+r2*(1.0/42+r2*(-1.0/30+r2*5/66)))))
	return h, dh
}
