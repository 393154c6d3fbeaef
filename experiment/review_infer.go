package experiment

import (
	"context"
	"math"
	"slices"
	"sort"

	"cordon/sim/stats"
)

// Inferred is what the observations of a day replayed without its roster
// say about who was missing: the staff shortfall that fits them best, the
// others that fit them alike (when there are any, the observations cannot
// tell which it was, and none is named the cause), and the plan's fit.
//
// The misfit of a replay to the observed day is, summed over the observed
// KPIs, the squared miss (the observed figure minus the replay's mean over
// its replications) in units of the replay's own spread over them, plus
// twice the log of that spread over the KPI's typical spread (the median
// of the candidates'; a spread is never taken below it): twice the
// negative log-likelihood of the day, up to a constant, were each KPI
// normal, so a replay does not fit better by being wild. The smallest
// misfit is the best fit. Another candidate fits alike unless the observed
// day is further from it, beyond the best, than the days it makes itself
// would be: its replications stand for such days (each measured against
// the means of the other replications), and the candidate is ruled out
// when the observed excess (its misfit minus the best's) is above the 99%
// prediction interval of theirs. The excess is measured twice, as the
// misfits have it and with each KPI in one unit for both candidates (the
// larger spread: linear in the day's figures, and not swamped by a KPI one
// candidate makes wild); either rules out. The interval takes in the day's
// own randomness and the KPIs' correlations (door times of all kinds rise
// together) as the replications have them. A shortfall is inferred only
// when the plan is ruled out so.
type Inferred struct {
	CauseFit            // the best fit: the day the changes are made to
	Alike    []CauseFit // the others that fit alike, best first; empty when the best alone fits best
	PlanIn   int        // observed KPIs inside their prediction intervals as planned
	PlanMiss float64    // the plan's misfit
	PlanBy   Beside     // the plan's excess over the best, as CauseFit.Excess
	PlanOwn  Beside     // and as CauseFit.Own
	Of       int        // observed KPIs
	FitReps  int        // replications each candidate is fitted with
}

// ruleOut is the level of the prediction interval that rules a candidate
// shortfall out: 99%, not the usual 95%, as ten replications tell little
// of the tails of a day's spread, and the observed KPIs move together (a
// slow day is slow for every kind).
const ruleOut = 0.99

// CauseFit is one staff shortfall and how well it fits the observed day:
// the post and shift (Knob), the count the plan has and the count tried,
// the observed KPIs inside their 95% prediction intervals with it, its
// misfit, and its excess over the best fit measured both ways (see
// Inferred): the observed day's beside the days it makes itself, with
// their prediction interval at the ruleOut level (all zero for the best).
type CauseFit struct {
	Knob            Knob
	Planned, OnDuty int
	Inside          int
	Misfit          float64
	Own, Excess     Beside
}

// RuledOut reports whether the observed day is further from this fit,
// beyond the best, than the days it makes itself would be, by either
// measure of the excess.
func (c CauseFit) RuledOut() bool { return above(c.Own) || above(c.Excess) }

// above reports whether the observed figure is above the prediction
// interval.
func above(b Beside) bool { return b.Observed > b.PredHigh }

// Several reports whether more than one shortfall fits the observations
// alike: the observations cannot tell which it was.
func (in *Inferred) Several() bool { return in != nil && len(in.Alike) > 0 }

// infer looks for the staff shortfall that explains the observed day: each
// staff knob one step down and at half, replayed with inferReps
// replications (as is the plan), fitted to the observed KPIs (see
// Inferred). It returns nil when none fits the day better than the plan.
func (h *helping) infer(ctx context.Context, r *Review, p *progress) (*Inferred, error) {
	runs := make([]loggedRun, len(h.guesses))
	for i, g := range h.guesses {
		runs[i] = loggedRun{g.knob.With(h.sc, g.value), nil, h.fitReps}
	}
	short := len(r.Replay.Runs) < h.fitReps
	if short {
		runs = append(runs, loggedRun{h.sc, nil, h.fitReps})
	}
	outs, err := p.run(ctx, h.arrivals, runs, h.opt)
	if err != nil {
		return nil, err
	}
	var plan *Outcome
	if short {
		plan, outs = outs[len(outs)-1], outs[:len(outs)-1]
	} else {
		plan = Summarize(h.sc, r.Replay.Runs[:h.fitReps])
	}
	return inferFrom(h.guesses, plan, outs, h.observed), nil
}

