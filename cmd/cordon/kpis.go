package main

import (
	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/lang"
	"cordon/scenarios"
)

// kpisOptions are the flags of `cordon kpis`.
type kpisOptions struct{ output outputFlags }

func newKPIsCmd(std *streams, opts *kpisOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kpis [SCENARIO]",
		Short: "List the KPIs a scenario reports: name, unit, better direction, label and description",
		Long: `KPIs lists every KPI a run of the scenario (two-days, the default, when none is given) reports, in the
order of the results document: its name (as --target, --kpi and sweeps write it), its unit, which
direction is better (lower, higher, or neither), its label and what it measures.`,
		Example: `  cordon kpis
  cordon kpis day-one -o csv
  cordon kpis baseline --json`,
		Args:              atMostOneArg,
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.output.check(); err != nil {
				return err
			}
			sc, err := scenarioArg(args)
			if err != nil {
				return err
			}
			return kpiListing(sc, std.words.Printer).write(std.out, opts.output)
		},
	}
	opts.output.add(cmd.Flags())
	return cmd
}

// scenarioArg resolves the one scenario argument, the default when there
// is none.
func scenarioArg(args []string) (*compound.Scenario, error) {
	name := scenarios.Default
	if len(args) > 0 {
		name = args[0]
	}
	sc, err := scenarios.Resolve(name)
	if err != nil {
		return nil, badInput(err)
	}
	return sc, nil
}

// kpiListing is the KPIs of sc: name, unit, better direction, label and
// description, the last two in p's language. A Chinese table heads its
// columns and writes the units and directions in Chinese; the JSON and CSV
// keep the names, units and directions as codes.
func kpiListing(sc *compound.Scenario, p *lang.Printer) listing {
	l := listing{columns: []string{"name", "unit", "better", "label", "description"}}
	for _, k := range compound.Catalog(sc) {
		label, desc := k.Title(), k.Desc
		if p.Chinese() {
			label, desc = p.KPITitle(k.Name, k.Of, k.Label), p.KPIDesc(k.Name, k.Of, k.Desc)
		}
		l.rows = append(l.rows, []string{k.Name, k.Unit, k.Better, label, desc})
	}
	if p.Chinese() {
		for _, c := range l.columns {
			l.heads = append(l.heads, p.Column(c))
		}
		l.shown = map[int]func(string) string{1: p.Unit, 2: p.Better}
	}
	return l
}
