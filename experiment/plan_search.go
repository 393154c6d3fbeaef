package experiment

import (
	"context"
	"fmt"
	"slices"

	"cordon/compound"
)

// planner is one search.
type planner struct {
	ctx     context.Context
	sc      *compound.Scenario
	opt     PlanOptions
	targets []compound.Target
	knobs   []Knob
	// input is each knob's value in the scenario; lo and hi the least and
	// most the search may give it.
	input, lo, hi []int
	// stage is the replications and seed evaluations are run with now.
	stage stage
	// confirming is set from the first confirmation on: the plan's
	// evaluation from then on is run again whole for the report's figures
	// (wholeRuns).
	confirming bool
	// refining is set while the refinement takes back units, and
	// takenBack holds what it took back, in order.
	refining  bool
	takenBack []move
	// families are the knobs also moved together (see families).
	families [][]int
	cache    map[string]*evaluation
	// parts are for running the parts of the compound alone (nil where
	// they cannot): see runParts.
	parts *planParts
	evals int
	// done counts the replications run so far; ahead those certain to
	// come (the confirmation), for the progress.
	done, ahead int
	plan        *Plan
}

// stage is the replications and seed of a part of the search: the
// screening, or a confirmation.
type stage struct {
	reps int
	seed uint64
}

// move is one step of a knob, or of a family of knobs together: up (+1)
// or down (-1), or a jump of several steps down when cutting.
type move struct {
	knobs []int
	steps int
}

// key identifies a move.
func (m move) key() string { return fmt.Sprint(m.knobs, m.steps) }

// PlanScreenReplications is how many replications each candidate of a
// plan is screened with unless PlanOptions.Replications says otherwise.
const PlanScreenReplications = 6

// newPlanner sets up a search: the knobs that can move a target's KPI, and
// the range of each.
func newPlanner(ctx context.Context, sc *compound.Scenario, opt PlanOptions, targets []compound.Target) *planner {
	p := &planner{ctx: ctx, sc: sc, opt: opt, targets: targets, cache: map[string]*evaluation{}}
	p.stage = stage{reps: opt.Replications, seed: sc.Seed}
	if p.stage.reps <= 0 {
		p.stage.reps = PlanScreenReplications
	}
	if opt.Seed != nil {
		p.stage.seed = *opt.Seed
	}
	if p.opt.Confirm <= 0 {
		p.opt.Confirm = max(3*p.stage.reps, 30)
	}
	if p.opt.MaxEvaluations <= 0 {
		p.opt.MaxEvaluations = 600
	}
	knobs := opt.Knobs
	if knobs == nil {
		knobs = Knobs(sc)
	}
	for _, k := range knobs {
		for _, t := range targets {
			if k.Affects(t.KPI) {
				p.knobs = append(p.knobs, k)
				break
			}
		}
	}
	for _, k := range p.knobs {
		v := k.Value(sc)
		lo := v // a plan that only adds keeps what the input has
		switch {
		case k.TwoWay:
			lo = k.Min
		case opt.AllowCuts:
			lo = k.Min
			if f, ok := sc.KnobFloor(k.Path); ok {
				lo = max(lo, min(f, v)) // never below a floor, nor asked to raise what is under it
			}
		}
		p.input, p.lo, p.hi = append(p.input, v), append(p.lo, lo), append(p.hi, max(k.Max, v))
	}
	p.families = families(p.knobs)
	if !opt.wholeEvaluations {
		p.parts = newPlanParts(sc, p.knobs, targets, opt.Options)
	}
	p.ahead = 2 * p.opt.Confirm
	p.plan = &Plan{Input: sc, InputCost: Cost(sc), Knobs: p.knobs, AllowCuts: opt.AllowCuts,
		UnderFloors: sc.DutyShortfalls(nil), SearchSeed: p.stage.seed, SearchReplications: p.stage.reps}
	return p
}

// confirmRounds is how many times a plan is confirmed on a fresh seed
// before the planner gives up on it.
const confirmRounds = 4

