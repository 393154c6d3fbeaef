package experiment

import (
	"context"
	"math"

	"cordon/compound"
	"cordon/sim/stats"
)

// Verdicts of a difference.
const (
	Better  = "better"  // significantly better, by the KPI's direction
	Worse   = "worse"   // significantly worse
	None    = "none"    // no significant difference: the interval holds zero
	Differs = "differs" // significantly different, for a KPI with no better direction
)

// Comparison is several scenarios run with common random numbers (the same
// seed and replication numbers, so the same named streams) and each compared
// with the first.
type Comparison struct {
	Outcomes    []*Outcome
	Differences []Difference
}

// Difference is one KPI of one scenario against the first scenario: the
// mean of the paired differences (this minus the first) over replications,
// with its Student-t interval.
type Difference struct {
	Scenario string
	compound.KPI
	stats.Summary
	Verdict string
}

// Compare runs every scenario with the same seed and replications (the
// first's, unless opt says otherwise) and compares each with the first, KPI
// by KPI, for the KPIs both report.
func Compare(ctx context.Context, scs []*compound.Scenario, opt Options) (*Comparison, error) {
	w, err := NewCompareWork(scs, opt)
	if err != nil {
		return nil, err
	}
	p, err := Do(ctx, w, opt)
	if err != nil {
		return nil, err
	}
	return p.Comparison, nil
}

// compareOutcomes compares every outcome with the first, KPI by KPI.
func compareOutcomes(outs []*Outcome) (*Comparison, error) {
	c := &Comparison{Outcomes: outs}
	ref := c.Outcomes[0]
	for _, o := range c.Outcomes[1:] {
		for _, k := range o.KPIs {
			base, ok := ref.KPI(k.Name)
			if !ok {
				continue
			}
			d, err := stats.Paired(base.Values, k.Values, Level)
			if err != nil {
				return nil, err
			}
			c.Differences = append(c.Differences, Difference{Scenario: o.Scenario.Name, KPI: k.KPI, Summary: d, Verdict: verdict(k.Better, d)})
		}
	}
	return c, nil
}

// verdict judges a paired difference (this minus the reference).
func verdict(better string, d stats.Summary) string {
	if d.N == 0 || math.IsNaN(d.Low) || (d.Low <= 0 && d.High >= 0) {
		return None
	}
	up := d.Low > 0
	switch {
	case better == "higher" && up, better == "lower" && !up:
		return Better
	case better == "higher", better == "lower":
		return Worse
	}
	return Differs
}

// Significant returns the differences that are not None.
func (c *Comparison) Significant() []Difference {
	var out []Difference
	for _, d := range c.Differences {
		if d.Verdict != None {
			out = append(out, d)
		}
	}
	return out
}
