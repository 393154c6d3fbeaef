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
	// confirming is set from the first confirmation on: the outcomes
	// evaluated since keep their runs, for the report.
	confirming bool
	// refining is set while the refinement takes back units, and
	// takenBack holds what it took back, in order.
	refining  bool
	takenBack []move
	// families are the knobs also moved together (see families).
	families [][]int
	cache    map[string]*evaluation
	evals    int
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

// newPlanner sets up a search: the knobs that can move a target's KPI, and
// the range of each.
func newPlanner(ctx context.Context, sc *compound.Scenario, opt PlanOptions, targets []compound.Target) *planner {
	p := &planner{ctx: ctx, sc: sc, opt: opt, targets: targets, cache: map[string]*evaluation{}}
	p.stage = stage{reps: opt.Replications, seed: sc.Seed}
	if p.stage.reps <= 0 {
		p.stage.reps = 6
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

// lazyTop is how many of the best candidates of the last round the add
// phase re-evaluates before it evaluates them all again.
const lazyTop = 3

// add takes the step with the best gain per cost until every target is met
// or no step helps. Gains shrink as steps are taken, so each round it
// re-evaluates only the candidates that were best last time (and any it
// has not seen), and all of them when none of those is still the best.
func (p *planner) add(e *evaluation) (*evaluation, error) {
	stale := map[string]float64{}
	score := func(m move) float64 {
		if s, ok := stale[m.key()]; ok {
			return s
		}
		return math.Inf(1) // never evaluated: try it first
	}
	for !e.met {
		moves := p.addMoves(e)
		if len(moves) == 0 {
			return e, nil
		}
		sort.SliceStable(moves, func(i, j int) bool { return score(moves[i]) > score(moves[j]) })
		first := 0
		for first < len(moves) && (first < lazyTop || math.IsInf(score(moves[first]), 1)) {
			first++
		}
		best, bestMove, bestScore, err := p.bestAdd(e, moves[:first], stale)
		if err != nil {
			return nil, err
		}
		if rest := moves[first:]; len(rest) > 0 && (best == nil || bestScore < score(rest[0])) {
			b, m, s, err := p.bestAdd(e, rest, stale)
			if err != nil {
				return nil, err
			}
			if b != nil && (best == nil || s > bestScore) {
				best, bestMove = b, m
			}
		}
		if best == nil {
			return e, nil // no step helps, or the evaluations ran out
		}
		p.step(p.action(e.values, bestMove), bestMove, best)
		e = best
	}
	return e, nil
}

// bestAdd evaluates moves from e and returns the best that reduces the
// targets' violation, by gain per cost (a move that costs nothing first),
// recording every move's score.
func (p *planner) bestAdd(e *evaluation, moves []move, stale map[string]float64) (*evaluation, move, float64, error) {
	if len(moves) == 0 || p.evals+len(moves) > p.opt.MaxEvaluations {
		return nil, move{}, 0, nil
	}
	cands := make([][]int, len(moves))
	for i, m := range moves {
		cands[i] = p.moved(e.values, m)
	}
	evs, err := p.evaluate(cands)
	if err != nil {
		return nil, move{}, 0, err
	}
	var best *evaluation
	var bestMove move
	bestScore := math.Inf(-1)
	for i, c := range evs {
		gain := e.violation - c.violation
		score := gain / math.Max(c.cost-e.cost, 1e-9)
		if gain <= 0 {
			score = gain // never taken; still ranked
		}
		stale[moves[i].key()] = score
		if gain > 0 && score > bestScore {
			best, bestMove, bestScore = c, moves[i], score
		}
	}
	return best, bestMove, bestScore, nil
}

// addMoves returns the moves the add phase may take from e: one step up of
// each knob that can move a target not yet met and of each family of such
// knobs (every site's swab stations at once: the round's figures are its
// worst site's), and one step down of each such knob that is TwoWay;
// within the knobs' ranges, the budget and the floors.
func (p *planner) addMoves(e *evaluation) []move {
	var out []move
	for i, k := range p.knobs {
		if !affectsMissed(k, e.results) {
			continue
		}
		out = append(out, move{[]int{i}, 1})
		if k.TwoWay {
			out = append(out, move{[]int{i}, -1})
		}
	}
	for _, f := range p.families {
		if affectsMissed(p.knobs[f[0]], e.results) {
			out = append(out, move{f, 1})
		}
	}
	return p.admissible(e.values, out)
}

// families returns the groups of knobs that are the same post at each of
// several sites (sampling.sites.SITE.swab), as indices in knobs.
func families(knobs []Knob) [][]int {
	byField := map[string][]int{}
	var order []string
	for i, k := range knobs {
		rest, ok := strings.CutPrefix(k.Path, "sampling.sites.")
		if !ok || k.TwoWay {
			continue
		}
		dot := strings.LastIndex(rest, ".")
		if dot < 0 {
			continue
		}
		field := rest[dot+1:]
		if _, seen := byField[field]; !seen {
			order = append(order, field)
		}
		byField[field] = append(byField[field], i)
	}
	var out [][]int
	for _, f := range order {
		if len(byField[f]) > 1 {
			out = append(out, byField[f])
		}
	}
	return out
}

// admissible keeps the moves that stay within the knobs' ranges, the
// budget and the on-duty floors.
func (p *planner) admissible(values []int, moves []move) []move {
	var out []move
	now := Cost(p.apply(values))
next:
	for _, m := range moves {
		vs := p.moved(values, m)
		for _, i := range m.knobs {
			if vs[i] < p.lo[i] || vs[i] > p.hi[i] {
				continue next
			}
		}
		sc := p.apply(vs)
		if c := Cost(sc); p.opt.Budget > 0 && c > p.opt.Budget && c > now {
			continue
		}
		if len(sc.DutyShortfalls(p.sc)) > 0 {
			continue
		}
		out = append(out, m)
	}
	return out
}

// moved returns values with move m taken.
func (p *planner) moved(values []int, m move) []int {
	next := slices.Clone(values)
	for _, i := range m.knobs {
		next[i] += m.steps * p.knobs[i].Step
	}
	return next
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

// prune takes away, one at a time, the step whose removal saves the most
// while every target stays met: a unit the plan added, or with AllowCuts
// any unit down to the floors (with jumps of half the way to the floor,
// so that a large excess goes in a few rounds); and moves TwoWay knobs
// back towards the input's value where the targets stay met, so that the
// plan changes nothing it need not. Candidates are tried from the largest
// saving down, the first that keeps the targets met taken; a move that
// misses them is not tried again from a plan with less.
func (p *planner) prune(e *evaluation) (*evaluation, error) {
	failed := map[string]bool{}
	for {
		var moves []move
		for i, k := range p.knobs {
			v := e.values[i]
			switch {
			case k.TwoWay && v > p.input[i]:
				moves = append(moves, move{[]int{i}, -1})
			case k.TwoWay && v < p.input[i]:
				moves = append(moves, move{[]int{i}, 1})
			case p.opt.AllowCuts || v > p.input[i]:
				moves = append(moves, move{[]int{i}, -1})
				if half := (v - p.lo[i]) / k.Step / 2; p.opt.AllowCuts && half >= 2 {
					moves = append(moves, move{[]int{i}, -half})
				}
			}
		}
		type cand struct {
			m    move
			cost float64
		}
		var cands []cand
		for _, m := range p.admissible(e.values, moves) {
			i := m.knobs[0]
			next := p.moved(e.values, m)
			c := Cost(p.apply(next))
			closer := abs(next[i]-p.input[i]) < abs(e.values[i]-p.input[i])
			if !failed[m.key()] && (c < e.cost || (c == e.cost && closer)) {
				cands = append(cands, cand{m, c})
			}
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].cost < cands[j].cost })
		var next *evaluation
		var taken move
		for _, c := range cands {
			if p.evals >= p.opt.MaxEvaluations {
				return e, nil
			}
			evs, err := p.evaluate([][]int{p.moved(e.values, c.m)})
			if err != nil {
				return nil, err
			}
			if evs[0].met {
				next, taken = evs[0], c.m
				break
			}
			failed[c.m.key()] = true
		}
		if next == nil {
			return e, nil
		}
		p.step(p.action(e.values, taken), taken, next)
		if p.refining {
			p.takenBack = append(p.takenBack, taken)
		}
		e = next
	}
}

// action names a move from values for the search path.
func (p *planner) action(values []int, m move) string {
	i := m.knobs[0]
	k, v := p.knobs[i], values[i]
	next := v + m.steps*k.Step
	switch {
	case k.TwoWay && abs(next-p.input[i]) < abs(v-p.input[i]):
		return "back"
	case k.TwoWay:
		return "move"
	case next > v:
		return "add"
	case next >= p.input[i]:
		return "back" // takes back a unit the plan added
	}
	return "cut"
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// step records a move of the search (none for the start and the
// confirmation).
func (p *planner) step(action string, m move, e *evaluation) {
	s := PlanStep{Action: action, Cost: e.cost, Met: e.met, Violation: e.violation, Replications: p.stage.reps}
	var names, values []string
	for _, i := range m.knobs {
		k := p.knobs[i]
		names, values = append(names, k.Name), append(values, k.Text(e.values[i]))
	}
	s.Knob, s.Value = strings.Join(names, " + "), strings.Join(values, ", ")
	p.plan.Path = append(p.plan.Path, s)
}
