package fit

import (
	"fmt"
	"math"
	"slices"

	"cordon/sim/random"
)

// Weibull fits the Weibull distribution by maximum likelihood. With
// y = log x, the shape k solves the profile equation
//
//	g(k) = Σ xᵏ·y / Σ xᵏ − 1/k − mean(y) = 0,
//
// whose left side increases from −∞ to max(y) − mean(y) > 0, so the root is
// unique; it is found by Newton's method kept inside a bracket that shrinks
// at every step, from the start π/(√6·sd(y)) (the shape whose log-Weibull
// has the samples' variance of log x). The scale is then
// λ = (Σ xᵏ / n)^(1/k). Every sample must be > 0.
func Weibull(x []float64) (Fit, error) {
	s, err := newSample(random.FamilyWeibull, x, true)
	if err != nil {
		return Fit{}, err
	}
	y, ybar := s.logs()
	n := s.n()
	z := make([]float64, len(y)) // y − mean(y)
	ss := 0.0
	for i, v := range y {
		z[i] = v - ybar
		ss += z[i] * z[i]
	}
	if !(ss > 0) {
		return Fit{}, s.fail(SmallSpread, "the logarithms of the samples do not spread")
	}
	k, err := weibullShape(z, math.Pi/math.Sqrt(6*ss/n))
	if err != nil {
		return Fit{}, s.fail(NoConvergence, err.Error())
	}
	// log λ = (1/k)·log(Σ xᵏ / n), with the xᵏ scaled by exp(−k·max y) so
	// that none overflows.
	ymax := slices.Max(y)
	sumW := 0.0
	for _, v := range y {
		sumW += math.Exp(k * (v - ymax))
	}
	logScale := ymax + math.Log(sumW/n)/k
	scale := math.Exp(logScale)
	// ℓ = n·log k − n·k·log λ + (k − 1)·Σ log x − Σ (x/λ)ᵏ, and the last sum
	// is n at the fit.
	logLik := n * (math.Log(k) - k*logScale + (k-1)*ybar - 1)
	spec := random.Spec{Family: random.FamilyWeibull, Shape: k, Scale: scale}
	return s.finish(spec, logLik, func(t float64) float64 {
		if t <= 0 {
			return 0
		}
		return -math.Expm1(-math.Exp(k * (math.Log(t) - logScale)))
	})
}

// weibullShape solves the profile equation for the shape, given the centred
// logarithms z of the samples (mean 0, not all 0) and a starting shape.
func weibullShape(z []float64, k float64) (float64, error) {
	zmax := slices.Max(z)
	// g returns g(k) = Σ w·z / Σ w − 1/k and g′(k) = Var_w(z) + 1/k², with
	// weights w = exp(k·(z − max z)) ∝ xᵏ, all in (0, 1].
	g := func(k float64) (g, dg float64) {
		var sw, swz, swz2 float64
		for _, v := range z {
			w := math.Exp(k * (v - zmax))
			sw += w
			swz += w * v
			swz2 += w * v * v
		}
		a := swz / sw
		return a - 1/k, max(swz2/sw-a*a, 0) + 1/(k*k)
	}
	lo, hi := 0.0, math.Inf(1) // g(lo) < 0 < g(hi)
	for range 200 {
		gk, dg := g(k)
		switch {
		case gk == 0:
			return k, nil
		case gk < 0:
			lo = k
		default:
			hi = k
		}
		next := k - gk/dg
		if !(next > lo && next < hi) { // Newton left the bracket: halve it
			switch {
			case lo == 0:
				next = hi / 2
			case math.IsInf(hi, 1):
				next = 2 * lo
			default:
				next = math.Sqrt(lo * hi)
			}
		}
		if math.Abs(next-k) <= 1e-12*next || hi-lo <= 1e-12*lo {
			return next, nil
		}
		k = next
	}
	return 0, fmt.Errorf("the shape did not converge (last %v, bracket [%v, %v])", k, lo, hi)
}
