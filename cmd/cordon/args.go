package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"cordon/text"
)

// The commands' arguments are checked by these instead of cobra's own
// checks, whose "accepts 1 arg(s), received 0" does not say what was
// missing or what to give.

// aScenario is what a command that runs one scenario takes.
const aScenario = "a scenario: a YAML file or the name of a built-in (cordon scenarios lists them)"

// oneArg takes exactly one argument, what (a noun phrase with its
// article: "a scenario: …").
func oneArg(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return fmt.Errorf("%s needs %s", cmd.Name(), what)
		case len(args) > 1:
			return fmt.Errorf("%s takes one argument, got %d: %s", cmd.Name(), len(args), quoted(args))
		}
		return nil
	}
}

// someArgs takes one argument or more, what.
func someArgs(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return fmt.Errorf("%s needs %s", cmd.Name(), what)
		}
		return nil
	}
}

// atMostOneArg takes no argument or one.
func atMostOneArg(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return fmt.Errorf("%s takes at most one argument, got %d: %s", cmd.Name(), len(args), quoted(args))
	}
	return nil
}

// noArgs takes no argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no argument, got %d: %s", cmd.Name(), len(args), quoted(args))
	}
	return nil
}

// quoted is the arguments as a user can read them back: each quoted and
// safe for a terminal.
func quoted(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", text.TermSafe(a))
	}
	return strings.Join(q, " ")
}
