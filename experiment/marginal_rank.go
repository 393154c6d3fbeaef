package experiment

import (
	"math"
	"sort"
	"strings"

	"cordon/compound"
)

// gainOf is what the move buys over the base run: the paired differences
// of each chosen KPI over the move's replications (the base's first ones,
// common random numbers).
func gainOf(sc *compound.Scenario, chosen []compound.KPI, base, out *Outcome, mv knobStep) KnobGain {
	k := mv.knob
	kg := KnobGain{Knob: k, From: k.Value(sc), To: mv.to, Replications: out.Replications, Utilisation: knobUtilisation(k, base)}
	for _, kpi := range chosen {
		g := pairedGain(kpi, base, out)
		if g.Significant() {
			kg.Score += g.Relative
		}
		kg.Gains = append(kg.Gains, g)
	}
	kg.PerCost = kg.Score / math.Max(k.UnitCost, 1e-9)
	return kg
}

// betterOf returns, for each zero-cost knob of the steps (one down and one
// up, or one of them where the other has no room, in that order), the
// index of the better of its steps.
func betterOf(steps []KnobGain) []int {
	var out []int
	for i, g := range steps {
		if n := len(out); n > 0 && steps[out[n-1]].Knob.Path == g.Knob.Path {
			if !ahead(steps[out[n-1]], g) {
				out[n-1] = i
			}
			continue
		}
		out = append(out, i)
	}
	return out
}

// bothWays returns each zero-cost knob's better step, with the other way
// as its Other.
func bothWays(steps []KnobGain) []KnobGain {
	var out []KnobGain
	for _, i := range betterOf(steps) {
		g := steps[i]
		for j, o := range steps {
			if j != i && o.Knob.Path == g.Knob.Path {
				g.Other = &steps[j]
			}
		}
		out = append(out, g)
	}
	return out
}

// bestFor returns, for each KPI that some step improves, the index of the
// step that improves it most.
func bestFor(chosen []compound.KPI, steps []KnobGain) []int {
	var out []int
	for j := range chosen {
		at := -1
		for i, k := range steps {
			if g := k.Gains[j]; g.Improves() && (at < 0 || math.Abs(g.Mean) > math.Abs(steps[at].Gains[j].Mean)) {
				at = i
			}
		}
		if at >= 0 {
			out = append(out, at)
		}
	}
	return out
}

// ahead reports whether a ranks before b: significant gains first (their
// relative sizes added over the KPIs); among equals, the larger gain in the
// mean, significant or not, so that a short run still shows the likely
// order.
func ahead(a, b KnobGain) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return meanRelative(a) > meanRelative(b)
}

// rank orders the knobs, most valuable first (see ahead); knobs that tie
// keep their order.
func rank(gains []KnobGain) []KnobGain {
	sort.SliceStable(gains, func(i, j int) bool { return ahead(gains[i], gains[j]) })
	return gains
}

// anyImproves reports whether the step improves a KPI significantly.
func anyImproves(k KnobGain) bool {
	for _, g := range k.Gains {
		if g.Improves() {
			return true
		}
	}
	return false
}

// meanRelative adds a knob's relative gains, significant or not.
func meanRelative(k KnobGain) float64 {
	t := 0.0
	for _, g := range k.Gains {
		if !math.IsNaN(g.Relative) {
			t += g.Relative
		}
	}
	return t
}

// knobUtilisation is the utilisation in the base run of the post a knob
// adds to: its pool's (over the shift's hours for a shift's knob, averaged
// over a zone pool's groups), its site station's, the staging area's, the
// carts', the disinfection area's or the planner's own post's; NaN for a
// knob with no post.
func knobUtilisation(k Knob, base *Outcome) float64 {
	var posts []string
	switch {
	case k.Pool != "":
		for _, b := range base.Bottlenecks {
			if b.Post == k.Pool || strings.HasPrefix(b.Post, k.Pool+"/") {
				posts = append(posts, b.Post)
			}
		}
		if k.shift != nil {
			return shiftUtilisation(base, posts, *k.shift)
		}
	case strings.HasPrefix(k.Path, "sampling.sites."):
		posts = []string{k.Name}
	case k.Path == "gate.shelves" || k.Path == "gate.containers":
		posts = []string{"staging"}
	case k.Path == "transfer.carts":
		posts = []string{"carts"}
	case k.Path == "disinfection.space":
		posts = []string{"disinfection"}
	case strings.HasPrefix(k.Path, "posts."):
		posts = []string{strings.TrimSuffix(k.Name, " servers")}
	}
	total, n := 0.0, 0
	for _, b := range base.Bottlenecks {
		for _, p := range posts {
			if b.Post == p && !math.IsNaN(b.Utilisation.Mean) {
				total += b.Utilisation.Mean
				n++
			}
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return total / float64(n)
}

// shiftUtilisation is the mean utilisation of the posts over the hours of
// the run the shift covers, over the replications.
func shiftUtilisation(o *Outcome, posts []string, sh compound.Shift) float64 {
	runs := o.hourRuns()
	if len(runs) == 0 {
		return math.NaN()
	}
	start := float64(o.Scenario.Horizon.Start)
	total, n := 0.0, 0
	for p, post := range runs[0].Posts {
		mine := false
		for _, name := range posts {
			mine = mine || post.Name == name
		}
		if !mine {
			continue
		}
		for h := range post.Hourly {
			if !inShift(sh, math.Mod(start+float64(h)*3600+1800, 24*3600)) {
				continue
			}
			for _, r := range runs {
				if u := r.Posts[p].Hourly[h]; !math.IsNaN(u) {
					total += u
					n++
				}
			}
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return total / float64(n)
}

// inShift reports whether the time of day c (seconds) is in the shift.
func inShift(sh compound.Shift, c float64) bool {
	from, to := float64(sh.From), float64(sh.To)
	if to <= from {
		to += 24 * 3600
	}
	return (c >= from && c < to) || (c+24*3600 >= from && c+24*3600 < to)
}
