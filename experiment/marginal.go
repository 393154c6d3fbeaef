package experiment

import (
	"context"
	"fmt"
	"slices"

	"cordon/compound"
	"cordon/sim/stats"
)

// Gain is what one step of a knob buys on one KPI: the mean of the paired
// improvements over replications (common random numbers), with its
// interval, in the KPI's unit; positive is better, by the KPI's direction
// (for a KPI with no direction, positive is an increase).
type Gain struct {
	KPI compound.KPI
	stats.Summary
	Relative float64 // the mean gain over the KPI's mean in the base run
}

// Significant reports whether the gain's interval leaves out zero.
func (g Gain) Significant() bool { return g.Low > 0 || g.High < 0 }

// Improves reports whether the step significantly improves the KPI (for a
// KPI with no better direction: significantly changes it).
func (g Gain) Improves() bool {
	if g.KPI.Better == "" {
		return g.Significant()
	}
	return g.Low > 0
}

// KnobGain is one step of one knob and its gains on every chosen KPI. A
// knob a plan buys is stepped up; a zero-cost knob (TwoWay) is tried one
// step either way and shown with the better of the two (To says which).
type KnobGain struct {
	Knob     Knob
	From, To int
	Gains    []Gain
	// Score adds the relative gains that are significant, so knobs can be
	// ranked on several KPIs at once; PerCost divides it by the unit cost.
	Score, PerCost float64
	// Replications behind the gains: the analysis' own, or for a zero-cost
	// move its screen's when the screen found no gain worth confirming.
	Replications int
	// Utilisation is the share of the time on duty the knob's post was
	// busy in the base run (a shift's over its hours); NaN when the knob
	// has no post of its own.
	Utilisation float64
	// Other is, for a zero-cost knob, its step the other way (nil where
	// it has no room for one).
	Other *KnobGain
}

// Down reports whether the step moves the knob down.
func (k KnobGain) Down() bool { return k.To < k.From }

// SideEffects are the gains of a step that are significantly negative:
// the chosen KPIs it makes worse.
func SideEffects(k *KnobGain) []Gain {
	var out []Gain
	for _, g := range k.Gains {
		if g.KPI.Better != "" && g.High < 0 {
			out = append(out, g)
		}
	}
	return out
}

// NowText is the knob's value in the base scenario as a planner reads it:
// as --set takes it (Knob.Text), but a shift's hours for a shift's start,
// "07:00–24:00".
func (k KnobGain) NowText() string {
	if k.Knob.TwoWay && k.Knob.shift != nil {
		from, to := movedShift(*k.Knob.shift, k.From)
		return fmt.Sprintf("%s–%s", from, to)
	}
	return k.Knob.Text(k.From)
}

// StepText says what the step is as a planner reads it: "+1" (or "+10")
// for a knob a plan buys; for a zero-cost knob, the value it moves to,
// "→ 35m", or a shift's new hours, "→ 12:30–22:30".
func (k KnobGain) StepText() string {
	switch {
	case !k.Knob.TwoWay:
		return fmt.Sprintf("%+d", k.To-k.From)
	case k.Knob.shift != nil:
		from, to := movedShift(*k.Knob.shift, k.To)
		return fmt.Sprintf("→ %s–%s", from, to)
	}
	return "→ " + k.Knob.Text(k.To)
}

// HourBottleneck is the post that limits work in one hour of the run.
type HourBottleneck struct {
	Hour float64 // clock time of the hour's start, in hours after midnight of the first day
	Post string
	// Utilisation is the post's in the hour, NaN when nobody was on duty
	// there in any replication (work waiting for a team off duty).
	Utilisation float64
	Queue       float64 // mean number waiting in the hour
}

