package experiment

import (
	"context"
	"reflect"

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
	// MinEffects are the smallest differences the verdicts count.
	MinEffects MinEffects
	// Identical names the scenarios after the first that simulate exactly
	// what the first does (they differ at most in name, description,
	// targets and costs): nothing differs between them, by construction.
	Identical []string
}

// Difference is one KPI of one scenario against the first scenario: the
// mean of the paired differences (this minus the first) over replications,
// with its Student-t interval, the smallest difference that counts as a
// verdict, and the verdict (Judge).
type Difference struct {
	Scenario string
	compound.KPI
	stats.Summary
	MinEffect float64
	Verdict   string
}

// Small reports a difference whose interval leaves out zero but which is
// smaller than its minimum effect: significant, and no verdict.
func (d Difference) Small() bool {
	return d.Verdict == None && significant(d.Summary)
}

// Compare runs every scenario with the same seed and replications (the
// first's, unless opt says otherwise) and compares each with the first, KPI
// by KPI, for the KPIs both report, with the minimum effects of
// opt.MinEffect.
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

// compareOutcomes compares every outcome with the first, KPI by KPI, and
// judges each difference with the minimum effects m.
func compareOutcomes(outs []*Outcome, m MinEffects) (*Comparison, error) {
	c := &Comparison{Outcomes: outs, MinEffects: m}
	ref := c.Outcomes[0]
	for _, o := range c.Outcomes[1:] {
		if sameCompound(ref.Scenario, o.Scenario) {
			c.Identical = append(c.Identical, o.Scenario.Name)
		}
		for _, k := range o.KPIs {
			base, ok := ref.KPI(k.Name)
			if !ok {
				continue
			}
			d, err := stats.Paired(base.Values, k.Values, Level)
			if err != nil {
				return nil, err
			}
			c.Differences = append(c.Differences, Difference{Scenario: o.Scenario.Name, KPI: k.KPI, Summary: d,
				MinEffect: m.For(k.KPI, base.Mean), Verdict: Judge(k.KPI, base.Mean, d, m)})
		}
	}
	return c, nil
}

// sameCompound reports whether a and b simulate the same thing: equal but
// for their names, descriptions, targets and floors, which no replication
// reads. Costs are read: every run reports what it cost.
func sameCompound(a, b *compound.Scenario) bool {
	x, y := *a, *b
	for _, s := range []*compound.Scenario{&x, &y} {
		// What a run of it measures does not depend on these.
		s.Name, s.Description, s.Targets, s.Floors = "", "", nil, compound.Floors{}
	}
	return reflect.DeepEqual(x, y)
}

// Significant returns the differences with a verdict (not None).
func (c *Comparison) Significant() []Difference {
	var out []Difference
	for _, d := range c.Differences {
		if d.Verdict != None {
			out = append(out, d)
		}
	}
	return out
}
