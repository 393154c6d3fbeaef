package compound

import (
	"fmt"
	"slices"
	"strings"
)

// KPI describes one figure a run reports, under a stable dotted name such as
// "takeout.door_time.p95".
type KPI struct {
	Name   string
	Unit   string // s, items, items/h, people, people/h, households, samples, share
	Better string // "lower", "higher", or "" when neither is better
	Desc   string
}

// Catalog returns the KPIs a run of sc reports, in report order: each kind of
// delivery, the gate, the sampling round, garbage, special needs, staff.
func Catalog(sc *Scenario) []KPI {
	var out []KPI
	add := func(name, unit, better, format string, a ...any) {
		out = append(out, KPI{Name: name, Unit: unit, Better: better, Desc: fmt.Sprintf(format, a...)})
	}
	for _, k := range sc.Kinds {
		n := k.Name
		add(n+".arrived", "items", "", "%s items that arrived at the gate", n)
		add(n+".delivered", "items", "higher", "%s items handed over at the door", n)
		add(n+".throughput", "items/h", "higher", "%s items delivered per hour of the run", n)
		add(n+".door_time.mean", "s", "lower", "mean time from the gate to the door, %s", n)
		add(n+".door_time.p50", "s", "lower", "median time from the gate to the door, %s", n)
		add(n+".door_time.p90", "s", "lower", "90th percentile of the time to the door, %s", n)
		add(n+".door_time.p95", "s", "lower", "95th percentile of the time to the door, %s", n)
		add(n+".door_time.max", "s", "lower", "longest time to the door, %s", n)
		if k.Target > 0 {
			add(n+".within_target", "share", "higher", "share of delivered %s items at the door within %s", n, k.Target)
		}
		for _, st := range stages {
			add(n+".time."+st.Name, "s", "lower", "mean time %s, delivered %s items", st.Desc, n)
		}
		add(n+".turned_away", "items", "lower", "%s items turned away at a full gate", n)
		add(n+".backlog", "items", "lower", "%s items still on their way at the end of the run", n)
	}
	add("items.delivered", "items", "higher", "items of every kind handed over at the door")
	add("items.backlog", "items", "lower", "items of every kind still on their way at the end")
	add("gate.staging.mean", "items", "", "mean number of items put down in the staging area")
	add("gate.staging.max", "items", "", "most items in the staging area at once (capped by its capacity: not better when lower)")
	add("gate.staging.time_full", "s", "lower", "time the staging area was full")
	add("gate.couriers_waiting.max", "items", "lower", "most items waiting at the gate for room to be put down")
	add("gate.courier_wait.mean", "s", "lower", "mean time from arrival to being put down")
	add("gate.turned_away", "items", "lower", "items turned away at the gate")
	if sp := sc.Sampling; sp != nil {
		add("sampling.makespan", "s", "lower", "time from the start of the round to the last resident sampled (to the end of the run when some were not)")
		add("sampling.sampled", "people", "higher", "residents sampled")
		add("sampling.not_sampled", "people", "lower", "residents not sampled by the end of the run")
		add("sampling.per_hour", "people/h", "higher", "residents sampled per hour of the round")
		add("sampling.wait.mean", "s", "lower", "mean wait at a site (queueing, not service)")
		add("sampling.wait.p95", "s", "lower", "95th percentile of the wait at a site")
		add("sampling.queue.peak", "people", "lower", "most residents waiting at any one site")
		add("sampling.in_transit.mean", "samples", "lower", "mean number of samples taken and not yet at the lab, over the round")
		add("sampling.in_transit.max", "samples", "lower", "most samples taken and not yet at the lab")
		add("sampling.lab_done", "s", "lower", "time from the start of the round to the last sample at the lab")
		for _, s := range sp.Sites {
			p := "sampling.site." + s.Name
			add(p+".queue.peak", "people", "lower", "most residents waiting at site %s", s.Name)
			add(p+".queue.mean", "people", "lower", "mean residents waiting at site %s while it is open", s.Name)
			add(p+".makespan", "s", "lower", "time from the start of the round to the last resident sampled at %s", s.Name)
		}
	}
	if sc.Garbage != nil {
		add("garbage.collected", "households", "higher", "households whose garbage was collected")
		add("garbage.late", "households", "lower", "households collected after the window closed")
		add("garbage.backlog", "households", "lower", "households not yet collected at the end of the run")
		add("garbage.done_after", "s", "lower", "time from the first window opening to the last building collected")
	}
	if sc.SpecialNeeds != nil {
		add("special_needs.cards", "cards", "", "special-needs cards handed in")
		add("special_needs.response.mean", "s", "lower", "mean time from a card to its request done")
		add("special_needs.response.p95", "s", "lower", "95th percentile of the response time")
		add("special_needs.backlog", "cards", "lower", "cards not yet done at the end of the run")
		if sc.SpecialNeeds.Target > 0 {
			add("special_needs.within_target", "share", "higher", "share of cards done within %s", sc.SpecialNeeds.Target)
		}
	}
	for _, p := range sc.Staff {
		add("staff."+p.Name+".utilisation", "share", "", "share of the time on duty spent busy (work past a shift end is overtime, not counted here), pool %s", p.Name)
		add("staff."+p.Name+".overtime", "s", "lower", "time worked past shift ends and suit limits, pool %s", p.Name)
		add("staff."+p.Name+".hours", "h", "lower", "staff-hours on duty, pool %s", p.Name)
	}
	return out
}

// KPIGroups returns the first parts of the names of the KPIs of the
// compound as a whole (items, gate, sampling, garbage, special_needs,
// staff), in report order: taken from the catalogue of a scenario with
// every section, they are the names a kind of delivery may not have.
func KPIGroups() []string {
	all := &Scenario{Sampling: &Sampling{Sites: []Site{{}}}, Garbage: &Garbage{},
		SpecialNeeds: &SpecialNeeds{Target: 1}, Staff: []Pool{{}}}
	var out []string
	for _, k := range Catalog(all) {
		if g, _, _ := strings.Cut(k.Name, "."); !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}
