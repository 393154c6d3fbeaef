package fit

import (
	"fmt"
	"math"

	"cordon/sim/random"
)

// Normal fits the normal distribution by maximum likelihood: the sample mean
// and the standard deviation with divisor n. Zero samples are allowed.
//
// The fit, its LogLikelihood and its KS are those of the plain normal, but
// cordon's simulator truncates a normal at zero (a draw is conditioned on
// being >= 0), which moves its mean up by sd·φ(a)/(1 − Φ(a)) with
// a = −mean/sd: negligible when the mean is 3 sd or more above zero, not
// otherwise. A normal fitted to durations with a mean less than about 3 sd
// is a poor description of the times the simulator would draw from its Spec.
func Normal(x []float64) (Fit, error) {
	s, err := newSample(random.FamilyNormal, x, false)
	if err != nil {
		return Fit{}, err
	}
	mu, n := s.mean, s.n()
	ss := 0.0
	for _, v := range s.x {
		ss += (v - mu) * (v - mu)
	}
	sigma := math.Sqrt(ss / n)
	if !(sigma > 0) || math.IsInf(sigma, 0) {
		return Fit{}, s.fail(OutOfRange, fmt.Sprintf("the samples' standard deviation %v is out of range", sigma))
	}
	// ℓ = −n·log σ − (n/2)·log 2π − Σ(x − μ)²/(2σ²), and the last sum is
	// n/2 at the fit.
	logLik := -n * (math.Log(sigma) + (1+math.Log(2*math.Pi))/2)
	spec := random.Spec{Family: random.FamilyNormal, Mean: mu, SD: sigma}
	return s.finish(spec, logLik, func(t float64) float64 {
		return math.Erfc(-(t-mu)/(sigma*math.Sqrt2)) / 2
	})
}
