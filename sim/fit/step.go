package fit

import (
	"fmt"
	"math"
	"slices"

	"cordon/sim/random"
)

// Step is what fitting one step's observed durations gave: the families
// ranked by their KS statistic and the one chosen, or why none was fitted.
type Step struct {
	Name    string    // the step timed, as the durations name it: gate.intake
	Samples []float64 // its durations, in seconds
	Fits    []Fit     // ranked by KS, best first; nil when skipped or when every sample is equal
	Skipped string    // why the step was not fitted; "" when it was
	// Why is Choose's reason for Skipped, with its figures: an *Error, or a
	// NoFitError; nil when the step was fitted or skipped for another
	// reason.
	Why error
}

// Choose fits a step's samples with [Best]. Samples that are all equal are
// a constant, which no family fits; samples no family can take make a
// skipped step, saying why.
func Choose(name string, x []float64) Step {
	s := Step{Name: name, Samples: x}
	if len(x) > 0 && slices.Min(x) == slices.Max(x) {
		return s
	}
	fits, err := Best(x)
	if err != nil {
		s.Skipped, s.Why = err.Error(), err
		return s
	}
	s.Fits = fits
	return s
}

// Chosen is the distribution chosen for the step: the best fit, the one
// with the smallest KS, or the constant all samples equal.
func (s Step) Chosen() random.Spec {
	if len(s.Fits) > 0 {
		return s.Fits[0].Spec
	}
	return random.Constant(s.Samples[0])
}

// Rejected reports whether even the best fit is rejected at the 1% level,
// KS above 1.63/√n, with that threshold.
func (s Step) Rejected() (bool, float64) {
	if len(s.Fits) == 0 {
		return false, 0
	}
	limit := 1.63 / math.Sqrt(float64(len(s.Samples)))
	return s.Fits[0].KS > limit, limit
}

// LeftOut says which families Best left out of a fitted step and why (its
// zeros, which the families on (0, ∞) cannot take); "" when none was.
func (s Step) LeftOut() string {
	if len(s.Fits) == 0 {
		return ""
	}
	zeros := 0
	for _, v := range s.Samples {
		if v == 0 {
			zeros++
		}
	}
	if zeros == 0 {
		return ""
	}
	return fmt.Sprintf("lognormal, gamma and weibull left out: %d of %d samples are 0s", zeros, len(s.Samples))
}
