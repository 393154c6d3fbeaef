package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/experiment"
)

// mergeOptions are the flags of `cordon merge`.
type mergeOptions struct {
	out      string
	noReport bool
	output   outputFlags
	check    bool
	top      int
	quiet    bool
}

func newMergeCmd(std *streams, opts *mergeOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge PART... [--out DIR]",
		Short: "Merge the parts of a run split with --shard into its report",
		Long: `Merge reads the parts written by the shards of one run, sweep, comparison or sensitivity
analysis (each started with --shard I/N or --shard auto), checks that they belong to that one
run (same scenarios, seed, replications, options and cordon build) and cover every unit of its
work exactly once, and writes the report folder the command would have written on one
machine (none with --no-report): its results.json is byte for byte the same. It prints what the
command prints.

A missing, duplicated, damaged or foreign part is an error naming it (exit 2), and then
nothing is written. The exit code is otherwise the command's: with --check, 1 when a run missed a target.`,
		Example: `  cordon merge cordon-part-*.part --out cordon-out/sweep
  cordon merge cordon-part-*.part --out shared/report`,
		Args: someArgs("the part files the shards wrote (cordon run --shard I/N)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			return runMerge(cmd.Context(), std, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "report folder (default: the command's, such as cordon-out/sweep-<scenario>; cordon-out/compare for a comparison, which compare itself writes only with --out)")
	addNoReport(f, &opts.noReport)
	opts.output.addAs(f, resultUsage)
	f.BoolVar(&opts.check, "check", false, "exit 1 when a run's target is missed, as run --check does")
	f.IntVar(&opts.top, "top", 8, "factors listed per KPI, for a sensitivity analysis")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing but errors")
	return cmd
}

func runMerge(ctx context.Context, std *streams, opts *mergeOptions, args []string) error {
	files := &partFiles{max: maxOpenParts}
	defer files.closeAll()
	parts := make([]*experiment.PartReader, len(args))
	for i, name := range args {
		p, err := openPart(files, name)
		if err != nil {
			return badInput(err)
		}
		if i > 0 {
			p.ShareWork(parts[0])
		}
		parts[i] = p
	}
	w, prod, err := experiment.MergeProduct(ctx, parts, args, func(s experiment.Shard) string {
		return fmt.Sprintf("shard %v (%s by default)", s, s.PartName())
	}, !opts.noReport)
	switch {
	case ctx.Err() != nil:
		return interruptedAfter(ctx, "while reading the parts")
	case err != nil:
		return badInput(err)
	}
	std = quietStreams(std, opts.quiet)
	switch w.Command {
	case experiment.CommandRun:
		return (&runOptions{out: opts.out, noReport: opts.noReport, output: opts.output, strict: opts.check}).reportAll(ctx, std, prod.Runs, args)
	case experiment.CommandCompare:
		out := opts.out
		if out == "" && !opts.noReport {
			out = filepath.Join("cordon-out", "compare")
		}
		folder, err := openReport(ctx, out, args...)
		if err != nil {
			return err
		}
		return (&compareOptions{output: opts.output}).report(ctx, std, prod.Comparison, folder)
	case experiment.CommandSweep:
		folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "sweep", prod.Sweep.Points[0].Outcome.Scenario.Name), args...)
		if err != nil {
			return err
		}
		return (&sweepOptions{output: opts.output}).report(ctx, std, prod.Sweep, w.KPIs, folder)
	case experiment.CommandSensitivity:
		folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "sensitivity", prod.Sensitivity.Base.Scenario.Name), args...)
		if err != nil {
			return err
		}
		return (&sensitivityOptions{top: opts.top, output: opts.output}).report(ctx, std, prod.Sensitivity, folder)
	}
	return badInput(fmt.Errorf("%s: parts of cordon %s, which merge does not know", args[0], w.Command))
}

// openPart opens the part file name among files and reads its head; its
// units are read as the merge needs them, its file opened again when
// files closed it meanwhile.
func openPart(files *partFiles, name string) (*experiment.PartReader, error) {
	f, err := files.add(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return nil, err
	}
	p, err := experiment.NewPartReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return p, nil
}

// quietStreams are std with its output thrown away when quiet; errors still
// reach the terminal, through Main.
func quietStreams(std *streams, quiet bool) *streams {
	if !quiet {
		return std
	}
	q := *std
	q.out, q.err = io.Discard, io.Discard
	return &q
}
