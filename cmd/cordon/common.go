package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/pflag"

	"cordon/scenarios"
	"cordon/sim/compound"
	"cordon/sim/experiment"
)

// runFlags are the flags every command that runs scenarios shares.
type runFlags struct {
	reps    int
	seed    uint64
	seedSet bool
	sets    []string
	jobs    int
	quiet   bool
}

func (r *runFlags) add(f *pflag.FlagSet) {
	f.IntVar(&r.reps, "reps", 0, "replications (default: the scenario's)")
	f.Uint64Var(&r.seed, "seed", 0, "seed of the random streams (default: the scenario's)")
	f.StringArrayVar(&r.sets, "set", nil, "override a scenario value, path=value (repeatable), e.g. gate.shelves=10")
	f.IntVar(&r.jobs, "jobs", runtime.NumCPU(), "replications run at once (results are the same for any number)")
	f.BoolVarP(&r.quiet, "quiet", "q", false, "no progress bar")
}

// check validates the flags' values.
func (r *runFlags) check(f *pflag.FlagSet) error {
	r.seedSet = f.Changed("seed")
	if r.reps < 0 {
		return badInput(fmt.Errorf("--reps must be at least 1, got %d", r.reps))
	}
	if r.jobs < 1 {
		return badInput(fmt.Errorf("--jobs must be at least 1, got %d", r.jobs))
	}
	return nil
}

// options turns the flags into experiment options.
func (r *runFlags) options(progress func(done, total int)) experiment.Options {
	o := experiment.Options{Replications: r.reps, Workers: r.jobs, Progress: progress}
	if r.seedSet {
		o.Seed = &r.seed
	}
	return o
}

// load resolves every scenario argument with the --set overrides; bad
// input is reported before any work starts.
func (r *runFlags) load(args []string) ([]*compound.Scenario, []scenarios.Override, error) {
	overrides, err := parseSets(r.sets)
	if err != nil {
		return nil, nil, err
	}
	var all []*compound.Scenario
	for _, a := range args {
		sc, err := scenarios.Resolve(a, overrides...)
		if err != nil {
			return nil, nil, badInput(err)
		}
		all = append(all, sc)
	}
	return all, overrides, nil
}

// parseSets parses --set flags.
func parseSets(sets []string) ([]scenarios.Override, error) {
	var out []scenarios.Override
	for _, s := range sets {
		o, err := scenarios.ParseOverride(s)
		if err != nil {
			return nil, badInput(fmt.Errorf("--set %s: %v", s, err))
		}
		out = append(out, o)
	}
	return out, nil
}

// parseTargets parses --target flags.
func parseTargets(ts []string) ([]compound.Target, error) {
	var out []compound.Target
	for _, s := range ts {
		t, err := compound.ParseTarget(s)
		if err != nil {
			return nil, badInput(fmt.Errorf("--target: %v", err))
		}
		out = append(out, t)
	}
	return out, nil
}
