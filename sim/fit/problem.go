package fit

import (
	"fmt"
	"strings"
)

// Problem is what kept samples from being fitted.
type Problem int

// The problems a fit meets. The first five are the samples' own, found
// before any family is tried; the last three are a family's fit failing.
const (
	TooFew        Problem = iota + 1 // fewer than 2 samples: N
	NotFinite                        // sample Index is Value, NaN or ±Inf
	Negative                         // Count of N samples are negative, the first sample Index, Value
	NoSpread                         // all N samples equal Value
	Zeros                            // Count of N samples are zero, and Family needs every sample > 0
	Overflow                         // the samples' sum overflows float64
	SmallSpread                      // the samples (or their logarithms) spread too little for Family
	NoConvergence                    // Family's shape did not converge
	OutOfRange                       // the fitted parameters, or the log-likelihood at them, are out of range
)

// Error is why samples could not be fitted, with its figures in fields
// so that a report can say it in its own language; its Error method
// says it in English.
type Error struct {
	Family  string  // the family fitted, as random.Spec names it; "" for Best's check of the samples
	Problem Problem //
	N       int     // the number of samples
	Count   int     // Negative, Zeros: how many samples are
	Index   int     // NotFinite, Negative: the (first) sample's index
	Value   float64 // NotFinite, Negative: that sample; NoSpread: the value every sample equals
	// Detail is the figures of SmallSpread, NoConvergence and OutOfRange,
	// in English: "log(mean) − mean(log x) is 0, want > 0: ...".
	Detail string
	Err    error // OutOfRange: the parameters' error, when that is the cause
}

func (e *Error) Error() string {
	who := "fit"
	if e.Family != "" {
		who += " " + e.Family
	}
	switch e.Problem {
	case TooFew:
		return fmt.Sprintf("%s: need at least 2 samples, got %d", who, e.N)
	case NotFinite:
		return fmt.Sprintf("%s: sample %d is %v; samples must be finite", who, e.Index, e.Value)
	case Negative:
		return fmt.Sprintf("%s: %d of %d samples are negative (the first is sample %d, %v); durations must be >= 0",
			who, e.Count, e.N, e.Index, e.Value)
	case NoSpread:
		return fmt.Sprintf("%s: all %d samples equal %v; there is no spread to fit", who, e.N, e.Value)
	case Zeros:
		return fmt.Sprintf("%s: %d of %d samples are zero; the %s needs every sample > 0", who, e.Count, e.N, e.Family)
	case Overflow:
		return who + ": the samples' sum overflows float64"
	}
	return who + ": " + e.Detail
}

// Unwrap returns the cause of an OutOfRange, or nil.
func (e *Error) Unwrap() error { return e.Err }

// NoFitError is Best's error when no family could fit the samples: each
// family's Error, in the order Best tries them.
type NoFitError []*Error

// Error says each family's error, one a line.
func (e NoFitError) Error() string {
	lines := make([]string, len(e))
	for i, f := range e {
		lines[i] = f.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the families' errors.
func (e NoFitError) Unwrap() []error {
	out := make([]error, len(e))
	for i, f := range e {
		out[i] = f
	}
	return out
}
