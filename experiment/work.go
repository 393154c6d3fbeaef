package experiment

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"cordon/compound"
	"cordon/sim/replicate"
)

// Commands whose work can be split into shards and merged back.
const (
	CommandRun         = "run"
	CommandCompare     = "compare"
	CommandSweep       = "sweep"
	CommandSensitivity = "sensitivity"
)

// Work is the units of work of a command: every replication of every
// scenario it runs, in order. A unit is one (scenario, replication); the
// units are numbered item by item, replication by replication. Work can be
// split into shards, run on several machines and merged back (see Part);
// Assemble turns the results of all units into what the command reports.
type Work struct {
	Command string
	Items   []WorkItem
	// What the command needs besides the scenarios to turn the results into
	// its report: a run's targets from the command line and the
	// replications of its marginal analysis, a sweep's axes, a sensitivity
	// analysis' KPIs and change, a comparison's minimum effects.
	Targets      []string
	MarginalReps int
	Axes         []Axis
	KPIs         []string
	Delta        float64
	MinEffect    []string
}

// WorkItem is one scenario of the work, its seed set, and its replications.
// Group numbers the command's own scenarios: a run's scenario and its
// marginal analysis' variants share one.
type WorkItem struct {
	Scenario compound.Scenario
	Reps     int
	Group    int

	from int // the first replication run: a later stage of a screen runs the replications after the screen's
	// part is the part of the compound a step of a run's marginal
	// analysis runs alone, and base the item of its group's scenario,
	// whose replications give the other part's KPIs (see shareParts),
	// and kpiParts the part of each KPI of its catalogue.
	part     compound.Part
	base     int
	kpiParts []compound.Part
}

// Units returns the number of units.
func (w *Work) Units() int {
	n := 0
	for _, it := range w.Items {
		n += it.Reps
	}
	return n
}

// unit returns the item and replication of unit u.
func (w *Work) unit(u int) (item, rep int) {
	for i, it := range w.Items {
		if u < it.Reps {
			return i, u
		}
		u -= it.Reps
	}
	return -1, -1
}

// Hash identifies the work: the command, the scenarios as run (seeds set)
// with their replications, and what the command needs besides. Parts of
// different work never share it.
func (w *Work) Hash() (string, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(w); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:]), nil
}

// MaxShards is the most shards work may be split into: a sweep of 40,000
// units over 100,000 machines leaves most of them idle already.
const MaxShards = 100_000

// Shard is part Index of Count of some work: the units u with
// u mod Count == Index, so that every shard gets a share of every scenario
// (a sweep's large points and small ones alike). The zero Shard is all of it.
type Shard struct {
	Index, Count int
}

// Has reports whether unit u is the shard's.
func (s Shard) Has(u int) bool { return s.Count <= 1 || u%s.Count == s.Index }

