package experiment

import (
	"sort"
	"strings"
)

// prune takes away, one at a time, the step whose removal saves the most
// while every target stays met: a unit the plan added, or with AllowCuts
// any unit down to the floors (with jumps of half the way to the floor,
// so that a large excess goes in a few rounds); and moves TwoWay knobs
// back towards the input's value where the targets stay met, so that the
// plan changes nothing it need not. Candidates are tried from the largest
// saving down, the first that keeps the targets met taken; after each
// taken, every candidate is tried again, so that at the end no single step
// can be taken away.
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
		// Posts interact (fewer at the gate smooths the flow to the carts),
		// so a step that missed before this one may meet now: try them all
		// again. The plan's added units are few, so this costs little.
		clear(failed)
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
