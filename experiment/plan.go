package experiment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"cordon/compound"
)

// PlanOptions tune the planner.
type PlanOptions struct {
	// Options.Replications is the replications of each evaluation during the
	// search (default 10); Seed its seed (default the scenario's).
	Options
	Targets []compound.Target
	// Budget is the most the plan may cost (0: no limit).
	Budget float64
	// Confirm is the replications of the confirmation, run with fresh seeds
	// (default three times the search's, at least 30).
	Confirm int
	// MaxEvaluations bounds the scenario evaluations of the search (default
	// 600).
	MaxEvaluations int
}

// PlanStep is one move of the search.
type PlanStep struct {
	Action    string // start, arrange (a zero-cost move), add, remove, confirm
	Knob      string // the knob moved, for add and remove
	Value     int    // its new value
	Text      string // the new value as --set takes it (Knob.Text)
	Cost      float64
	Met       bool    // every target met with 95% confidence
	Violation float64 // how far the targets are missed, 0 when met
}

// FrontierPoint is one plan the search evaluated: its cost and the means of
// the targets' KPIs.
type FrontierPoint struct {
	Cost  float64
	Met   bool
	Means []float64 // per target, in order
}

// Plan is the cheapest staffing found that meets every target with 95%
// confidence (the upper bound of each interval inside its target).
type Plan struct {
	Input, Planned  *compound.Scenario
	Settings        []Setting // knobs whose value changed
	InputCost, Cost float64
	Outcome         *Outcome // the confirmation run of the plan
	Targets         []TargetResult
	// Feasible is false when no plan within the budget and the knobs'
	// limits meets every target: Unmet says which cannot be met, and the
	// plan is the best found.
	Feasible    bool
	Unmet       []TargetResult
	Path        []PlanStep
	Evaluations int
	Frontier    []FrontierPoint
	// ConfirmSeed and ConfirmReplications are the fresh seed and the
	// replications the plan was confirmed with: at those, taking any one
	// step of a knob away misses a target.
	ConfirmSeed         uint64
	ConfirmReplications int
	// Knobs are those the search moved: the ones that can move a target's
	// KPI. The others are left as they are.
	Knobs []Knob
}

// planner is one search.
type planner struct {
	ctx   context.Context
	sc    *compound.Scenario
	opt   PlanOptions
	knobs []Knob
	reps  int
	seed  uint64
	evals int
	plan  *Plan
}

// evaluation is a plan's values and how it fares.
type evaluation struct {
	values    []int
	sc        *compound.Scenario
	out       *Outcome
	results   []TargetResult
	met       bool
	violation float64
	cost      float64
}

// MakePlan searches for the cheapest plan meeting every target: it starts
// from the analytic lower bound of every knob that can move a target's KPI
// (the offered load per post), adds the step with the best gain per cost
// until the targets are met, removes steps while they still are, and
// confirms the plan with more replications and fresh seeds, searching on
// from there if it fails.
func MakePlan(ctx context.Context, sc *compound.Scenario, opt PlanOptions) (*Plan, error) {
	if len(opt.Targets) == 0 {
		return nil, fmt.Errorf("a plan needs at least one target")
	}
	// Check bounds every cost by compound.MaxCost, so that no plan's cost
	// (a sum of costs times whole counts and hours) can overflow.
	if errs := sc.Check(); len(errs) > 0 {
		return nil, fmt.Errorf("scenario %s: %v", sc.Name, errs[0])
	}
	p := &planner{ctx: ctx, sc: sc, opt: opt, reps: opt.Replications, seed: sc.Seed}
	if p.reps <= 0 {
		p.reps = 10
	}
	if opt.Seed != nil {
		p.seed = *opt.Seed
	}
	if p.opt.Confirm <= 0 {
		p.opt.Confirm = max(3*p.reps, 30)
	}
	if p.opt.MaxEvaluations <= 0 {
		p.opt.MaxEvaluations = 600
	}
	for _, k := range Knobs(sc) {
		for _, t := range opt.Targets {
			if k.Affects(t.KPI) {
				p.knobs = append(p.knobs, k)
				break
			}
		}
	}
	p.plan = &Plan{Input: sc, InputCost: Cost(sc), Knobs: p.knobs}
	if err := checkTargetKPIs(sc, opt.Targets); err != nil {
		return nil, err
	}
	best, err := p.search()
	if err != nil {
		return nil, err
	}
	return p.finish(best)
}

