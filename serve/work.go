package serve

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// options are the experiment options of one job, as the command line
// sets them: the same guards, so that the same scenario and seed give the
// same results.
func (s *Server) options(progress func(done, total int)) experiment.Options {
	o := experiment.Options{Workers: s.workers, Progress: progress, Model: s.opts.Model}
	if s.opts.Memory != nil {
		o.Memory = s.opts.Memory()
	}
	return o
}

// now is the server's clock, for the history's dates (no simulation
// reads it).
func now() string { return time.Now().Format(time.RFC3339) }

// runAsk is a run asked for: a scenario and the changes made to it.
type runAsk struct {
	src     *source
	changes []change
	sc      *compound.Scenario
}

// runWork runs a scenario as `cordon run` does (its own seed and
// replications, its targets, the marginal analysis of its report) and
// writes the run.
func (s *Server) runWork(a runAsk) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		opt := s.options(progress)
		w, err := experiment.NewRunWork([]*compound.Scenario{a.sc}, nil, s.opts.MarginalReps, opt)
		if err != nil {
			return "", err
		}
		p, err := experiment.Do(ctx, w, opt)
		if err != nil {
			return "", err
		}
		r := p.Runs[0]
		b, err := s.runs.begin()
		if err != nil {
			return "", err
		}
		defer b.discard()
		ref, err := keepScenario(b, "scenario.yaml", a.src, a.changes, a.sc)
		if err != nil {
			return "", err
		}
		if err := reports.RunReport(r.Outcome, r.Targets, r.Marginal).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
			return "", err
		}
		rec := &runRecord{Kind: kindRun, Title: a.sc.Name, Created: now(), Scenarios: []scenarioRef{ref},
			Seed: r.Outcome.Seed, Replications: r.Outcome.Replications, Report: reportDir + "/index.html",
			Files: []string{"results.json", "summary.md", "replications.csv"},
			KPIs:  kpiCells(r.Outcome), Targets: targetCells(r.Targets)}
		for _, u := range r.Outcome.Unstable {
			rec.Notes = append(rec.Notes, u.String())
		}
		return b.finish(ctx, rec)
	}
}

// keepScenario writes a scenario as run into the run's inputs/.
func keepScenario(b *building, file string, src *source, changes []change, sc *compound.Scenario) (scenarioRef, error) {
	data, err := src.asRun(changes)
	if err != nil {
		return scenarioRef{}, err
	}
	if err := b.writeInput(file, data); err != nil {
		return scenarioRef{}, err
	}
	return scenarioRef{Name: sc.Name, Source: src.Ref, Overrides: overrideTexts(changes), File: file}, nil
}

// keyKPIs are the KPIs a run's page leads with: the targets' KPIs, and
// each kind's time to the door, the round's length, the sampling queue,
// the staging peak and the response to special needs.
func keyKPIs(sc *compound.Scenario) map[string]bool {
	key := map[string]bool{"sampling.makespan": true, "sampling.queue.peak": true, "gate.staging.max": true,
		"special_needs.response.p95": true}
	for _, k := range experiment.HeadlineKPIs(sc) {
		key[k] = true
	}
	for _, k := range sc.Kinds {
		key[k.Name+".door_time.p95"] = true
	}
	return key
}

// kpiCells are an outcome's headline KPIs, the key ones first.
func kpiCells(o *experiment.Outcome) []kpiCell {
	key := keyKPIs(o.Scenario)
	var first, rest []kpiCell
	for _, k := range o.KPIs {
		if !k.Headline && !key[k.Name] {
			continue
		}
		c := kpiCell{Name: k.Name, Label: k.Title(), Unit: k.Unit, Mean: num(k.Mean), Low: num(k.Low), High: num(k.High), Key: key[k.Name]}
		if c.Key {
			first = append(first, c)
		} else {
			rest = append(rest, c)
		}
	}
	return append(first, rest...)
}

// num is a figure of a record.
func num(v float64) reports.Number { return reports.Number(v) }

// targetCells are the targets checked against a run.
func targetCells(ts []experiment.TargetResult) []targetCell {
	var out []targetCell
	for _, t := range ts {
		out = append(out, targetCell{Text: t.Text, KPI: t.KPI.Name, Unit: t.KPI.Unit, Mean: num(t.KPI.Mean), Met: t.Met, Confident: t.Confident})
	}
	return out
}

// compareAsk is a comparison asked for: two to four scenarios, the first
// the reference, and the replications (0: the first scenario's).
type compareAsk struct {
	srcs    []*source
	changes [][]change
	scs     []*compound.Scenario
	reps    int
}

