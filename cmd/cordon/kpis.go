package main

import (
	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/scenarios"
)

// kpisOptions are the flags of `cordon kpis`.
type kpisOptions struct{ output outputFlags }

func newKPIsCmd(std *streams, opts *kpisOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kpis [SCENARIO]",
		Short: "List the KPIs a scenario reports: name, unit, better direction, label and description",
		Long: `KPIs lists every KPI a run of the scenario (the baseline when none is given) reports, in the
order of the results document: its name (as --target, --kpi and sweeps write it), its unit, which
direction is better (lower, higher, or neither), its label and what it measures.`,
		Example: `  cordon kpis
  cordon kpis day-one -o csv
  cordon kpis baseline --json`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.output.check(); err != nil {
				return err
			}
			sc, err := scenarioArg(args)
			if err != nil {
				return err
			}
			l := listing{columns: []string{"name", "unit", "better", "label", "description"}}
			for _, k := range compound.Catalog(sc) {
				l.rows = append(l.rows, []string{k.Name, k.Unit, k.Better, k.Title(), k.Desc})
			}
			return l.write(std.out, opts.output)
		},
	}
	opts.output.add(cmd.Flags())
	return cmd
}

// scenarioArg resolves the one scenario argument, the baseline when there
// is none.
func scenarioArg(args []string) (*compound.Scenario, error) {
	name := "baseline"
	if len(args) > 0 {
		name = args[0]
	}
	sc, err := scenarios.Resolve(name)
	if err != nil {
		return nil, badInput(err)
	}
	return sc, nil
}