// search runs the add, remove and confirm phases.
func (p *planner) search() (*evaluation, error) {
	start := p.lowerBounds()
	cur, err := p.evaluate([][]int{start})
	if err != nil {
		return nil, err
	}
	p.step("start", "", 0, cur[0])
	e := cur[0]
	if e, err = p.arrange(e); err != nil {
		return nil, err
	}
	for round := 0; round < 4; round++ {
		if e, err = p.add(e); err != nil {
			return nil, err
		}
		if !e.met {
			return e, nil // infeasible: the best found
		}
		if e, err = p.remove(e); err != nil {
			return nil, err
		}
		// Confirm with more replications and fresh seeds; a plan that fails
		// is searched on from with those.
		p.reps, p.seed = p.opt.Confirm, freshSeed(p.seed, round)
		conf, err := p.evaluate([][]int{e.values})
		if err != nil {
			return nil, err
		}
		e = conf[0]
		p.step("confirm", "", 0, e)
		if e.met {
			// One more pass of removal at the confirmation's settings, so
			// that no single step can be taken away.
			if e, err = p.remove(e); err != nil {
				return nil, err
			}
			return e, nil
		}
	}
	return e, nil
}

// freshSeed derives the seed of a confirmation from the search's.
func freshSeed(seed uint64, round int) uint64 {
	x := seed + 0x9e3779b97f4a7c15*uint64(round+1)
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>29
}

