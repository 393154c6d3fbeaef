package fit

import (
	"cmp"
	"errors"
	"slices"
)

// families are the fitters Best tries, in the order it keeps for equal KS
// statistics.
var families = []func([]float64) (Fit, error){Exponential, LogNormal, Gamma, Weibull, Normal}

// Best fits every family that applies to the samples — exponential,
// lognormal, gamma, Weibull, normal — and returns the fits ranked by their
// KS statistic, smallest first (equal statistics keep that order).
//
// A family that does not apply is left out: with zero samples, the
// lognormal, the gamma and the Weibull (call the family's own fitter to see
// why one is missing). The error is for samples that no family can take:
// fewer than 2, one not finite or negative, or all equal.
//
// The KS statistic measures the largest gap between the CDFs, wherever it
// is; the fits' LogLikelihood is the other common yardstick (all five
// families have two parameters but the exponential, which has one).
func Best(x []float64) ([]Fit, error) {
	if _, err := newSample("", x, false); err != nil {
		return nil, err
	}
	var fits []Fit
	var errs NoFitError
	for _, family := range families {
		f, err := family(x)
		if err != nil {
			fe, ok := errors.AsType[*Error](err)
			if !ok { // every fitter's error is an *Error; this keeps any other
				fe = &Error{Problem: OutOfRange, N: len(x), Detail: err.Error()}
			}
			errs = append(errs, fe)
			continue
		}
		fits = append(fits, f)
	}
	if len(fits) == 0 {
		return nil, errs
	}
	slices.SortStableFunc(fits, func(a, b Fit) int { return cmp.Compare(a.KS, b.KS) })
	return fits, nil
}
