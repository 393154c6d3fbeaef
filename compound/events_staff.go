package compound

import (
	"slices"

	"cordon/sim"
)

// groupChanges returns the capacity schedule of group g of pool p over the
// run: its shifts and breaks (rosterChanges), with the staff events that
// concern it on top. While an event is on, its change is added to what the
// shifts put on duty (never below none), and a team all off has none on
// duty whatever its shifts. Without such events it is rosterChanges.
func (sc *Scenario) groupChanges(p Pool, g staffGroup, tl timeline) []sim.Change {
	base := rosterChanges(p, g.base, tl)
	type change struct {
		from, to float64
		s        *StaffChange
	}
	var evs []change
	for _, ev := range sc.Events {
		s := ev.Staff
		if s == nil || s.Pool != p.Name || (s.Zone != "" && s.Zone != g.zone) {
			continue
		}
		from, to := ev.span(tl)
		if from < tl.horizon && to > 0 {
			evs = append(evs, change{max(from, 0), to, s})
		}
	}
	if len(evs) == 0 {
		return base
	}
	bounds := make([]float64, 0, len(base)+2*len(evs))
	for _, c := range base {
		bounds = append(bounds, c.At)
	}
	for _, e := range evs {
		bounds = append(bounds, e.from)
		if e.to < tl.horizon {
			bounds = append(bounds, e.to)
		}
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	var out []sim.Change
	k := 0 // the shift change in force
	for _, t := range bounds {
		for k+1 < len(base) && base[k+1].At <= t {
			k++
		}
		n, off := base[k].Capacity, false
		for _, e := range evs {
			if t >= e.from && t < e.to {
				n += e.s.Change
				off = off || e.s.AllOff
			}
		}
		if off {
			n = 0
		}
		n = max(n, 0)
		if len(out) == 0 || out[len(out)-1].Capacity != n {
			out = append(out, sim.Change{At: t, Capacity: n})
		}
	}
	return out
}
