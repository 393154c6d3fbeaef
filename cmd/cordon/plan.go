package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// planOptions are the flags of `cordon plan`.
type planOptions struct {
	runFlags
	targets     []string
	budget      float64
	write       string
	force       bool
	out         string
	confirm     int
	sensitivity bool
}

func newPlanCmd(std *streams, opts *planOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan SCENARIO --target 'KPI<=VALUE' ... [--budget AMOUNT] [--write FILE]",
		Short: "Find the cheapest staffing that meets the targets",
		Long: `Plan searches for the lowest-cost setting of the knobs that can move the targets' KPIs (staff
per pool and shift, each site's registration and swab stations, shelves, containers, carts,
disinfection places) that meets every target with 95% confidence: the upper end of each KPI's
interval inside its target. Costs come from the scenario's costs section and each pool's
hour_cost. The search starts from the offered load's lower bounds, adds the unit with the best
gain per cost until the targets are met, removes units while they stay met, and confirms the
plan with more replications on a fresh seed. Knobs that move none of the targets' KPIs are left
as they are.

It prints what changes and what it costs, the targets with their intervals and the search
path, and writes a report (cordon-out/plan-<scenario>/ unless --out says otherwise) with the
cost against KPI frontier and a sensitivity analysis of the plan. --write saves the planned
scenario, comments kept, for cordon run --target; it does not overwrite a file unless --force
is given. When no plan meets every target within the
budget and the knobs' limits, it says which target cannot be met, shows the best plan found and
exits 1. Targets default to the scenario's own.`,
		Example: `  cordon plan baseline --target 'takeout.door_time.p95<=45m' --target 'sampling.makespan<=4h' --target 'gate.staging.max<=200'
  cordon plan baseline --budget 80000 --write baseline-plan.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := checkReps("--confirm", opts.confirm, 0); err != nil {
				return err
			}
			return runPlan(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	f := cmd.Flags()
	f.StringArrayVar(&opts.targets, "target", nil, "a target KPI<=VALUE (also >=, <, >), repeatable (default: the scenario's targets)")
	f.Float64Var(&opts.budget, "budget", 0, "the most the plan may cost (default: no limit)")
	f.StringVar(&opts.write, "write", "", "save the planned scenario to this file")
	f.BoolVar(&opts.force, "force", false, "overwrite the --write file if it exists")
	f.StringVar(&opts.out, "out", "", "report folder (default cordon-out/plan-<scenario>)")
	f.IntVar(&opts.confirm, "confirm", 0, "replications of the confirmation on a fresh seed (default 3 times --reps, at least 30)")
	f.BoolVar(&opts.sensitivity, "sensitivity", true, "add a sensitivity analysis of the plan to the report")
	return cmd
}

func runPlan(ctx context.Context, std *streams, opts *planOptions, arg string) error {
	all, overrides, err := opts.load([]string{arg})
	if err != nil {
		return err
	}
	sc := all[0]
	targets, err := parseTargets(opts.targets)
	if err != nil {
		return err
	}
	if len(targets) == 0 {
		targets = sc.ParsedTargets()
	}
	if len(targets) == 0 {
		return badInput(fmt.Errorf("plan needs targets: give --target 'KPI<=VALUE' or targets in the scenario"))
	}
	if opts.budget < 0 {
		return badInput(fmt.Errorf("--budget must not be negative"))
	}
	if opts.write != "" {
		// Check the file can be written before the search, not after.
		if _, err := os.Lstat(opts.write); err == nil && !opts.force {
			return badInput(fmt.Errorf("%s exists: give another --write or --force", reports.TermSafe(opts.write)))
		}
		if err := checkWritable(opts.write); err != nil {
			return badInput(err)
		}
	}
	dest, err := checkedDest(ctx, defaultDest(opts.out, "plan", sc.Name), arg)
	if err != nil {
		return err
	}
	update, clear := progress(std, opts.quiet, "plan")
	eo := opts.options(update)
	if eo.Replications == 0 {
		eo.Replications = 10
	}
	p, err := experiment.MakePlan(ctx, sc, experiment.PlanOptions{Options: eo, Targets: targets, Budget: opts.budget, Confirm: opts.confirm})
	clear()
	if err != nil {
		if ctx.Err() != nil {
			return opts.stopped(ctx)
		}
		return badInput(err)
	}
	var sens *experiment.Sensitivity
	if opts.sensitivity {
		var kpis []string
		for _, t := range targets {
			kpis = append(kpis, t.KPI)
		}
		so := opts.options(nil)
		so.Replications = eo.Replications
		if sens, err = experiment.Analyse(ctx, p.Planned, kpis, 0.2, so); err != nil {
			if ctx.Err() != nil {
				return opts.stopped(ctx)
			}
			return err
		}
	}
	if err := reports.WritePlan(ctx, dest, p, sens); err != nil {
		return opts.reportError(ctx, err)
	}
	fmt.Fprintf(std.err, "report: %s\n", shown(filepath.Join(dest.Dir, "index.html")))
	if opts.write != "" {
		name, data, err := scenarios.Source(arg)
		if err != nil {
			return err
		}
		sets := append([]scenarios.Override(nil), overrides...)
		for _, s := range p.Settings {
			sets = append(sets, scenarios.Override{Path: s.Knob.Path, Value: s.Knob.Text(s.To)})
		}
		sets = append(sets, scenarios.Override{Path: "name", Value: p.Planned.Name})
		out, err := scenarios.Rewrite(name, data, sets...)
		if err != nil {
			return err
		}
		// The plan's file, like init's, names a schema beside itself.
		out = withLocalSchema(out)
		if err := writeFileAtomic(opts.write, out); err != nil {
			return err
		}
		fmt.Fprintf(std.err, "planned scenario: %s\n", shown(opts.write))
	}
	if err := reports.WritePlanTable(std.out, p); err != nil {
		return err
	}
	if !p.Feasible {
		return &exitError{code: exitMissed, err: fmt.Errorf("no plan meets every target")}
	}
	return nil
}
