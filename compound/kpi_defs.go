package compound

import (
	"fmt"
	"math"
)

// ending is a replication at its end, as the KPIs' value functions read
// it: the whole run's figures, or one day's (figures.go).
type ending struct {
	m     *Model
	now   float64
	hours float64 // the run's length
	day   int     // the day the KPI is for, from 1; 0 for the whole run
	round int     // the testing round the sampling KPIs are for, 0 for round 1
}

// smp is the testing round the KPI is for: round 1 but for a later
// round's KPIs.
func (e *ending) smp() *sampling { return e.m.rounds[e.round] }

// backlog is a kind's items still on their way: neither delivered nor
// turned away.
func (ks *kindState) backlog() int { return ks.arrived - ks.done - ks.turned }

// makespan is the round's time from its start to the last resident
// sampled, or to the end of the run when some were not (those who left at
// a post are not waited for).
func (e *ending) makespan() float64 {
	smp := e.smp()
	if smp.sampled < smp.awaited() || smp.sampled == 0 {
		return e.now - smp.start
	}
	return smp.last - smp.start
}

func hasTarget(sc *Scenario, i int) bool   { return sc.Kinds[i].Target > 0 }
func hasDeadline(sc *Scenario, i int) bool { return sc.Kinds[i].Deadline > 0 }
func hasSuit(sc *Scenario, i int) bool     { return sc.Staff[i].Suit != nil }
func hasSampling(sc *Scenario, _ int) bool { return sc.Sampling != nil }
func hasLab(sc *Scenario, _ int) bool      { return sc.Sampling != nil && sc.Sampling.Lab != nil }
func hasSampledBy(sc *Scenario, _ int) bool {
	return hasLab(sc, 0) && sc.Sampling.Lab.SampledBy != 0
}
func hasGarbage(sc *Scenario, _ int) bool { return sc.Garbage != nil }
func hasNoShows(sc *Scenario, _ int) bool {
	return sc.Sampling != nil && sc.Sampling.NoShows.Share > 0
}
func hasNeeds(sc *Scenario, _ int) bool { return sc.SpecialNeeds != nil }
func hasNeedsTarget(sc *Scenario, _ int) bool {
	return sc.SpecialNeeds != nil && sc.SpecialNeeds.Target > 0
}

// kpiBlocks are the definitions of every KPI, in report order.
func kpiBlocks() []kpiBlock {
	return []kpiBlock{kindKPIs(), itemKPIs(), gateKPIs(), householdKPIs(), samplingKPIs(), labKPIs(), siteKPIs(), garbageKPIs(),
		needsKPIs(), postKPIs(), postNetKPIs(), staffKPIs(), staffTotalKPIs(), consumableKPIs(), costKPIs()}
}

// everyDayOf marks every definition of b as having a KPI for each day,
// counting what note says (with %d for the day).
func everyDayOf(b kpiBlock, note string) kpiBlock {
	for i := range b {
		b[i].days, b[i].dayNote = everyDay, note
	}
	return b
}