// Marginal is a marginal analysis: what one more unit at each post, and one
// step of each zero-cost knob, buys.
type Marginal struct {
	Base   *Outcome
	KPIs   []compound.KPI
	Knobs  []KnobGain // ranked, most valuable first
	Hourly []HourBottleneck
	// Findings say, KPI by KPI in the order of KPIs, what moves it most and,
	// when no unit bought does, what sets it.
	Findings []Finding
	// Screen is the replications each zero-cost move was first run with
	// (both ways); the better way was run again with all of Base's when
	// the screen found it improves a KPI (Confirmed; a run report's
	// analysis confirms none). 0 when nothing was screened.
	Screen    int
	Confirmed bool
	// BoughtScreened says that the steps of the knobs a plan buys were
	// screened too (a run report's analysis): each run with Screen
	// replications first and with all of Base's only where that left room
	// for a gain on some KPI; the others have Screen replications.
	BoughtScreened bool
	// NotRun are the steps a run report's analysis did not run, because
	// reckoned from the scenario alone they cannot improve any of its
	// KPIs (see NotRun).
	NotRun []NotRun
	// Evaluations counts the scenarios run, the base included, and Units
	// the replications.
	Evaluations, Units int
}

// ScreenReplications is the most replications a zero-cost step is first
// run with, both ways, before the better way is run with all of them;
// RunScreenReplications is the most a run report's analysis runs a
// zero-cost step with (it confirms none), so that the report stays cheap.
const (
	ScreenReplications    = 5
	RunScreenReplications = 3
)

// MarginalAnalysis runs sc and, with common random numbers, sc with one
// more step of every knob a plan buys, and one step either way of every
// zero-cost knob that can move a chosen KPI (screened with fewer
// replications, the better way confirmed with all); it ranks the knobs by
// their gains on the KPIs named (all the KPIs that have a better direction
// when none are named). For a KPI that no unit bought improves it runs sc
// with fixed delays and arrivals halved, to say what sets it. The progress
// function in opt sees every replication of every stage.
func MarginalAnalysis(ctx context.Context, sc *compound.Scenario, kpis []string, opt Options) (*Marginal, error) {
	chosen, err := chooseKPIs(sc, kpis)
	if err != nil {
		return nil, err
	}
	_, reps := seedAndReps(sc, opt)
	screen := min(reps, ScreenReplications)
	costed, free := marginalMoves(sc, chosen)
	trials := trialRuns(sc)
	// The work is known up to the second stage, which runs at most every
	// zero-cost knob's better way and the trials.
	knobs := countKnobs(free)
	st := newStages(opt.Progress, reps*(1+len(costed))+screen*len(free)+reps*(knobs+len(trials)))
	var base *Outcome // the base's outcome, once stage 1 has run it
	run := func(scs []*compound.Scenario, reps []int) ([]*Outcome, error) {
		o := opt
		o.Progress = st.next(sum(reps))
		return runGroup(ctx, sc, scs, reps, o, chosen, base)
	}
	// runStage runs a later stage, now that its work is known, and counts it.
	runStage := func(m *Marginal, scs []*compound.Scenario, reps []int) ([]*Outcome, error) {
		st.expect(sum(reps))
		m.Evaluations, m.Units = m.Evaluations+len(scs), m.Units+sum(reps)
		return run(scs, reps)
	}

	// Stage 1: the base, every unit bought, every zero-cost move screened.
	scs := []*compound.Scenario{sc}
	rs := []int{reps}
	for _, mv := range costed {
		scs, rs = append(scs, mv.apply(sc)), append(rs, reps)
	}
	for _, mv := range free {
		scs, rs = append(scs, mv.apply(sc)), append(rs, screen)
	}
	outs, err := run(scs, rs)
	if err != nil {
		return nil, err
	}
	base = outs[0]
	m := &Marginal{Base: base, KPIs: chosen, Hourly: hourly(base), Evaluations: len(scs), Units: sum(rs)}
	if screen < reps {
		m.Screen, m.Confirmed = screen, true
	}
	gains := make([]KnobGain, 0, len(costed)+knobs)
	for i, mv := range costed {
		gains = append(gains, gainOf(sc, chosen, m.Base, outs[1+i], mv))
	}
	screened := make([]KnobGain, len(free))
	for i, mv := range free {
		screened[i] = gainOf(sc, chosen, m.Base, outs[1+len(costed)+i], mv)
	}

	// Stage 2, with every replication: the better way of each zero-cost
	// knob whose screen improves a KPI, and the zero-cost step that
	// improves each KPI most; and the trials when some KPI is improved by
	// no step at all.
	var confirm []int // into free
	if screen < reps {
		for _, i := range append(betterOf(screened), bestFor(chosen, screened)...) {
			if anyImproves(screened[i]) && !slices.Contains(confirm, i) {
				confirm = append(confirm, i)
			}
		}
	}
	withTrials := needTrials(chosen, m.Base, gains, screened)
	scs, rs = nil, nil
	for _, i := range confirm {
		scs, rs = append(scs, free[i].apply(sc)), append(rs, reps)
	}
	if withTrials {
		for _, tr := range trials {
			scs, rs = append(scs, tr.apply(sc)), append(rs, reps)
		}
	}
	if outs, err = runStage(m, scs, rs); err != nil {
		return nil, err
	}
	for n, i := range confirm {
		screened[i] = gainOf(sc, chosen, m.Base, outs[n], free[i])
	}
	var tried [][]Gain
	if withTrials {
		tried = trialGains(chosen, m.Base, outs[len(confirm):], trials)
	}

	// A zero-cost step the confirmation did not bear out leaves a KPI that
	// nothing moves: the trials say what sets it.
	if !withTrials && needTrials(chosen, m.Base, gains, screened) {
		scs, rs = nil, nil
		for _, tr := range trials {
			scs, rs = append(scs, tr.apply(sc)), append(rs, reps)
		}
		if outs, err = runStage(m, scs, rs); err != nil {
			return nil, err
		}
		tried = trialGains(chosen, m.Base, outs, trials)
	}
	m.Knobs = rank(append(gains, bothWays(screened)...))
	m.Findings = findings(chosen, m.Base, m.Knobs, trials, tried)
	return m, nil
}