// Check reports a shard that names no part of a split, or of a split into
// more than MaxShards.
func (s Shard) Check() error {
	if s.Count < 1 || s.Index < 0 || s.Index >= s.Count {
		return fmt.Errorf("shard %d/%d: want I/N with 0 <= I < N", s.Index, s.Count)
	}
	if s.Count > MaxShards {
		return fmt.Errorf("shard %d/%d: at most %d shards", s.Index, s.Count, MaxShards)
	}
	return nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// seedAndReps are the seed and replications opt asks for, else sc's.
func seedAndReps(sc *compound.Scenario, opt Options) (uint64, int) {
	seed, reps := sc.Seed, sc.Replications
	if opt.Seed != nil {
		seed = *opt.Seed
	}
	if opt.Replications > 0 {
		reps = opt.Replications
	}
	return seed, reps
}

// add appends sc, run with seed over reps replications, to the work.
func (w *Work) add(sc *compound.Scenario, seed uint64, reps, group int) error {
	c := *sc
	c.Seed = seed
	if errs := c.Check(); len(errs) > 0 {
		return fmt.Errorf("scenario %s: %v", c.Name, errs[0])
	}
	if reps < 1 {
		return fmt.Errorf("scenario %s: replications must be at least 1, got %d", c.Name, reps)
	}
	w.Items = append(w.Items, WorkItem{Scenario: c, Reps: reps, Group: group})
	return nil
}

// NewWork prepares the work of running every scenario with the same seed and
// replications (opt's, else the first scenario's): common random numbers.
// Its command is left to the caller; Assemble needs one of the Command
// constants.
func NewWork(command string, scs []*compound.Scenario, opt Options) (*Work, error) {
	if len(scs) == 0 {
		return nil, errors.New("no scenario")
	}
	seed, reps := seedAndReps(scs[0], opt)
	w := &Work{Command: command}
	for i, sc := range scs {
		if err := w.add(sc, seed, reps, i); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// RunWork runs the shard's units of the work in parallel workers and returns
// their results by item and replication (nil for units of other shards).
// Results are the same whatever the number of workers or shards. A failed
// replication's error names its scenario (or sweep point) and replication.
//
// Work estimated to need more memory than opt.Memory is refused before any
// of it runs (see EstimateMemory); nothing is allocated for a replication
// before it starts.
func RunWork(ctx context.Context, w *Work, shard Shard, opt Options) ([][]*compound.Result, error) {
	return runWork(ctx, w, shard, opt, nil)
}

// runWork is RunWork putting the replications of item i into figs[i], where
// that is not nil, as each finishes, instead of keeping their results (the
// table has no row for them: work whose replications all go into figures
// holds nothing per replication besides the figures).
func runWork(ctx context.Context, w *Work, shard Shard, opt Options, figs []*figures) ([][]*compound.Result, error) {
	return runUnits(ctx, w, shard, opt, figs, nil)
}

// runUnits is runWork handing every result to order, when that is not
// nil, instead of keeping it: order writes the results in the shard's
// order and holds back the few that finish before their turn.
func runUnits(ctx context.Context, w *Work, shard Shard, opt Options, figs []*figures, order *unitOrder) ([][]*compound.Result, error) {
	kept := func(i int) bool { return order != nil || figs != nil && figs[i] != nil }
	opt, err := fitMemory(w, shard, opt, kept)
	if err != nil {
		return nil, err
	}
	out := make([][]*compound.Result, len(w.Items))
	for i, it := range w.Items {
		if !kept(i) {
			out[i] = make([]*compound.Result, it.Reps)
		}
	}
	if order == nil && foldInOrder(figs) {
		folded := newFoldOrder(ctx, w, shard, opt, figs, out)
		defer folded.close()
		order = folded
	}
	n := shard.count(0, w.Units())
	// Each replication puts its result in its own place in out, so
	// replicate.Run keeps nothing per replication (struct{} takes no room).
	_, err = replicate.Run(ctx, n, func(ctx context.Context, k int) (struct{}, error) {
		if order != nil {
			if err := order.admit(ctx, k); err != nil {
				return struct{}{}, err
			}
		}
		if opt.startUnit != nil {
			opt.startUnit(k)
		}
		item, rep := w.unit(shard.unit(k))
		mo := opt.Model
		mo.Part = w.Items[item].part
		// Figures of a few KPIs read nothing else of a replication.
		if figs != nil && figs[item] != nil && figs[item].only != nil {
			mo.Measure = figs[item].only
		}
		m, err := compound.BuildContext(ctx, &w.Items[item].Scenario, w.Items[item].from+rep, mo)
		var res *compound.Result
		if err == nil {
			res, err = m.RunContext(ctx)
		}
		switch {
		case err != nil:
			if order != nil {
				order.fail()
			}
		case order != nil:
			order.put(k, res)
		case out[item] == nil:
			figs[item].add(w.Items[item].from+rep, res)
		default:
			out[item][rep] = res
		}
		return struct{}{}, err
	}, replicate.Options{Workers: opt.Workers, Progress: opt.Progress})
	if err != nil {
		var re *replicate.Error
		if errors.As(err, &re) {
			item, rep := w.unit(shard.unit(re.Replication))
			return nil, &UnitError{What: w.describe(item), Replication: w.Items[item].from + rep, Err: re.Err}
		}
		return nil, err
	}
	return out, nil
}

// unit returns the shard's k-th unit of the work.
func (s Shard) unit(k int) int {
	if s.Count <= 1 {
		return k
	}
	return s.Index + k*s.Count
}

// empty returns a table of results with room for every unit.
func (w *Work) empty() [][]*compound.Result {
	out := make([][]*compound.Result, len(w.Items))
	for i, it := range w.Items {
		out[i] = make([]*compound.Result, it.Reps)
	}
	return out
}

// UnitError is the failure of one replication of one scenario of some work.
type UnitError struct {
	What        string // the scenario's name, or the sweep point's values
	Replication int
	Err         error
}

func (e *UnitError) Error() string {
	return fmt.Sprintf("%s: replication %d: %v", e.What, e.Replication, e.Err)
}

func (e *UnitError) Unwrap() error { return e.Err }

// describe names item i for an error: a sweep's point by its values, any
// other by its scenario's name.
func (w *Work) describe(i int) string {
	if w.Command == CommandSweep && len(w.Axes) > 0 {
		if grid := Grid(w.Axes); i < len(grid) {
			set := make([]string, len(grid[i]))
			for a, v := range grid[i] {
				set[a] = w.Axes[a].Path + "=" + v
			}
			return "sweep point " + strings.Join(set, ", ")
		}
	}
	return w.Items[i].Scenario.Name
}

// Outcomes summarises complete results, item by item.
func (w *Work) Outcomes(results [][]*compound.Result) []*Outcome {
	return w.outcomes(results, nil)
}

// outcomes summarises complete results, item by item, those of item i from
// figs[i] where that is not nil.
func (w *Work) outcomes(results [][]*compound.Result, figs []*figures) []*Outcome {
	outs := make([]*Outcome, len(w.Items))
	for i := range w.Items {
		outs[i] = w.outcome(i, results[i], figs)
	}
	return outs
}

// outcome summarises item i's results, from figs[i] where that is not nil.
func (w *Work) outcome(i int, results []*compound.Result, figs []*figures) *Outcome {
	if figs != nil && figs[i] != nil {
		return figs[i].outcome(&w.Items[i].Scenario, w.Items[i].Reps)
	}
	return Summarize(&w.Items[i].Scenario, results)
}

// plotsRuns reports whether the command's report draws the plots of a
// run's report: a sweep's draws its points' KPIs against the values
// varied, and a comparison's the paired differences, from the figures
// alone.
func (w *Work) plotsRuns() bool { return w.Command != CommandSweep && w.Command != CommandCompare }

// figuresOnly reports whether what the command makes of item i reads only
// the summaries of its replications: a run's marginal analysis reads only
// its variants' KPIs, and a sensitivity analysis only the KPIs of every
// scenario.
func (w *Work) figuresOnly(i int) bool {
	switch w.Command {
	case CommandRun:
		return i > 0 && w.Items[i-1].Group == w.Items[i].Group
	case CommandSensitivity:
		return true
	}
	return false
}

// newFigures returns, per item, where Do puts its replications' figures:
// for the items whose replications nobody reads one by one, and for all
// with opt.FiguresOnly (of a sensitivity analysis' scenarios, its base
// scenario's too, and of the steps of a run's marginal analysis, only the
// KPIs it reads: what is kept grows with the replications by those KPIs
// alone); with
// opt.ReportFigures the others' figures also gather what their report
// plots (see plotsRuns); nil for the others without.
func (w *Work) newFigures(opt Options) []*figures {
	figs := make([]*figures, len(w.Items))
	var headline []string // the KPIs of the analysis of the group's scenario
	for i := range figs {
		if w.Command == CommandRun && (i == 0 || w.Items[i].Group != w.Items[i-1].Group) {
			headline = HeadlineKPIs(&w.Items[i].Scenario)
		}
		switch {
		case opt.onlyKPIs != nil:
			figs[i] = kpiFigures(&w.Items[i].Scenario, opt.onlyKPIs)
		case w.Command == CommandSensitivity:
			figs[i] = kpiFigures(&w.Items[i].Scenario, w.KPIs)
		case w.Command == CommandRun && w.figuresOnly(i):
			figs[i] = kpiFigures(&w.Items[i].Scenario, headline)
		case opt.FiguresOnly || w.figuresOnly(i) || opt.ReportFigures && !w.plotsRuns():
			figs[i] = &figures{}
		case opt.ReportFigures:
			figs[i] = reportFigures(&w.Items[i].Scenario, w.MarginalReps)
		}
		if figs[i] != nil {
			figs[i].reps = w.Items[i].from + w.Items[i].Reps
		}
	}
	return figs
}

// runScenarios runs several scenarios with common random numbers: the same
// seed (opt's, else the first scenario's) and replications for all. Every
// (scenario, replication) is one unit of work for the parallel workers, so
// the outcomes are the same whatever their number.
func runScenarios(ctx context.Context, scs []*compound.Scenario, opt Options) ([]*Outcome, error) {
	if len(scs) == 0 {
		return nil, nil
	}
	return runScenarioParts(ctx, scs, nil, opt)
}

// runScenarioParts is runScenarios with scenario i simulating parts[i]
// of the compound alone (nil: each whole).
func runScenarioParts(ctx context.Context, scs []*compound.Scenario, parts []compound.Part, opt Options) ([]*Outcome, error) {
	w, err := NewWork("", scs, opt)
	if err != nil {
		return nil, err
	}
	for i, part := range parts {
		w.Items[i].part = part
	}
	figs := w.newFigures(opt)
	results, err := runWork(ctx, w, Shard{}, opt, figs)
	if err != nil {
		return nil, err
	}
	return w.outcomes(results, figs), nil
}
