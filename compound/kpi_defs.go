package compound

import (
	"fmt"
	"math"
)

// ending is a replication at its end, as the KPIs' value functions read
// it.
type ending struct {
	m     *Model
	now   float64
	hours float64 // the run's length
}

func (e *ending) kind(i int) *kindState { return e.m.kinds[i] }

// backlog is a kind's items still on their way: neither delivered nor
// turned away.
func (ks *kindState) backlog() int { return ks.arrived - ks.done - ks.turned }

// makespan is the round's time from its start to the last resident
// sampled, or to the end of the run when some were not.
func (e *ending) makespan() float64 {
	smp := e.m.sampling
	if smp.sampled < smp.residents || smp.sampled == 0 {
		return e.now - smp.start
	}
	return smp.last - smp.start
}

// staffTotals are a pool's busy, on-duty and overtime seconds.
func (e *ending) staffTotals(i int) (busy, on, over float64) {
	for _, rec := range e.m.pools[e.m.sc.Staff[i].Name].recs {
		busy += rec.Working.Integral(e.now)
		on += rec.OnDuty.Integral(e.now)
		over += rec.Overtime
	}
	return busy, on, over
}

// sumKinds adds f over the kinds.
func (e *ending) sumKinds(f func(*kindState) int) float64 {
	n := 0
	for _, ks := range e.m.kinds {
		n += f(ks)
	}
	return float64(n)
}

func hasTarget(sc *Scenario, i int) bool   { return sc.Kinds[i].Target > 0 }
func hasSampling(sc *Scenario, _ int) bool { return sc.Sampling != nil }
func hasGarbage(sc *Scenario, _ int) bool  { return sc.Garbage != nil }
func hasNeeds(sc *Scenario, _ int) bool    { return sc.SpecialNeeds != nil }
func hasNeedsTarget(sc *Scenario, _ int) bool {
	return sc.SpecialNeeds != nil && sc.SpecialNeeds.Target > 0
}

// kpiBlocks are the definitions of every KPI, in report order.
func kpiBlocks() []kpiBlock {
	return []kpiBlock{kindKPIs(), itemKPIs(), gateKPIs(), samplingKPIs(), siteKPIs(), garbageKPIs(), needsKPIs(), staffKPIs()}
}

// kindKPIs are measured for each kind of delivery.
func kindKPIs() kpiBlock {
	door := func(f func(ks *kindState) float64) func(*ending, int) float64 {
		return func(e *ending, i int) float64 { return f(e.kind(i)) }
	}
	b := kpiBlock{
		{key: "arrived", unit: "items", label: "items arrived", desc: "%s items that arrived at the gate",
			value: door(func(ks *kindState) float64 { return float64(ks.arrived) })},
		{key: "delivered", unit: "items", better: "higher", headline: true, label: "items delivered", desc: "%s items handed over at the door",
			value: door(func(ks *kindState) float64 { return float64(ks.done) })},
		{key: "throughput", unit: "items/h", better: "higher", label: "deliveries per hour", desc: "%s items delivered per hour of the run",
			value: func(e *ending, i int) float64 { return float64(e.kind(i).done) / e.hours }},
		{key: "door_time.mean", unit: "s", better: "lower", headline: true, label: "time to the door, mean", desc: "mean time from the gate to the door, %s",
			value: door(func(ks *kindState) float64 { return ks.doorTime.Mean() })},
		{key: "door_time.p50", unit: "s", better: "lower", label: "time to the door, median", desc: "median time from the gate to the door, %s",
			value: door(func(ks *kindState) float64 { return ks.doorTime.Quantile(0.5) })},
		{key: "door_time.p90", unit: "s", better: "lower", label: "time to the door, 90th percentile", desc: "90th percentile of the time to the door, %s",
			value: door(func(ks *kindState) float64 { return ks.doorTime.Quantile(0.9) })},
		{key: "door_time.p95", unit: "s", better: "lower", headline: true, label: "time to the door, 95th percentile", desc: "95th percentile of the time to the door, %s",
			value: door(func(ks *kindState) float64 { return ks.doorTime.Quantile(0.95) })},
		{key: "door_time.max", unit: "s", better: "lower", label: "time to the door, longest", desc: "longest time to the door, %s",
			value: door(func(ks *kindState) float64 { return ks.doorTime.Max() })},
		{key: "within_target", unit: "share", better: "higher", headline: true, label: "share at the door within target", when: hasTarget,
			describe: func(sc *Scenario, i int) string {
				return fmt.Sprintf("share of delivered %s items at the door within %s", sc.Kinds[i].Name, sc.Kinds[i].Target)
			},
			value: func(e *ending, i int) float64 {
				ks := e.kind(i)
				return ks.doorTime.FractionAtMost(float64(ks.spec.Target))
			}},
	}
	for j, st := range stages {
		b = append(b, kpiDef{key: "time." + st.Name, unit: "s", better: "lower", label: "time " + st.Desc,
			desc:  "mean time " + st.Desc + ", delivered %s items",
			value: func(e *ending, i int) float64 { return e.kind(i).steps[j].Mean() }})
	}
	b = append(b,
		kpiDef{key: "turned_away", unit: "items", better: "lower", headline: true, label: "items turned away", desc: "%s items turned away at a full gate",
			value: door(func(ks *kindState) float64 { return float64(ks.turned) })},
		kpiDef{key: "backlog", unit: "items", better: "lower", headline: true, label: "items still on their way", desc: "%s items still on their way at the end of the run",
			value: door(func(ks *kindState) float64 { return float64(ks.backlog()) })},
	)
	for i := range b {
		b[i].scope = eachKind
	}
	return b
}

