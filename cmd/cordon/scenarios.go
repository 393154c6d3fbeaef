package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"cordon/scenarios"
)

func newScenariosCmd(std *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the built-in scenarios",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(std.out, 2, 0, 2, ' ', 0)
			for _, b := range scenarios.Builtins() {
				summary := b.Summary
				if std.words.Chinese() {
					summary = b.Chinese
				}
				fmt.Fprintf(tw, "%s\t%s\n", b.Name, summary)
			}
			return tw.Flush()
		},
	}
}
