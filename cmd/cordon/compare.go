package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
)

// compareOptions are the flags of `cordon compare`.
type compareOptions struct {
	runFlags
	shardFlags
	json bool
	out  string
}

func newCompareCmd(std *streams, opts *compareOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "compare A B [C...]",
		Short: "Compare scenarios with common random numbers",
		Long: `Compare runs the scenarios with the same seed and replications (common random numbers: the
same named streams, so the same arrivals) and, for every KPI, reports the difference from the
first scenario: the mean of the paired differences with a 95% Student-t interval and a verdict,
better, worse or none (no significant difference; differs for KPIs that have no better
direction). --out writes a comparison report.`,
		Example: `  cordon compare baseline day-one
  cordon compare baseline more-suited-crew fourth-site --reps 50 --out cordon-out/compare
  cordon compare baseline baseline --set gate.shelves=4 --json`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.checkShard(std.getenv); err != nil {
				return err
			}
			return runCompare(cmd.Context(), std, opts, args)
		},
	}
	opts.add(cmd.Flags())
	opts.addShard(cmd.Flags())
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the comparison document (JSON) instead of the table")
	cmd.Flags().StringVar(&opts.out, "out", "", "write a comparison report folder here")
	return cmd
}

func runCompare(ctx context.Context, std *streams, opts *compareOptions, args []string) error {
	all, _, err := opts.load(args)
	if err != nil {
		return err
	}
	w, err := experiment.NewCompareWork(all, opts.options(nil))
	if err != nil {
		return badInput(err)
	}
	if opts.sharded() {
		return opts.runShard(ctx, std, &opts.runFlags, w)
	}
	var dest reports.Dest
	if opts.out != "" {
		if dest, err = checkedDest(ctx, opts.out, args...); err != nil {
			return err
		}
	}
	p, err := opts.do(ctx, std, "compare", w)
	if err != nil {
		return err
	}
	return opts.report(ctx, std, p.Comparison, dest)
}

// report writes the comparison's report folder (when dest names one) and
// prints its table or its document.
func (opts *compareOptions) report(ctx context.Context, std *streams, c *experiment.Comparison, dest reports.Dest) error {
	if dest.Dir != "" {
		if err := reports.WriteComparison(ctx, dest, c); err != nil {
			return opts.reportError(ctx, err)
		}
		defer fmt.Fprintf(std.err, "report: %s\n", shown(filepath.Join(dest.Dir, "index.html")))
	}
	if opts.json {
		b, err := reports.NewComparison(c).JSON()
		if err != nil {
			return err
		}
		_, err = std.out.Write(b)
		return err
	}
	return reports.WriteComparisonTable(std.out, c)
}
