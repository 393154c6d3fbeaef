package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/scenarios"
)

// Shell completion: the scenarios (built-in names and the YAML files
// here), the KPIs of the scenario being run, and the paths --set and --vary
// take.

// completeScenarios offers the built-in scenarios and the YAML files in the
// folder being typed.
func completeScenarios(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, b := range scenarios.Builtins() {
		if strings.HasPrefix(b.Name, toComplete) {
			out = append(out, b.Name+"\t"+b.Summary)
		}
	}
	dir := filepath.Dir(toComplete)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if dir == "." && !strings.HasPrefix(toComplete, "./") {
			p = e.Name()
		}
		if !strings.HasPrefix(p, toComplete) {
			continue
		}
		switch {
		case e.IsDir():
			out = append(out, p+string(filepath.Separator))
		case strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"):
			out = append(out, p)
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace
}

// completedScenario is the scenario of the command line being completed:
// its first argument, or the default scenario.
func completedScenario(args []string) *compound.Scenario {
	name := scenarios.Default
	if len(args) > 0 {
		name = args[0]
	}
	sc, err := scenarios.Resolve(name)
	if err != nil {
		return nil
	}
	return sc
}

// completeKPIs offers the KPIs of the scenario (for --kpi and --target).
func completeKPIs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	sc := completedScenario(args)
	if sc == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, k := range compound.Catalog(sc) {
		if strings.HasPrefix(k.Name, toComplete) {
			out = append(out, k.Name+"\t"+k.Title())
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completePaths offers the paths --set and --vary take, with "=" after.
func completePaths(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	sc := completedScenario(args)
	if sc == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range scenarios.Paths(sc) {
		if strings.HasPrefix(p.Path, toComplete) {
			out = append(out, p.Path+"=\t"+p.Type+", now "+p.Value)
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// addCompletions registers the completions of the flags cmd has.
func addCompletions(cmd *cobra.Command) {
	if cmd.ValidArgsFunction == nil && strings.Contains(cmd.Use, "SCENARIO") {
		cmd.ValidArgsFunction = completeScenarios
	}
	for name, fn := range map[string]cobra.CompletionFunc{
		"kpi": completeKPIs, "target": completeKPIs, "set": completePaths, "vary": completePaths, "vs": completeScenarios,
		"output": cobra.FixedCompletions([]string{"table", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp),
	} {
		if cmd.Flags().Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, fn)
		}
	}
	if f := cmd.PersistentFlags().Lookup("color"); f != nil {
		_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	}
	for _, sub := range cmd.Commands() {
		addCompletions(sub)
	}
}