// itemKPIs add up the kinds.
func itemKPIs() kpiBlock {
	return kpiBlock{
		{key: "delivered", group: groupItems, unit: "items", better: "higher", label: "items delivered, every kind", desc: "items of every kind handed over at the door",
			value: func(e *ending, _ int) float64 { return e.sumKinds(func(ks *kindState) int { return ks.done }) }},
		{key: "backlog", group: groupItems, unit: "items", better: "lower", label: "items still on their way, every kind", desc: "items of every kind still on their way at the end",
			value: func(e *ending, _ int) float64 { return e.sumKinds((*kindState).backlog) }},
	}
}

// gateKPIs are the gate's staging area and its couriers.
func gateKPIs() kpiBlock {
	return kpiBlock{
		{key: "staging.mean", group: groupGate, unit: "items", label: "items in staging, mean", desc: "mean number of items put down in the staging area",
			value: func(e *ending, _ int) float64 { return e.m.gate.stagingRec.Busy.Mean(e.now) }},
		{key: "staging.max", group: groupGate, unit: "items", headline: true, label: "items in staging, most", desc: "most items in the staging area at once (capped by its capacity: not better when lower)",
			value: func(e *ending, _ int) float64 { return e.m.gate.stagingRec.Busy.Max() }},
		{key: "staging.time_full", group: groupGate, unit: "s", better: "lower", headline: true, label: "time the staging area was full", desc: "time the staging area was full",
			value: func(e *ending, _ int) float64 {
				return e.m.gate.timeFull(e.now, e.m.sc.Gate.Slots())
			}},
		{key: "couriers_waiting.max", group: groupGate, unit: "items", better: "lower", label: "items waiting to be put down, most", desc: "most items waiting at the gate for room to be put down",
			value: func(e *ending, _ int) float64 { return e.m.gate.stagingRec.Queue.Max() }},
		{key: "courier_wait.mean", group: groupGate, unit: "s", better: "lower", headline: true, label: "courier's wait to put down, mean", desc: "mean time from arrival to being put down",
			value: func(e *ending, _ int) float64 { return e.m.gate.courierWait.Mean() }},
		{key: "turned_away", group: groupGate, unit: "items", better: "lower", headline: true, label: "items turned away", desc: "items turned away at the gate",
			value: func(e *ending, _ int) float64 { return e.sumKinds(func(ks *kindState) int { return ks.turned }) }},
	}
}

