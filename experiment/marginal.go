package experiment

import (
	"context"
	"fmt"
	"math"
	"sort"

	"cordon/compound"
	"cordon/sim/stats"
)

// Gain is what one more step of a knob buys on one KPI: the mean of the
// paired improvements over replications (common random numbers), with its
// interval, in the KPI's unit; positive is better, by the KPI's direction
// (for a KPI with no direction, positive is an increase).
type Gain struct {
	KPI compound.KPI
	stats.Summary
	Relative float64 // the mean gain over the KPI's mean in the base run
}

// KnobGain is one knob's gains on every chosen KPI.
type KnobGain struct {
	Knob  Knob
	From  int
	Gains []Gain
	// Score adds the relative gains that are significant, so knobs can be
	// ranked on several KPIs at once; PerCost divides it by the unit cost.
	Score, PerCost float64
}

// HourBottleneck is the post that limits work in one hour of the run.
type HourBottleneck struct {
	Hour        float64 // clock time of the hour's start, in hours after midnight of the first day
	Post        string
	Utilisation float64
	Queue       float64 // mean number waiting in the hour
}

// Marginal is a marginal analysis: what one more unit at each post buys.
type Marginal struct {
	Base   *Outcome
	KPIs   []compound.KPI
	Knobs  []KnobGain // ranked, most valuable first
	Hourly []HourBottleneck
}

// MarginalAnalysis runs sc and, for every knob, sc with one more step of it,
// all with the same seed and replications, and ranks the knobs by their
// gains on the KPIs named (all the KPIs that have a better direction when
// none are named).
func MarginalAnalysis(ctx context.Context, sc *compound.Scenario, kpis []string, opt Options) (*Marginal, error) {
	chosen, err := chooseKPIs(sc, kpis)
	if err != nil {
		return nil, err
	}
	variants, steps := marginalVariants(sc)
	outs, err := runScenarios(ctx, append([]*compound.Scenario{sc}, variants...), opt)
	if err != nil {
		return nil, err
	}
	return marginalOf(sc, chosen, outs[0], outs[1:], steps), nil
}

// chooseKPIs finds the KPIs named in sc's catalogue.
func chooseKPIs(sc *compound.Scenario, names []string) ([]compound.KPI, error) {
	cat := compound.Catalog(sc)
	var chosen []compound.KPI
	for _, name := range names {
		i := indexKPI(cat, name)
		if i < 0 {
			return nil, fmt.Errorf("no KPI %s in %s", name, sc.Name)
		}
		chosen = append(chosen, cat[i])
	}
	return chosen, nil
}

// marginalSteps are the knobs of sc that a plan buys (not the zero-cost
// ones) and that have room for one more step.
func marginalSteps(sc *compound.Scenario) []Knob {
	var steps []Knob
	for _, k := range Knobs(sc) {
		if !k.TwoWay && k.Value(sc)+k.Step <= k.Max {
			steps = append(steps, k)
		}
	}
	return steps
}

// marginalVariants are sc with one more step of each knob that has room
// for one, and those knobs.
func marginalVariants(sc *compound.Scenario) ([]*compound.Scenario, []Knob) {
	steps := marginalSteps(sc)
	variants := make([]*compound.Scenario, len(steps))
	for i, k := range steps {
		variants[i] = k.With(sc, k.Value(sc)+k.Step)
	}
	return variants, steps
}

// marginalOf ranks the knobs by the gains of their variants' outcomes over
// the base outcome, run with common random numbers.
func marginalOf(sc *compound.Scenario, chosen []compound.KPI, base *Outcome, outs []*Outcome, steps []Knob) *Marginal {
	m := &Marginal{Base: base, KPIs: chosen, Hourly: hourly(base)}
	for i, k := range steps {
		kg := KnobGain{Knob: k, From: k.Value(sc)}
		for _, kpi := range chosen {
			b, _ := base.KPI(kpi.Name)
			a, _ := outs[i].KPI(kpi.Name)
			var d stats.Summary
			if kpi.Better == "lower" {
				d, _ = stats.Paired(a.Values, b.Values, Level) // before minus after
			} else {
				d, _ = stats.Paired(b.Values, a.Values, Level) // after minus before
			}
			g := Gain{KPI: kpi, Summary: d}
			if b.Mean != 0 && !math.IsNaN(b.Mean) {
				g.Relative = d.Mean / math.Abs(b.Mean)
			}
			if d.Low > 0 || d.High < 0 { // significant either way
				kg.Score += g.Relative
			}
			kg.Gains = append(kg.Gains, g)
		}
		kg.PerCost = kg.Score / math.Max(k.UnitCost, 1e-9)
		m.Knobs = append(m.Knobs, kg)
	}
	// Significant gains first; among equals, the larger gain in the mean,
	// significant or not, so that a short run still shows the likely order.
	sort.SliceStable(m.Knobs, func(i, j int) bool {
		a, b := m.Knobs[i], m.Knobs[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return meanRelative(a) > meanRelative(b)
	})
	return m
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

// hourly finds, for each hour of the run, the post that limits work: of
// the posts at least half busy in that hour, the one with the most work
// waiting for it; when none is, the one with the most work waiting (a post
// with nobody on duty and work piling up); when nothing waits anywhere, the
// busiest post.
func hourly(o *Outcome) []HourBottleneck {
	if len(o.Runs) == 0 || len(o.Runs[0].Posts) == 0 {
		return nil
	}
	hours := len(o.Runs[0].Posts[0].Hourly)
	start := float64(o.Scenario.Horizon.Start) / 3600
	var out []HourBottleneck
	for h := range hours {
		type cand struct {
			post      string
			util, que float64
		}
		var all []cand
		for p := range o.Runs[0].Posts {
			u, q := meanOver(o, p, h)
			all = append(all, cand{o.Runs[0].Posts[p].Name, u, q})
		}
		pick := func(ok func(cand) bool, better func(a, b cand) bool) (cand, bool) {
			var best cand
			found := false
			for _, c := range all {
				if ok(c) && (!found || better(c, best)) {
					best, found = c, true
				}
			}
			return best, found
		}
		byQueue := func(a, b cand) bool { return a.que > b.que }
		c, ok := pick(func(c cand) bool { return c.util >= 0.5 && c.que > 0.05 }, byQueue)
		if !ok {
			c, ok = pick(func(c cand) bool { return c.que > 0.05 }, byQueue)
		}
		if !ok {
			c, _ = pick(func(cand) bool { return true }, func(a, b cand) bool { return a.util > b.util })
		}
		out = append(out, HourBottleneck{Hour: start + float64(h), Post: c.post, Utilisation: c.util, Queue: c.que})
	}
	return out
}

// meanOver returns post p's utilisation and mean queue in hour h, averaged
// over the replications (hours with nobody on duty count as zero).
func meanOver(o *Outcome, p, h int) (util, queue float64) {
	for _, r := range o.Runs {
		post := r.Posts[p]
		if h < len(post.Hourly) && !math.IsNaN(post.Hourly[h]) {
			util += post.Hourly[h]
		}
		if h < len(post.HourlyQueue) && !math.IsNaN(post.HourlyQueue[h]) {
			queue += post.HourlyQueue[h]
		}
	}
	n := float64(len(o.Runs))
	return util / n, queue / n
}