// marginalOfRun is the marginal analysis of a run's report, from the
// outcomes of its steps (costed, then free, as runSteps gives them)
// run in the same work as the base: no step is confirmed and no trial run.
func marginalOfRun(sc *compound.Scenario, chosen []compound.KPI, base *Outcome, outs []*Outcome, costed, free []knobStep) *Marginal {
	m := &Marginal{Base: base, KPIs: chosen, Hourly: hourly(base), Evaluations: 1 + len(outs), Units: base.Replications}
	var gains, screened []KnobGain
	for i, mv := range costed {
		gains = append(gains, gainOf(sc, chosen, base, outs[i], mv))
	}
	for i, mv := range free {
		screened = append(screened, gainOf(sc, chosen, base, outs[len(costed)+i], mv))
	}
	gains = append(gains, bothWays(screened)...)
	for _, o := range outs {
		m.Units += o.Replications
		if o.Replications < base.Replications {
			m.Screen = o.Replications
		}
	}
	m.Knobs = rank(gains)
	m.Findings = findings(chosen, base, m.Knobs, nil, nil)
	return m
}

// chooseKPIs finds the KPIs named in sc's catalogue.
func chooseKPIs(sc *compound.Scenario, names []string) ([]compound.KPI, error) {
	cat := compound.Catalog(sc)
	var chosen []compound.KPI
	for _, name := range names {
		i := indexKPI(cat, name)
		if i < 0 {
			return nil, fmt.Errorf("--kpi %s: %w", name, compound.NoKPI(sc.Name, name, compound.KPINames(cat)))
		}
		chosen = append(chosen, cat[i])
	}
	return chosen, nil
}

// knobStep is one step of a knob: the scenario with the knob at to.
type knobStep struct {
	knob Knob
	to   int
}

func (mv knobStep) apply(sc *compound.Scenario) *compound.Scenario { return mv.knob.With(sc, mv.to) }

