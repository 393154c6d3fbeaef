package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"cordon/reports"
	"cordon/scenarios"
	"cordon/sim/compound"
	"cordon/sim/experiment"
)

// runOptions are the flags of `cordon run`.
type runOptions struct {
	reps    int
	seed    uint64
	seedSet bool
	sets    []string
	json    bool
	jobs    int
	quiet   bool
}

func newRunCmd(std *streams, opts *runOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [SCENARIO...]",
		Short: "Run scenarios and print their KPIs and bottlenecks",
		Long: `Run runs each scenario (a YAML file, or the name of a built-in scenario; baseline when none is
given) over its replications and prints the KPIs with 95% confidence intervals and the top
bottlenecks. With --json it prints the results document instead.`,
		Example: `  cordon run
  cordon run day-one --reps 50
  cordon run my-compound.yaml --set staff.suited-crew.count=6 --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.seedSet = cmd.Flags().Changed("seed")
			return runRun(cmd.Context(), std, opts, args)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.reps, "reps", 0, "replications (default: the scenario's)")
	f.Uint64Var(&opts.seed, "seed", 0, "seed of the random streams (default: the scenario's)")
	f.StringArrayVar(&opts.sets, "set", nil, "override a scenario value, path=value (repeatable), e.g. gate.shelves=10")
	f.BoolVar(&opts.json, "json", false, "print the results document (JSON) instead of the summary")
	f.IntVar(&opts.jobs, "jobs", runtime.NumCPU(), "replications run at once")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing but the results")
	return cmd
}

func runRun(ctx context.Context, std *streams, opts *runOptions, args []string) error {
	if len(args) == 0 {
		args = []string{"baseline"}
	}
	if opts.reps < 0 {
		return badInput(fmt.Errorf("--reps must be at least 1, got %d", opts.reps))
	}
	overrides, err := parseSets(opts.sets)
	if err != nil {
		return err
	}
	// Load every scenario first: bad input is reported before any work.
	var all []*compound.Scenario
	for _, a := range args {
		sc, err := scenarios.Resolve(a, overrides...)
		if err != nil {
			return badInput(err)
		}
		all = append(all, sc)
	}
	for i, sc := range all {
		eo := experiment.Options{Replications: opts.reps, Workers: opts.jobs}
		if opts.seedSet {
			eo.Seed = &opts.seed
		}
		out, err := experiment.Run(ctx, sc, eo)
		if err != nil {
			return err
		}
		if opts.json {
			b, err := reports.NewResults(out).JSON()
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
	}
	return nil
}

// parseSets parses --set flags.
func parseSets(sets []string) ([]scenarios.Override, error) {
	var out []scenarios.Override
	for _, s := range sets {
		o, err := scenarios.ParseOverride(s)
		if err != nil {
			return nil, badInput(fmt.Errorf("--set %s: %v", s, err))
		}
		out = append(out, o)
	}
	return out, nil
}
