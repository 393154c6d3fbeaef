package reports

import (
	"errors"
	"strings"

	"cordon/sim/fit"
)

// fitProblem says why a step's samples could not be fitted (fit.Step's
// Why) in wd's language, from the figures the error carries: in English
// as fit says it, in Chinese the same sentence; each family's, one a
// line, when none fitted.
func (wd *Words) fitProblem(err error) string {
	if none, ok := errors.AsType[fit.NoFitError](err); ok {
		lines := make([]string, len(none))
		for i, e := range none {
			lines[i] = wd.fitError(e)
		}
		return strings.Join(lines, "\n")
	}
	if e, ok := errors.AsType[*fit.Error](err); ok {
		return wd.fitError(e)
	}
	return wd.Error(err.Error())
}

// fitError says one fit.Error.
func (wd *Words) fitError(e *fit.Error) string {
	who := wd.T("fit")
	if e.Family != "" {
		who = wd.Sprintf("fit %s", wd.family(e.Family))
	}
	switch e.Problem {
	case fit.TooFew:
		return wd.Sprintf("%s: need at least 2 samples, got %d", who, e.N)
	case fit.NotFinite:
		return wd.Sprintf("%s: sample %d is %v; samples must be finite", who, e.Index, e.Value)
	case fit.Negative:
		return wd.Sprintf("%s: %d of %d samples are negative (the first is sample %d, %v); durations must be >= 0",
			who, e.Count, e.N, e.Index, e.Value)
	case fit.NoSpread:
		return wd.Sprintf("%s: all %d samples equal %v; there is no spread to fit", who, e.N, e.Value)
	case fit.Zeros:
		return wd.Sprintf("%s: %d of %d samples are zero; the %s needs every sample > 0", who, e.Count, e.N, wd.family(e.Family))
	case fit.Overflow:
		return wd.Sprintf("%s: the samples' sum overflows float64", who)
	}
	if !wd.Chinese() {
		return e.Error() // its Detail: the figures of the computation, in English
	}
	switch e.Problem {
	case fit.SmallSpread:
		return wd.Sprintf("%s: the samples spread too little to fit", who)
	case fit.NoConvergence:
		return wd.Sprintf("%s: the shape did not converge", who)
	}
	return wd.Sprintf("%s: the fitted parameters are out of range", who)
}
