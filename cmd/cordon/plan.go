package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
)

// planOptions are the flags of `cordon plan`.
type planOptions struct {
	runFlags
	targets     []string
	onlyGiven   bool
	allowCuts   bool
	budget      float64
	write       string
	force       bool
	out         string
	noReport    bool
	confirm     int
	sensitivity bool
	output      outputFlags
}

func newPlanCmd(std *streams, opts *planOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan SCENARIO [--target 'KPI<=VALUE' ...] [--allow-cuts] [--budget AMOUNT] [--write FILE]",
		Short: "Find the cheapest additions that meet every target",
		Long: `Plan searches for the lowest-cost setting of the knobs that can move the targets' KPIs (staff
per pool and shift, each site's registration and swab stations, shelves, containers, carts,
disinfection places, and the zero-cost knobs such as the calling plan) that meets every target
with 95% confidence: the upper end of each KPI's interval inside its target. The targets are the
scenario's own and every --target; --only-given leaves the scenario's out, and says so. Costs
come from the scenario's costs section and each pool's hour_cost.

By default the plan only adds: staff and equipment go up, never down (zero-cost knobs move
either way). --allow-cuts lets it remove too, never below the scenario's floors (the floors
section: a least value per capacity, a least number on duty per pool and hours).

The search starts from the scenario, screens every candidate step with a few replications
(--reps, default 6) and common random numbers, takes the step with the best gain per cost until
the targets are met, takes back what is not needed, then confirms the plan with more
replications (--confirm, default 30) on a fresh seed, run together with the scenario: every KPI
with a better direction that the plan makes significantly worse is listed as a side effect.
When no plan meets a target, it says what the target's KPI comes to with unlimited staff and
equipment (every capacity multiplied by 10), shows the best plan found and exits 1.

It prints what changes and what it costs, the targets with where each comes from, the side
effects and the search, and writes a report (cordon-out/plan-<scenario>/ unless --out says
otherwise; none with --no-report) with plan.json (-o json or --json prints it instead of the
table), changes.csv (-o csv or --csv prints it: one row per change, with its --set), the cost
against KPI frontier and a sensitivity analysis of the plan. --write saves the planned scenario,
comments kept and each changed line marked, for cordon run; it does not overwrite a file unless
--force is given.`,
		Example: `  cordon plan baseline
  cordon plan baseline --target 'gate.staging.max<=200' --write baseline-plan.yaml
  cordon plan baseline --allow-cuts --budget 110000`,
		Args: oneArg(aScenario),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := checkReps("--confirm", opts.confirm, 0); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			if opts.noReport && opts.sensitivity && cmd.Flags().Changed("sensitivity") {
				return noReportError("--sensitivity")
			}
			return runPlan(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	f := cmd.Flags()
	f.Lookup("reps").Usage = fmt.Sprintf("replications each candidate is screened with (default %d; the plan is confirmed with --confirm)", experiment.PlanScreenReplications)
	f.StringArrayVar(&opts.targets, "target", nil, "a target KPI<=VALUE (also >=, <, >), repeatable, met besides the scenario's own")
	f.BoolVar(&opts.onlyGiven, "only-given", false, "leave the scenario's own targets out: meet only the --target ones")
	f.BoolVar(&opts.allowCuts, "allow-cuts", false, "let the plan remove staff and equipment too, down to the scenario's floors")
	f.Float64Var(&opts.budget, "budget", 0, "the most the plan may cost (default: no limit)")
	f.StringVar(&opts.write, "write", "", "save the planned scenario to this file")
	f.BoolVar(&opts.force, "force", false, "overwrite the --write file if it exists")
	f.StringVar(&opts.out, "out", "", "report folder (default cordon-out/plan-<scenario>)")
	addNoReport(f, &opts.noReport)
	f.IntVar(&opts.confirm, "confirm", 0, "replications of the confirmation on a fresh seed (default 3 times --reps, at least 30)")
	f.BoolVar(&opts.sensitivity, "sensitivity", true, "add a sensitivity analysis of the plan to the report")
	opts.output.addAs(f, resultUsage)
	return cmd
}

func runPlan(ctx context.Context, std *streams, opts *planOptions, arg string) error {
	all, overrides, err := opts.load([]string{arg}, !opts.onlyGiven)
	if err != nil {
		return err
	}
	sc := all[0]
	given, err := parseTargets(opts.targets)
	if err != nil {
		return err
	}
	switch {
	case opts.onlyGiven && len(given) == 0:
		return badInput(fmt.Errorf("--only-given leaves the scenario's targets out: give --target 'KPI<=VALUE'"))
	case len(given) == 0 && len(sc.Targets) == 0:
		return badInput(fmt.Errorf("plan needs targets: give --target 'KPI<=VALUE' or targets in the scenario"))
	case opts.budget < 0:
		return badInput(fmt.Errorf("--budget must not be negative"))
	}
	if err := opts.checkWrite(); err != nil {
		return err
	}
	folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "plan", sc.Name), arg)
	if err != nil {
		return err
	}
	// The plan is run again at the confirmation for its side effects (and
	// its report's figures over the day, which only a report gathers);
	// the sensitivity analysis is the report's alone.
	opts.keepFigures(!opts.noReport)
	update, clear := progress(std, opts.quiet, "plan")
	p, err := experiment.MakePlan(ctx, sc, experiment.PlanOptions{Options: opts.options(update), Targets: given, OnlyGiven: opts.onlyGiven,
		AllowCuts: opts.allowCuts, Budget: opts.budget, Confirm: opts.confirm})
	clear()
	if err != nil {
		if ctx.Err() != nil {
			return opts.stopped(ctx)
		}
		return badInput(opts.explainMemory(err))
	}
	var sens *experiment.Sensitivity
	if opts.sensitivity && !opts.noReport {
		update, clear := progress(std, opts.quiet, "sensitivity of the plan")
		sens, err = experiment.AnalysePlan(ctx, p, opts.options(update))
		clear()
		if err != nil {
			if ctx.Err() != nil {
				return opts.stopped(ctx)
			}
			return err
		}
	}
	if err := folder.write(ctx, std, &opts.runFlags, reports.PlanReport(p, sens)); err != nil {
		return err
	}
	if opts.write != "" {
		if err := writePlanned(std, opts, arg, overrides, p); err != nil {
			return err
		}
	}
	err = opts.output.print(std, result{
		json:  func() ([]byte, error) { return reports.NewPlanDocument(p).JSON() },
		csv:   func() []byte { return reports.ChangesCSV(p) },
		table: func(w io.Writer) error { return std.words.WritePlanTable(w, p) }})
	if err != nil {
		return err
	}
	if !p.Feasible {
		return &exitError{code: exitMissed, err: fmt.Errorf("no plan meets every target")}
	}
	return nil
}

// checkWrite checks that --write, when given, can be written, before the
// search rather than after it.
func (opts *planOptions) checkWrite() error {
	if opts.write == "" {
		return nil
	}
	if err := checkScenarioOverwrite(opts.write, opts.force, "--write"); err != nil {
		return badInput(err)
	}
	if err := checkWritable(linkTarget(opts.write)); err != nil {
		return badInput(err)
	}
	return nil
}
