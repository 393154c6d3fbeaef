package fit

import (
	"fmt"
	"math"
	"slices"

	"cordon/sim/random"
)

// Fit is one distribution fitted to samples by maximum likelihood.
type Fit struct {
	// Spec is the fitted distribution in cordon's own parameters:
	// exponential Mean; lognormal Mean and SD of the time itself (not of its
	// logarithm); gamma Mean and CV; weibull Shape and Scale; normal Mean and
	// SD of the normal before the simulator truncates it at zero.
	Spec random.Spec
	// LogLikelihood is the log-likelihood of the samples at the fitted
	// parameters (natural log, densities in the samples' unit).
	LogLikelihood float64
	// KS is the one-sample Kolmogorov–Smirnov statistic of the samples
	// against the fitted CDF, sup |F_n − F|, computed exactly at the jumps of
	// the empirical CDF F_n. It is in [0, 1].
	KS float64
	// PValue is P(K > √N·KS) for the asymptotic Kolmogorov distribution K.
	// The parameters were fitted to the same samples, which brings the
	// fitted CDF closer to them than the true one would be (Lilliefors):
	// the p-value is then too large, so it is conservative (it rejects less
	// often than its level says) and only approximate; read it as a guide,
	// and compare families by KS or LogLikelihood.
	PValue float64
	// N is the number of samples.
	N int
}

// sample is a checked, sorted copy of the samples, with their mean.
type sample struct {
	family string    // for errors: lognormal, ...; "" for Best
	x      []float64 // sorted
	mean   float64
}

// newSample checks x for the family and returns a sorted copy. positive asks
// for every sample > 0 (the families on (0,∞)); otherwise zeros are fine.
// The errors name the family and the problem: fewer than 2 samples, a sample
// that is not finite or negative, all samples equal, zeros.
func newSample(family string, x []float64, positive bool) (sample, error) {
	s := sample{family: family}
	n := len(x)
	if n < 2 {
		return s, &Error{Family: family, Problem: TooFew, N: n}
	}
	negative, zeros, firstNeg := 0, 0, -1
	for i, v := range x {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return s, &Error{Family: family, Problem: NotFinite, N: n, Index: i, Value: v}
		case v < 0:
			if negative == 0 {
				firstNeg = i
			}
			negative++
		case v == 0:
			zeros++
		}
	}
	if negative > 0 {
		return s, &Error{Family: family, Problem: Negative, N: n, Count: negative, Index: firstNeg, Value: x[firstNeg]}
	}
	s.x = slices.Clone(x)
	slices.Sort(s.x)
	if s.x[0] == s.x[n-1] {
		return s, &Error{Family: family, Problem: NoSpread, N: n, Value: s.x[0]}
	}
	if positive && zeros > 0 {
		return s, &Error{Family: family, Problem: Zeros, N: n, Count: zeros}
	}
	sum := 0.0
	for _, v := range s.x {
		sum += v
	}
	s.mean = sum / float64(n)
	if math.IsInf(s.mean, 0) {
		return s, &Error{Family: family, Problem: Overflow, N: n}
	}
	return s, nil
}

// fail is the Error of the family's fit failing: p, said by detail.
func (s sample) fail(p Problem, detail string) *Error {
	return &Error{Family: s.family, Problem: p, N: len(s.x), Detail: detail}
}

// n returns the number of samples as a float64.
func (s sample) n() float64 { return float64(len(s.x)) }

// logs returns log x for each sample, and their mean. It needs every
// sample > 0.
func (s sample) logs() (y []float64, mean float64) {
	y = make([]float64, len(s.x))
	sum := 0.0
	for i, v := range s.x {
		y[i] = math.Log(v)
		sum += y[i]
	}
	return y, sum / s.n()
}

// finish checks the fitted spec and log-likelihood and completes the Fit
// with the KS statistic of the samples against cdf and its p-value.
func (s sample) finish(spec random.Spec, logLik float64, cdf func(float64) float64) (Fit, error) {
	if err := spec.Validate(); err != nil {
		return Fit{}, &Error{Family: s.family, Problem: OutOfRange, N: len(s.x), Detail: "the fitted parameters are out of range: " + err.Error(), Err: err}
	}
	if math.IsNaN(logLik) || math.IsInf(logLik, 0) {
		return Fit{}, s.fail(OutOfRange, fmt.Sprintf("the log-likelihood at the fitted parameters is %v", logLik))
	}
	d := ksStatistic(s.x, cdf)
	return Fit{
		Spec:          spec,
		LogLikelihood: logLik,
		KS:            d,
		PValue:        kolmogorovSurvival(math.Sqrt(s.n()) * d),
		N:             len(s.x),
	}, nil
}