// compareWork compares scenarios as `cordon compare` does (common random
// numbers, the first's seed and replications) and writes the comparison.
func (s *Server) compareWork(a compareAsk) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		opt := s.options(progress)
		opt.Replications = a.reps
		w, err := experiment.NewCompareWork(a.scs, opt)
		if err != nil {
			return "", err
		}
		p, err := experiment.Do(ctx, w, opt)
		if err != nil {
			return "", err
		}
		c := p.Comparison
		b, err := s.runs.begin()
		if err != nil {
			return "", err
		}
		defer b.discard()
		rec := &runRecord{Kind: kindCompare, Title: a.scs[0].Name, Created: now(),
			Seed: c.Outcomes[0].Seed, Replications: c.Outcomes[0].Replications, Report: reportDir + "/index.html",
			Files: []string{"comparison.json", "differences.csv"}}
		for i, sc := range a.scs {
			ref, err := keepScenario(b, fmt.Sprintf("scenario-%d.yaml", i+1), a.srcs[i], a.changes[i], sc)
			if err != nil {
				return "", err
			}
			ref.Name = sc.Name
			rec.Scenarios = append(rec.Scenarios, ref)
		}
		if err := reports.ComparisonReport(c).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
			return "", err
		}
		rec.Differences, rec.Side = comparisonCells(c)
		for _, name := range c.Identical {
			rec.Notes = append(rec.Notes, "identical:"+name)
		}
		return b.finish(ctx, rec)
	}
}

// comparisonCells are a comparison's verdicts, the key KPIs first, and
// its key KPIs side by side.
func comparisonCells(c *experiment.Comparison) ([]diffCell, *sideBySide) {
	key := keyKPIs(c.Outcomes[0].Scenario)
	var first, rest []diffCell
	for _, d := range c.Differences {
		if d.Verdict == experiment.None {
			continue
		}
		cell := diffCell{Scenario: d.Scenario, KPI: d.Name, Label: d.Title(), Unit: d.Unit, Mean: num(d.Mean),
			Low: num(d.Low), High: num(d.High), Verdict: d.Verdict}
		if key[d.Name] {
			first = append(first, cell)
		} else {
			rest = append(rest, cell)
		}
	}
	side := &sideBySide{}
	for _, o := range c.Outcomes {
		side.Scenarios = append(side.Scenarios, o.Scenario.Name)
	}
	for _, k := range c.Outcomes[0].KPIs {
		if !key[k.Name] {
			continue
		}
		row := kpiAcross{Name: k.Name, Label: k.Title(), Unit: k.Unit}
		for _, o := range c.Outcomes {
			m := math.NaN()
			if r, ok := o.KPI(k.Name); ok {
				m = r.Mean
			}
			row.Means = append(row.Means, num(m))
		}
		side.Rows = append(side.Rows, row)
	}
	return append(first, rest...), side
}

// planAsk is a plan asked for: the scenario, the targets given besides
// its own, and the planner's options.
type planAsk struct {
	src         *source
	changes     []change
	sc          *compound.Scenario
	targets     []compound.Target
	onlyGiven   bool
	allowCuts   bool
	budget      float64
	reps        int
	confirm     int
	sensitivity bool
}

// planWork plans as `cordon plan` does, and writes the plan's report and
// the planned scenario, each changed line marked.
func (s *Server) planWork(a planAsk) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		opt := s.options(progress)
		opt.Replications = a.reps
		p, err := experiment.MakePlan(ctx, a.sc, experiment.PlanOptions{Options: opt, Targets: a.targets, OnlyGiven: a.onlyGiven,
			AllowCuts: a.allowCuts, Budget: a.budget, Confirm: a.confirm})
		if err != nil {
			return "", err
		}
		var sens *experiment.Sensitivity
		if a.sensitivity {
			var kpis []string
			for _, t := range p.Targets {
				kpis = append(kpis, t.KPI.Name)
			}
			so := s.options(progress)
			so.Replications = p.SearchReplications
			if sens, err = experiment.Analyse(ctx, p.Planned, kpis, 0.2, so); err != nil {
				return "", err
			}
		}
		b, err := s.runs.begin()
		if err != nil {
			return "", err
		}
		defer b.discard()
		ref, err := keepScenario(b, "scenario.yaml", a.src, a.changes, a.sc)
		if err != nil {
			return "", err
		}
		planned, err := plannedFile(a.src, a.changes, p)
		if err != nil {
			return "", err
		}
		if err := b.writeInput("planned.yaml", planned); err != nil {
			return "", err
		}
		if err := reports.PlanReport(p, sens).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
			return "", err
		}
		rec := &runRecord{Kind: kindPlan, Title: a.sc.Name, Created: now(), Scenarios: []scenarioRef{ref},
			Seed: p.SearchSeed, Replications: p.SearchReplications, Report: reportDir + "/index.html",
			Files: []string{"plan.json"}, Targets: targetCells(p.Targets),
			Plan: &planCell{Feasible: p.Feasible, Cost: num(p.Cost), InputCost: num(p.InputCost), Planned: "planned.yaml"}}
		for _, st := range p.Settings {
			rec.Plan.Changes = append(rec.Plan.Changes, planChange{Knob: st.Knob.Name, Path: st.Knob.Path,
				From: st.Knob.Text(st.From), To: st.Knob.Text(st.To), Cost: num(p.ChangeCost(st))})
		}
		for _, e := range p.SideEffects {
			rec.Plan.SideEffects = append(rec.Plan.SideEffects, diffCell{Scenario: p.Planned.Name, KPI: e.Name, Label: e.Title(), Unit: e.Unit,
				Mean: num(e.Difference.Mean), Low: num(e.Difference.Low), High: num(e.Difference.High), Verdict: experiment.Worse})
		}
		return b.finish(ctx, rec)
	}
}

