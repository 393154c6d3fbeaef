package experiment

import (
	"context"
	"fmt"
	"math"
	"sort"

	"cordon/compound"
)

// PlanOptions tune the planner.
type PlanOptions struct {
	// Options.Replications is the replications of each candidate screened
	// during the search (default 6); Seed its seed (default the
	// scenario's). Options.Progress sees every replication the plan runs.
	Options
	// Targets are the targets given besides the scenario's own (from
	// --target); the plan meets them all.
	Targets []compound.Target
	// OnlyGiven leaves the scenario's own targets out: only Targets bind.
	OnlyGiven bool
	// AllowCuts lets the plan take staff and equipment away, down to the
	// scenario's floors. Without it the plan only adds (zero-cost knobs,
	// which are TwoWay, move either way).
	AllowCuts bool
	// Budget is the most the plan may cost (0: no limit).
	Budget float64
	// Confirm is the replications of the confirmation, run with a fresh
	// seed (default three times the search's, at least 30).
	Confirm int
	// MaxEvaluations bounds the scenario evaluations of the search (default
	// 600).
	MaxEvaluations int
	// Knobs are the knobs the plan may turn (nil: Knobs of the scenario);
	// of them, the search moves those that can move a target's KPI.
	Knobs []Knob
	// wholeEvaluations runs every evaluation of the whole compound, never
	// a part alone (for the test that both give the same plan).
	wholeEvaluations bool
}

// Where a plan's target comes from.
const (
	SourceScenario = "scenario" // the scenario's targets section
	SourceFlag     = "flag"     // given with the plan (--target)
)

// Constraint is a target a plan must meet and where it comes from.
type Constraint struct {
	compound.Target
	Source string // SourceScenario or SourceFlag
}

// PlanStep is one move of the search.
type PlanStep struct {
	Action    string // start, add, cut, move, back, confirm
	Knob      string // the knob moved
	Value     string // its new value, as the knob's Text writes it
	Cost      float64
	Met       bool    // every target met with 95% confidence
	Violation float64 // how far the targets are missed, 0 when met
	// Replications is the replications of the evaluation (the search's
	// screening, or the confirmation's).
	Replications int
}

// FrontierPoint is one plan the search evaluated: its cost and the means of
// the targets' KPIs.
type FrontierPoint struct {
	Cost  float64
	Met   bool
	Means []float64 // per target, in order
}

// Plan is the cheapest setting of the knobs found that meets every target
// with 95% confidence (the upper bound of each interval inside its target).
type Plan struct {
	Input, Planned *compound.Scenario
	// Constraints are the targets the plan meets, the scenario's then the
	// given ones; LeftOut the scenario's targets OnlyGiven left out.
	Constraints []Constraint
	LeftOut     []compound.Target
	AllowCuts   bool
	Settings    []Setting // knobs whose value changed, by path
	// InputCost and Cost are what the knob-driven resources of the input
	// and of the plan cost (see Cost).
	InputCost, Cost float64
	// Outcome and Base are the plan and the input run together, with
	// common random numbers, at the confirmation's seed and replications:
	// the figures the plan reports. Outcome also has what a run report's
	// plots read (Outcome.Plots) unless Options.FiguresOnly.
	Outcome, Base *Outcome
	Targets       []TargetResult // per constraint, in order, from Outcome
	// Feasible is false when no plan within the budget and the knobs'
	// limits meets every target: Unmet says which cannot be met, Bounds
	// what they come to with unlimited staff and equipment, and the plan is
	// the best found.
	Feasible bool
	// MetInSearch says the plan met every target in the search, at the
	// search's replications, though not at its confirmation: it is close
	// to a target, and more replications may settle it.
	MetInSearch bool
	Unmet       []TargetResult
	Bounds      []Bound
	// SideEffects are the KPIs with a better direction that the plan makes
	// significantly worse than the input (paired, 95%), staff-hours left
	// out (they are the plan's cost).
	SideEffects []SideEffect
	// UnderFloors are the moments the input itself has fewer on duty than
	// its floors ask: the plan keeps what the input has there.
	UnderFloors []compound.Shortfall
	Path        []PlanStep
	// Evaluations counts the scenarios evaluated (screened or confirmed),
	// Replications the replications they were judged on: where the
	// compound's parts run alone (runParts), a replication of one part
	// may serve several evaluations, and a part no target reads is not
	// run.
	Evaluations  int
	Replications int
	Frontier     []FrontierPoint
	// SearchSeed and SearchReplications are what the candidates were
	// screened with.
	SearchSeed         uint64
	SearchReplications int
	// Confirmed says the plan and the input were run with a fresh seed,
	// ConfirmSeed, and ConfirmReplications: Outcome and Base come from it.
	Confirmed           bool
	ConfirmSeed         uint64
	ConfirmReplications int
	// Knobs are those the search moved: the ones that can move a target's
	// KPI. The others are left as they are.
	Knobs []Knob
	// partRuns counts the replications of one part alone that were run.
	partRuns int
}

