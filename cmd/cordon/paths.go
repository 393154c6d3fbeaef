package main

import (
	"github.com/spf13/cobra"

	"cordon/scenarios"
)

// pathsOptions are the flags of `cordon paths`.
type pathsOptions struct{ output outputFlags }

func newPathsCmd(std *streams, opts *pathsOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "paths [SCENARIO]",
		Short: "List the values --set and --vary can change, with their type and current value",
		Long: `Paths lists every value of the scenario (the baseline when none is given) that --set and
--vary can change: its path as they write it (a list's entries by name: staff.suited-crew,
zones.zone-3), the kind of value it takes, and its value in the scenario, written as --set
takes it.`,
		Example: `  cordon paths
  cordon paths day-one -o csv
  cordon paths my-compound.yaml --json`,
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
			l := listing{columns: []string{"path", "type", "value"}}
			for _, p := range scenarios.Paths(sc) {
				l.rows = append(l.rows, []string{p.Path, p.Type, p.Value})
			}
			return l.write(std.out, opts.output)
		},
	}
	opts.output.add(cmd.Flags())
	return cmd
}
