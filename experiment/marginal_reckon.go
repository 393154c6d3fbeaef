package experiment

import (
	"cmp"
	"math"
	"slices"

	"cordon/compound"
)

// roundReckoning is a scenario's sampling round reckoned from the scenario
// alone, as a fluid: each building's residents reach their site evenly
// over twice the mean come-down time after the call and the zone's walk,
// and each site serves them at its stations' rate (the slower of its
// registration and its swab stations, by their mean times).
type roundReckoning struct {
	Peak     float64 // most residents at one site, waiting or being served
	Makespan float64 // seconds from the round's start until the last site is done
	Sites    []siteReckoning
}

// siteReckoning is one site's part of the reckoning: what it was reckoned
// from (its calls, the residents' spread and its rate) and what came of it.
type siteReckoning struct {
	Name         string
	Calls        []compound.SiteCall
	Spread, Rate float64
	Peak, Done   float64
}

// reckonStep is the reckoning's time step, in seconds.
const reckonStep = 10.0

// reckonRound reckons sc's sampling round; false when sc has none, or a
// site that is called has no stations to serve its residents.
func reckonRound(sc *compound.Scenario) (roundReckoning, bool) {
	sp := sc.Sampling
	calls := sc.SiteCalls()
	if sp == nil || len(calls) == 0 {
		return roundReckoning{}, false
	}
	spread := 2 * meanOf(sp.Calling.ComeDown)
	var r roundReckoning
	for _, site := range sp.Sites {
		var mine []compound.SiteCall
		for _, c := range calls {
			if c.Site == site.Name && c.Residents > 0 {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 {
			continue
		}
		rate := siteRate(sp, site)
		if !(rate > 0) {
			return roundReckoning{}, false
		}
		peak, done := reckonSite(mine, spread, rate)
		r.Peak, r.Makespan = max(r.Peak, peak), max(r.Makespan, done)
		r.Sites = append(r.Sites, siteReckoning{Name: site.Name, Calls: mine, Spread: spread, Rate: rate, Peak: peak, Done: done})
	}
	return r, true
}

// siteRate is the residents a site serves per second: the slower of its
// stages.
func siteRate(sp *compound.Sampling, s compound.Site) float64 {
	rate := math.Inf(1)
	if m := meanOf(sp.Swab); m > 0 {
		rate = float64(s.Swab) / m
	}
	if sp.Registration.Family != "" && s.Registration > 0 {
		if m := meanOf(sp.Registration); m > 0 {
			rate = min(rate, float64(s.Registration)/m)
		}
	}
	return rate
}

// reckonSite is the most residents at a site and when it is done, its
// calls' residents arriving evenly over spread seconds after each call
// and walk, served at rate residents a second.
func reckonSite(calls []compound.SiteCall, spread, rate float64) (peak, done float64) {
	type span struct{ from, to, per float64 } // arrivals per second over [from, to)
	spans := make([]span, len(calls))
	var start, end float64 = math.Inf(1), 0
	for i, c := range calls {
		from := c.At + c.Walk
		to := from + max(spread, reckonStep)
		spans[i] = span{from, to, c.Residents / (to - from)}
		start, end = min(start, from), max(end, to)
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.from, b.from) })
	q := 0.0
	for t := start; t < end; t += reckonStep {
		in := 0.0
		for _, s := range spans {
			if s.from >= t+reckonStep {
				break
			}
			in += s.per * max(0, min(s.to, t+reckonStep)-max(s.from, t))
		}
		q = max(0, q+in-rate*reckonStep)
		peak = max(peak, q)
	}
	return peak, end + q/rate
}

// meanOf is a distribution's mean, 0 for none given.
func meanOf(d compound.Dist) float64 {
	if d.Family == "" {
		return 0
	}
	return d.MeanValue()
}

// The margins of the reckoned screen: a step of the calling plan is
// reckoned to lose on the queue when the most residents at one site grow
// by at least reckonQueueShare of it and reckonQueueMin, and on the
// round's length when it ends at least reckonLater later; a site ends the
// round in every replication when it is reckoned to end at least
// reckonLast after every other.
const (
	reckonQueueShare = 0.10
	reckonQueueMin   = 5.0
	reckonLater      = 180.0
	reckonLast       = 600.0
)

// The KPIs the reckoning of the round speaks for.
const (
	kpiRoundLength = "sampling.makespan"
	kpiQueuePeak   = "sampling.queue.peak"
)

