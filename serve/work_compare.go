package serve

import (
	"context"
	"fmt"
	"math"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
)

// compareAsk is a comparison asked for: two to four scenarios, the first
// the reference, and the replications (0: the first scenario's).
type compareAsk struct {
	srcs    []*source
	changes [][]change
	scs     []*compound.Scenario
	reps    int
	words   *reports.Words // the report's language (nil: English)
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
		if err := reports.ComparisonReport(c).In(a.words).Write(ctx, reports.Dest{Dir: b.reportPath()}); err != nil {
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
