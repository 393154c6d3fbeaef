package experiment

import (
	"fmt"
	"math"
	"slices"

	"cordon/compound"
)

// evaluation is a plan's values and how it fares at one stage.
type evaluation struct {
	values    []int
	sc        *compound.Scenario
	stage     stage    // the replications and seed it was run with
	confirmed bool     // run from the first confirmation on
	out       *Outcome // its figures only (no Runs)
	dropped   bool     // out's KPIs keep no values per replication (dropValues)
	partial   bool     // out holds the targets' KPIs alone
	results   []TargetResult
	met       bool
	violation float64
	cost      float64
}

// apply returns the scenario with the knobs at values.
func (p *planner) apply(values []int) *compound.Scenario {
	sc := cloneForKnobs(p.sc)
	for i, k := range p.knobs {
		k.set(sc, values[i])
	}
	return sc
}

// key identifies the evaluation of values at the current stage.
func (p *planner) key(values []int) string {
	return fmt.Sprint(p.stage.reps, p.stage.seed, values)
}

// evaluate runs several plans together at the current stage, with common
// random numbers (the same seed and replications for all); plans already
// evaluated at this stage are not run again.
func (p *planner) evaluate(plans [][]int) ([]*evaluation, error) {
	var run [][]int
	var scs []*compound.Scenario
	for _, v := range plans {
		if _, ok := p.cache[p.key(v)]; !ok {
			run, scs = append(run, v), append(scs, p.apply(v))
			p.cache[p.key(v)] = nil // taken: a plan given twice runs once
		}
	}
	if len(run) > 0 {
		kpis := p.kept(run)
		var outs []*Outcome
		parted := false
		var err error
		if p.parts != nil && kpis != nil {
			outs, parted, err = p.runParts(run, scs) // the targets' KPIs, as kpis
		}
		if err == nil && !parted {
			outs, err = p.runKeeping(scs, kpis)
		}
		if err != nil {
			return nil, err
		}
		if kpis != nil {
			for i, o := range outs {
				outs[i] = onlyKPIs(o, kpis)
			}
		}
		p.evals += len(run)
		for i, o := range outs {
			ev, err := p.judge(run[i], scs[i], o)
			if err != nil {
				return nil, err
			}
			ev.partial = kpis != nil
			p.cache[p.key(run[i])] = ev
		}
	}
	evs := make([]*evaluation, len(plans))
	for i, v := range plans {
		evs[i] = p.cache[p.key(v)]
	}
	return evs, nil
}

// kept are the KPIs whose values the evaluations of plans keep: only the
// targets' (they are judged by them alone), unless the input is confirmed
// with them (its every KPI is paired with the plan's for the side
// effects): every KPI's then (nil). The plan's own outcome is run again
// whole for the report (wholeRuns).
func (p *planner) kept(plans [][]int) []string {
	if p.confirming && slices.ContainsFunc(plans, func(v []int) bool { return slices.Equal(v, p.input) }) {
		return nil
	}
	kpis := []string{}
	for _, t := range p.targets {
		kpis = append(kpis, t.KPI)
	}
	return kpis
}

// run runs scenarios at the current stage, reporting progress over the
// whole plan: the replications run so far, and the total as far as it is
// known (this batch and the confirmation still to come).
func (p *planner) run(scs []*compound.Scenario) ([]*Outcome, error) {
	return p.runKeeping(scs, nil)
}

// runKeeping is run keeping the values of the KPIs kpis only (nil: every
// KPI's and the posts' figures).
func (p *planner) runKeeping(scs []*compound.Scenario, kpis []string) ([]*Outcome, error) {
	opt := p.opt.Options
	opt.onlyKPIs = kpis
	opt.Replications, opt.Seed = p.stage.reps, &p.stage.seed
	// Every evaluation keeps only its figures (a day's run whole is about
	// 200 KB a replication); the plan's own, when confirmed, is run again
	// for the report's plots when the search is over (wholeRuns).
	opt.FiguresOnly = true
	batch := len(scs) * p.stage.reps
	if progress := p.opt.Progress; progress != nil {
		done, ahead := p.done, p.ahead
		opt.Progress = func(d, _ int) { progress(done+d, done+batch+ahead) }
	}
	outs, err := runScenarios(p.ctx, scs, opt)
	if err != nil {
		return nil, err
	}
	p.done += batch
	return outs, nil
}

// judge checks an outcome against the targets.
func (p *planner) judge(values []int, sc *compound.Scenario, o *Outcome) (*evaluation, error) {
	res, err := CheckTargets(o, p.targets)
	if err != nil {
		return nil, err
	}
	ev := &evaluation{values: values, sc: sc, stage: p.stage, confirmed: p.confirming, out: o, results: res, met: true, cost: Cost(sc)}
	if p.stage.reps == p.opt.Confirm && !(ev.confirmed && slices.Equal(values, p.input)) {
		dropValues(o)
		ev.dropped = true
	}
	fp := FrontierPoint{Cost: ev.cost}
	for _, r := range res {
		if !r.Confident {
			ev.met = false
		}
		ev.violation += violation(r)
		fp.Means = append(fp.Means, r.KPI.Mean)
	}
	fp.Met = ev.met
	p.plan.Frontier = append(p.plan.Frontier, fp)
	return ev, nil
}

// dropValues drops an outcome's KPIs' values per replication, keeping
// their summaries: an evaluation at the confirmation's replications (the
// refinement's and the confirmation's) is judged by its summaries, and
// the plan's is run again whole for the report (wholeRuns); only the
// input's confirmation is paired with it (the side effects). Kept, the
// values of every such evaluation would grow with the confirmation's
// replications.
func dropValues(o *Outcome) {
	for i := range o.KPIs {
		o.KPIs[i].Values = nil
	}
}

// violation is how far a target is from being met with confidence, relative
// to its threshold: 0 when met.
func violation(r TargetResult) float64 {
	bound := r.KPI.High
	if r.Op == ">=" || r.Op == ">" {
		bound = r.KPI.Low
	}
	if math.IsNaN(bound) {
		return 10
	}
	if r.Confident {
		return 0
	}
	scale := math.Max(math.Abs(r.Value), 1e-9)
	d := math.Abs(bound-r.Value) / scale
	return math.Max(d, 1e-6)
}

// wholeRuns is e's outcome with every KPI's value of every replication
// (the side effects pair them with the input's) and what the report's
// figures over the day read (Outcome.Plots, gathered as they finish; no
// replication kept whole), unless the plan's options say FiguresOnly (no
// report is written): e run again with the same seed and replications,
// which gives the same figures. The search counts it neither as an
// evaluation nor in its replications.
func (p *planner) wholeRuns(e *evaluation) (*Outcome, error) {
	opt := p.opt.Options
	opt.Replications, opt.Seed = e.stage.reps, &e.stage.seed
	opt.ReportFigures, opt.Progress = !opt.FiguresOnly, nil
	outs, err := runScenarios(p.ctx, []*compound.Scenario{e.sc}, opt)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}
