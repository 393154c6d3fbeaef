package experiment

import (
	"math"
	"slices"

	"cordon/compound"
)

// A run report's marginal analysis simulates a step's part of the compound
// alone where the scenario's parts share nothing (compound.Separable): a
// step of a knob of the sampling rounds (a site's stations, the calling
// plan, a zone's site, the door-to-door team) changes none of the
// deliveries', the garbage's or the special needs' KPIs, and a step of the
// deliveries' (the gate, the carts, the crews, the zone volunteers) none
// of the sampling's. Its replications run the part it changes alone, and
// the other part's KPIs are the base run's, replication by replication
// (paired gains exactly zero): the same figures, bit for bit, as the whole
// compound's (TestPartAloneIsExact), at the cost of one part. A step's
// outcome holds only the headline KPIs the analysis reads (newFigures),
// which must all be of one part or the other. A sensitivity analysis'
// scenarios with a factor of one part scaled run alike (factorsAlone).

// partsAlone returns w with each step of a run's marginal analysis that
// changes one part of a separable scenario set to run that part alone, as
// far as the analysis reads only KPIs of the parts and the step's
// replications go into figs; w itself is left as it is.
func (w *Work) partsAlone(opt Options, figs []*figures) (*Work, error) {
	if w.Command == CommandSensitivity {
		return w.factorsAlone(opt, figs)
	}
	if w.Command != CommandRun || w.MarginalReps <= 0 {
		return w, nil
	}
	c := *w
	c.Items = slices.Clone(w.Items)
	base := 0
	ok := false
	for i := range c.Items {
		if i == 0 || c.Items[i].Group != c.Items[i-1].Group {
			base = i
			sc := &c.Items[i].Scenario
			chosen, err := chooseKPIs(sc, HeadlineKPIs(sc))
			if err != nil {
				return nil, err
			}
			ok = partsCanRunAlone(sc, chosen, opt)
			continue
		}
		if ok && figs[i] != nil {
			c.Items[i].aloneIfOnePart(&c.Items[base].Scenario, base, figs[i].catalogue(&c.Items[i].Scenario))
		}
	}
	return &c, nil
}

// factorsAlone is partsAlone for a sensitivity analysis: each scenario
// with a factor scaled that changes one part of a separable scenario (a
// time of the deliveries, the residents' number...) runs that part alone,
// the other part's KPIs taken from the base scenario (item 0), as far as
// the analysis' KPIs are all of one part or the other.
func (w *Work) factorsAlone(opt Options, figs []*figures) (*Work, error) {
	sc := &w.Items[0].Scenario
	chosen, err := chooseKPIs(sc, w.KPIs)
	if err != nil {
		return nil, err
	}
	if figs[0] == nil || !partsCanRunAlone(sc, chosen, opt) {
		return w, nil
	}
	c := *w
	c.Items = slices.Clone(w.Items)
	for i := 1; i < len(c.Items); i++ {
		if figs[i] != nil {
			c.Items[i].aloneIfOnePart(sc, 0, figs[i].catalogue(&c.Items[i].Scenario))
		}
	}
	return &c, nil
}

// aloneIfOnePart sets the item to run alone the one part of base (item b
// of its work) that it changes, if it changes one; cat is the item's
// scenario's catalogue.
func (it *WorkItem) aloneIfOnePart(base *compound.Scenario, b int, cat []compound.KPI) {
	if it.part = base.StepPart(&it.Scenario); it.part != compound.PartWhole {
		it.base = b
		for _, kpi := range cat {
			it.kpiParts = append(it.kpiParts, compound.KPIPart(kpi))
		}
	}
}

// partsCanRunAlone reports whether the steps of an analysis of sc judged
// on the chosen KPIs may run the part they change alone: sc is Separable,
// every chosen KPI is of one part or the other (none of the staff's,
// posts' or cost, which both parts make), and the run is neither a replay
// nor logged (both of the whole compound).
func partsCanRunAlone(sc *compound.Scenario, chosen []compound.KPI, opt Options) bool {
	return opt.Model.Arrivals == nil && opt.Model.Log == nil && sc.Separable() &&
		!slices.ContainsFunc(chosen, func(k compound.KPI) bool { return compound.KPIPart(k) == compound.PartWhole })
}

// shareParts puts in the figures of each step run with its part alone the
// other part's KPIs of the base run, replication by replication, and NaN
// for the KPIs both parts make (the staff's, the posts', the cost). The
// base's replications are in figs, or in results where figs has none.
func (w *Work) shareParts(results [][]*compound.Result, figs []*figures) {
	for i, it := range w.Items {
		if it.part == compound.PartWhole {
			continue
		}
		f := figs[i]
		for k, p := range it.kpiParts {
			if k >= len(f.kpis) {
				break
			}
			if p == it.part {
				continue
			}
			col := &f.kpis[k]
			if !col.set {
				continue // a KPI the step does not keep
			}
			var base []float64 // the base's values, when this part made them
			if p != compound.PartWhole {
				base = baseColumn(results, figs, it.base, k)
			}
			for r, in := range f.in {
				if !in {
					continue
				}
				v := math.NaN()
				if base != nil {
					v = base[r]
				}
				col.put(r, v, f.in, f.reps)
			}
		}
	}
}

// baseColumn is KPI k of every replication of item b, replication r at
// index r: read once per KPI (a figures' column is unpacked on each read).
func baseColumn(results [][]*compound.Result, figs []*figures, b, k int) []float64 {
	if f := figs[b]; f != nil {
		return f.kpi(k)
	}
	out := make([]float64, len(results[b]))
	for r, res := range results[b] {
		out[r] = res.Values[k]
	}
	return out
}
