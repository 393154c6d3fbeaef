package experiment

import (
	"math"
	"slices"
	"sort"
	"strings"
)

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

// freeGain is the least share of the targets' violation a move that costs
// nothing must take away to be taken: below it, the gain is as likely the
// screening's noise, and a knob would creep a step at a time through the
// search's evaluations.
const freeGain = 0.02

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
		if c.cost == e.cost && gain < freeGain*e.violation {
			gain = 0 // a free move must bring the targets materially nearer, not by noise
		}
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
