package experiment

import (
	"context"
	"slices"

	"cordon/compound"
)

// A run report's marginal analysis screens every step: each is run first
// with the first RunScreenReplications of the analysis' replications
// (common random numbers with the run). A zero-cost step is run no further
// (see MarginalAnalysis for one that is confirmed). A step of a knob a plan
// buys is run with all of them only when its screen changes some KPI; one
// that changes none in any replication is listed with its screen's gains
// (zero) and marked as screened. The ranking and the intervals of the steps run
// in full are those of the full run: the screen's replications are the
// first ones of the same seeds.

// screenGroup is one scenario of a run's work with its marginal analysis:
// the item of the scenario itself, the KPIs of the analysis and the items
// of the steps of the knobs a plan buys.
type screenGroup struct {
	base   int
	chosen []compound.KPI
	bought []int
}

// screenGroups are the groups of a run's work whose analysis screens the
// steps of the knobs a plan buys: those with more replications than the
// screen.
func (w *Work) screenGroups() ([]screenGroup, error) {
	var out []screenGroup
	for i := 0; i < len(w.Items); {
		j := i + 1
		for j < len(w.Items) && w.Items[j].Group == w.Items[i].Group {
			j++
		}
		sc := &w.Items[i].Scenario
		if j > i+1 {
			chosen, err := chooseKPIs(sc, HeadlineKPIs(sc))
			if err != nil {
				return nil, err
			}
			costed, _, _ := runSteps(sc, chosen)
			g := screenGroup{base: i, chosen: chosen}
			for c := range costed {
				if k := i + 1 + c; k < j && w.Items[k].Reps > RunScreenReplications {
					g.bought = append(g.bought, k)
				}
			}
			out = append(out, g)
		}
		i = j
	}
	return out, nil
}

// screenedOut reports whether a step's screen (its outcome over its first
// replications) changes no chosen KPI in any of them, paired with the
// base's same replications. Only that: a step whose screen shows a loss,
// even a significant one, may still show a gain over all the replications
// (one more container on the default scenario does, on some seeds).
func screenedOut(chosen []compound.KPI, base, screen *Outcome) bool {
	for _, kpi := range chosen {
		if g := pairedGain(kpi, base, screen); !(g.Low == 0 && g.High == 0) {
			return false
		}
	}
	return true
}

// firstReps is o's KPIs over its first n replications (no bottlenecks).
func firstReps(o *Outcome, n int) *Outcome {
	c := &Outcome{Scenario: o.Scenario, Seed: o.Seed, Replications: n, Unstable: o.Unstable}
	for _, k := range o.KPIs {
		s := summarizeColumn(slices.Clone(k.Values[:min(n, len(k.Values))]))
		if k.Unit == "share" {
			s = capShare(s)
		}
		c.KPIs = append(c.KPIs, KPIResult{KPI: k.KPI, Summary: s})
	}
	return c
}

// runScreened runs a run's work in two stages: every item, the steps of
// the knobs a plan buys with their screen's replications only; then the
// rest of the replications of the steps whose screen changes a KPI. It returns
// what runWork does (the steps' replications are all in figs).
func (w *Work) runScreened(ctx context.Context, groups []screenGroup, opt Options, figs []*figures) ([][]*compound.Result, error) {
	st := newStages(opt.Progress, w.Units())
	first := *w
	first.Items = slices.Clone(w.Items)
	for _, g := range groups {
		for _, i := range g.bought {
			first.Items[i].Reps = RunScreenReplications
		}
	}
	o := opt
	o.Progress = st.next(first.Units())
	results, err := runWork(ctx, &first, Shard{}, o, figs)
	if err != nil {
		return nil, err
	}
	w.shareParts(results, figs)
	rest := &Work{Command: w.Command}
	var restFigs []*figures
	for _, g := range groups {
		base := w.outcome(g.base, results[g.base], figs)
		for _, i := range g.bought {
			if screenedOut(g.chosen, base, figs[i].outcome(&w.Items[i].Scenario, RunScreenReplications)) {
				continue
			}
			it := w.Items[i]
			it.from, it.Reps = RunScreenReplications, it.Reps-RunScreenReplications
			rest.Items = append(rest.Items, it)
			restFigs = append(restFigs, figs[i])
		}
	}
	st.expect(rest.Units())
	if len(rest.Items) == 0 {
		return results, nil
	}
	o.Progress = st.next(rest.Units())
	if _, err := runWork(ctx, rest, Shard{}, o, restFigs); err != nil {
		return nil, err
	}
	return results, nil
}