// kindKPIs are measured for each kind of delivery; a day's, of the items
// that arrived on the day (a day's backlog: those still on their way when
// the day ended).
func kindKPIs() kpiBlock {
	door := func(f func(k kindFigures) float64) func(*ending, int) float64 {
		return func(e *ending, i int) float64 { return f(e.kind(i)) }
	}
	b := kpiBlock{
		{key: "arrived", unit: "items", label: "items arrived", desc: "%s items that arrived at the gate",
			value: door(func(k kindFigures) float64 { return float64(k.arrived) })},
		{key: "delivered", unit: "items", better: "higher", headline: true, label: "items delivered", desc: "%s items handed over at the door",
			value: door(func(k kindFigures) float64 { return float64(k.done) })},
		{key: "throughput", unit: "items/h", better: "higher", label: "deliveries per hour", desc: "%s items delivered per hour of the run",
			value: func(e *ending, i int) float64 { return float64(e.kind(i).done) / e.spanHours() }},
		{key: "door_time.mean", unit: "s", better: "lower", headline: true, label: "time to the door, mean", desc: "mean time from the gate to the door, %s",
			value: door(func(k kindFigures) float64 { return k.doorTime.Mean() })},
		{key: "door_time.p50", reads: figDoorValues, unit: "s", better: "lower", label: "time to the door, median", desc: "median time from the gate to the door, %s",
			value: door(func(k kindFigures) float64 { return k.doorTime.Quantile(0.5) })},
		{key: "door_time.p90", reads: figDoorValues, unit: "s", better: "lower", label: "time to the door, 90th percentile", desc: "90th percentile of the time to the door, %s",
			value: door(func(k kindFigures) float64 { return k.doorTime.Quantile(0.9) })},
		{key: "door_time.p95", reads: figDoorValues, unit: "s", better: "lower", headline: true, label: "time to the door, 95th percentile", desc: "95th percentile of the time to the door, %s",
			value: door(func(k kindFigures) float64 { return k.doorTime.Quantile(0.95) })},
		{key: "door_time.max", unit: "s", better: "lower", label: "time to the door, longest", desc: "longest time to the door, %s",
			value: door(func(k kindFigures) float64 { return k.doorTime.Max() })},
		{key: "within_target", reads: figDoorValues, unit: "share", better: "higher", headline: true, label: "share at the door within target", when: hasTarget,
			describe: func(sc *Scenario, i int) string {
				return fmt.Sprintf("share of delivered %s items at the door within %s", sc.Kinds[i].Name, sc.Kinds[i].Target)
			},
			value: func(e *ending, i int) float64 {
				return e.kind(i).doorTime.FractionAtMost(float64(e.m.kinds[i].spec.Target))
			}},
		{key: "within_deadline", unit: "share", better: "higher", headline: true, label: "share at the door within the deadline", when: hasDeadline, reads: figDeadlines,
			describe: func(sc *Scenario, i int) string {
				return fmt.Sprintf("share of %s items at the door within the deadline of %s, of those decided: at the door, turned away, or still on their way past it at the end of the run",
					sc.Kinds[i].Name, sc.Kinds[i].Deadline)
			},
			value: door(func(k kindFigures) float64 { return k.deadline.share() })},
		{key: "deadline_missed", unit: "items", better: "lower", headline: true, label: "items past the deadline", when: hasDeadline, reads: figDeadlines,
			describe: func(sc *Scenario, i int) string {
				return fmt.Sprintf("%s items past the deadline of %s: at the door late, turned away, or still on their way past it at the end of the run",
					sc.Kinds[i].Name, sc.Kinds[i].Deadline)
			},
			value: door(func(k kindFigures) float64 { return float64(k.deadline.missed) })},
		{key: "longest_wait", unit: "s", better: "lower", headline: true, label: "longest time to the door, those on their way counted", when: hasDeadline, reads: figDeadlines,
			desc:  "longest time from the gate to the door, %s, an item still on its way at the end of the run counted with its time so far",
			value: door(func(k kindFigures) float64 { return k.deadline.longestOrNaN(k.arrived - k.turned) })},
	}
	for j, st := range stages {
		b = append(b, kpiDef{key: "time." + st.Name, unit: "s", better: "lower", label: "time " + st.Desc, reads: figSteps,
			desc:  "mean time " + st.Desc + ", delivered %s items",
			value: func(e *ending, i int) float64 { return e.kind(i).steps[j].Mean() }})
	}
	b = append(b,
		kpiDef{key: "turned_away", unit: "items", better: "lower", headline: true, label: "items turned away", desc: "%s items turned away at a full gate",
			value: door(func(k kindFigures) float64 { return float64(k.turned) })},
		kpiDef{key: "backlog", unit: "items", better: "lower", headline: true, label: "items still on their way", desc: "%s items still on their way at the end of the run",
			value: door(func(k kindFigures) float64 { return float64(k.backlog) })},
	)
	for i := range b {
		b[i].scope = eachKind
	}
	b = everyDayOf(b, "of the items that arrived on day %d (the backlog: still on their way when the day ended)")
	return b
}