// inferFrom fits the plan's and every guess's replay to the observations
// and picks the best, with those that fit alike.
func inferFrom(guesses []shortfall, plan *Outcome, outs []*Outcome, observed *Observed) *Inferred {
	f := newFitting(append([]*Outcome{plan}, outs...), observed)
	if f.of == 0 || len(outs) == 0 || len(f.observed) == 0 {
		return nil
	}
	best := 1
	for i := 2; i < len(f.misfit); i++ {
		if f.misfit[i] < f.misfit[best] {
			best = i
		}
	}
	planOwn, planBy := f.excess(best, 0)
	if !above(planOwn) && !above(planBy) { // the plan fits as well: nothing is explained
		return nil
	}
	cause := func(i int) CauseFit {
		g := guesses[i-1]
		c := CauseFit{Knob: g.knob, Planned: g.knob.Value(plan.Scenario), OnDuty: g.value, Inside: f.inside[i], Misfit: f.misfit[i]}
		c.Own, c.Excess = f.excess(best, i)
		return c
	}
	in := &Inferred{CauseFit: cause(best), PlanIn: f.inside[0], PlanMiss: f.misfit[0], PlanBy: planBy, PlanOwn: planOwn, Of: f.of, FitReps: f.reps}
	for i := 1; i < len(f.misfit); i++ {
		c := cause(i)
		if i != best && !c.RuledOut() {
			in.Alike = append(in.Alike, c)
		}
	}
	sort.SliceStable(in.Alike, func(a, b int) bool { return in.Alike[a].Misfit < in.Alike[b].Misfit })
	return in
}

// fitting is the observed day beside several replays of it (variants of
// one scenario with as many replications each): the observed KPIs used
// for the misfit, their units, and each replay's figures of them
// replication by replication.
type fitting struct {
	observed []float64
	floor    []float64     // each KPI's unit: the typical spread of the replays
	scale    [][]float64   // [replay][kpi]: the replay's own spread, at least the floor
	values   [][][]float64 // [replay][kpi][replication]
	misfit   []float64     // of each replay, on all its replications
	inside   []int         // each replay's observed KPIs inside their prediction intervals
	of       int           // observed KPIs
	reps     int
}

// newFitting measures how well each replay explains the observed day (see
// Inferred). A KPI that is not finite in some replication is left out of
// every misfit, and so is one with no spread at all (it tells no replay
// from another).
func newFitting(outs []*Outcome, observed *Observed) *fitting {
	f := &fitting{values: make([][][]float64, len(outs)), scale: make([][]float64, len(outs)), inside: make([]int, len(outs)), reps: outs[0].Replications}
	kpis := make([][]ReviewKPI, len(outs))
	for i, o := range outs {
		kpis[i] = reviewKPIs(o, observed)
		for _, k := range kpis[i] {
			if k.Inside() {
				f.inside[i]++
			}
		}
	}
	for j, k := range kpis[0] {
		if math.IsNaN(k.Observed) {
			continue
		}
		f.of++
		values := make([][]float64, len(outs))
		var sds, means []float64
		for i := range outs {
			if j >= len(kpis[i]) || kpis[i][j].KPI.Name != k.KPI.Name {
				values = nil
				break
			}
			s := kpis[i][j].Simulated
			if s.N != f.reps || len(s.Values) != f.reps {
				values = nil // not finite in some replication
				break
			}
			values[i] = s.Values
			sds = append(sds, s.StdDev)
			means = append(means, s.Mean)
		}
		if values == nil {
			continue
		}
		scale := spreadOf(sds, means)
		if !(scale > 0) {
			continue
		}
		f.observed = append(f.observed, k.Observed)
		f.floor = append(f.floor, scale)
		for i := range outs {
			f.values[i] = append(f.values[i], values[i])
			f.scale[i] = append(f.scale[i], math.Max(sds[i], scale))
		}
	}
	f.misfit = make([]float64, len(outs))
	for i := range outs {
		f.misfit[i] = f.misfitOf(i, func(k int) float64 { return f.observed[k] }, -1)
	}
	return f
}

