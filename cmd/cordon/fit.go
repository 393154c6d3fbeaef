package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/logs"
	"cordon/scenarios"
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
		Args: noArgs,
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
	steps, err := experiment.FitSteps(name, logs.DurationsByStep(read.Rows), opts.steps, opts.min)
	if err != nil {
		return badInput(err)
	}
	if opts.yaml {
		for _, w := range std.words.FitWarnings(steps) {
			fmt.Fprintln(std.err, "cordon: "+w)
		}
	} else {
		if err := std.words.WriteFits(std.out, name, read, steps, opts.all); err != nil {
			return err
		}
		fmt.Fprintln(std.out)
	}
	_, err = io.WriteString(std.out, scenarios.FittedFragment(name, steps, std.printer()))
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
	p := std.printer()
	if errs, ok := errors.AsType[logs.Errors](err); ok {
		for _, e := range errs {
			fmt.Fprintln(std.err, p.Error(e.Error()))
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
		fmt.Fprint(std.err, p.Sprintf("cordon: %s: skipped %d bad rows (--lenient):\n", text.TermSafe(name), read.Skipped))
		const shown = 5
		for i, e := range read.SkippedErrors {
			if i == shown {
				fmt.Fprint(std.err, p.Sprintf("  ... (%d more)\n", read.Skipped-shown))
				break
			}
			fmt.Fprintln(std.err, "  "+p.Error(e.Error()))
		}
	}
	if len(read.Rows) == 0 {
		return name, read, badInput(fmt.Errorf("%s: no durations to fit", name))
	}
	return name, read, nil
}