// itemKPIs add up the kinds.
func itemKPIs() kpiBlock {
	return everyDayOf(kpiBlock{
		{key: "delivered", group: groupItems, unit: "items", better: "higher", label: "items delivered, every kind", desc: "items of every kind handed over at the door",
			value: func(e *ending, _ int) float64 { return e.sumKinds(func(k kindFigures) int { return k.done }) }},
		{key: "backlog", group: groupItems, unit: "items", better: "lower", label: "items still on their way, every kind", desc: "items of every kind still on their way at the end",
			value: func(e *ending, _ int) float64 { return e.sumKinds(func(k kindFigures) int { return k.backlog }) }},
	}, "of the items that arrived on day %d (the backlog: still on their way when the day ended)")
}

// gateKPIs are the gate's staging area and its couriers; a day's, the
// staging area over the day and the couriers that arrived on it.
func gateKPIs() kpiBlock {
	b := kpiBlock{
		{key: "staging.mean", group: groupGate, reads: figStaging, unit: "items", label: "items in staging, mean", desc: "mean number of items put down in the staging area",
			value: func(e *ending, _ int) float64 { return e.gate().mean }},
		{key: "staging.max", group: groupGate, reads: figStaging, unit: "items", headline: true, label: "items in staging, most", desc: "most items in the staging area at once (capped by its capacity: not better when lower)",
			value: func(e *ending, _ int) float64 { return e.gate().most }},
		{key: "staging.time_full", group: groupGate, reads: figStaging, unit: "s", better: "lower", headline: true, label: "time the staging area was full", desc: "time the staging area was full",
			value: func(e *ending, _ int) float64 { return e.gate().full }},
		{key: "couriers_waiting.max", group: groupGate, reads: figStaging, unit: "items", better: "lower", label: "items waiting to be put down, most", desc: "most items waiting at the gate for room to be put down",
			value: func(e *ending, _ int) float64 { return e.gate().waitingMost }},
		{key: "pile.items", group: groupGate, unit: "items", better: "lower", label: "items put on the pile outside",
			desc:  "items put down on the pile outside the staging area because it was full",
			value: func(e *ending, _ int) float64 { return float64(e.pile().items) }},
		{key: "pile.max", group: groupGate, unit: "items", better: "lower", headline: true, label: "items on the pile outside, most",
			desc:  "most items on the pile outside the staging area at once",
			value: func(e *ending, _ int) float64 { return e.pile().most }},
		{key: "pile.time_nonempty", group: groupGate, unit: "s", better: "lower", headline: true, label: "time items lay on the pile outside",
			desc:  "time the pile outside the staging area had items on it",
			value: func(e *ending, _ int) float64 { return e.pile().nonEmpty }},
	}
	b = everyDayOf(b, "over day %d")
	return append(b, everyDayOf(kpiBlock{
		{key: "courier_wait.mean", group: groupGate, unit: "s", better: "lower", headline: true, label: "courier's wait to put down, mean", desc: "mean time from arrival to being put down",
			value: func(e *ending, _ int) float64 { return e.gate().courierWait.Mean() }},
		{key: "turned_away", group: groupGate, unit: "items", better: "lower", headline: true, label: "items turned away", desc: "items turned away at the gate",
			value: func(e *ending, _ int) float64 { return e.sumKinds(func(k kindFigures) int { return k.turned }) }},
	}, "of the items that arrived on day %d")...)
}

// householdKPIs are the households waiting for their deliveries: a
// household waits on a day when an item for it arrives that day, and is
// served the same day when every item for it that arrived that day is at
// its door by the day's end (households.go).
func householdKPIs() kpiBlock {
	return everyDayOf(kpiBlock{
		{key: "same_day", group: groupHouseholds, reads: figHouseholds, unit: "share", better: "higher", headline: true, label: "households served the same day",
			desc: "share of the households waiting for items on a day that had every item of that day at the door by the day's end (each household counted once for each day it waited)",
			value: func(e *ending, _ int) float64 {
				h := e.households()
				return ratio(float64(h.served), float64(h.waiting))
			}},
		{key: "left_waiting", group: groupHouseholds, reads: figHouseholds, unit: "households", better: "lower", label: "households left waiting at the day's end",
			desc: "households waiting for items on a day that had one of that day's items not at the door by the day's end (turned away, or still on its way; each household counted once for each such day)",
			value: func(e *ending, _ int) float64 {
				h := e.households()
				return float64(h.waiting - h.served)
			}},
	}, "households with an item that arrived on day %d")
}

