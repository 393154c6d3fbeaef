package experiment

import (
	"fmt"
	"slices"
	"strings"

	"cordon/compound"
)

// A plan's evaluations are judged by the targets' KPIs alone (the input's
// confirmation aside, which keeps every KPI for the side effects). Where
// the scenario's parts share nothing (compound.Separable) and every target
// is a KPI of one part or the other, an evaluation runs each part alone,
// and only the parts whose settings differ from those of an evaluation
// already run at the same stage: more carts change nothing the sampling
// round reads, so a move of the carts runs the deliveries alone, and a
// part no target reads is not run at all. A part alone gives its KPIs bit
// for bit as the whole compound does (TestPartAloneIsExact), so the plan
// is the one found when every evaluation runs whole
// (TestPlanRunsPartsAlone). The replications a plan reports are those its
// evaluations were judged on, as before.

// planParts is what a planner knows for running parts alone: the part
// each knob changes, the targets' KPIs of each part, and the part outcomes
// run so far at each stage.
type planParts struct {
	// knob is the part each knob of the search changes (PartWhole: both,
	// or not known).
	knob []compound.Part
	// kpis are the targets' KPIs of each part, in separateParts' order
	// (none: no target reads that part, which is not run).
	kpis [2][]string
	// outs are the part outcomes run so far, by key.
	outs map[string]*Outcome
	// ran counts the replications of one part run alone.
	ran int
}

// newPlanParts finds the part each knob changes, by moving it one step
// from the input; nil when sc's parts cannot run alone for targets.
func newPlanParts(sc *compound.Scenario, knobs []Knob, targets []compound.Target, opt Options) *planParts {
	cat := compound.Catalog(sc)
	var chosen []compound.KPI
	pp := &planParts{outs: map[string]*Outcome{}}
	parts := separateParts()
	for _, t := range targets {
		i := indexKPI(cat, t.KPI)
		if i < 0 {
			return nil
		}
		chosen = append(chosen, cat[i])
		if j := slices.Index(parts[:], compound.KPIPart(cat[i])); j >= 0 {
			pp.kpis[j] = append(pp.kpis[j], t.KPI)
		}
	}
	if !partsCanRunAlone(sc, chosen, opt) {
		return nil // some target's KPI is of both parts, or the run is a replay
	}
	for _, k := range knobs {
		v := k.Value(sc)
		other := v + max(k.Step, 1)
		if other > max(k.Max, v) {
			other = v - max(k.Step, 1)
		}
		part := compound.PartWhole
		if other != v {
			part = sc.StepPart(k.With(sc, other))
		}
		pp.knob = append(pp.knob, part)
	}
	return pp
}

// separateParts are the parts an evaluation runs alone.
func separateParts() [2]compound.Part {
	return [2]compound.Part{compound.PartSampling, compound.PartDeliveries}
}

// key identifies part's outcome of the plan values at stage: the values of
// the knobs that change part (or both parts).
func (pp *planParts) key(st stage, part compound.Part, values []int) string {
	var b strings.Builder
	fmt.Fprint(&b, st.reps, " ", st.seed, " ", part)
	for i, v := range values {
		if q := pp.knob[i]; q == part || q == compound.PartWhole {
			fmt.Fprint(&b, " ", v)
		} else {
			b.WriteString(" .")
		}
	}
	return b.String()
}

// partRun is one part of one plan's scenario to run alone.
type partRun struct {
	key string
	sc  *compound.Scenario
}

// runParts gives the outcomes of plans (their scenarios scs) at the
// current stage, each holding the targets' KPIs, made of its parts run
// alone: a part already run at this stage with the same settings is not
// run again. ok is false where some plan's scenario cannot run its parts
// alone (the caller runs them whole).
func (p *planner) runParts(plans [][]int, scs []*compound.Scenario) (outs []*Outcome, ok bool, err error) {
	pp := p.parts
	var todo [2][]partRun // by part, as separateParts
	taken := map[string]bool{}
	for j, v := range plans {
		if !scs[j].Separable() {
			return nil, false, nil
		}
		for i, part := range separateParts() {
			if len(pp.kpis[i]) == 0 {
				continue // no target reads it
			}
			k := pp.key(p.stage, part, v)
			if pp.outs[k] == nil && !taken[k] {
				taken[k] = true
				todo[i] = append(todo[i], partRun{key: k, sc: scs[j]})
			}
		}
	}
	if err := p.runPartsAlone(todo, len(plans)*p.stage.reps); err != nil {
		return nil, false, err
	}
	for j, v := range plans {
		sc := scs[j]
		o := &Outcome{Scenario: sc, Seed: p.stage.seed, Replications: p.stage.reps, Unstable: sc.Stability()}
		for i, part := range separateParts() {
			if len(pp.kpis[i]) > 0 {
				o.KPIs = append(o.KPIs, pp.outs[pp.key(p.stage, part, v)].KPIs...)
			}
		}
		outs = append(outs, o)
	}
	return outs, true, nil
}

// runPartsAlone runs the parts in todo (by part, as separateParts) alone
// at the current stage, each keeping its part's targets' KPIs, and keeps
// their outcomes. The progress counts the batch's replications, those of
// the evaluations these parts stand for.
func (p *planner) runPartsAlone(todo [2][]partRun, batch int) error {
	done, ahead := p.done, p.ahead
	units, ran := (len(todo[0])+len(todo[1]))*p.stage.reps, 0
	for i, runs := range todo {
		if len(runs) == 0 {
			continue
		}
		kpis := p.parts.kpis[i]
		opt := p.opt.Options
		opt.onlyKPIs = kpis
		opt.Replications, opt.Seed = p.stage.reps, &p.stage.seed
		opt.FiguresOnly = true
		if progress := p.opt.Progress; progress != nil {
			before := ran
			opt.Progress = func(d, _ int) { progress(done+(before+d)*batch/units, done+batch+ahead) }
		}
		scs := make([]*compound.Scenario, len(runs))
		partOf := make([]compound.Part, len(runs))
		for k, r := range runs {
			scs[k], partOf[k] = r.sc, separateParts()[i]
		}
		outs, err := runScenarioParts(p.ctx, scs, partOf, opt)
		if err != nil {
			return err
		}
		for k, o := range outs {
			p.parts.outs[runs[k].key] = onlyKPIs(o, kpis)
		}
		ran += len(runs) * p.stage.reps
	}
	p.parts.ran += ran
	p.done = done + batch
	return nil
}

// onlyKPIs is o with the KPIs names alone (o's whole catalogue is some
// hundred KPIs), in o's order: what an evaluation judged by its targets
// keeps.
func onlyKPIs(o *Outcome, names []string) *Outcome {
	c := *o
	c.KPIs = nil
	for _, k := range o.KPIs {
		if slices.Contains(names, k.Name) {
			c.KPIs = append(c.KPIs, k)
		}
	}
	c.Bottlenecks, c.DayBottlenecks, c.OnDuty = nil, nil, nil
	return &c
}
