package experiment

import (
	"errors"
	"slices"

	"cordon/compound"
	"cordon/sim/stats"
)

// SideEffect is a KPI the plan makes significantly worse than the input:
// the means of both, run with common random numbers, and the paired
// difference (plan minus input) with its 95% interval.
type SideEffect struct {
	compound.KPI
	Base, Plan float64
	Difference stats.Summary
}

// sideEffects returns the KPIs with a better direction that plan makes
// worse than base (Judge: significantly, and by at least the KPI's
// practical minimum effect), in the catalogue's order. What the plan
// buys is left out (whatIsBought): more of it is the plan, and its cost
// says so.
func sideEffects(base, plan *Outcome) ([]SideEffect, error) {
	if base == nil || plan == nil {
		return nil, nil
	}
	var out []SideEffect
	for _, k := range plan.KPIs {
		if k.Better == "" || whatIsBought(k.KPI) {
			continue
		}
		b, ok := base.KPI(k.Name)
		if !ok {
			continue
		}
		if sameAsWholeRun(base, plan, b, k) {
			continue
		}
		d, err := stats.Paired(b.Values, k.Values, Level)
		if err != nil {
			return nil, err
		}
		if Judge(k.KPI, b.Mean, d, MinEffects{}) == Worse {
			out = append(out, SideEffect{KPI: k.KPI, Base: b.Mean, Plan: k.Mean, Difference: d})
		}
	}
	return out, nil
}

// sameAsWholeRun reports whether a day's KPI (base's b, plan's k) is the
// whole run's in every replication of both, as a KPI of something that
// happens on that day alone is (the sampling round's on its day, the
// pile on the day before the gate was reorganised): its side effect
// would say again, line for line, what the whole run's says.
func sameAsWholeRun(base, plan *Outcome, b, k KPIResult) bool {
	whole, day := compound.WholeRun(k.Name)
	if day == 0 {
		return false
	}
	wb, ok := base.KPI(whole)
	if !ok {
		return false
	}
	wk, ok := plan.KPI(whole)
	return ok && slices.Equal(wb.Values, b.Values) && slices.Equal(wk.Values, k.Values)
}

// whatIsBought reports whether a KPI counts what staff and equipment
// come with: staff-hours (of a pool, of everyone, of the medical staff),
// the suits and disinfectant they use, and money.
func whatIsBought(k compound.KPI) bool {
	switch k.Unit {
	case "h", "suits", "litres", "cost":
		return true
	}
	return false
}

// unlimited is how many times the bound run multiplies every staff and
// equipment capacity.
const unlimited = 10

// bounds runs the plan with every staff and equipment capacity multiplied
// by unlimited (at least unlimited steps more) and records, for each target
// the plan does not meet, what its KPI comes to there: a target missed even
// then cannot be met by staffing at all.
func (p *planner) bounds(e *evaluation) error {
	sc := cloneForKnobs(e.sc)
	for _, k := range Knobs(e.sc) {
		if k.Resource == KnobSchedule {
			continue
		}
		v := k.Value(e.sc)
		most := compound.MaxStaff
		if k.Path == "gate.shelves" || k.Path == "gate.containers" || k.Path == "disinfection.space" {
			most = compound.MaxPlaces
		}
		k.set(sc, min(max(unlimited*v, v+unlimited*k.Step), most))
	}
	sc.Name = e.sc.Name + "-unlimited"
	if len(sc.Check()) > 0 {
		return nil // past the model's limits: the bound is left out
	}
	outs, err := p.run([]*compound.Scenario{sc})
	if err != nil {
		var me *MemoryError
		if errors.As(err, &me) {
			return nil // the bound is left out: the plan stands without it
		}
		return err
	}
	p.evals++
	res, err := CheckTargets(outs[0], p.targets)
	if err != nil {
		return err
	}
	for i, r := range res {
		if !e.results[i].Confident {
			p.plan.Bounds = append(p.plan.Bounds, Bound{TargetResult: r, Factor: unlimited})
		}
	}
	return nil
}