// misfitOf is replay i's misfit to the figures y(k) (see Inferred), with
// its means over its replications but skip (-1: over all).
func (f *fitting) misfitOf(i int, y func(k int) float64, skip int) float64 {
	m := 0.0
	for k, values := range f.values[i] {
		s := f.scale[i][k]
		z := (y(k) - meanBut(values, skip)) / s
		m += z*z + 2*math.Log(s/f.floor[k])
	}
	return m
}

// excess is replay c's excess over replay b (see Inferred) measured two
// ways, the observed day's beside those of c's own replications taken as
// days, each measured against the means of the replications but its own
// (of both replays: they share their seeds), with their prediction
// interval at the ruleOut level: as the misfits measure it (each replay's
// KPIs in their own units), and with each KPI in one unit for both, the
// larger of the two replays' spreads (an excess linear in the day's
// figures, which a KPI that one replay makes wild does not swamp). Both
// are zero when c is b.
func (f *fitting) excess(b, c int) (own, common Beside) {
	at := func(y func(k int) float64, skip int) float64 {
		e := 0.0
		for k := range f.observed {
			s := math.Max(f.scale[b][k], f.scale[c][k])
			zc := (y(k) - meanBut(f.values[c][k], skip)) / s
			zb := (y(k) - meanBut(f.values[b][k], skip)) / s
			e += zc*zc - zb*zb
		}
		return e
	}
	ownDays, commonDays := make([]float64, f.reps), make([]float64, f.reps)
	var ownObs, commonObs float64
	if c != b {
		for r := range f.reps {
			day := func(k int) float64 { return f.values[c][k][r] }
			ownDays[r] = f.misfitOf(c, day, r) - f.misfitOf(b, day, r)
			commonDays[r] = at(day, r)
		}
		ownObs = f.misfit[c] - f.misfit[b]
		commonObs = at(func(k int) float64 { return f.observed[k] }, -1)
	}
	return besideAt(ownObs, ownDays), besideAt(commonObs, commonDays)
}

// besideAt sets an observed figure beside the values of days, with their
// prediction interval at the ruleOut level.
func besideAt(observed float64, days []float64) Beside {
	s := stats.Summarize(days, ruleOut)
	lo, hi := s.Prediction()
	return Beside{Observed: observed, Simulated: s, PredLow: lo, PredHigh: hi}
}

// meanBut is the mean of values but the one at skip (-1: of all).
func meanBut(values []float64, skip int) float64 {
	sum, n := 0.0, 0
	for r, x := range values {
		if r != skip {
			sum += x
			n++
		}
	}
	return sum / float64(n)
}

// spreadOf is the unit a KPI's misses are measured in: the median of the
// replays' standard deviations over their replications (a replay whose
// figure runs away, with a short post, does not widen it for the others);
// when most replays have no spread, their largest; when none has, the
// spread of their means.
func spreadOf(sds, means []float64) float64 {
	sorted := slices.Clone(sds)
	slices.Sort(sorted)
	if s := sorted[len(sorted)/2]; s > 0 {
		return s
	}
	if s := sorted[len(sorted)-1]; s > 0 {
		return s
	}
	return stats.Summarize(means, Level).StdDev
}
