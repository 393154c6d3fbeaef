package compound

import (
	"fmt"
	"slices"
)

// roundKPIs visits the KPIs of the rounds after round 1, each round's apart
// and named KPI@roundN: a round at the sites has every KPI of the sampling
// round (samplingKPIs) and of its lab (labKPIs); one door to door those not about the sites and the
// no-shows (no one is called down); an antigen round the kits' (kitKPIs).
func roundKPIs(sc *Scenario, named bool, visit func(expanded)) {
	plans := sc.roundPlans()
	for _, p := range plans[min(1, len(plans)):] {
		b := append(samplingKPIs(), labKPIs()...)
		if p.method == MethodAntigenKits {
			b = kitKPIs()
		}
		n := p.index + 1
		b.each(sc, 0, named, func(x expanded) {
			if p.method == MethodDoorToDoor && slices.Contains(notDoorToDoor, x.def.key) {
				return
			}
			x.round = p.index
			if named {
				x.kpi.Name, x.kpi.Round = RoundKPI(x.kpi.Name, n), n
				x.kpi.Label += fmt.Sprintf(", round %d", n)
				x.kpi.Desc += fmt.Sprintf(", round %d (day %d, %s)", n, p.spec.Day, p.method)
			}
			visit(x)
		})
	}
}

// notDoorToDoor are the sampling KPIs a round door to door does not have:
// no one queues at a site, no medical staff are on duty there, and no one
// is called down to miss the call.
var notDoorToDoor = []string{"wait.mean", "wait.p95", "queue.peak", "staff_hours", "no_shows", "left_at_close", "swept", "sweep_done"}

// kitKPIs are an antigen round's: the kits handed out, returned and not,
// and how long handing them out and collecting them took.
func kitKPIs() kpiBlock {
	b := kpiBlock{
		{key: "kits.handed_out", unit: "kits", better: "higher", label: "antigen kits handed out", desc: "antigen kits handed out at the door, one a resident",
			value: func(e *ending, _ int) float64 { return float64(e.smp().kits.handedOut) }},
		{key: "kits.returned", unit: "kits", better: "higher", headline: true, label: "antigen kits returned", desc: "used antigen kits put out at the door and collected",
			value: func(e *ending, _ int) float64 { return float64(e.smp().kits.returned) }},
		{key: "kits.not_returned", unit: "kits", better: "lower", label: "antigen kits not returned", desc: "antigen kits handed out and never put out used (kits.returned + kits.not_returned + kits.out = kits.handed_out)",
			value: func(e *ending, _ int) float64 { return float64(e.smp().kits.notReturned) }},
		{key: "kits.out", unit: "kits", better: "lower", label: "antigen kits waiting to be collected", desc: "used antigen kits put out at the door and not yet collected at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.smp().kits.out) }},
		{key: "kits.not_handed_out", unit: "kits", better: "lower", label: "antigen kits not handed out", desc: "antigen kits still to be handed out at the end of the run",
			value: func(e *ending, _ int) float64 { return float64(e.smp().kits.kits - e.smp().kits.handedOut) }},
		{key: "kits.handed_out_by", unit: "s", better: "lower", headline: true, label: "time to hand out the kits", desc: "time from the start of the round to the last household handed its kits (to the end of the run when some were not; 0 when there is no one)",
			value: func(e *ending, _ int) float64 { return e.handedOutBy() }},
		{key: "kits.collected_by", unit: "s", better: "lower", headline: true, label: "time to collect the used kits", desc: "time from the start of the round to the last used kits collected (to the end of the run when some were not; 0 when none are used)",
			value: func(e *ending, _ int) float64 { return e.collectedBy() }},
	}
	for i := range b {
		b[i].group, b[i].when = groupSampling, hasSampling
	}
	return b
}
