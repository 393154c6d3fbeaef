package serve

import (
	"context"
	"time"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
)

// options are the experiment options of one job, as the command line
// sets them: the same guards, so that the same scenario and seed give the
// same results. Every job writes a report: each replication is reduced, as
// it finishes, to its figures and what the report plots, so that a job's
// memory stays flat in replications.
func (s *Server) options(progress func(done, total int)) experiment.Options {
	o := experiment.Options{Workers: s.workers, Progress: progress, Model: s.opts.Model, ReportFigures: true}
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
	words   *reports.Words // the report's language (nil: English)
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
		if err := reports.RunReport(r.Outcome, r.Targets, r.Marginal).In(a.words).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
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
		out = append(out, targetCell{Text: t.Text, KPI: t.KPI.Name, Label: t.KPI.Title(), Unit: t.KPI.Unit, Mean: num(t.KPI.Mean), Met: t.Met, Confident: t.Confident})
	}
	return out
}
