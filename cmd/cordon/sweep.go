package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// sweepOptions are the flags of `cordon sweep`.
type sweepOptions struct {
	runFlags
	shardFlags
	vary     []string
	kpis     []string
	out      string
	noReport bool
	output   outputFlags
}

func newSweepCmd(std *streams, opts *sweepOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sweep SCENARIO --vary path=LIST|FROM..TO[:STEP] [--vary ...]",
		Short: "Run a scenario over a grid of values",
		Long: `Sweep runs the scenario at every combination of the varied values (paths as in --set), each
point over the same replications and seed (common random numbers), prints a table of the chosen
KPIs, and writes a report folder (cordon-out/sweep-<scenario>/ unless --out says otherwise; none
with --no-report) with sweep.csv (every KPI at every point) and a plot of each chosen KPI against
the varied values. -o csv (or --csv) prints sweep.csv instead of the table, -o json (or --json)
the results document (results.json).`,
		Example: `  cordon sweep baseline --vary staff.suited-crew.shifts[0].count=2..8 --kpi express.door_time.p95
  cordon sweep day-one --vary gate.ground=10,20,40,80 --vary gate.when_full=wait,turn-away
  cordon sweep day-one --vary transfer.fill=5m..30m:5m --kpi gate.staging.time_full --kpi gate.turned_away`,
		Args: oneArg(aScenario),
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
			if err := opts.refuseWithShard(cmd.Flags(), "out", "output", "json", "csv", "no-report"); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			return runSweep(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	opts.addShard(cmd.Flags())
	cmd.Flags().StringArrayVar(&opts.vary, "vary", nil, "a value to vary, path=LIST or path=FROM..TO[:STEP] (repeatable)")
	cmd.Flags().StringArrayVar(&opts.kpis, "kpi", nil, "a KPI to tabulate and plot (repeatable; default: the scenario's targets' KPIs, or a few headline KPIs)")
	cmd.Flags().StringVar(&opts.out, "out", "", "report folder (default cordon-out/sweep-<scenario>)")
	addNoReport(cmd.Flags(), &opts.noReport)
	opts.output.addAs(cmd.Flags(), resultUsage)
	return cmd
}

// maxSweepPoints bounds a grid.
const maxSweepPoints = 10_000

func runSweep(ctx context.Context, std *streams, opts *sweepOptions, arg string) error {
	if len(opts.vary) == 0 {
		return badInput(fmt.Errorf("sweep needs at least one --vary path=values"))
	}
	var axes []experiment.Axis
	points := 1
	for _, v := range opts.vary {
		a, err := experiment.ParseAxis(v)
		if err != nil {
			return badInput(fmt.Errorf("--vary %v", err))
		}
		axes = append(axes, a)
		points *= len(a.Values)
		if points > maxSweepPoints {
			return badInput(fmt.Errorf("the grid has more than %d points", maxSweepPoints))
		}
	}
	all, overrides, err := opts.load([]string{arg}, len(opts.kpis) == 0)
	if err != nil {
		return err
	}
	base := all[0]
	build := func(values []string) (*compound.Scenario, error) {
		ov := append([]scenarios.Override(nil), overrides...)
		for i, a := range axes {
			ov = append(ov, scenarios.Override{Path: a.Path, Value: values[i], Flag: "--vary"})
		}
		sc, err := scenarios.Resolve(arg, ov...)
		if err != nil {
			return nil, badInput(err)
		}
		return sc, nil
	}
	// Every point is built, and so checked, before any work starts. Each
	// keeps only its figures as its replications finish, report or not:
	// a sweep's plots read nothing else.
	opts.keepFigures(!opts.noReport)
	w, err := experiment.NewSweepWork(axes, build, opts.options(nil))
	if err != nil {
		return err
	}
	kpis, err := experiment.SweepKPIs(base, opts.kpis)
	if err != nil {
		return badInput(err)
	}
	w.KPIs = kpis
	if opts.sharded() {
		return opts.runShard(ctx, std, &opts.runFlags, w)
	}
	folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "sweep", base.Name), arg)
	if err != nil {
		return err
	}
	p, err := opts.do(ctx, std, "sweep", w)
	if err != nil {
		return err
	}
	return opts.report(ctx, std, p.Sweep, w.KPIs, folder)
}

// report writes the sweep's report folder (when there is one) and prints
// its table, its document or its CSV.
func (opts *sweepOptions) report(ctx context.Context, std *streams, sw *experiment.Sweep, kpis []string, folder reportFolder) error {
	if err := folder.write(ctx, std, &opts.runFlags, reports.SweepReport(sw, kpis)); err != nil {
		return err
	}
	return opts.output.print(std, result{
		writeJSON: func(w io.Writer) error { return reports.NewSweepResults(sw).WriteJSON(w) },
		csv:       func() []byte { return reports.SweepCSV(sw) },
		table:     func(w io.Writer) error { return std.words.WriteSweepTable(w, sw, kpis) }})
}
