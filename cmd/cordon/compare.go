package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
	"cordon/text"
)

// compareOptions are the flags of `cordon compare`.
type compareOptions struct {
	runFlags
	shardFlags
	output    outputFlags
	out       string
	minEffect []string
	variants  []string
}

func newCompareCmd(std *streams, opts *compareOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "compare A [B C...] [--variant 'NAME: path=value, ...']",
		Short: "Compare scenarios with common random numbers",
		Long: `Compare runs the scenarios with the same seed and replications (common random numbers: the
same named streams, so the same arrivals) and, for every KPI, reports the difference from the
first scenario: the mean of the paired differences with a 95% Student-t interval and a verdict,
better or worse by the KPI's direction (differs for KPIs that have no better direction), or none.
A difference is a verdict only when its interval leaves out zero and it is at least a practical
minimum (--min-effect): by default 1m for durations, 0.5 percentage points for shares, 1 for
counts (items, people, households, cards, samples) and 1% of the first scenario's mean for
rates (items/h, people/h). --min-effect KIND=VALUE sets a kind's (durations=2m, shares=1% for one
percentage point, counts=5, rates=2% or a number per hour), KPI=VALUE one KPI's, 0 none.

--variant 'NAME: path=value, ...' compares a variant of the first scenario, made by setting the
values (as --set does) and named NAME; repeatable. --set applies to every scenario compared, the
variants too: it changes what they share, not what they differ in. Scenarios that simulate
exactly the same thing (compare X X, or two that --set has made alike) are said to be identical.
--out writes a comparison report. -o json (or --json) prints the comparison document instead of
the table, -o csv (or --csv) every difference as CSV (differences.csv).`,
		Example: `  cordon compare baseline day-one
  cordon compare baseline more-suited-crew fourth-site --reps 50 --out cordon-out/compare
  cordon compare baseline --variant 'shelves-4: gate.shelves=4' --json
  cordon compare day-one --variant 'more-room: gate.ground=60, gate.shelves=8' --min-effect durations=5m`,
		Args: someArgs("the scenarios to compare: YAML files or names of built-ins (cordon scenarios lists them)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := opts.checkShard(std.getenv); err != nil {
				return err
			}
			if err := opts.refuseWithShard(cmd.Flags(), "out", "output", "json", "csv"); err != nil {
				return err
			}
			return runCompare(cmd.Context(), std, opts, args)
		},
	}
	opts.add(cmd.Flags())
	opts.addShard(cmd.Flags())
	opts.output.addAs(cmd.Flags(), resultUsage)
	cmd.Flags().StringVar(&opts.out, "out", "", "write a comparison report folder here")
	cmd.Flags().StringArrayVar(&opts.minEffect, "min-effect", nil,
		"the smallest difference that is a verdict: KIND=VALUE (durations=1m, shares=0.5%, counts=1, rates=1%: the defaults), KPI=VALUE, or 0 for none (repeatable)")
	cmd.Flags().StringArrayVar(&opts.variants, "variant", nil, "a variant of the first scenario, 'NAME: path=value, ...' (repeatable)")
	return cmd
}

func runCompare(ctx context.Context, std *streams, opts *compareOptions, args []string) error {
	var variants []scenarios.Variant
	for _, s := range opts.variants {
		v, err := scenarios.ParseVariant(s)
		if err != nil {
			return badInput(err)
		}
		variants = append(variants, v)
	}
	if len(args)+len(variants) < 2 {
		return badInput(fmt.Errorf("compare needs at least two scenarios: give two, or one and --variant 'NAME: path=value, ...'"))
	}
	all, overrides, err := opts.load(args, false)
	if err != nil {
		return err
	}
	for _, v := range variants {
		sc, err := scenarios.Resolve(args[0], append(slices.Clone(overrides), v.Overrides...)...)
		if err != nil {
			return badInput(err)
		}
		for _, other := range all {
			if other.Name == v.Name {
				return badInput(fmt.Errorf("--variant %s: %s names another scenario of the comparison: give the variant a name of its own", text.TermSafe(v.Name), text.TermSafe(v.Name)))
			}
		}
		// Its description is the command's own words, in its language
		// (compare's documents do not keep it): baseline with gate.shelves=10.
		sc.Name, sc.Description = v.Name, std.printer().Sprintf("%s with %s", all[0].Name, strings.Join(v.Settings(), ", "))
		all = append(all, sc)
	}
	opts.keepFigures(opts.out != "")
	eo := opts.options(nil)
	eo.MinEffect = opts.minEffect
	w, err := experiment.NewCompareWork(all, eo)
	if err != nil {
		return badInput(err)
	}
	if opts.sharded() {
		return opts.runShard(ctx, std, &opts.runFlags, w)
	}
	folder, err := openReport(ctx, opts.out, args...)
	if err != nil {
		return err
	}
	p, err := opts.do(ctx, std, "compare", w)
	if err != nil {
		return err
	}
	if len(p.Comparison.Identical) > 0 && len(opts.sets) > 0 {
		fmt.Fprintf(std.err, "cordon: --set applies to every scenario compared; to compare a change, give it to a variant: --variant 'NAME: %s'\n",
			text.TermSafe(strings.Join(opts.sets, ", ")))
	}
	return opts.report(ctx, std, p.Comparison, folder)
}

// report writes the comparison's report folder (when --out names one) and
// prints its table or its document.
func (opts *compareOptions) report(ctx context.Context, std *streams, c *experiment.Comparison, folder reportFolder) error {
	if err := folder.write(ctx, std, &opts.runFlags, reports.ComparisonReport(c)); err != nil {
		return err
	}
	return opts.output.print(std, result{
		json:  func() ([]byte, error) { return reports.NewComparison(c).JSON() },
		csv:   func() []byte { return reports.DifferencesCSV(c) },
		table: func(w io.Writer) error { return std.words.WriteComparisonTable(w, c) }})
}
