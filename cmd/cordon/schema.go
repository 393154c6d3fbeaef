package main

import (
	"github.com/spf13/cobra"

	"cordon/scenarios"
)

func newSchemaCmd(std *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the scenario format",
		Long: `Schema prints a JSON Schema of the scenario format, generated from the same Go types the loader
reads, so editors can check scenario files as they are typed. With the YAML language server,
put this line at the top of a scenario file:

  # yaml-language-server: $schema=scenario.schema.json

after cordon schema > scenario.schema.json.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := std.out.Write(scenarios.Schema())
			return err
		},
	}
}
