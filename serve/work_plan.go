package serve

import (
	"context"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

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
	words       *reports.Words // the report's language (nil: English)
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
		if err := reports.PlanReport(p, sens).In(a.words).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
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
