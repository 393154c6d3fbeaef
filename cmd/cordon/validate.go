package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"cordon/scenarios"
	"cordon/text"
)

// validateOptions are the flags of `cordon validate`.
type validateOptions struct {
	sets   []string
	strict bool
}

func newValidateCmd(std *streams, opts *validateOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files and report every problem",
		Long: `Validate loads each scenario and reports every problem it finds, one per line as
file:line:column: field: what is wrong. It exits 0 when all are valid and 2 otherwise.

It also checks each post's stability from the scenario alone, as a staffing calculator does:
the work offered hour by hour (arrivals times mean service time) against the staff or room on
duty. A post offered more work over the day than it can do is reported as unstable, with the
hours it is overloaded; with --strict that is an error.`,
		Args: someArgs("the scenario files to check"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(std, opts, args)
		},
	}
	cmd.Flags().StringArrayVar(&opts.sets, "set", nil, "override a scenario value, path=value (repeatable)")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "an unstable post is an error")
	return cmd
}

func runValidate(std *streams, opts *validateOptions, args []string) error {
	overrides, err := parseSets(opts.sets)
	if err != nil {
		return err
	}
	bad := 0
	for _, a := range args {
		sc, err := scenarios.ResolveWithTargets(a, overrides...)
		if err != nil {
			bad++
			fmt.Fprintln(std.err, std.printer().Error(errorText(err)))
			continue
		}
		unstable := sc.Stability()
		for _, u := range unstable {
			fmt.Fprint(std.err, std.printer().Sprintf("%s: %s\n", text.TermSafe(a), text.TermSafe(std.printer().Unstable(u))))
		}
		if opts.strict && len(unstable) > 0 {
			bad++
			continue
		}
		fmt.Fprintln(std.out, std.printer().Error(fmt.Sprintf("%s: valid (%s)", text.TermSafe(a), text.TermSafe(sc.Name))))
	}
	if bad > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d of %d scenarios have problems", bad, len(args))}
	}
	return nil
}
