package experiment

import (
	"math"

	"cordon/compound"
	"cordon/sim/stats"
)

// What sets a KPI (Finding.SetBy).
const (
	SetByPosts    = "posts"              // one more unit of a post improves it
	SetBySchedule = "schedule"           // no unit does, a zero-cost knob does: the calling plan, the cart rule or the shift times
	SetByDelays   = "fixed delays"       // nothing a plan can turn does, halving a fixed delay (dwell, trips, walks) does
	SetByArrivals = "arrivals"           // of all that, only halving the arrivals does
	SetByNothing  = "nothing tried"      // not even that
	SetByUntried  = "not tried"          // nothing a plan can turn does, and no trial was run (a run report's analysis)
	SetByAtBest   = "nothing to improve" // the KPI is at its best in every replication (no item turned away)
)

// Finding is what moves one KPI: the unit bought and the zero-cost step
// that improve it most, and when no unit does, what sets it.
type Finding struct {
	KPI compound.KPI
	// Post is the step of a knob a plan buys, and Free the zero-cost step
	// (either way), that improves the KPI most, significantly; nil when
	// none does.
	Post, Free *KnobGain
	SetBy      string
	// Trials are the runs with fixed delays or the arrivals halved, when
	// they were run, and their gains on the KPI.
	Trials []Trial

	index int // of the KPI among the analysis' KPIs
}

// Lever is the step that buys the most on the KPI: the zero-cost step when
// it buys at least as much as the best unit bought; nil when no step
// improves the KPI.
func (f Finding) Lever() *KnobGain {
	if f.Free == nil || f.Post != nil && math.Abs(f.GainOf(f.Free).Mean) < math.Abs(f.GainOf(f.Post).Mean) {
		return f.Post
	}
	return f.Free
}

// GainOf returns the gain of one of the analysis' steps on the finding's
// KPI.
func (f Finding) GainOf(k *KnobGain) Gain { return k.Gains[f.index] }

// Trial is a change no plan can make, run to tell what sets a KPI: a
// group of fixed delays or the arrivals halved.
type Trial struct {
	Change string // "disinfection dwell halved"
	Delay  bool   // a fixed delay (else the arrivals)
	Gain   Gain
}

// trialRun is a trial's change.
type trialRun struct {
	change string
	delay  bool
	scale  func(*compound.Scenario)
}

func (t trialRun) apply(sc *compound.Scenario) *compound.Scenario {
	c := cloneForFactors(sc)
	t.scale(c)
	return c
}

// trialRuns are the trials of sc: its disinfection dwell, its trips (the
// carts', the runners' to the lab, the special-needs trips out), its walks
// (to the zones, within them, to the testing sites) and its arrivals (the
// deliveries, the residents to sample, the special-needs cards), each
// group halved.
func trialRuns(sc *compound.Scenario) []trialRun {
	const half = 0.5
	out := []trialRun{
		{"disinfection dwell halved", true, func(s *compound.Scenario) {
			scaleDist(&s.Disinfection.Dwell, half)
			for i := range s.Kinds {
				scaleDist(&s.Kinds[i].Dwell, half)
			}
		}},
		{"trips halved", true, func(s *compound.Scenario) {
			scaleDist(&s.Transfer.Trip, half)
			if s.Sampling != nil {
				scaleDist(&s.Sampling.Pooling.Trip, half)
			}
			if s.SpecialNeeds != nil {
				scaleDist(&s.SpecialNeeds.Trip, half)
			}
		}},
		{"walks halved", true, func(s *compound.Scenario) {
			for i := range s.Zones {
				scaleDist(&s.Zones[i].Walk, half)
				scaleDist(&s.Zones[i].WalkToSite, half)
			}
			for i := range s.Buildings {
				scaleDist(&s.Buildings[i].Walk, half)
			}
		}},
	}
	var volumes []Factor
	for _, f := range Factors(sc) {
		if f.Scales == "volume" {
			volumes = append(volumes, f)
		}
	}
	return append(out, trialRun{"arrivals halved", false, func(s *compound.Scenario) {
		for _, f := range volumes {
			f.scale(s, half)
		}
	}})
}

