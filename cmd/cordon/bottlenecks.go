package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
)

// bottlenecksOptions are the flags of `cordon bottlenecks`.
type bottlenecksOptions struct {
	runFlags
	kpis []string
	out  string
	top  int
}

func newBottlenecksCmd(std *streams, opts *bottlenecksOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bottlenecks SCENARIO",
		Short: "What one more worker, shelf, cart or station at each post buys",
		Long: `Bottlenecks runs the scenario and, for every knob a plan can turn (each pool's count or each
shift's, each site's registration and swab stations, shelves, containers, carts, places in the
disinfection area), the scenario with one more unit of it, all with common random numbers, and
ranks the knobs by what the unit buys on the chosen KPIs (paired differences with 95% intervals).
It also names, hour by hour, the post that limits the work. A report folder
(cordon-out/bottlenecks-<scenario>/ unless --out says otherwise) has the gains chart.`,
		Example: `  cordon bottlenecks day-one --kpi gate.turned_away --kpi express.door_time.p95
  cordon bottlenecks baseline --reps 20`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			return runBottlenecks(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	cmd.Flags().StringArrayVar(&opts.kpis, "kpi", nil, "a KPI to judge gains on (repeatable; default: the scenario's targets' KPIs, or the headline KPIs)")
	cmd.Flags().StringVar(&opts.out, "out", "", "report folder (default cordon-out/bottlenecks-<scenario>)")
	cmd.Flags().IntVar(&opts.top, "top", 15, "knobs listed on the terminal")
	return cmd
}

func runBottlenecks(ctx context.Context, std *streams, opts *bottlenecksOptions, arg string) error {
	all, _, err := opts.load([]string{arg})
	if err != nil {
		return err
	}
	sc := all[0]
	kpis := opts.kpis
	if len(kpis) == 0 {
		kpis = experiment.HeadlineKPIs(sc)
	}
	dest, err := checkedDest(ctx, defaultDest(opts.out, "bottlenecks", sc.Name), arg)
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
	if err := reports.WriteMarginal(ctx, dest, m); err != nil {
		return opts.reportError(ctx, err)
	}
	fmt.Fprintf(std.err, "report: %s\n", shown(filepath.Join(dest.Dir, "index.html")))
	return reports.WriteMarginalTable(std.out, m, opts.top)
}