// NotRun is a step of a knob that a run report's analysis did not run,
// because reckoned from the scenario alone it cannot improve any KPI of
// the analysis: the knob moves none of them (Unmoved), or the step is of
// the calling plan and the round reckoned as a fluid (each building's
// residents reaching their site evenly over the come-down time, each site
// serving at its stations' rate) loses on every KPI of the analysis that
// the knob moves, each by a margin or for a reason that holds in every
// replication.
type NotRun struct {
	Knob     Knob
	From, To int
	Unmoved  bool
	// QueueNow and Queue are the most residents at one site, reckoned, now
	// and with the step (0 when the knob moves no queue KPI of the
	// analysis).
	QueueNow, Queue float64
	// Later is how much later the reckoned round ends, in seconds, where
	// that is why it loses on the round's length; LastSite is the site that
	// ends the round by a wide margin and that the step leaves as it is,
	// where that is why.
	Later    float64
	LastSite string
	// Utilisation is as KnobGain's, in the base run.
	Utilisation float64
}

// StepText says what the step is, as KnobGain.StepText does.
func (n NotRun) StepText() string { return KnobGain{Knob: n.Knob, From: n.From, To: n.To}.StepText() }

// NowText is the knob's value now, as KnobGain.NowText says it.
func (n NotRun) NowText() string { return KnobGain{Knob: n.Knob, From: n.From, To: n.To}.NowText() }

// runSteps are the steps of marginalMoves that a run report's analysis
// runs, costed then free, and those it does not run, in the same order.
func runSteps(sc *compound.Scenario, chosen []compound.KPI) (costed, free []knobStep, notRun []NotRun) {
	c, f := marginalMoves(sc, chosen)
	base, reckoned := reckonRound(sc)
	for _, mv := range append(c, f...) {
		if n, out := reckonedOut(sc, chosen, base, reckoned, mv); out {
			notRun = append(notRun, n)
			continue
		}
		if mv.knob.TwoWay {
			free = append(free, mv)
		} else {
			costed = append(costed, mv)
		}
	}
	return costed, free, notRun
}

// reckonedOut says whether a step cannot improve any of the chosen KPIs,
// reckoned from the scenario alone (base is sc's round, when reckoned),
// and why.
func reckonedOut(sc *compound.Scenario, chosen []compound.KPI, base roundReckoning, reckoned bool, mv knobStep) (NotRun, bool) {
	n := NotRun{Knob: mv.knob, From: mv.knob.Value(sc), To: mv.to}
	if !affectsAny(mv.knob, chosen) {
		n.Unmoved = true
		return n, true
	}
	if mv.knob.Arranges != ArrangesCalling || !reckoned {
		return n, false
	}
	step, ok := reckonRound(mv.apply(sc))
	if !ok {
		return n, false
	}
	for _, kpi := range chosen {
		if !mv.knob.Affects(kpi.Name) {
			continue
		}
		switch kpi.Name {
		case kpiQueuePeak:
			if step.Peak-base.Peak < max(reckonQueueShare*base.Peak, reckonQueueMin) {
				return n, false
			}
			n.QueueNow, n.Queue = base.Peak, step.Peak
		case kpiRoundLength:
			if last := lastSite(base); last != "" && sameSite(base, step, last) {
				n.LastSite = last
			} else if step.Makespan-base.Makespan >= reckonLater {
				n.Later = step.Makespan - base.Makespan
			} else {
				return n, false
			}
		default:
			return n, false // a KPI the reckoning does not speak for
		}
	}
	return n, true
}

// lastSite is the site reckoned to end the round at least reckonLast
// after every other, "" when none does.
func lastSite(r roundReckoning) string {
	last := ""
	for _, s := range r.Sites {
		if s.Done == r.Makespan {
			last = s.Name
		}
	}
	for _, s := range r.Sites {
		if s.Name != last && s.Done > r.Makespan-reckonLast {
			return ""
		}
	}
	return last
}

// sameSite reports whether site name is reckoned from the same calls,
// spread and rate in both reckonings: the step leaves it as it is, and
// with common random numbers its residents' times are the same.
func sameSite(a, b roundReckoning, name string) bool {
	i := slices.IndexFunc(a.Sites, func(s siteReckoning) bool { return s.Name == name })
	j := slices.IndexFunc(b.Sites, func(s siteReckoning) bool { return s.Name == name })
	if i < 0 || j < 0 {
		return false
	}
	x, y := a.Sites[i], b.Sites[j]
	return x.Spread == y.Spread && x.Rate == y.Rate && slices.Equal(x.Calls, y.Calls)
}
