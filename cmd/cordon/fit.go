package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/stat"

	"cordon/logs"
	"cordon/scenarios"
	"cordon/sim/fit"
	"cordon/sim/random"
	"cordon/text"
)

// fitOptions are the flags of `cordon fit`.
type fitOptions struct {
	observed string
	steps    []string
	lenient  bool
	min      int
	all      bool
	yaml     bool
}

// fitShown is how many families the report lists for a step without --all.
const fitShown = 3

// newFitCmd is `cordon fit --observed FILE`: distributions fitted to
// observed durations, and a fragment of a scenario with the best.
func newFitCmd(std *streams, opts *fitOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fit --observed FILE",
		Short: "Fit service and walking times to observed durations, for a scenario",
		Long: `Fit reads observed durations (durations.csv: step,duration, as cordon record writes it) and
fits every step's times by maximum likelihood: exponential, lognormal, gamma, weibull and normal.
For each step it prints the samples' n, mean and sd, the families ranked by the Kolmogorov–Smirnov
statistic KS (the largest gap between the samples' CDF and the fitted one) with their parameters,
the KS p-value and the log-likelihood, and chooses the family with the smallest KS. A warning
says when even that one is rejected at the 1% level (KS > 1.63/√n).

It ends with a YAML fragment to paste into a scenario: each step that is a scenario field
(gate.intake, transfer.trip, disinfection.dwell, sorting.time, delivery.door,
sampling.registration, sampling.swab, ...) as nested keys; zones.walk, which goes into every
zone's walk, and steps that are not scenario fields as comments. Steps with fewer than --min
samples are listed as skipped.

Bad rows are errors (exit 2), each one line as file:line: column: what is wrong; --lenient skips
them and says how many on stderr.`,
		Example: `  cordon fit --observed incident/durations.csv
  cordon fit --observed incident/durations.csv --step gate.intake --step delivery.door --all
  cordon fit --observed - --yaml < incident/durations.csv >> fitted.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFit(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.observed, "observed", "", "the durations file, step,duration (required; - reads stdin)")
	f.StringArrayVar(&opts.steps, "step", nil, "fit only this step (repeatable; default every step in the file)")
	f.BoolVar(&opts.lenient, "lenient", false, "skip bad rows, saying how many, instead of failing")
	f.IntVar(&opts.min, "min", 30, "fewest samples to fit a step; steps with fewer are skipped")
	f.BoolVar(&opts.all, "all", false, "list every family, not just the best three")
	f.BoolVar(&opts.yaml, "yaml", false, "print only the YAML fragment")
	return cmd
}

// stepFit is what fitting one step gave.
type stepFit struct {
	step    string
	x       []float64
	fits    []fit.Fit // ranked by KS; nil when skipped or constant
	skipped string    // why the step was not fitted
	missing string    // families left out and why
}

// chosen returns the Spec the fragment writes: the best fit, or the
// constant all samples equal.
func (s stepFit) chosen() random.Spec {
	if len(s.fits) > 0 {
		return s.fits[0].Spec
	}
	return random.Constant(s.x[0])
}

// rejected reports whether even the best fit is rejected at the 1% level,
// with the threshold.
func (s stepFit) rejected() (bool, float64) {
	if len(s.fits) == 0 {
		return false, 0
	}
	limit := 1.63 / math.Sqrt(float64(len(s.x)))
	return s.fits[0].KS > limit, limit
}

func runFit(ctx context.Context, std *streams, opts *fitOptions) error {
	if opts.observed == "" {
		return badInput(errors.New("fit needs --observed FILE: the durations to fit (step,duration; - reads stdin)"))
	}
	if opts.min < 2 {
		return badInput(fmt.Errorf("--min must be at least 2 (a fit needs two samples), got %d", opts.min))
	}
	name, read, err := readFitDurations(ctx, std, opts)
	if err != nil {
		return err
	}
	steps, err := fitSteps(name, read.Rows, opts.steps)
	if err != nil {
		return err
	}
	var results []stepFit
	for _, step := range steps {
		results = append(results, fitStep(step.name, step.x, opts.min))
	}
	if !opts.yaml {
		if err := writeFitReport(std.out, name, read, results, opts.all); err != nil {
			return err
		}
		fmt.Fprintln(std.out)
	} else {
		for _, r := range results {
			if bad, limit := r.rejected(); bad {
				fmt.Fprintf(std.err, "cordon: warning: %s: even the best fit, %s, is rejected at the 1%% level (KS %.4f > %.4f)\n",
					fitName(r.step), r.fits[0].Spec.Family, r.fits[0].KS, limit)
			}
		}
	}
	_, err = io.WriteString(std.out, fitFragment(name, results))
	return err
}

// readFitDurations reads the --observed file. Bad rows are each one line
// on stderr and exit 2; with --lenient their count is on stderr.
func readFitDurations(ctx context.Context, std *streams, opts *fitOptions) (string, logs.Read[logs.Duration], error) {
	name := opts.observed
	var r io.Reader = std.in
	if name == "-" {
		name = "stdin"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return name, logs.Read[logs.Duration]{}, badInput(err)
		}
		defer f.Close()
		r = f
	}
	read, err := logs.ReadDurations(ctx, name, r, logs.Options{Lenient: opts.lenient})
	if ctx.Err() != nil {
		return name, read, interrupted(ctx)
	}
	if errs, ok := errors.AsType[logs.Errors](err); ok {
		for _, e := range errs {
			fmt.Fprintln(std.err, e.Error())
		}
		hint := "; --lenient skips bad rows"
		if opts.lenient {
			hint = ""
		}
		return name, read, &exitError{code: exitBadInput, err: fmt.Errorf("%s: %d problems%s", name, len(errs), hint)}
	}
	if err != nil {
		return name, read, badInput(fmt.Errorf("%s: %w", name, err))
	}
	if read.Skipped > 0 {
		fmt.Fprintf(std.err, "cordon: %s: skipped %d bad rows (--lenient):\n", text.TermSafe(name), read.Skipped)
		const shown = 5
		for i, e := range read.SkippedErrors {
			if i == shown {
				fmt.Fprintf(std.err, "  ... (%d more)\n", read.Skipped-shown)
				break
			}
			fmt.Fprintln(std.err, "  "+e.Error())
		}
	}
	if len(read.Rows) == 0 {
		return name, read, badInput(fmt.Errorf("%s: no durations to fit", name))
	}
	return name, read, nil
}

// stepSamples are one step's durations.
type stepSamples struct {
	name string
	x    []float64
}

// fitSteps groups the durations by step, in sorted order, keeping only the
// steps asked for. A step asked for that the file does not have, or has
// fewer than 2 samples of, is bad input.
func fitSteps(file string, rows []logs.Duration, want []string) ([]stepSamples, error) {
	by := map[string][]float64{}
	for _, d := range rows {
		by[d.Step] = append(by[d.Step], d.Seconds)
	}
	names := make([]string, 0, len(by))
	for s := range by {
		names = append(names, s)
	}
	slices.Sort(names)
	if len(want) > 0 {
		var problems []string
		for _, w := range want {
			n := len(by[w])
			switch {
			case n == 0:
				problems = append(problems, fmt.Sprintf("--step %s: %s has no such step%s", fitName(w), fitName(file), fitDidYouMean(w, names)))
			case n < 2:
				problems = append(problems, fmt.Sprintf("--step %s: %s has 1 sample of it: a fit needs at least 2", fitName(w), fitName(file)))
			}
		}
		if len(problems) > 0 {
			return nil, fitProblems(problems)
		}
		names = slices.DeleteFunc(names, func(s string) bool { return !slices.Contains(want, s) })
	}
	out := make([]stepSamples, len(names))
	for i, s := range names {
		out[i] = stepSamples{s, by[s]}
	}
	return out, nil
}

// fitProblems is one error of several problems, joined one a line (Main
// keeps the lines of joined errors), every line starting "cordon: " as
// Main writes the first.
func fitProblems(problems []string) error {
	errs := make([]error, len(problems))
	for i, p := range problems {
		if i > 0 {
			p = "cordon: " + p
		}
		errs[i] = errors.New(p)
	}
	return badInput(errors.Join(errs...))
}

// fitDidYouMean suggests the nearest step, or lists the steps.
func fitDidYouMean(s string, steps []string) string {
	if hint := text.DidYouMean(s, steps); hint != "" {
		return hint
	}
	quoted := make([]string, 0, len(steps))
	for i, st := range steps {
		if i == 10 {
			quoted = append(quoted, "...")
			break
		}
		quoted = append(quoted, fitName(st))
	}
	return " (its steps: " + strings.Join(quoted, ", ") + ")"
}

// fitStep fits one step's samples, or says why not.
func fitStep(step string, x []float64, least int) stepFit {
	r := stepFit{step: step, x: x}
	if len(x) < least {
		r.skipped = fmt.Sprintf("%s, fewer than --min %d", text.Count(len(x), "sample", "samples"), least)
		return r
	}
	if slices.Min(x) == slices.Max(x) {
		return r // a constant
	}
	fits, err := fit.Best(x)
	if err != nil {
		r.skipped = err.Error()
		return r
	}
	r.fits = fits
	if zeros := len(x) - len(slices.DeleteFunc(slices.Clone(x), func(v float64) bool { return v == 0 })); zeros > 0 {
		r.missing = fmt.Sprintf("lognormal, gamma and weibull left out: %d of %d samples are 0s", zeros, len(x))
	}
	return r
}

// writeFitReport writes each step's fits, then the steps skipped.
func writeFitReport(w io.Writer, file string, read logs.Read[logs.Duration], results []stepFit, all bool) error {
	inFile := map[string]bool{}
	for _, d := range read.Rows {
		inFile[d.Step] = true
	}
	fmt.Fprintf(w, "fits of %s: %d durations of %s; families ranked by the Kolmogorov–Smirnov statistic KS\n",
		fitName(file), len(read.Rows), text.Count(len(inFile), "step", "steps"))
	if read.Synthetic {
		fmt.Fprintln(w, "the file says it is synthetic: made by cordon, not observed")
	}
	var skipped []stepFit
	for _, r := range results {
		if r.skipped != "" {
			skipped = append(skipped, r)
			continue
		}
		mean, sd := stat.MeanStdDev(r.x, nil) // sd with divisor n − 1
		fmt.Fprintf(w, "\n%s: n %d, mean %s, sd %s\n", fitName(r.step), len(r.x), fitTime(mean), fitTime(sd))
		if len(r.fits) == 0 {
			fmt.Fprintf(w, "  every sample is %s: no spread to fit; chosen: the constant %s\n", fitTime(r.x[0]), fitTime(r.x[0]))
			continue
		}
		tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  rank\tfamily\tparameters\tKS\tp-value\tlog-likelihood")
		for i, f := range r.fits {
			if i == fitShown && !all {
				break
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%.4f\t%s\t%.1f\n", i+1, f.Spec.Family, fitParams(f.Spec), f.KS, fitP(f.PValue), f.LogLikelihood)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if more := len(r.fits) - fitShown; more > 0 && !all {
			fmt.Fprintf(w, "  (%d more: --all lists every family)\n", more)
		}
		if r.missing != "" {
			fmt.Fprintf(w, "  %s\n", r.missing)
		}
		best := r.fits[0]
		fmt.Fprintf(w, "  chosen: %s, the smallest KS (%.4f)\n", best.Spec.Family, best.KS)
		if bad, limit := r.rejected(); bad {
			fmt.Fprintf(w, "  warning: even %s is rejected at the 1%% level: KS %.4f > 1.63/√%d = %.4f; no family fits these times well\n",
				best.Spec.Family, best.KS, len(r.x), limit)
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintln(w, "\nskipped")
		for _, r := range skipped {
			fmt.Fprintf(w, "  %s: %s\n", fitName(r.step), r.skipped)
		}
	}
	return nil
}

// fitParams writes a Spec's parameters in cordon's words: mean 40s, sd 15s.
func fitParams(s random.Spec) string {
	fam, ok := random.FamilyOf(s.Family)
	if !ok {
		return s.Family
	}
	var parts []string
	for _, p := range fam.Params {
		switch {
		case p.List:
			continue // the fitted families have none
		case p.Plain:
			parts = append(parts, p.Name+" "+strconv.FormatFloat(*p.Number(&s), 'g', 3, 64))
		default:
			parts = append(parts, p.Name+" "+fitTime(*p.Number(&s)))
		}
	}
	return strings.Join(parts, ", ")
}

// fitTime writes seconds as the fragment does: a Go duration to 3
// significant digits.
func fitTime(seconds float64) string {
	if text, err := scenarios.FormatDist(random.Constant(seconds)); err == nil {
		return text
	}
	return strconv.FormatFloat(seconds, 'g', 3, 64) + "s"
}

// fitP writes a p-value.
func fitP(p float64) string {
	if p < 0.0001 {
		return "<0.0001"
	}
	return strconv.FormatFloat(p, 'f', 4, 64)
}

// fitName writes a step name from the file for the terminal: as it is when
// it is all printable, else quoted with Go escapes.
func fitName(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return strconv.Quote(s)
		}
	}
	return s
}