// samplingKPIs are the sampling round's, over every site.
func samplingKPIs() kpiBlock {
	b := kpiBlock{
		{key: "makespan", unit: "s", better: "lower", headline: true, label: "round's length", desc: "time from the start of the round to the last resident sampled (to the end of the run when some were not)",
			value: func(e *ending, _ int) float64 { return e.makespan() }},
		{key: "sampled", unit: "people", better: "higher", label: "residents sampled", desc: "residents sampled",
			value: func(e *ending, _ int) float64 { return float64(e.smp().sampled) }},
		{key: "not_sampled", unit: "people", better: "lower", headline: true, label: "residents not sampled", desc: "residents not sampled by the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.smp().residents - e.smp().sampled) }},
		{key: "per_hour", unit: "people/h", better: "higher", label: "residents sampled per hour", desc: "residents sampled per hour of the round",
			// NaN for a round over at once.
			value: func(e *ending, _ int) float64 { return ratio(float64(e.smp().sampled), e.makespan()/3600) }},
		{key: "wait.mean", unit: "s", better: "lower", headline: true, label: "wait at a site, mean", desc: "mean wait at a site (queueing, not service)",
			value: func(e *ending, _ int) float64 { return e.smp().wait.Mean() }},
		{key: "wait.p95", reads: figRoundWaits, unit: "s", better: "lower", headline: true, label: "wait at a site, 95th percentile", desc: "95th percentile of the wait at a site",
			value: func(e *ending, _ int) float64 { return e.smp().wait.Quantile(0.95) }},
		{key: "queue.peak", unit: "people", better: "lower", headline: true, label: "queue at a site, most", desc: "most residents waiting at any one site",
			value: func(e *ending, _ int) float64 {
				peak := 0.0
				for _, s := range e.smp().sites {
					peak = math.Max(peak, s.waiting.Max())
				}
				return peak
			}},
		{key: "in_transit.mean", unit: "samples", better: "lower", label: "samples on their way to the lab, mean", desc: "mean number of samples taken and not yet at the lab, over the round",
			value: func(e *ending, _ int) float64 {
				smp := e.smp()
				span := math.Max(e.now-smp.start, 1)
				if smp.atLab == smp.awaited() && smp.awaited() > 0 {
					span = math.Max(smp.labDone-smp.start, 1)
				}
				return smp.inTransit.Integral(e.now) / span
			}},
		{key: "in_transit.max", unit: "samples", better: "lower", label: "samples on their way to the lab, most", desc: "most samples taken and not yet at the lab",
			value: func(e *ending, _ int) float64 { return e.smp().inTransit.Max() }},
		{key: "lab_done", unit: "s", better: "lower", headline: true, label: "last sample at the lab", desc: "time from the start of the round to the last sample at the lab",
			value: func(e *ending, _ int) float64 {
				smp := e.smp()
				if smp.atLab == smp.awaited() {
					return math.Max(smp.labDone-smp.start, 0) // 0 for a round with no one to sample
				}
				return e.now - smp.start
			}},
		{key: "no_shows", unit: "people", better: "lower", label: "residents who missed their call", when: hasNoShows,
			desc:  "residents called down who missed their call, left to the sweep team (sampling.no_shows)",
			value: func(e *ending, _ int) float64 { return float64(e.smp().missed) }},
		{key: "left_at_close", unit: "people", better: "lower", headline: true, label: "residents not sampled when the sites close", when: hasNoShows,
			desc:  "residents not sampled when the last testing site stands down, the end of the round at the sites: those the sweep team has still to find (at the end of the run when a site is still open)",
			value: func(e *ending, _ int) float64 { return float64(e.leftAtClose()) }},
		{key: "swept", unit: "people", better: "higher", label: "residents sampled by the sweep", when: hasNoShows,
			desc:  "residents who missed their call and were sampled at home by the sweep team",
			value: func(e *ending, _ int) float64 { return float64(e.smp().swept) }},
		{key: "sweep_done", unit: "s", better: "lower", headline: true, label: "time to sweep", when: hasNoShows,
			desc:  "time from the start of the round to the last resident who missed the call sampled by the sweep team (to the end of the run when some were not; 0 when no one missed it)",
			value: func(e *ending, _ int) float64 { return e.sweepDone() }},
		{key: "staff_hours", unit: "h", better: "lower", label: "medical staff-hours at the sites",
			desc: "staff-hours of the medical staff at the testing sites: each site's registration and swab staff, from the start of the round until the site stands down (its last resident sampled) or the run ends",
			value: func(e *ending, _ int) float64 {
				h := 0.0
				for i := range e.smp().sites {
					h += e.medicalHours(i)
				}
				return h
			}},
	}
	for i := range b {
		b[i].group = groupSampling
		if b[i].when == nil {
			b[i].when = hasSampling
		}
		b[i].days, b[i].dayNote = roundDay, "the round, on day %d"
	}
	return b
}

// labKPIs are the lab's and the results' (Lab), in a round with a lab.
func labKPIs() kpiBlock {
	b := kpiBlock{
		{key: "sampled_by", unit: "share", better: "higher", headline: true, label: "share of residents sampled by the set time", when: hasSampledBy,
			describe: func(sc *Scenario, _ int) string {
				return fmt.Sprintf("share of the round's residents sampled by %s on the round's day (sampling.lab.sampled_by)", sc.Sampling.Lab.SampledBy)
			},
			value: func(e *ending, _ int) float64 { return e.smp().lab.sampledBy.share() }},
		{key: "results_known", unit: "s", better: "lower", headline: true, label: "every result known",
			desc:  "time from the start of the round to the last resident's result known (to the end of the run when some are not): the lab's tests, re-tests of positive pools and reports",
			value: func(e *ending, _ int) float64 { return e.resultsKnown() }},
		{key: "pools_retested", unit: "tubes", headline: true, label: "positive pools re-tested", desc: "pooled tubes found positive at the lab, each re-tested sample by sample",
			value: func(e *ending, _ int) float64 { return float64(e.smp().lab.retested) }},
		{key: "lab_wait.mean", unit: "s", better: "lower", label: "wait at the lab, mean", desc: "mean wait of a tube at the lab for a server, re-tests counted",
			value: func(e *ending, _ int) float64 { return e.smp().lab.wait.Mean() }},
		{key: "lab_queue.max", unit: "tubes", better: "lower", label: "tubes waiting at the lab, most", desc: "most tubes waiting at the lab for a server",
			value: func(e *ending, _ int) float64 { return e.smp().lab.waiting.Max() }},
	}
	for i := range b {
		b[i].group = groupSampling
		if b[i].when == nil {
			b[i].when = hasLab
		}
		b[i].days, b[i].dayNote = roundDay, "the round, on day %d"
	}
	return b
}

// siteKPIs are measured at each testing site.
func siteKPIs() kpiBlock {
	b := kpiBlock{
		{key: "queue.peak", scope: eachSite, group: groupSampling, unit: "people", better: "lower", label: "queue, most", desc: "most residents waiting at site %s",
			value: func(e *ending, i int) float64 { return e.smp().sites[i].waiting.Max() }},
		{key: "queue.mean", scope: eachSite, group: groupSampling, unit: "people", better: "lower", label: "queue, mean while open", desc: "mean residents waiting at site %s while it is open",
			value: func(e *ending, i int) float64 {
				smp, s := e.smp(), e.smp().sites[i]
				open := e.now
				if s.done() && s.expected > 0 {
					open = s.lastSampled
				}
				return s.waiting.Integral(e.now) / math.Max(open-smp.start, 1)
			}},
		{key: "makespan", scope: eachSite, group: groupSampling, unit: "s", better: "lower", label: "last resident sampled", desc: "time from the start of the round to the last resident sampled at %s",
			value: func(e *ending, i int) float64 {
				smp, s := e.smp(), e.smp().sites[i]
				if s.done() {
					return math.Max(s.lastSampled-smp.start, 0) // 0 for a site with no one to sample
				}
				return e.now - smp.start
			}},
		{key: "staff_hours", scope: eachSite, group: groupSampling, unit: "h", better: "lower", label: "medical staff-hours",
			desc:  "staff-hours of the registration and swab staff at site %s, from the start of the round until the site stands down or the run ends",
			value: func(e *ending, i int) float64 { return e.medicalHours(i) }},
	}
	for i := range b {
		b[i].days, b[i].dayNote = roundDay, "the round, on day %d"
	}
	return b
}

// garbageKPIs are the garbage round's; a day's, of the night whose window
// opens on the day.
func garbageKPIs() kpiBlock {
	b := kpiBlock{
		{key: "collected", unit: "households", better: "higher", label: "households collected", desc: "households whose garbage was collected",
			value: func(e *ending, _ int) float64 { return float64(e.garbage().collected) }},
		{key: "late", unit: "households", better: "lower", headline: true, label: "households collected late", desc: "households collected after the window closed",
			value: func(e *ending, _ int) float64 { return float64(e.garbage().late) }},
		{key: "backlog", unit: "households", better: "lower", headline: true, label: "households not collected", desc: "households not yet collected at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.garbage().backlog) }},
		{key: "done_after", unit: "s", better: "lower", headline: true, label: "round done after", desc: "time from the first window opening to the last building collected",
			value: func(e *ending, _ int) float64 { return e.garbage().doneAfter }},
	}
	for i := range b {
		b[i].group, b[i].when = groupGarbage, hasGarbage
	}
	return everyDayOf(b, "the night whose window opens on day %d (from its opening; the backlog: not collected when the day ended)")
}

// needsKPIs are the special-needs cards'.
func needsKPIs() kpiBlock {
	b := kpiBlock{
		{key: "cards", unit: "cards", label: "cards handed in", desc: "special-needs cards handed in",
			value: func(e *ending, _ int) float64 { return float64(e.needs().arrived) }},
		{key: "response.mean", unit: "s", better: "lower", headline: true, label: "response time, mean", desc: "mean time from a card to its request done",
			value: func(e *ending, _ int) float64 { return e.needs().response.Mean() }},
		{key: "response.p95", reads: figResponses, unit: "s", better: "lower", headline: true, label: "response time, 95th percentile", desc: "95th percentile of the response time",
			value: func(e *ending, _ int) float64 { return e.needs().response.Quantile(0.95) }},
		{key: "backlog", unit: "cards", better: "lower", headline: true, label: "cards not done", desc: "cards not yet done at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.needs().backlog) }},
		{key: "within_target", reads: figResponses, unit: "share", better: "higher", headline: true, label: "share done within target", when: hasNeedsTarget,
			describe: func(sc *Scenario, _ int) string {
				return fmt.Sprintf("share of cards done within %s", sc.SpecialNeeds.Target)
			},
			value: func(e *ending, _ int) float64 {
				return e.needs().response.FractionAtMost(float64(e.m.needs.spec.Target))
			}},
	}
	for i := range b {
		b[i].group = groupNeeds
		if b[i].when == nil {
			b[i].when = hasNeeds
		}
	}
	return everyDayOf(b, "of the cards handed in on day %d (the backlog: not done when the day ended)")
}

// staffKPIs are measured for each staff pool; a day's, over the day.
func staffKPIs() kpiBlock {
	return everyDayOf(kpiBlock{
		{key: "utilisation", scope: eachPool, group: groupStaff, unit: "share", headline: true, label: "utilisation",
			desc: "share of the time on duty spent busy (work past a shift end is overtime, not counted here), pool %s",
			value: func(e *ending, i int) float64 {
				f := e.staff(i)
				return min(ratio(f.busy, f.on), 1) // not 1 + ε from rounding
			}},
		{key: "overtime", scope: eachPool, group: groupStaff, unit: "s", better: "lower", headline: true, label: "overtime", desc: "time worked past shift ends and suit limits, pool %s",
			value: func(e *ending, i int) float64 { return e.staff(i).over }},
		{key: "hours", scope: eachPool, group: groupStaff, unit: "h", better: "lower", label: "staff-hours on duty", desc: "staff-hours on duty, pool %s",
			value: func(e *ending, i int) float64 { return e.staff(i).on / 3600 }},
		{key: "hours_over_max", scope: eachPool, group: groupStaff, unit: "h", better: "lower", label: "staff-hours past max_hours",
			desc:  "staff-hours past the pool's max_hours: a person kept on at the end of the turn to finish a task, or a logged roster's turn longer than the limit (0 without max_hours), pool %s",
			value: func(e *ending, i int) float64 { return e.staff(i).overMax / 3600 }},
		{key: "suits", scope: eachPool, group: groupStaff, unit: "suits", better: "lower", label: "protective suits put on", when: hasSuit,
			desc:  "protective suits put on by pool %s: one at each start of duty, at the start of a shift and after each change-over",
			value: func(e *ending, i int) float64 { return float64(e.staff(i).starts) }},
	}.reading(figStaff), "over day %d")
}

// staffTotalKPIs add up the staff of the whole compound.
func staffTotalKPIs() kpiBlock {
	return kpiBlock{
		{key: "hours", group: groupStaff, unit: "h", better: "lower", label: "staff-hours on duty, everyone",
			desc: "staff-hours on duty of every pool (staff.POOL.hours) and of the medical staff at the testing sites (sampling.staff_hours)",
			days: everyDay, dayNote: "over day %d (the medical staff's on the round's day)",
			value: func(e *ending, _ int) float64 {
				on := 0.0
				for i := range e.m.sc.Staff {
					on += e.staff(i).on
				}
				h := on / 3600
				for _, smp := range e.m.rounds {
					if e.day == 0 || e.day-1 == e.m.tl.dayOf(smp.start) {
						for i := range smp.sites {
							h += medicalHours(smp, i, e.now)
						}
					}
				}
				return h
			}},
	}.reading(figStaff)
}

// consumableKPIs are the suits and disinfectant used (consumables.go).
func consumableKPIs() kpiBlock {
	return everyDayOf(kpiBlock{
		{key: "suits", group: groupConsumables, unit: "suits", better: "lower", headline: true, label: "protective suits used",
			desc:  "protective suits put on: by the suited pools at each start of duty and change-over (staff.POOL.suits), one by each medical worker at the testing sites for the round, and one for each visit of a crew to a sealed building",
			value: func(e *ending, _ int) float64 { return float64(e.consumed().suits) }},
		{key: "disinfectant", group: groupConsumables, unit: "litres", better: "lower", label: "disinfectant used",
			desc:  "litres of disinfectant sprayed on the items put in the disinfection area (costs.disinfectant_per_item each)",
			value: func(e *ending, _ int) float64 { return e.consumed().litres }},
	}.reading(figStaff), "used over day %d")
}

// costKPIs are what the run cost, in the currency of the scenario's
// costs (cost.go).
func costKPIs() kpiBlock {
	return kpiBlock{
		{key: "staff", group: groupCost, unit: "cost", better: "lower", label: "staff",
			desc:  "staff over the run: each pool's staff-hours on its roster (breaks left out, change-overs in) by its hour_cost, and each medical worker at the testing sites by the round (costs.medical)",
			value: func(e *ending, _ int) float64 { return e.m.staffCost() }},
		{key: "equipment", group: groupCost, unit: "cost", better: "lower", label: "equipment",
			desc:  "shelves, containers, carts and disinfection places, for the run",
			value: func(e *ending, _ int) float64 { return e.m.sc.equipmentCost() }},
		{key: "consumables", group: groupCost, unit: "cost", better: "lower", label: "consumables",
			desc:  "protective suits (costs.suit) and disinfectant (costs.disinfectant a litre) used",
			value: func(e *ending, _ int) float64 { return e.m.sc.consumablesCost(e.consumed()) }},
		{key: "total", group: groupCost, unit: "cost", better: "lower", headline: true, label: "the run's cost",
			desc: "what the run cost: staff, equipment and consumables (cost.staff + cost.equipment is what `cordon plan` weighs a plan by)",
			value: func(e *ending, _ int) float64 {
				return e.m.staffCost() + e.m.sc.equipmentCost() + e.m.sc.consumablesCost(e.consumed())
			}},
	}.reading(figStaff) // the suits put on, for the consumables
}