// search screens from the input: adds until the targets are met, takes
// back (or cuts) what is not needed, refines at the confirmation's
// replications, then confirms on a fresh seed. A plan that misses at its
// confirmation is close to a target: the search adds at the
// confirmation's seed until it meets them there, taking nothing back, and
// confirms again on another fresh seed. It returns the last confirmation
// of the plan.
func (p *planner) search() (*evaluation, error) {
	start, err := p.evaluate([][]int{p.input})
	if err != nil {
		return nil, err
	}
	p.step("start", move{}, start[0])
	e := start[0]
	if e, err = p.add(e); err != nil {
		return nil, err
	}
	if e.met {
		if e, err = p.prune(e); err != nil {
			return nil, err
		}
	}
	if p.stage.reps < p.opt.Confirm {
		// Refine: a few replications leave wide intervals, so the
		// screened plan has more than it needs, or, where no step
		// helps at a few, a little less. Add what is missing and take
		// back what is not needed at the confirmation's replications,
		// still on the search's seed, so that the confirmation stays a
		// fresh test.
		if e, err = p.refine(e); err != nil {
			return nil, err
		}
	}
	for round := range confirmRounds {
		p.plan.MetInSearch = e.met
		conf, err := p.confirm(e.values, round)
		if err != nil || conf.met || !e.met || round == confirmRounds-1 {
			return conf, err
		}
		if e, err = p.restore(conf); err != nil {
			return nil, err
		}
		if e, err = p.add(e); err != nil {
			return nil, err
		}
		if !e.met {
			p.plan.MetInSearch = false
			return e, nil // no step helps at the confirmation either
		}
	}
	return e, nil
}

// refine evaluates the screened plan with the confirmation's replications
// on the search's seed, adds if it misses there, and takes back what is
// not needed.
func (p *planner) refine(e *evaluation) (*evaluation, error) {
	p.stage.reps = p.opt.Confirm
	evs, err := p.evaluate([][]int{e.values})
	if err != nil {
		return nil, err
	}
	p.step("refine", move{}, evs[0])
	if e, err = p.add(evs[0]); err != nil || !e.met {
		return e, err
	}
	p.refining = true
	defer func() { p.refining = false }()
	return p.prune(e)
}

// restore puts back, last first, the units the refinement took away that
// can move a target the confirmation e misses, while they bring it nearer:
// taken away at one seed, they are the likeliest to be needed at another.
func (p *planner) restore(e *evaluation) (*evaluation, error) {
	for j := len(p.takenBack) - 1; j >= 0 && !e.met; j-- {
		m := p.takenBack[j]
		if !affectsMissed(p.knobs[m.knobs[0]], e.results) {
			continue
		}
		p.takenBack = slices.Delete(p.takenBack, j, j+1)
		back := move{m.knobs, -m.steps}
		if len(p.admissible(e.values, []move{back})) == 0 {
			continue
		}
		evs, err := p.evaluate([][]int{p.moved(e.values, back)})
		if err != nil {
			return nil, err
		}
		if evs[0].violation < e.violation {
			p.step("restore", back, evs[0])
			e = evs[0]
		}
	}
	return e, nil
}

// confirm runs the plan and the input together on a fresh seed with the
// confirmation's replications; the plan's evaluation holds both.
func (p *planner) confirm(values []int, round int) (*evaluation, error) {
	p.stage = stage{reps: p.opt.Confirm, seed: freshSeed(p.plan.SearchSeed, round)}
	p.ahead, p.confirming = 0, true
	evs, err := p.evaluate([][]int{values, p.input})
	if err != nil {
		return nil, err
	}
	e := evs[0]
	p.step("confirm", move{}, e)
	p.plan.Confirmed, p.plan.ConfirmSeed, p.plan.ConfirmReplications = true, p.stage.seed, p.stage.reps
	p.plan.Base = evs[1].out
	return e, nil
}

// freshSeed derives the seed of a confirmation from the search's.
func freshSeed(seed uint64, round int) uint64 {
	x := seed + 0x9e3779b97f4a7c15*uint64(round+1)
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>29
}