// add takes the step with the best gain per cost until every target is met
// or no step helps.
func (p *planner) add(e *evaluation) (*evaluation, error) {
	for !e.met {
		var cands [][]int
		var which []int
		for i, k := range p.knobs {
			v := e.values[i] + k.Step
			if v > k.Max || k.TwoWay || !affectsMissed(k, e.results) {
				continue
			}
			next := slices.Clone(e.values)
			next[i] = v
			if p.opt.Budget > 0 && Cost(p.apply(next)) > p.opt.Budget {
				continue
			}
			cands, which = append(cands, next), append(which, i)
		}
		if len(cands) == 0 || p.evals+len(cands) > p.opt.MaxEvaluations {
			return e, nil
		}
		evs, err := p.evaluate(cands)
		if err != nil {
			return nil, err
		}
		best, bestScore := -1, 0.0
		for j, c := range evs {
			gain := e.violation - c.violation
			if gain <= 0 {
				continue
			}
			score := gain / math.Max(c.cost-e.cost, 1e-6)
			if best < 0 || score > bestScore {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			return e, nil // no single step helps
		}
		e = evs[best]
		k := p.knobs[which[best]]
		p.step("add", k.Name, e.values[which[best]], e)
	}
	return e, nil
}

// Zero-cost moves (TwoWay knobs) are taken before anything is bought: at
// most arrangeRounds of them, each cutting the targets' violation by at
// least arrangeGain of itself, so that a knob creeping towards a target
// by small steps does not use up the search.
const (
	arrangeRounds = 4
	arrangeGain   = 0.01
)

// arrange takes, while the targets are missed, the zero-cost move (one
// step of a TwoWay knob either way) that most cuts the violation.
func (p *planner) arrange(e *evaluation) (*evaluation, error) {
	for round := 0; round < arrangeRounds && !e.met; round++ {
		var cands [][]int
		var which []int
		for i, k := range p.knobs {
			if !k.TwoWay || !affectsMissed(k, e.results) {
				continue
			}
			for _, v := range []int{e.values[i] + k.Step, e.values[i] - k.Step} {
				if v < k.Min || v > k.Max {
					continue
				}
				next := slices.Clone(e.values)
				next[i] = v
				cands, which = append(cands, next), append(which, i)
			}
		}
		if len(cands) == 0 || p.evals+len(cands) > p.opt.MaxEvaluations {
			return e, nil
		}
		evs, err := p.evaluate(cands)
		if err != nil {
			return nil, err
		}
		best := -1
		for j, c := range evs {
			if e.violation-c.violation >= arrangeGain*e.violation && (best < 0 || c.violation < evs[best].violation) {
				best = j
			}
		}
		if best < 0 {
			return e, nil
		}
		e = evs[best]
		p.step("arrange", p.knobs[which[best]].Name, e.values[which[best]], e)
	}
	return e, nil
}

// affectsMissed reports whether the knob can move a target not yet met.
func affectsMissed(k Knob, results []TargetResult) bool {
	for _, r := range results {
		if !r.Confident && k.Affects(r.Target.KPI) {
			return true
		}
	}
	return false
}

// remove takes away, one at a time, the step that saves the most while every
// target stays met.
func (p *planner) remove(e *evaluation) (*evaluation, error) {
	for {
		var cands [][]int
		var which []int
		for i, k := range p.knobs {
			v := e.values[i] - k.Step
			if v < k.Min || k.TwoWay { // taking a zero-cost step away saves nothing
				continue
			}
			next := slices.Clone(e.values)
			next[i] = v
			cands, which = append(cands, next), append(which, i)
		}
		if len(cands) == 0 || p.evals+len(cands) > p.opt.MaxEvaluations {
			return e, nil
		}
		evs, err := p.evaluate(cands)
		if err != nil {
			return nil, err
		}
		best := -1
		for j, c := range evs {
			if c.met && (best < 0 || c.cost < evs[best].cost) {
				best = j
			}
		}
		if best < 0 {
			return e, nil
		}
		e = evs[best]
		p.step("remove", p.knobs[which[best]].Name, e.values[which[best]], e)
	}
}

// apply returns the scenario with the knobs at values.
func (p *planner) apply(values []int) *compound.Scenario {
	sc := cloneForKnobs(p.sc)
	for i, k := range p.knobs {
		k.set(sc, values[i])
	}
	return sc
}

// evaluate runs several plans together (common random numbers).
func (p *planner) evaluate(plans [][]int) ([]*evaluation, error) {
	scs := make([]*compound.Scenario, len(plans))
	for i, v := range plans {
		scs[i] = p.apply(v)
	}
	opt := p.opt.Options
	opt.Replications, opt.Seed = p.reps, &p.seed
	outs, err := runScenarios(p.ctx, scs, opt)
	if err != nil {
		return nil, err
	}
	p.evals += len(plans)
	evs := make([]*evaluation, len(plans))
	for i, o := range outs {
		res, err := CheckTargets(o, p.opt.Targets)
		if err != nil {
			return nil, err
		}
		ev := &evaluation{values: plans[i], sc: scs[i], out: o, results: res, met: true, cost: Cost(scs[i])}
		fp := FrontierPoint{Cost: ev.cost}
		for _, r := range res {
			if !r.Confident {
				ev.met = false
			}
			ev.violation += violation(r)
			fp.Means = append(fp.Means, r.KPI.Mean)
		}
		fp.Met = ev.met
		p.plan.Frontier = append(p.plan.Frontier, fp)
		evs[i] = ev
	}
	return evs, nil
}

// violation is how far a target is from being met with confidence, relative
// to its threshold: 0 when met.
func violation(r TargetResult) float64 {
	bound := r.KPI.High
	if r.Op == ">=" || r.Op == ">" {
		bound = r.KPI.Low
	}
	if math.IsNaN(bound) {
		return 10
	}
	if r.Confident {
		return 0
	}
	scale := math.Max(math.Abs(r.Value), 1e-9)
	d := math.Abs(bound-r.Value) / scale
	return math.Max(d, 1e-6)
}

func (p *planner) step(action, knob string, value int, e *evaluation) {
	text := ""
	for _, k := range p.knobs {
		if k.Name == knob && knob != "" {
			text = k.Text(value)
		}
	}
	p.plan.Path = append(p.plan.Path, PlanStep{Action: action, Knob: knob, Value: value, Text: text, Cost: e.cost, Met: e.met, Violation: e.violation})
}

// lowerBounds returns each knob's analytic lower bound: the least units
// that keep its post stable in every hour it covers, from the offered load,
// and never below the knob's minimum.
func (p *planner) lowerBounds() []int {
	loads := p.sc.OfferedLoad()
	out := make([]int, len(p.knobs))
	for i, k := range p.knobs {
		if k.TwoWay { // a zero-cost knob starts where the input has it
			out[i] = k.Value(p.sc)
			continue
		}
		need := 0.0
		for _, l := range loads {
			for h := range 24 {
				if covered(k, l, h) {
					need = math.Max(need, l.Load[h])
				}
			}
		}
		n := 0
		if need > 0 {
			n = int(math.Floor(need)) + 1
		}
		if k.Step > 1 {
			n = (n + k.Step - 1) / k.Step * k.Step
		}
		out[i] = min(max(n, k.Min), k.Max)
	}
	return out
}

// covered reports whether post load l in hour h is the knob's to carry.
func covered(k Knob, l compound.PostLoad, h int) bool {
	switch {
	case k.Pool != "":
		if l.Pool != k.Pool {
			return false
		}
		if s := k.shift; s != nil {
			c := float64(h)*3600 + 1800
			from, to := float64(s.From), float64(s.To)
			if to <= from {
				to += 24 * 3600
			}
			return (c >= from && c < to) || (c+24*3600 >= from && c+24*3600 < to)
		}
		return true
	case strings.HasPrefix(k.Path, "sampling.sites."):
		return l.Post == k.Name
	case k.Path == "transfer.carts":
		return l.Post == "carts"
	case k.Path == "disinfection.space":
		return l.Post == "disinfection"
	}
	return false
}

// finish fills in the plan from the best evaluation.
func (p *planner) finish(e *evaluation) (*Plan, error) {
	pl := p.plan
	pl.Planned = e.sc
	pl.Planned.Name = p.sc.Name + "-plan"
	pl.Cost = e.cost
	pl.Outcome = e.out
	pl.Targets = e.results
	pl.Feasible = e.met
	pl.Evaluations = p.evals
	pl.ConfirmSeed, pl.ConfirmReplications = p.seed, p.reps
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
	return pl, nil
}