// samplingKPIs are the sampling round's, over every site.
func samplingKPIs() kpiBlock {
	b := kpiBlock{
		{key: "makespan", unit: "s", better: "lower", headline: true, label: "round's length", desc: "time from the start of the round to the last resident sampled (to the end of the run when some were not)",
			value: func(e *ending, _ int) float64 { return e.makespan() }},
		{key: "sampled", unit: "people", better: "higher", label: "residents sampled", desc: "residents sampled",
			value: func(e *ending, _ int) float64 { return float64(e.m.sampling.sampled) }},
		{key: "not_sampled", unit: "people", better: "lower", headline: true, label: "residents not sampled", desc: "residents not sampled by the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.m.sampling.residents - e.m.sampling.sampled) }},
		{key: "per_hour", unit: "people/h", better: "higher", label: "residents sampled per hour", desc: "residents sampled per hour of the round",
			// NaN for a round over at once.
			value: func(e *ending, _ int) float64 { return ratio(float64(e.m.sampling.sampled), e.makespan()/3600) }},
		{key: "wait.mean", unit: "s", better: "lower", headline: true, label: "wait at a site, mean", desc: "mean wait at a site (queueing, not service)",
			value: func(e *ending, _ int) float64 { return e.m.sampling.wait.Mean() }},
		{key: "wait.p95", unit: "s", better: "lower", headline: true, label: "wait at a site, 95th percentile", desc: "95th percentile of the wait at a site",
			value: func(e *ending, _ int) float64 { return e.m.sampling.wait.Quantile(0.95) }},
		{key: "queue.peak", unit: "people", better: "lower", headline: true, label: "queue at a site, most", desc: "most residents waiting at any one site",
			value: func(e *ending, _ int) float64 {
				peak := 0.0
				for _, s := range e.m.sampling.sites {
					peak = math.Max(peak, s.waiting.Max())
				}
				return peak
			}},
		{key: "in_transit.mean", unit: "samples", better: "lower", label: "samples on their way to the lab, mean", desc: "mean number of samples taken and not yet at the lab, over the round",
			value: func(e *ending, _ int) float64 {
				smp := e.m.sampling
				span := math.Max(e.now-smp.start, 1)
				if smp.atLab == smp.residents && smp.residents > 0 {
					span = math.Max(smp.labDone-smp.start, 1)
				}
				return smp.inTransit.Integral(e.now) / span
			}},
		{key: "in_transit.max", unit: "samples", better: "lower", label: "samples on their way to the lab, most", desc: "most samples taken and not yet at the lab",
			value: func(e *ending, _ int) float64 { return e.m.sampling.inTransit.Max() }},
		{key: "lab_done", unit: "s", better: "lower", headline: true, label: "last sample at the lab", desc: "time from the start of the round to the last sample at the lab",
			value: func(e *ending, _ int) float64 {
				smp := e.m.sampling
				if smp.atLab == smp.residents {
					return math.Max(smp.labDone-smp.start, 0) // 0 for a round with no one to sample
				}
				return e.now - smp.start
			}},
	}
	for i := range b {
		b[i].group, b[i].when = groupSampling, hasSampling
	}
	return b
}

// siteKPIs are measured at each testing site.
func siteKPIs() kpiBlock {
	return kpiBlock{
		{key: "queue.peak", scope: eachSite, group: groupSampling, unit: "people", better: "lower", label: "queue, most", desc: "most residents waiting at site %s",
			value: func(e *ending, i int) float64 { return e.m.sampling.sites[i].waiting.Max() }},
		{key: "queue.mean", scope: eachSite, group: groupSampling, unit: "people", better: "lower", label: "queue, mean while open", desc: "mean residents waiting at site %s while it is open",
			value: func(e *ending, i int) float64 {
				smp, s := e.m.sampling, e.m.sampling.sites[i]
				open := e.now
				if s.sampled == s.expected && s.expected > 0 {
					open = s.lastSampled
				}
				return s.waiting.Integral(e.now) / math.Max(open-smp.start, 1)
			}},
		{key: "makespan", scope: eachSite, group: groupSampling, unit: "s", better: "lower", label: "last resident sampled", desc: "time from the start of the round to the last resident sampled at %s",
			value: func(e *ending, i int) float64 {
				smp, s := e.m.sampling, e.m.sampling.sites[i]
				if s.sampled == s.expected {
					return math.Max(s.lastSampled-smp.start, 0) // 0 for a site with no one to sample
				}
				return e.now - smp.start
			}},
	}
}

// garbageKPIs are the garbage round's.
func garbageKPIs() kpiBlock {
	b := kpiBlock{
		{key: "collected", unit: "households", better: "higher", label: "households collected", desc: "households whose garbage was collected",
			value: func(e *ending, _ int) float64 { return float64(e.m.garbage.collected) }},
		{key: "late", unit: "households", better: "lower", headline: true, label: "households collected late", desc: "households collected after the window closed",
			value: func(e *ending, _ int) float64 { return float64(e.m.garbage.late) }},
		{key: "backlog", unit: "households", better: "lower", headline: true, label: "households not collected", desc: "households not yet collected at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.m.garbage.households - e.m.garbage.collected) }},
		{key: "done_after", unit: "s", better: "lower", headline: true, label: "round done after", desc: "time from the first window opening to the last building collected",
			value: func(e *ending, _ int) float64 {
				gr := e.m.garbage
				if gr.collected < gr.households {
					return e.now - gr.firstOpen
				}
				return gr.lastDone
			}},
	}
	for i := range b {
		b[i].group, b[i].when = groupGarbage, hasGarbage
	}
	return b
}

// needsKPIs are the special-needs cards'.
func needsKPIs() kpiBlock {
	b := kpiBlock{
		{key: "cards", unit: "cards", label: "cards handed in", desc: "special-needs cards handed in",
			value: func(e *ending, _ int) float64 { return float64(e.m.needs.arrived) }},
		{key: "response.mean", unit: "s", better: "lower", headline: true, label: "response time, mean", desc: "mean time from a card to its request done",
			value: func(e *ending, _ int) float64 { return e.m.needs.response.Mean() }},
		{key: "response.p95", unit: "s", better: "lower", headline: true, label: "response time, 95th percentile", desc: "95th percentile of the response time",
			value: func(e *ending, _ int) float64 { return e.m.needs.response.Quantile(0.95) }},
		{key: "backlog", unit: "cards", better: "lower", headline: true, label: "cards not done", desc: "cards not yet done at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.m.needs.arrived - e.m.needs.done) }},
		{key: "within_target", unit: "share", better: "higher", headline: true, label: "share done within target", when: hasNeedsTarget,
			describe: func(sc *Scenario, _ int) string {
				return fmt.Sprintf("share of cards done within %s", sc.SpecialNeeds.Target)
			},
			value: func(e *ending, _ int) float64 {
				return e.m.needs.response.FractionAtMost(float64(e.m.needs.spec.Target))
			}},
	}
	for i := range b {
		b[i].group = groupNeeds
		if b[i].when == nil {
			b[i].when = hasNeeds
		}
	}
	return b
}

// staffKPIs are measured for each staff pool.
func staffKPIs() kpiBlock {
	return kpiBlock{
		{key: "utilisation", scope: eachPool, group: groupStaff, unit: "share", headline: true, label: "utilisation",
			desc: "share of the time on duty spent busy (work past a shift end is overtime, not counted here), pool %s",
			value: func(e *ending, i int) float64 {
				busy, on, _ := e.staffTotals(i)
				return min(ratio(busy, on), 1) // not 1 + ε from rounding
			}},
		{key: "overtime", scope: eachPool, group: groupStaff, unit: "s", better: "lower", headline: true, label: "overtime", desc: "time worked past shift ends and suit limits, pool %s",
			value: func(e *ending, i int) float64 { _, _, over := e.staffTotals(i); return over }},
		{key: "hours", scope: eachPool, group: groupStaff, unit: "h", better: "lower", label: "staff-hours on duty", desc: "staff-hours on duty, pool %s",
			value: func(e *ending, i int) float64 { _, on, _ := e.staffTotals(i); return on / 3600 }},
	}
}