// plannedFile is the planned scenario as a file: the source with the
// page's changes and the plan's written in, each changed line marked, as
// `cordon plan --write` writes it.
func plannedFile(src *source, changes []change, p *experiment.Plan) ([]byte, error) {
	var cs []scenarios.Change
	for _, c := range changes {
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: c.Path, Value: c.Value}})
	}
	for _, st := range p.Settings {
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: st.Knob.Path, Value: st.Knob.Text(st.To)},
			By: "plan", Was: st.Knob.Text(st.From)})
	}
	cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: "name", Value: yamlString(p.Planned.Name)}, By: "plan", Was: p.Input.Name})
	return scenarios.RewriteChanged(src.Name, src.Data, cs...)
}

// maxHelped is the most changes that would have helped a replay's page
// lists; the report has them all.
const maxHelped = 8

// replayAsk is a replay asked for: the scenario and the logs of the day,
// read and checked.
type replayAsk struct {
	src     *source
	sc      *compound.Scenario
	logs    *dayLogs
	helped  bool
	reps    int
	uploads map[string][]byte // the files as uploaded, by the name kept in inputs/
}

// replayWork replays the logged day as `cordon replay` does and writes the
// review.
func (s *Server) replayWork(a replayAsk) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		opt := s.options(progress)
		opt.Replications = a.reps
		r, err := experiment.ReviewDay(ctx, a.sc, a.logs.arrivals, a.logs.roster, a.logs.observed, experiment.ReviewAsk{Helped: a.helped}, opt)
		if err != nil {
			return "", err
		}
		b, err := s.runs.begin()
		if err != nil {
			return "", err
		}
		defer b.discard()
		ref, err := keepScenario(b, "scenario.yaml", a.src, nil, a.sc)
		if err != nil {
			return "", err
		}
		names := make([]string, 0, len(a.uploads))
		for name := range a.uploads {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			if err := b.writeInput(name, a.uploads[name]); err != nil {
				return "", err
			}
		}
		src := reports.ReviewSources{Arrivals: a.logs.names[0], Roster: a.logs.names[1], Observed: a.logs.names[2],
			Synthetic: a.logs.synthetic, Skipped: a.logs.skipped}
		if err := reports.ReviewReport(r, src).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
			return "", err
		}
		rec := &runRecord{Kind: kindReplay, Title: a.sc.Name, Created: now(), Scenarios: []scenarioRef{ref},
			Seed: r.Replay.Seed, Replications: r.Replay.Replications, Report: reportDir + "/index.html",
			Files: []string{"review.json"}, KPIs: kpiCells(r.Replay)}
		rec.HelpedAsked = a.helped
		for _, k := range r.KPIs {
			if math.IsNaN(k.Observed) {
				continue
			}
			rec.Observed = append(rec.Observed, besideCell{KPI: k.KPI.Name, Label: k.KPI.Title(), Unit: k.KPI.Unit,
				Observed: num(k.Observed), Mean: num(k.Simulated.Mean), Low: num(k.PredLow), High: num(k.PredHigh), Inside: k.Inside()})
		}
		if r.Helped != nil {
			for _, c := range r.Helped.Changes[:min(len(r.Helped.Changes), maxHelped)] {
				d := c.Lead
				rec.Helped = append(rec.Helped, helpedCell{Change: c.Change, Post: c.Post, Lead: diffCell{KPI: d.Name, Label: d.Title(), Unit: d.Unit,
					Mean: num(d.Mean), Low: num(d.Low), High: num(d.High), Verdict: d.Verdict}})
			}
		}
		if a.logs.skipped > 0 {
			rec.Notes = append(rec.Notes, fmt.Sprintf("skipped:%d", a.logs.skipped))
		}
		return b.finish(ctx, rec)
	}
}
