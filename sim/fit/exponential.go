package fit

import (
	"math"

	"cordon/sim/random"
)

// Exponential fits the exponential distribution by maximum likelihood: the
// mean is the sample mean. Zero samples are allowed.
func Exponential(x []float64) (Fit, error) {
	s, err := newSample(random.FamilyExponential, x, false)
	if err != nil {
		return Fit{}, err
	}
	m, n := s.mean, s.n()
	// ℓ = −n·log m − Σx/m, and Σx/m = n at the fit.
	logLik := -n*math.Log(m) - n
	spec := random.Spec{Family: random.FamilyExponential, Mean: m}
	return s.finish(spec, logLik, func(t float64) float64 { return -math.Expm1(-t / m) })
}
