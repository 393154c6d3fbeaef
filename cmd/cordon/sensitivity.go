package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"cordon/experiment"
	"cordon/reports"
)

// sensitivityOptions are the flags of `cordon sensitivity`.
type sensitivityOptions struct {
	runFlags
	shardFlags
	kpis     []string
	change   float64
	out      string
	noReport bool
	top      int
	output   outputFlags
}

func newSensitivityCmd(std *streams, opts *sensitivityOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sensitivity SCENARIO",
		Short: "What moves the KPIs: every volume and service time ±20%",
		Long: `Sensitivity scales every volume (each kind's daily items, the residents, the special-needs
cards) and every service time (intake, trips, dwell, sorting, doors, walks, registration,
swab, visits, bags, handling) down and up by --change (20% by default), one at a time, with
common random numbers, and reports each KPI's value at both ends and the change between them,
paired over the replications with its 95% interval: the factors whose change is beyond chance
first, each group largest swing first, with a tornado chart per KPI in the report
(cordon-out/sensitivity-<scenario>/ unless --out says otherwise; none with --no-report). -o json
(or --json) prints the results document (results.json) instead of the table, -o csv (or --csv)
every KPI and factor as CSV (effects.csv).`,
		Example: `  cordon sensitivity baseline
  cordon sensitivity baseline --kpi takeout.door_time.p95 --change 0.1`,
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
			if err := opts.refuseWithShard(cmd.Flags(), "out", "output", "json", "csv", "top", "no-report"); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			return runSensitivity(cmd.Context(), std, opts, args[0])
		},
	}
	opts.add(cmd.Flags())
	opts.addShard(cmd.Flags())
	cmd.Flags().StringArrayVar(&opts.kpis, "kpi", nil, "a KPI to analyse (repeatable; default: the targets' KPIs, or the headline KPIs)")
	cmd.Flags().Float64Var(&opts.change, "change", 0.2, "the relative change of each factor, 0 to 1")
	cmd.Flags().StringVar(&opts.out, "out", "", "report folder (default cordon-out/sensitivity-<scenario>)")
	addNoReport(cmd.Flags(), &opts.noReport)
	cmd.Flags().IntVar(&opts.top, "top", 8, "factors listed per KPI on the terminal")
	opts.output.addAs(cmd.Flags(), resultUsage)
	return cmd
}

func runSensitivity(ctx context.Context, std *streams, opts *sensitivityOptions, arg string) error {
	all, _, err := opts.load([]string{arg}, len(opts.kpis) == 0)
	if err != nil {
		return err
	}
	sc := all[0]
	kpis := opts.kpis
	if len(kpis) == 0 {
		kpis = experiment.HeadlineKPIs(sc)
	}
	w, err := experiment.NewSensitivityWork(sc, kpis, opts.change, opts.options(nil))
	if err != nil {
		return badInput(err)
	}
	if opts.sharded() {
		return opts.runShard(ctx, std, &opts.runFlags, w)
	}
	folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "sensitivity", sc.Name), arg)
	if err != nil {
		return err
	}
	p, err := opts.do(ctx, std, "sensitivity", w)
	if err != nil {
		return err
	}
	return opts.report(ctx, std, p.Sensitivity, folder)
}

// report writes the analysis' report folder (when there is one) and prints its table, its
// document or its CSV.
func (opts *sensitivityOptions) report(ctx context.Context, std *streams, s *experiment.Sensitivity, folder reportFolder) error {
	if err := folder.write(ctx, std, &opts.runFlags, reports.SensitivityReport(s)); err != nil {
		return err
	}
	return opts.output.print(std, result{
		json:  func() ([]byte, error) { return reports.NewSensitivityResults(s).JSON() },
		csv:   func() []byte { return reports.EffectsCSV(s) },
		table: func(w io.Writer) error { return std.words.WriteSensitivityTable(w, s, opts.top) }})
}
