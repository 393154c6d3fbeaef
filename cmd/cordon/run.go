package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/reports"
	"cordon/sim/experiment"
)

// runOptions are the flags of `cordon run`.
type runOptions struct {
	runFlags
	json     bool
	out      string
	noReport bool
	targets  []string
	marginal int
}

func newRunCmd(std *streams, opts *runOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [SCENARIO...]",
		Short: "Run scenarios and report their KPIs, bottlenecks and targets",
		Long: `Run runs each scenario (a YAML file, or the name of a built-in scenario; baseline when none is
given) over its replications, prints the KPIs with 95% confidence intervals and the top
bottlenecks, and writes a report folder (cordon-out/<scenario>/ unless --out says otherwise):
index.html with the plots, summary.md, results.json, replications.csv and plots/*.png, *.svg.
With --json it prints the results document instead of the summary.

Targets come from the scenario's targets and from --target; when any is missed the exit code
is 1 and the summary says which, and by how much.`,
		Example: `  cordon run
  cordon run day-one --reps 50 --out reports/day-one
  cordon run my-compound.yaml --set staff.suited-crew.count=6 --json
  cordon run --target 'takeout.door_time.p95<=1h' --target 'sampling.makespan<=4h'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			return runRun(cmd.Context(), std, opts, args)
		},
	}
	f := cmd.Flags()
	opts.add(f)
	f.BoolVar(&opts.json, "json", false, "print the results document (JSON) instead of the summary")
	f.StringVar(&opts.out, "out", "", "report folder (default cordon-out/<scenario>; with several scenarios, one folder each inside it)")
	f.BoolVar(&opts.noReport, "no-report", false, "write no report folder")
	f.StringArrayVar(&opts.targets, "target", nil, "a target KPI<=VALUE (also >=, <, >), repeatable; e.g. 'takeout.door_time.p95<=45m'")
	f.IntVar(&opts.marginal, "marginal-reps", 10, "replications of the report's marginal analysis (what one more unit buys); 0 leaves it out")
	return cmd
}

func runRun(ctx context.Context, std *streams, opts *runOptions, args []string) error {
	if len(args) == 0 {
		args = []string{"baseline"}
	}
	all, _, err := opts.load(args)
	if err != nil {
		return err
	}
	extra, err := parseTargets(opts.targets)
	if err != nil {
		return err
	}
	missed := 0
	for i, sc := range all {
		update, clear := progress(std, opts.quiet, sc.Name)
		out, err := experiment.Run(ctx, sc, opts.options(update))
		clear()
		if err != nil {
			return runError(ctx, sc.Name, err)
		}
		targets, err := experiment.CheckTargets(out, append(sc.ParsedTargets(), extra...))
		if err != nil {
			return badInput(err)
		}
		if !experiment.AllMet(targets) {
			missed++
		}
		if !opts.noReport {
			var m *experiment.Marginal
			if opts.marginal > 0 {
				mo := opts.options(nil)
				mo.Replications = min(opts.marginal, out.Replications)
				seed := out.Seed
				mo.Seed = &seed
				if m, err = experiment.MarginalAnalysis(ctx, sc, experiment.HeadlineKPIs(sc), mo); err != nil {
					return runError(ctx, sc.Name, err)
				}
			}
			dir := reportDir(opts.out, sc.Name, len(all))
			if err := reports.WriteRun(ctx, dir, out, targets, m); err != nil {
				return runError(ctx, sc.Name, fmt.Errorf("writing the report: %w", err))
			}
			if !opts.json {
				defer fmt.Fprintf(std.err, "report: %s\n", filepath.Join(dir, "index.html"))
			}
		}
		if opts.json {
			b, err := reports.NewResults(out, targets...).JSON()
			if err != nil {
				return err
			}
			if _, err := std.out.Write(b); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(std.out)
		}
		if err := reports.WriteSummary(std.out, out, 5); err != nil {
			return err
		}
		if err := reports.WriteTargets(std.out, targets); err != nil {
			return err
		}
	}
	if missed > 0 {
		return &exitError{code: exitMissed, err: fmt.Errorf("%d of %d scenarios missed a target", missed, len(all))}
	}
	return nil
}

// reportDir is where a scenario's report goes.
func reportDir(out, name string, n int) string {
	switch {
	case out == "":
		return filepath.Join("cordon-out", reports.Slug(name))
	case n > 1:
		return filepath.Join(out, reports.Slug(name))
	}
	return out
}

// runError reports a failed run: an interruption as such, anything else as
// an error in the scenario named.
func runError(ctx context.Context, name string, err error) error {
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	return fmt.Errorf("%s: %w", name, err)
}
