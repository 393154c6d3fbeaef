package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
)

// bottlenecksOptions are the flags of `cordon bottlenecks`.
type bottlenecksOptions struct {
	runFlags
	kpis     []string
	out      string
	noReport bool
	top      int
	output   outputFlags
}

func newBottlenecksCmd(std *streams, opts *bottlenecksOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bottlenecks SCENARIO",
		Short: "What one more worker, shelf, cart or station, or a change of the calling plan, buys",
		Long: `Bottlenecks runs the scenario and, with common random numbers, the scenario with one more unit
of every knob a plan can buy (each pool's count or each shift's, each site's registration and swab
stations, shelves, containers, carts, places in the disinfection area) and one step either way of
every zero-cost knob that can move a chosen KPI (the calling plan: interval, buildings per wave,
come-down window, calling order, each zone's site; how long a cart waits for a full load; each
shift's start). Zero-cost steps are screened with 5 replications and the better way run again with
all of them where it improves a KPI. It ranks the knobs by what the step buys on the chosen KPIs
(paired differences with 95% intervals), with each post's utilisation; says, KPI by KPI, what
moves it most and, when no unit bought does, what sets it (a zero-cost knob, fixed delays such as
the dwell, trips and walks, or the arrivals: runs with each halved); ranks the base run's posts by
the hours spent waiting at each, added over everything that waited (and, over several days, each
day's); and names, hour by hour, the post that limits the work. A report folder
(cordon-out/bottlenecks-<scenario>/ unless --out says otherwise; none with --no-report) has the
gains chart, bottlenecks.json and knobs.csv; -o json (or --json) prints that document instead of
the tables, -o csv (or --csv) knobs.csv: one row per knob and KPI.`,
		Example: `  cordon bottlenecks day-one --kpi gate.turned_away --kpi express.door_time.p95
  cordon bottlenecks baseline --reps 20
  cordon bottlenecks baseline --json`,
		Args: oneArg(aScenario),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			return runBottlenecks(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	cmd.Flags().StringArrayVar(&opts.kpis, "kpi", nil, "a KPI to judge gains on (repeatable; default: the scenario's targets' KPIs, or the headline KPIs)")
	cmd.Flags().StringVar(&opts.out, "out", "", "report folder (default cordon-out/bottlenecks-<scenario>)")
	addNoReport(cmd.Flags(), &opts.noReport)
	cmd.Flags().IntVar(&opts.top, "top", 15, "knobs listed on the terminal")
	opts.output.addAs(cmd.Flags(), resultUsage)
	return cmd
}

func runBottlenecks(ctx context.Context, std *streams, opts *bottlenecksOptions, arg string) error {
	all, _, err := opts.load([]string{arg}, len(opts.kpis) == 0)
	if err != nil {
		return err
	}
	sc := all[0]
	kpis := opts.kpis
	if len(kpis) == 0 {
		kpis = experiment.HeadlineKPIs(sc)
	}
	folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "bottlenecks", sc.Name), arg)
	if err != nil {
		return err
	}
	update, clear := progress(std, opts.quiet, "bottlenecks")
	m, err := experiment.MarginalAnalysis(ctx, sc, kpis, opts.options(update))
	clear()
	if err != nil {
		if ctx.Err() != nil {
			return opts.stopped(ctx)
		}
		return badInput(err)
	}
	if err := folder.write(ctx, std, &opts.runFlags, reports.MarginalReport(m)); err != nil {
		return err
	}
	return opts.output.print(std, result{
		json:  func() ([]byte, error) { return reports.NewBottlenecks(m).JSON() },
		csv:   func() []byte { return reports.KnobsCSV(m) },
		table: func(w io.Writer) error { return std.words.WriteMarginalTable(w, m, opts.top) }})
}