// marginalMoves are the steps the analysis runs: one more step of every
// knob a plan buys that has room for one (costed), and one step down and
// one up, where there is room, of every zero-cost knob that can move one
// of the chosen KPIs (free), a knob's down step first.
func marginalMoves(sc *compound.Scenario, chosen []compound.KPI) (costed, free []knobStep) {
	for _, k := range Knobs(sc) {
		v := k.Value(sc)
		if !k.TwoWay {
			if v+k.Step <= k.Max {
				costed = append(costed, knobStep{k, v + k.Step})
			}
			continue
		}
		if !affectsAny(k, chosen) {
			continue
		}
		for _, to := range []int{v - k.Step, v + k.Step} {
			if to >= k.Min && to <= k.Max {
				free = append(free, knobStep{k, to})
			}
		}
	}
	return costed, free
}

// affectsAny reports whether the knob can move one of the KPIs.
func affectsAny(k Knob, kpis []compound.KPI) bool {
	for _, kpi := range kpis {
		if k.Affects(kpi.Name) {
			return true
		}
	}
	return false
}

// countKnobs counts the knobs of the moves.
func countKnobs(moves []knobStep) int {
	n := 0
	for i, mv := range moves {
		if i == 0 || moves[i-1].knob.Path != mv.knob.Path {
			n++
		}
	}
	return n
}

func sum(v []int) int {
	t := 0
	for _, x := range v {
		t += x
	}
	return t
}

// runGroup runs the scenarios with common random numbers (sc's seed, or
// opt's), each over its own number of replications: the first ones of the
// same seeds. The base is sc, with all its figures and its posts' hours
// (no replication kept whole): scs[0] when base is nil, else base is its
// outcome. The other scenarios are steps of
// sc read only for their gains on the chosen KPIs: their replications keep
// those KPIs alone (compound.Options.Measure), and where sc is Separable a
// step that changes one part runs that part alone and takes the other
// part's KPIs from the base, replication by replication (as a run report's
// analysis does, see shareParts): the same figures, bit for bit.
func runGroup(ctx context.Context, sc *compound.Scenario, scs []*compound.Scenario, reps []int, opt Options, chosen []compound.KPI, base *Outcome) ([]*Outcome, error) {
	if len(scs) == 0 {
		return nil, nil
	}
	seed, _ := seedAndReps(sc, opt)
	w := &Work{}
	for i, s := range scs {
		if err := w.add(s, seed, reps[i], i); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(chosen))
	for i, k := range chosen {
		names[i] = k.Name
	}
	alone := partsCanRunAlone(sc, chosen, opt)
	figs := make([]*figures, len(scs))
	for i := range scs {
		if i == 0 && base == nil {
			// The base: every figure and what a report plots, and of each
			// replication only its posts' hours besides.
			figs[0] = reportFigures(sc, reps[0])
			figs[0].hoursOnly, figs[0].reps = true, reps[0]
			continue
		}
		figs[i] = kpiFigures(scs[i], names)
		figs[i].reps = reps[i]
		if alone {
			w.Items[i].part = sc.StepPart(scs[i])
		}
	}
	results, err := runWork(ctx, w, Shard{}, opt, figs)
	if err != nil {
		return nil, err
	}
	outs := w.outcomes(results, figs)
	if base == nil {
		base = outs[0]
	}
	for i, it := range w.Items {
		if it.part != compound.PartWhole {
			takeOtherPart(outs[i], base, chosen, it.part)
		}
	}
	return outs, nil
}

// takeOtherPart puts in the outcome of a step that ran part alone the
// base's figures of each chosen KPI of the other part over the step's
// replications: what the whole compound would have made of them, to the
// bit, since the step changes nothing that part reads.
func takeOtherPart(out, base *Outcome, chosen []compound.KPI, part compound.Part) {
	for _, kpi := range chosen {
		if p := compound.KPIPart(kpi); p == part || p == compound.PartWhole {
			continue
		}
		b, _ := base.KPI(kpi.Name)
		for i := range out.KPIs {
			if out.KPIs[i].Name != kpi.Name {
				continue
			}
			s := summarizeColumn(slices.Clone(b.Values[:min(out.Replications, len(b.Values))]))
			if kpi.Unit == "share" {
				s = capShare(s)
			}
			out.KPIs[i].Summary = s
		}
	}
}
