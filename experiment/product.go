package experiment

import (
	"context"
	"fmt"
	"slices"

	"cordon/compound"
)

// Product is what a command's work comes to once every unit has run: the
// figures its report is written from. Exactly one of its fields is set,
// the one of the work's command.
type Product struct {
	Runs        []RunProduct // run: one per scenario
	Comparison  *Comparison
	Sweep       *Sweep
	Sensitivity *Sensitivity
}

// RunProduct is one scenario of a run: its outcome, its targets (the
// scenario's and the command line's) and the marginal analysis of its
// report (nil when left out).
type RunProduct struct {
	Outcome  *Outcome
	Targets  []TargetResult
	Marginal *Marginal
}

// NewRunWork prepares the work of `cordon run`: each scenario with its own
// seed and replications (opt's when set), checked against the targets given
// besides its own, and when marginalReps > 0 its marginal analysis on the
// headline KPIs: the scenario with one more step of each knob a plan buys,
// over the first marginalReps replications (common random numbers with the
// run), and with one step either way of each zero-cost knob that can move
// a headline KPI, over at most the first RunScreenReplications; but not
// the steps that, reckoned from the scenario alone, cannot improve any
// headline KPI (runSteps: the report lists them as not run). Do runs
// the steps of the knobs a plan buys over the screen's replications first
// and over all of them only where the screen leaves room for a gain
// (runScreened); Assemble, given every replication, makes the same choice.
func NewRunWork(scs []*compound.Scenario, targets []string, marginalReps int, opt Options) (*Work, error) {
	extra, err := parseTargets(targets)
	if err != nil {
		return nil, err
	}
	w := &Work{Command: CommandRun, Targets: targets, MarginalReps: marginalReps}
	for g, sc := range scs {
		if err := checkTargetKPIs(sc, append(sc.ParsedTargets(), extra...)); err != nil {
			return nil, err
		}
		seed, reps := seedAndReps(sc, opt)
		if err := w.add(sc, seed, reps, g); err != nil {
			return nil, err
		}
		if marginalReps <= 0 {
			continue
		}
		chosen, err := chooseKPIs(sc, HeadlineKPIs(sc))
		if err != nil {
			return nil, err
		}
		n := min(marginalReps, reps)
		costed, free, _ := runSteps(sc, chosen)
		for _, mv := range costed {
			if err := w.add(mv.apply(sc), seed, n, g); err != nil {
				return nil, err
			}
		}
		for _, mv := range free {
			if err := w.add(mv.apply(sc), seed, min(n, RunScreenReplications), g); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

// NewCompareWork prepares the work of `cordon compare`: every scenario with
// the first one's seed and replications (opt's when set), its verdicts
// with the minimum effects of opt.MinEffect (checked here, against the
// first scenario's KPIs).
func NewCompareWork(scs []*compound.Scenario, opt Options) (*Work, error) {
	if len(scs) < 2 {
		return nil, fmt.Errorf("compare needs at least two scenarios, got %d", len(scs))
	}
	if _, err := ParseMinEffects(opt.MinEffect, compound.Catalog(scs[0])); err != nil {
		return nil, err
	}
	w, err := NewWork(CommandCompare, scs, opt)
	if err != nil {
		return nil, err
	}
	w.MinEffect = opt.MinEffect
	return w, nil
}

// NewSweepWork prepares the work of `cordon sweep`: the scenario of every
// grid point, built by build (which applies the values to the base scenario
// and checks it), with common random numbers.
func NewSweepWork(axes []Axis, build func(values []string) (*compound.Scenario, error), opt Options) (*Work, error) {
	grid := Grid(axes)
	scs := make([]*compound.Scenario, len(grid))
	for i, vals := range grid {
		sc, err := build(vals)
		if err != nil {
			return nil, err
		}
		scs[i] = sc
	}
	w, err := NewWork(CommandSweep, scs, opt)
	if err != nil {
		return nil, err
	}
	w.Axes = axes
	return w, nil
}

// NewSensitivityWork prepares the work of `cordon sensitivity`: sc, and sc
// with every factor scaled by 1 − delta and by 1 + delta, with common random
// numbers, for the KPIs named.
func NewSensitivityWork(sc *compound.Scenario, kpis []string, delta float64, opt Options) (*Work, error) {
	if !(delta > 0 && delta < 1) {
		return nil, fmt.Errorf("the change must be between 0 and 1, got %v", delta)
	}
	if _, err := chooseKPIs(sc, kpis); err != nil {
		return nil, err
	}
	scs := []*compound.Scenario{sc}
	for _, f := range Factors(sc) {
		for _, m := range []float64{1 - delta, 1 + delta} {
			c := cloneForFactors(sc)
			f.scale(c, m)
			scs = append(scs, c)
		}
	}
	w, err := NewWork(CommandSensitivity, scs, opt)
	if err != nil {
		return nil, err
	}
	w.KPIs, w.Delta = kpis, delta
	return w, nil
}

// Do runs all of the work and assembles its product.
//
// The replications whose results nobody reads one by one (see
// Options.FiguresOnly) are reduced to their figures as they finish.
//
// A run's marginal analysis is run in two stages, its screen first (see
// screenGroups), and a step that changes one part of a separable scenario
// runs that part alone (see partsAlone), as does a sensitivity analysis'
// scaled factor: the product is the same as Assemble's of every
// replication.
func Do(ctx context.Context, w *Work, opt Options) (*Product, error) {
	figs := w.newFigures(opt)
	w, err := w.partsAlone(opt, figs)
	if err != nil {
		return nil, err
	}
	var groups []screenGroup
	if w.Command == CommandRun && w.MarginalReps > 0 {
		if groups, err = w.screenGroups(); err != nil {
			return nil, err
		}
	}
	var results [][]*compound.Result
	if len(groups) > 0 {
		results, err = w.runScreened(ctx, groups, opt, figs)
	} else {
		results, err = runWork(ctx, w, Shard{}, opt, figs)
	}
	if err != nil {
		return nil, err
	}
	w.shareParts(results, figs)
	return w.assemble(results, figs)
}

// Assemble turns the results of every unit into the command's product.
func (w *Work) Assemble(results [][]*compound.Result) (*Product, error) {
	if len(results) != len(w.Items) {
		return nil, fmt.Errorf("results for %d scenarios, want %d", len(results), len(w.Items))
	}
	for i, rs := range results {
		if len(rs) != w.Items[i].Reps {
			return nil, fmt.Errorf("%s: results of %d replications, want %d", w.describe(i), len(rs), w.Items[i].Reps)
		}
		for r, res := range rs {
			if res == nil {
				return nil, fmt.Errorf("%s: replication %d has no result", w.describe(i), r)
			}
		}
	}
	// The items Do reduces to their figures, reduced alike (the same
	// KPIs kept): the same product from parts as from one process.
	figs := w.newFigures(Options{})
	for i, rs := range results {
		if figs[i] == nil {
			continue
		}
		for r, res := range rs {
			figs[i].add(r, res)
		}
	}
	return w.assemble(results, figs)
}

// assemble is Assemble of checked results, those of item i in figs[i] where
// that is not nil.
func (w *Work) assemble(results [][]*compound.Result, figs []*figures) (*Product, error) {
	outs := w.outcomes(results, figs)
	switch w.Command {
	case CommandRun:
		return w.assembleRuns(outs)
	case CommandCompare:
		m, err := ParseMinEffects(w.MinEffect, compound.Catalog(outs[0].Scenario))
		if err != nil {
			return nil, err
		}
		c, err := compareOutcomes(outs, m)
		if err != nil {
			return nil, err
		}
		return &Product{Comparison: c}, nil
	case CommandSweep:
		grid := Grid(w.Axes)
		if len(grid) != len(outs) {
			return nil, fmt.Errorf("a sweep of %d points has %d scenarios", len(grid), len(outs))
		}
		sw := &Sweep{Axes: w.Axes}
		for i, vals := range grid {
			sw.Points = append(sw.Points, SweepPoint{Values: vals, Outcome: outs[i]})
		}
		return &Product{Sweep: sw}, nil
	case CommandSensitivity:
		s, err := sensitivityOf(outs, w.KPIs, w.Delta)
		if err != nil {
			return nil, err
		}
		return &Product{Sensitivity: s}, nil
	}
	return nil, fmt.Errorf("work of an unknown command %q", w.Command)
}

// assembleRuns groups a run's outcomes by scenario: the scenario's own
// first, then its marginal analysis' variants in the order of its knobs.
func (w *Work) assembleRuns(outs []*Outcome) (*Product, error) {
	extra, err := parseTargets(w.Targets)
	if err != nil {
		return nil, err
	}
	p := &Product{}
	for i := 0; i < len(outs); {
		g := w.Items[i].Group
		j := i + 1
		for j < len(outs) && w.Items[j].Group == g {
			j++
		}
		base := outs[i]
		sc := base.Scenario
		targets, err := CheckTargets(base, append(sc.ParsedTargets(), extra...))
		if err != nil {
			return nil, err
		}
		rp := RunProduct{Outcome: base, Targets: targets}
		if w.MarginalReps > 0 {
			kpis, err := chooseKPIs(sc, HeadlineKPIs(sc))
			if err != nil {
				return nil, err
			}
			costed, free, notRun := runSteps(sc, kpis)
			if len(costed)+len(free) != j-i-1 {
				return nil, fmt.Errorf("%s: %d variants for %d steps of knobs", sc.Name, j-i-1, len(costed)+len(free))
			}
			n := min(w.MarginalReps, base.Replications)
			mbase := base
			if n < base.Replications || base.Runs == nil {
				mbase = Summarize(sc, base.firstRuns(n))
			}
			steps := slices.Clone(outs[i+1 : j])
			screened := n > RunScreenReplications && len(costed) > 0
			for c := range costed {
				// The screen of Do, on the same first replications.
				if scr := firstReps(steps[c], RunScreenReplications); screened && screenedOut(kpis, mbase, scr) {
					steps[c] = scr
				}
			}
			rp.Marginal = marginalOfRun(sc, kpis, mbase, steps, costed, free)
			for k := range notRun {
				notRun[k].Utilisation = knobUtilisation(notRun[k].Knob, mbase)
			}
			rp.Marginal.NotRun = notRun
			rp.Marginal.BoughtScreened = screened
		}
		p.Runs = append(p.Runs, rp)
		i = j
	}
	return p, nil
}

// parseTargets parses targets given as text.
func parseTargets(texts []string) ([]compound.Target, error) {
	var out []compound.Target
	for _, s := range texts {
		t, err := compound.ParseTarget(s)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// checkTargetKPIs reports a target on a KPI sc does not have, before any
// work is done.
func checkTargetKPIs(sc *compound.Scenario, targets []compound.Target) error {
	o := &Outcome{Scenario: sc}
	for _, k := range compound.Catalog(sc) {
		o.KPIs = append(o.KPIs, KPIResult{KPI: k})
	}
	_, err := CheckTargets(o, targets)
	return err
}
