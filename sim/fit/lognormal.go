package fit

import (
	"fmt"
	"math"

	"cordon/sim/random"
)

// LogNormal fits the log-normal distribution by maximum likelihood: mu and
// sigma are the mean and the standard deviation (divisor n) of log x, and
// the Spec carries the mean and the standard deviation of the time itself,
//
//	mean = exp(mu + sigma²/2),  sd = mean·sqrt(exp(sigma²) − 1),
//
// which random.NewLogNormal turns back into mu and sigma. Every sample must
// be > 0.
func LogNormal(x []float64) (Fit, error) {
	s, err := newSample(random.FamilyLogNormal, x, true)
	if err != nil {
		return Fit{}, err
	}
	y, mu := s.logs()
	n := s.n()
	ss := 0.0
	for _, v := range y {
		ss += (v - mu) * (v - mu)
	}
	s2 := ss / n
	sigma := math.Sqrt(s2)
	if !(sigma > 0) {
		return Fit{}, s.fail(SmallSpread, fmt.Sprintf("the logarithms of the samples do not spread (sigma %v)", sigma))
	}
	mean := math.Exp(mu + s2/2)
	sd := mean * math.Sqrt(math.Expm1(s2))
	// ℓ = −Σ log x − n·log σ − (n/2)·log 2π − Σ(log x − μ)²/(2σ²), and the
	// last sum is n/2 at the fit.
	logLik := -n * (mu + math.Log(sigma) + (1+math.Log(2*math.Pi))/2)
	spec := random.Spec{Family: random.FamilyLogNormal, Mean: mean, SD: sd}
	return s.finish(spec, logLik, func(t float64) float64 {
		if t <= 0 {
			return 0
		}
		return math.Erfc(-(math.Log(t)-mu)/(sigma*math.Sqrt2)) / 2
	})
}
