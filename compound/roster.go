package compound

import (
	"slices"

	"cordon/sim"
)

// day is a day in seconds.
const day = 24 * 3600.0

// timeline maps times of day onto simulation time: time zero is the run's
// start (clock.start on day 1) and the run lasts horizon seconds.
type timeline struct {
	start   float64 // clock.start, seconds after midnight
	horizon float64
}

// at returns the simulation time of clock time c on day d (0 for the first
// day); it may be negative or past the horizon.
func (tl timeline) at(d int, c Clock) float64 {
	return float64(d)*day + float64(c) - tl.start
}

// clockOf returns the time of day (seconds after midnight) at simulation time t.
func (tl timeline) clockOf(t float64) float64 {
	c := tl.start + t
	c -= day * float64(int(c/day))
	return c
}

// capacityAt returns the staff a pool has on duty at time of day c: its
// count, or the count of the shift covering c, less the staff on a break.
func capacityAt(p Pool, base int, c float64) int {
	n := base
	if len(p.Shifts) > 0 {
		n = 0
		for _, s := range p.Shifts {
			if covers(float64(s.From), float64(s.To), c) {
				n = s.Count
			}
		}
	}
	for _, b := range p.Breaks {
		if covers(float64(b.At), float64(b.At)+float64(b.Length), c) {
			n -= b.Count
		}
	}
	return max(n, 0)
}

// covers reports whether time of day c falls in [from, to), a span that may
// pass midnight.
func covers(from, to, c float64) bool {
	if to <= from {
		to += day
	}
	for _, x := range []float64{c, c + day} {
		if x >= from && x < to {
			return true
		}
	}
	return false
}

// rosterChanges returns the capacity schedule of a pool over the run: the
// capacity at time zero, then a change at every shift or break boundary.
func rosterChanges(p Pool, base int, tl timeline) []sim.Change {
	var bounds []float64
	add := func(c float64) {
		for d := -1; d <= int(tl.horizon/day)+1; d++ {
			if t := float64(d)*day + c - tl.start; t > 0 && t < tl.horizon {
				bounds = append(bounds, t)
			}
		}
	}
	for _, s := range p.Shifts {
		add(float64(s.From))
		add(float64(s.To))
	}
	for _, b := range p.Breaks {
		add(float64(b.At))
		add(float64(b.At) + float64(b.Length))
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	changes := []sim.Change{{At: 0, Capacity: capacityAt(p, base, tl.clockOf(0))}}
	for _, t := range bounds {
		c := capacityAt(p, base, tl.clockOf(t))
		if c != changes[len(changes)-1].Capacity {
			changes = append(changes, sim.Change{At: t, Capacity: c})
		}
	}
	return changes
}

// peak returns the largest capacity of a schedule.
func peak(changes []sim.Change) int {
	m := 0
	for _, c := range changes {
		m = max(m, c.Capacity)
	}
	return m
}

// PlannedRoster returns the staff the scenario's shifts and breaks put on
// duty over its run, as roster entries: one per pool (or zone group of a
// zone pool, named "pool/zone") per span of constant count, zero counts
// included. Replayed as a roster, it puts on duty what the scenario does.
func (sc *Scenario) PlannedRoster() []RosterEntry {
	tl := sc.timeline()
	if !(tl.horizon > 0) {
		return nil
	}
	var out []RosterEntry
	for _, p := range sc.Staff {
		for _, g := range sc.groups(p) {
			out = append(out, sc.plannedEntries(p, g, tl)...)
		}
	}
	return out
}

// plannedEntries returns the schedule of group g of pool p, events
// included, as roster entries named after the group.
func (sc *Scenario) plannedEntries(p Pool, g staffGroup, tl timeline) []RosterEntry {
	name := g.name
	ch := sc.groupChanges(p, g, tl)
	out := make([]RosterEntry, len(ch))
	for i, c := range ch {
		to := tl.horizon
		if i+1 < len(ch) {
			to = ch[i+1].At
		}
		out[i] = RosterEntry{Pool: name, From: c.At, To: to, Count: c.Capacity}
	}
	return out
}

// timeline returns the scenario's run on the clock.
func (sc *Scenario) timeline() timeline {
	return timeline{start: float64(sc.Horizon.Start), horizon: float64(sc.Horizon.Days) * day}
}

// staffGroup is one resource of a pool on the kernel: the pool itself, or
// one zone's group of a zone pool ("pool/zone"), with the count its shifts
// are for and its zone ("" for the pool itself).
type staffGroup struct {
	name string
	base int
	zone string
}

// groups returns the groups of pool p, in the order of the zones for a
// zone pool.
func (sc *Scenario) groups(p Pool) []staffGroup {
	if !p.PerZone {
		return []staffGroup{{p.Name, p.Count, ""}}
	}
	out := make([]staffGroup, len(sc.Zones))
	for i, z := range sc.Zones {
		out[i] = staffGroup{p.Name + "/" + z.Name, zoneBase(p, z), z.Name}
	}
	return out
}

// zoneBase is the count of zone z's group of zone pool p: the zone's own
// volunteers when it gives them, else the pool's count.
func zoneBase(p Pool, z Zone) int {
	if z.Volunteers > 0 {
		return z.Volunteers
	}
	return p.Count
}
