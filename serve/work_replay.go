package serve

import (
	"context"
	"fmt"
	"math"
	"slices"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
)

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
	words   *reports.Words    // the report's language (nil: English)
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
		if err := reports.ReviewReport(r, src).In(a.words).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
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
