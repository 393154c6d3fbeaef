package experiment

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"cordon/sim/fit"
	"cordon/text"
)

// FitSteps fits the observed durations of each step (fit.Choose), steps in
// sorted order, keeping only the steps in want (every step when it is
// empty). A step with fewer than least samples is skipped, saying so. A
// step in want that the file has no samples of, or 1, is an error, all of
// them joined one a line; file names the durations' file in them.
func FitSteps(file string, byStep map[string][]float64, want []string, least int) ([]fit.Step, error) {
	names := make([]string, 0, len(byStep))
	for s := range byStep {
		names = append(names, s)
	}
	slices.Sort(names)
	if len(want) > 0 {
		var problems []error
		for _, w := range want {
			switch n := len(byStep[w]); {
			case n == 0:
				problems = append(problems, fmt.Errorf("--step %s: %s has no such step%s",
					text.QuoteUnprintable(w), text.QuoteUnprintable(file), stepsHint(w, names)))
			case n < 2:
				problems = append(problems, fmt.Errorf("--step %s: %s has 1 sample of it: a fit needs at least 2",
					text.QuoteUnprintable(w), text.QuoteUnprintable(file)))
			}
		}
		if len(problems) > 0 {
			return nil, errors.Join(problems...)
		}
		names = slices.DeleteFunc(names, func(s string) bool { return !slices.Contains(want, s) })
	}
	out := make([]fit.Step, len(names))
	for i, s := range names {
		x := byStep[s]
		if len(x) < least {
			out[i] = fit.Step{Name: s, Samples: x,
				Skipped: fmt.Sprintf("%s, fewer than --min %d", text.Count(len(x), "sample", "samples"), least)}
			continue
		}
		out[i] = fit.Choose(s, x)
	}
	return out, nil
}

// stepsHint suggests the nearest step to s, or lists the first steps.
func stepsHint(s string, steps []string) string {
	if hint := text.DidYouMean(s, steps); hint != "" {
		return hint
	}
	quoted := make([]string, 0, len(steps))
	for i, st := range steps {
		if i == 10 {
			quoted = append(quoted, "...")
			break
		}
		quoted = append(quoted, text.QuoteUnprintable(st))
	}
	return " (its steps: " + strings.Join(quoted, ", ") + ")"
}
