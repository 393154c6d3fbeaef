package main

import (
	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/lang"
	"cordon/scenarios"
)

// pathsOptions are the flags of `cordon paths`.
type pathsOptions struct{ output outputFlags }

func newPathsCmd(std *streams, opts *pathsOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "paths [SCENARIO]",
		Short: "List the values --set and --vary can change, with their type and current value",
		Long: `Paths lists every value of the scenario (two-days, the default, when none is given) that --set and
--vary can change: its path as they write it (a list's entries by name: staff.suited-crew,
zones.zone-3), the kind of value it takes, and its value in the scenario, written as --set
takes it.`,
		Example: `  cordon paths
  cordon paths day-one -o csv
  cordon paths my-compound.yaml --json`,
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
			return pathListing(sc, std.words.Printer).write(std.out, opts.output)
		},
	}
	opts.output.add(cmd.Flags())
	return cmd
}

// pathListing is the settable paths of sc: path, kind of value and value
// now. In Chinese each path has its label too (after the path), the kind
// of value is in Chinese and the table's columns are headed in Chinese;
// the paths and values stay as --set writes them.
func pathListing(sc *compound.Scenario, p *lang.Printer) listing {
	if !p.Chinese() {
		l := listing{columns: []string{"path", "type", "value"}}
		for _, sp := range scenarios.Paths(sc) {
			l.rows = append(l.rows, []string{sp.Path, sp.Type, sp.Value})
		}
		return l
	}
	l := listing{columns: []string{"path", "label", "type", "value"}}
	for _, sp := range scenarios.Paths(sc) {
		l.rows = append(l.rows, []string{sp.Path, p.PathLabel(sp.Path), p.PathType(sp.Type), sp.Value})
	}
	l.heads = []string{p.Column("path"), p.Column("meaning"), p.Column("type"), p.Column("value")}
	return l
}
