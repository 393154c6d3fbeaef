package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"

	"github.com/spf13/pflag"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// runFlags are the flags every command that runs scenarios shares.
type runFlags struct {
	reps    int
	seed    uint64
	seedSet bool
	sets    []string
	jobs    int
	quiet   bool

	maxEvents   uint64
	maxEntities int
	maxMemory   int64
	// figuresOnly keeps only the figures of each replication (no report
	// folder is written): see experiment.Options.FiguresOnly.
	figuresOnly bool
	// reportFigures keeps of each replication its figures and what the
	// report's plots read (a report folder is written): see
	// experiment.Options.ReportFigures.
	reportFigures bool
	// available is what memory the machine has for the command (0:
	// unknown); machineMemory unless a test says otherwise.
	available func() int64

	// done and total count the replications run so far, for saying what was
	// finished when the command is interrupted.
	done, total atomic.Int64
}

// Guards' defaults: a replication of the baseline fires about 33,000 events
// and holds a few thousand entities at once; these stop a runaway scenario
// (a queue growing without end) long before it swaps or crashes. The
// memory a command may take is what the machine has available unless
// --max-memory says less.
const (
	defaultMaxEvents   = 50_000_000
	defaultMaxEntities = 2_000_000
)

func (r *runFlags) add(f *pflag.FlagSet) {
	f.IntVar(&r.reps, "reps", 0, "replications (default: the scenario's)")
	f.Uint64Var(&r.seed, "seed", 0, "seed of the random streams (default: the scenario's)")
	f.StringArrayVar(&r.sets, "set", nil, "override a scenario value, path=value (repeatable), e.g. gate.shelves=10")
	f.IntVar(&r.jobs, "jobs", runtime.NumCPU(), "replications run at once (results are the same for any number)")
	f.BoolVarP(&r.quiet, "quiet", "q", false, "no progress bar")
	f.Uint64Var(&r.maxEvents, "max-events", defaultMaxEvents, "stop a replication that fires more events than this")
	f.IntVar(&r.maxEntities, "max-entities", defaultMaxEntities, "stop a replication with more entities (items, residents, ...) in the compound at once")
	f.Var((*byteSize)(&r.maxMemory), "max-memory", "memory the whole command may take, in bytes or with a unit (2GiB, 512Mi, 1.5GB; 0, the default: what the machine has available); work estimated to need more is refused before it starts, and each replication's entities are capped at its share")
	r.available = machineMemory
}

// check validates the flags' values.
func (r *runFlags) check(f *pflag.FlagSet) error {
	r.seedSet = f.Changed("seed")
	if f.Changed("reps") {
		if err := checkReps("--reps", r.reps, 1); err != nil {
			return err
		}
	}
	if r.jobs < 1 {
		return badInput(fmt.Errorf("--jobs must be at least 1, got %d", r.jobs))
	}
	if r.maxEvents < 1 || r.maxEntities < 1 || r.maxMemory < 0 {
		return badInput(fmt.Errorf("--max-events, --max-entities and --max-memory must be positive"))
	}
	return nil
}

// checkReps refuses a number of replications given by a flag below least
// or above compound.MaxReplications (each keeps its result in memory).
func checkReps(flag string, n, least int) error {
	switch {
	case n < least:
		return badInput(fmt.Errorf("%s must be at least %d, got %d", flag, least, n))
	case n > compound.MaxReplications:
		return badInput(fmt.Errorf("%s must be at most %d, got %d: each replication keeps its result in memory", flag, compound.MaxReplications, n))
	}
	return nil
}

// memory is the most memory the command may take: --max-memory, or what
// the machine has available when that is less or the flag is not given
// (0: no limit known).
func (r *runFlags) memory() int64 {
	m := r.maxMemory
	if r.available != nil {
		if a := r.available(); a > 0 && (m == 0 || a < m) {
			m = a
		}
	}
	return m
}

// explainMemory turns work refused for memory into an error that says
// what the work needs, where the limit comes from and what to do about it
// (exit code 2, as for any bad input); it returns any other error as it
// is.
func (r *runFlags) explainMemory(err error) error {
	var me *experiment.MemoryError
	if !errors.As(err, &me) {
		return err
	}
	limit := fmt.Sprintf("the %s this machine has available", experiment.Bytes(me.Limit))
	if r.maxMemory > 0 && r.maxMemory <= me.Limit {
		limit = fmt.Sprintf("the %s --max-memory allows", experiment.Bytes(me.Limit))
	}
	return fmt.Errorf("%s: run fewer replications (--reps) or fewer at once (--jobs)", me.Describe(limit))
}

// keepFigures makes the command keep of each replication, as it finishes,
// only its figures, and what a report plots when report is true (a folder
// is written): its memory stays flat in replications.
func (r *runFlags) keepFigures(report bool) {
	r.figuresOnly, r.reportFigures = !report, report
}

// options turns the flags into experiment options.
func (r *runFlags) options(progress func(done, total int)) experiment.Options {
	o := experiment.Options{Replications: r.reps, Workers: r.jobs, Progress: func(done, total int) {
		r.done.Store(int64(done))
		r.total.Store(int64(total))
		if progress != nil {
			progress(done, total)
		}
	}}
	o.FiguresOnly, o.ReportFigures = r.figuresOnly, r.reportFigures
	o.Model.MaxEvents = r.maxEvents
	o.Model.MaxEntities = r.maxEntities
	o.Memory = r.memory()
	if r.seedSet {
		o.Seed = &r.seed
	}
	return o
}

// stopped is the error of a command stopped by a signal, saying how far it
// got.
func (r *runFlags) stopped(ctx context.Context) error {
	return interruptedAfter(ctx, fmt.Sprintf("after %d of %d replications", r.done.Load(), r.total.Load()))
}

// do runs the work on this machine, with a progress bar labelled label on
// a terminal; when the command is interrupted it says how far it got.
func (r *runFlags) do(ctx context.Context, std *streams, label string, w *experiment.Work) (*experiment.Product, error) {
	update, clear := progress(std, r.quiet, label)
	p, err := experiment.Do(ctx, w, r.options(update))
	clear()
	if err != nil && ctx.Err() != nil {
		return nil, r.stopped(ctx)
	}
	return p, r.explainMemory(err)
}

// load resolves every scenario argument with the --set overrides; bad
// input is reported before any work starts. With targets (a command that
// checks or measures the scenario's own targets), a target on a KPI the
// scenario does not have is bad input at its place in the file.
func (r *runFlags) load(args []string, targets bool) ([]*compound.Scenario, []scenarios.Override, error) {
	overrides, err := parseSets(r.sets)
	if err != nil {
		return nil, nil, err
	}
	resolve := scenarios.Resolve
	if targets {
		resolve = scenarios.ResolveWithTargets
	}
	var all []*compound.Scenario
	for _, a := range args {
		sc, err := resolve(a, overrides...)
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