// Bound is a target's KPI with every staff and equipment capacity of the
// plan multiplied by Factor: what no staffing can beat.
type Bound struct {
	TargetResult
	Factor int
}

// MakePlan searches for the cheapest plan meeting every target: the
// scenario's own and opt.Targets. It starts from the input and adds the
// step with the best gain per cost, screening every candidate with a few
// replications and common random numbers, until the targets are met; takes
// back the steps not needed (and, with AllowCuts, cuts down to the
// scenario's floors); then confirms the plan with more replications on a
// fresh seed, together with the input, and searches on from there if it
// fails. It reports what the plan makes worse, and for a target no plan
// meets, the KPI with unlimited staff and equipment.
func MakePlan(ctx context.Context, sc *compound.Scenario, opt PlanOptions) (*Plan, error) {
	// Check bounds every cost by compound.MaxCost, so that no plan's cost
	// (a sum of costs times whole counts and hours) can overflow.
	if errs := sc.Check(); len(errs) > 0 {
		return nil, fmt.Errorf("scenario %s: %v", sc.Name, errs[0])
	}
	constraints, leftOut := planConstraints(sc, opt)
	if len(constraints) == 0 {
		return nil, fmt.Errorf("a plan needs at least one target")
	}
	targets := make([]compound.Target, len(constraints))
	for i, c := range constraints {
		targets[i] = c.Target
	}
	if err := checkTargetKPIs(sc, targets); err != nil {
		return nil, err
	}
	p := newPlanner(ctx, sc, opt, targets)
	p.plan.Constraints, p.plan.LeftOut = constraints, leftOut
	best, err := p.search()
	if err != nil {
		return nil, err
	}
	return p.finish(best)
}

// planConstraints returns the targets a plan meets: the scenario's (unless
// OnlyGiven) then the given ones, a target given twice kept once; and the
// scenario's targets left out.
func planConstraints(sc *compound.Scenario, opt PlanOptions) (out []Constraint, leftOut []compound.Target) {
	seen := map[string]bool{}
	add := func(t compound.Target, source string) {
		key := fmt.Sprintf("%s %s %v", t.KPI, t.Op, t.Value)
		if !seen[key] {
			seen[key] = true
			out = append(out, Constraint{Target: t, Source: source})
		}
	}
	for _, t := range sc.ParsedTargets() {
		if opt.OnlyGiven {
			leftOut = append(leftOut, t)
			continue
		}
		add(t, SourceScenario)
	}
	for _, t := range opt.Targets {
		add(t, SourceFlag)
	}
	return out, leftOut
}

// finish fills in the plan from the best evaluation: the settings, the
// targets at the confirmation, the side effects and the bounds.
func (p *planner) finish(e *evaluation) (*Plan, error) {
	pl := p.plan
	pl.Outcome = e.out
	var err error
	if e.confirmed || e.dropped || e.partial {
		if pl.Outcome, err = p.wholeRuns(e); err != nil { // before the planned scenario is renamed
			return nil, err
		}
	}
	pl.Planned = e.sc
	pl.Planned.Name = p.sc.Name + "-plan"
	pl.Cost = e.cost
	pl.Targets = e.results
	pl.Feasible = e.met
	for _, r := range e.results {
		if !r.Confident {
			pl.Unmet = append(pl.Unmet, r)
		}
	}
	for i, k := range p.knobs {
		if from := k.Value(p.sc); from != e.values[i] {
			pl.Settings = append(pl.Settings, Setting{Knob: k, From: from, To: e.values[i]})
		}
	}
	sort.SliceStable(pl.Settings, func(i, j int) bool { return pl.Settings[i].Knob.Path < pl.Settings[j].Knob.Path })
	if pl.SideEffects, err = sideEffects(pl.Base, pl.Outcome); err != nil {
		return nil, err
	}
	if !pl.Feasible {
		if err := p.bounds(e); err != nil {
			return nil, err
		}
	}
	pl.Evaluations, pl.Replications = p.evals, p.done
	if p.parts != nil {
		pl.partRuns = p.parts.ran
	}
	return pl, nil
}

// ChangeCost returns what one change of the plan costs on its own: the
// input with that knob set, against the input.
func (p *Plan) ChangeCost(s Setting) float64 {
	return math.Round((Cost(s.Knob.With(p.Input, s.To))-p.InputCost)*100) / 100
}
