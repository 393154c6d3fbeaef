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
// each knob changes, and the part outcomes run so far at each stage.
type planParts struct {
	// knob is the part each knob of the search changes (PartWhole: both,
	// or not known).
	knob []compound.Part
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
	for _, t := range targets {
		i := indexKPI(cat, t.KPI)
		if i < 0 {
			return nil
		}
		chosen = append(chosen, cat[i])
	}
	if !partsCanRunAlone(sc, chosen, opt) {
		return nil
	}
	pp := &planParts{outs: map[string]*Outcome{}}
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

// key identifies part's outcome of the plan values at stage, keeping
// kpis: the values of the knobs that change part (or both parts).
func (pp *planParts) key(st stage, part compound.Part, values []int, kpis []string) string {
	var b strings.Builder
	fmt.Fprint(&b, st.reps, " ", st.seed, " ", part, " ", kpis)
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
	key  string
	part compound.Part
	sc   *compound.Scenario
	kpis []string
}

// runParts gives the outcomes of plans (their scenarios scs) at the
// current stage, keeping kpis, each made of its parts run alone: a part
// already run at this stage with the same settings is not run again.
// ok is false where some plan's scenario cannot run its parts alone (the
// caller runs them whole).
func (p *planner) runParts(plans [][]int, scs []*compound.Scenario, kpis []string) (outs []*Outcome, ok bool, err error) {
	pp := p.parts
	byPart := map[compound.Part][]string{}
	cat := compound.Catalog(p.sc)
	for _, name := range kpis {
		i := indexKPI(cat, name)
		if i < 0 {
			return nil, false, nil
		}
		part := compound.KPIPart(cat[i])
		byPart[part] = append(byPart[part], name)
	}
	if len(byPart[compound.PartWhole]) > 0 {
		return nil, false, nil
	}
	parts := []compound.Part{compound.PartSampling, compound.PartDeliveries}
	var todo []partRun
	taken := map[string]bool{}
	for j, v := range plans {
		if !scs[j].Separable() {
			return nil, false, nil
		}
		for _, part := range parts {
			if len(byPart[part]) == 0 {
				continue // no target reads it
			}
			k := pp.key(p.stage, part, v, byPart[part])
			if pp.outs[k] == nil && !taken[k] {
				taken[k] = true
				todo = append(todo, partRun{key: k, part: part, sc: scs[j], kpis: byPart[part]})
			}
		}
	}
	if err := p.runPartsAlone(todo, len(plans)*p.stage.reps); err != nil {
		return nil, false, err
	}
	for j, v := range plans {
		sc := scs[j]
		o := &Outcome{Scenario: sc, Seed: p.stage.seed, Replications: p.stage.reps, Unstable: sc.Stability()}
		for _, part := range parts {
			if names := byPart[part]; len(names) > 0 {
				o.KPIs = append(o.KPIs, pp.outs[pp.key(p.stage, part, v, names)].KPIs...)
			}
		}
		outs = append(outs, o)
	}
	return outs, true, nil
}

// runPartsAlone runs each part in todo alone at the current stage and
// keeps its outcome. The progress counts the batch's replications, those
// of the evaluations these parts stand for.
func (p *planner) runPartsAlone(todo []partRun, batch int) error {
	done, ahead := p.done, p.ahead
	units, ran := len(todo)*p.stage.reps, 0
	// Parts keeping different KPIs run apart: a run keeps one set.
	for len(todo) > 0 {
		var same, rest []partRun
		for _, r := range todo {
			if r.part == todo[0].part {
				same = append(same, r)
			} else {
				rest = append(rest, r)
			}
		}
		todo = rest
		opt := p.opt.Options
		opt.onlyKPIs = same[0].kpis
		opt.Replications, opt.Seed = p.stage.reps, &p.stage.seed
		opt.FiguresOnly = true
		if progress := p.opt.Progress; progress != nil {
			before := ran
			opt.Progress = func(d, _ int) { progress(done+(before+d)*batch/units, done+batch+ahead) }
		}
		scs := make([]*compound.Scenario, len(same))
		partOf := make([]compound.Part, len(same))
		for i, r := range same {
			scs[i], partOf[i] = r.sc, r.part
		}
		outs, err := runScenarioParts(p.ctx, scs, partOf, opt)
		if err != nil {
			return err
		}
		for i, o := range outs {
			p.parts.outs[same[i].key] = onlyKPIs(o, same[i].kpis)
		}
		ran += len(same) * p.stage.reps
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
	c.Bottlenecks, c.OnDuty = nil, nil
	return &c
}