// pairedGain is the paired improvement of a KPI from the base run to out,
// over out's replications (the base's first ones).
func pairedGain(kpi compound.KPI, base, out *Outcome) Gain {
	b, _ := base.KPI(kpi.Name)
	a, _ := out.KPI(kpi.Name)
	bv := b.Values[:min(len(a.Values), len(b.Values))]
	var d stats.Summary
	if kpi.Better == "lower" {
		d, _ = stats.Paired(a.Values, bv, Level) // before minus after
	} else {
		d, _ = stats.Paired(bv, a.Values, Level) // after minus before
	}
	g := Gain{KPI: kpi, Summary: d}
	if b.Mean != 0 && !math.IsNaN(b.Mean) {
		g.Relative = d.Mean / math.Abs(b.Mean)
	}
	return g
}

// trialGains are each trial's gains on the chosen KPIs.
func trialGains(chosen []compound.KPI, base *Outcome, outs []*Outcome, trials []trialRun) [][]Gain {
	out := make([][]Gain, len(trials))
	for i := range trials {
		for _, kpi := range chosen {
			out[i] = append(out[i], pairedGain(kpi, base, outs[i]))
		}
	}
	return out
}

// needTrials reports whether some chosen KPI with room to improve is
// improved by none of the steps.
func needTrials(chosen []compound.KPI, base *Outcome, steps ...[]KnobGain) bool {
	for j, kpi := range chosen {
		if atBest(kpi, base) {
			continue
		}
		moved := false
		for _, s := range steps {
			for _, k := range s {
				moved = moved || k.Gains[j].Improves()
			}
		}
		if !moved {
			return true
		}
	}
	return false
}

// atBest reports whether a KPI is at its best in every replication of the
// base run: zero where lower is better (none turned away), one for a share
// where higher is.
func atBest(kpi compound.KPI, base *Outcome) bool {
	b, ok := base.KPI(kpi.Name)
	if !ok || len(b.Values) == 0 {
		return false
	}
	best := 0.0
	switch {
	case kpi.Better == "higher" && kpi.Unit == "share":
		best = 1
	case kpi.Better != "lower":
		return false
	}
	for _, v := range b.Values {
		if v != best {
			return false
		}
	}
	return true
}

// findings says, for each chosen KPI, what moves it most (knobs ranked)
// and, when no unit bought does, what sets it, from the trials' gains
// (nil when the trials were not run).
func findings(chosen []compound.KPI, base *Outcome, knobs []KnobGain, trials []trialRun, tried [][]Gain) []Finding {
	var out []Finding
	for j, kpi := range chosen {
		f := Finding{KPI: kpi, Post: best(knobs, j, false), Free: best(knobs, j, true), index: j}
		for i, tr := range trials {
			if tried != nil {
				f.Trials = append(f.Trials, Trial{Change: tr.change, Delay: tr.delay, Gain: tried[i][j]})
			}
		}
		switch {
		case atBest(kpi, base):
			f.SetBy = SetByAtBest
		case f.Post != nil:
			f.SetBy = SetByPosts
		case f.Free != nil:
			f.SetBy = SetBySchedule
		case tried == nil:
			f.SetBy = SetByUntried
		case improvedBy(f.Trials, true):
			f.SetBy = SetByDelays
		case improvedBy(f.Trials, false):
			f.SetBy = SetByArrivals
		default:
			f.SetBy = SetByNothing
		}
		out = append(out, f)
	}
	return out
}

// best returns the step that improves KPI j most, significantly, among
// the zero-cost knobs' steps either way (free) or the others' steps; nil
// when none does. A step run with all the replications goes before one
// only screened.
func best(knobs []KnobGain, j int, free bool) *KnobGain {
	var at *KnobGain
	consider := func(k *KnobGain) {
		g := k.Gains[j]
		if k.Knob.TwoWay != free || !g.Improves() {
			return
		}
		if at == nil || k.Replications > at.Replications ||
			k.Replications == at.Replications && math.Abs(g.Mean) > math.Abs(at.Gains[j].Mean) {
			at = k
		}
	}
	for i := range knobs {
		consider(&knobs[i])
		if o := knobs[i].Other; o != nil {
			consider(o)
		}
	}
	return at
}

// improvedBy reports whether a trial of the kind (a delay, or the
// arrivals) improves the KPI.
func improvedBy(trials []Trial, delay bool) bool {
	for _, t := range trials {
		if t.Delay == delay && t.Gain.Improves() {
			return true
		}
	}
	return false
}
