package compound

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"cordon/sim"
)

// A roster names a pool when one of its entries names the pool or one of
// its zone groups: in a replay that pool's staff come from the roster, and
// its shifts and breaks in the scenario are not used. A change to such a
// pool is applied to the roster by one of the rules below, or refused;
// never ignored.

// RosterPools returns the pools of sc that the roster names, in the
// scenario's order.
func (sc *Scenario) RosterPools(roster []RosterEntry) []string {
	var out []string
	for _, p := range sc.Staff {
		for _, g := range sc.groups(p) {
			if _, ok := rosterFor(roster, g.name, p.Name, sc.timeline().horizon); ok {
				out = append(out, p.Name)
				break
			}
		}
	}
	return out
}

// RosterShortfall is a pool the roster has fewer on duty than the plan,
// for at least a while: the hours short and the most missing at once.
type RosterShortfall struct {
	Pool        string
	StaffHours  float64 // staff-hours the plan has on duty and the roster not
	MostMissing int     // the most staff missing at once, in one group
}

// Shortfalls returns, for each pool the roster names, how far the roster
// falls short of the scenario's plan (pools with no shortfall left out).
func (sc *Scenario) Shortfalls(roster []RosterEntry) []RosterShortfall {
	var out []RosterShortfall
	for _, name := range sc.RosterPools(roster) {
		s := RosterShortfall{Pool: name}
		sc.eachGroup(roster, name, func(logged, planned schedule, bounds []float64) schedule {
			for i, t := range bounds {
				end := sc.timeline().horizon
				if i+1 < len(bounds) {
					end = bounds[i+1]
				}
				if miss := planned.at(t) - logged.at(t); miss > 0 {
					s.StaffHours += float64(miss) * (end - t) / 3600
					s.MostMissing = max(s.MostMissing, miss)
				}
			}
			return nil
		})
		if s.StaffHours > 0 {
			out = append(out, s)
		}
	}
	return out
}

// RestoreRoster returns the roster with pool's absences restored: at every
// moment, the larger of the roster's count and the plan's (sc's), in each
// of the pool's groups the roster names.
func (sc *Scenario) RestoreRoster(roster []RosterEntry, pool string) []RosterEntry {
	return sc.remap(roster, pool, func(logged, planned schedule, bounds []float64) schedule {
		return combine(bounds, func(t float64) int { return max(logged.at(t), planned.at(t)) })
	})
}

// ShiftRoster applies to the roster the difference between two plans: for
// each pool the roster names whose plan in changed differs from plan's, the
// count on duty at every moment becomes the roster's plus the change in the
// planned count (changed's minus day's), at least zero. This is how --vs
// and a knob's move (one more on a shift) change a logged day. It returns
// the new roster and the pools it changed; clipped names the pools where
// the change would take more staff off duty than the roster has (the count
// stays at zero there). A pool the roster names that changed does not have
// is an error.
func ShiftRoster(plan, changed *Scenario, roster []RosterEntry) (out []RosterEntry, pools, clipped []string, err error) {
	out = roster
	for _, name := range plan.RosterPools(roster) {
		pi := slices.IndexFunc(changed.Staff, func(p Pool) bool { return p.Name == name })
		if pi < 0 {
			return nil, nil, nil, fmt.Errorf("the roster names pool %s, which %s does not have", name, changed.Name)
		}
		cp := changed.Staff[pi]
		if plansEqual(plan, changed, name) {
			continue
		}
		cgroups := changed.groups(cp)
		tl := changed.timeline()
		clip := false
		var bad error
		// Per group, with the changed plan beside the day's.
		out = plan.remapGroups(out, name, func(group string, logged, planned schedule) schedule {
			gi := slices.IndexFunc(cgroups, func(g staffGroup) bool { return g.name == group })
			if gi < 0 {
				bad = fmt.Errorf("the roster names %s, which %s does not have", group, changed.Name)
				return logged
			}
			next := schedule(rosterChanges(cp, cgroups[gi].base, tl))
			bounds := canonical(mergeBounds(logged, planned, next), tl.horizon)
			return combine(bounds, func(t float64) int {
				v := logged.at(t) + next.at(t) - planned.at(t)
				if v < 0 {
					clip = true
					v = 0
				}
				return v
			})
		})
		if bad != nil {
			return nil, nil, nil, bad
		}
		pools = append(pools, name)
		if clip {
			clipped = append(clipped, name)
		}
	}
	return out, pools, clipped, nil
}

// SetRoster applies a --set to the roster: for each pool the roster names
// whose plan the set changes, or whose shift counts touched names (pool
// name to the shifts' indices, -1 for a pool's count: a set may give the
// plan's own count, which the roster lacks), only counts may differ, and
// the count on duty becomes the set count wherever that shift covers (all
// run long for a pool without shifts), replacing the roster's counts there,
// its own breaks included. Any other change to such a pool (a shift's
// times, its breaks) is refused: the roster says when people were on
// duty. It returns the new roster and the pools it changed.
func SetRoster(plan, changed *Scenario, roster []RosterEntry, touched map[string][]int) ([]RosterEntry, []string, error) {
	var pools []string
	for _, name := range plan.RosterPools(roster) {
		pi := slices.IndexFunc(changed.Staff, func(p Pool) bool { return p.Name == name })
		di := slices.IndexFunc(plan.Staff, func(p Pool) bool { return p.Name == name })
		if pi < 0 {
			return nil, nil, fmt.Errorf("the roster names pool %s, which the changed scenario does not have", name)
		}
		if plansEqual(plan, changed, name) && len(touched[name]) == 0 {
			continue
		}
		dp, cp := plan.Staff[di], changed.Staff[pi]
		if !sameTimes(dp, cp) {
			return nil, nil, fmt.Errorf("the change moves the shifts or breaks of %s, and the roster says who of %s was on duty when: "+
				"only a count can be applied to a roster (staff.%s.shifts[N].count), or replay without --roster", name, name, name)
		}
		tl := plan.timeline()
		cgroups := changed.groups(cp)
		roster = plan.remapGroups(roster, name, func(group string, logged, planned schedule) schedule {
			gi := slices.IndexFunc(cgroups, func(g staffGroup) bool { return g.name == group })
			dgi := slices.IndexFunc(plan.groups(dp), func(g staffGroup) bool { return g.name == group })
			type span struct {
				from, to float64
				count    int
			}
			var spans []span
			if len(cp.Shifts) == 0 {
				if gi >= 0 && dgi >= 0 && (cgroups[gi].base != plan.groups(dp)[dgi].base || slices.Contains(touched[name], -1)) {
					spans = append(spans, span{0, tl.horizon, cgroups[gi].base})
				}
			}
			for j, sh := range cp.Shifts {
				if sh.Count == dp.Shifts[j].Count && !slices.Contains(touched[name], j) {
					continue
				}
				length := float64(sh.To) - float64(sh.From)
				if length <= 0 {
					length += day
				}
				for d := -1; d <= int(tl.horizon/day)+1; d++ {
					from := tl.at(d, sh.From)
					if from+length > 0 && from < tl.horizon {
						spans = append(spans, span{max(from, 0), min(from+length, tl.horizon), sh.Count})
					}
				}
			}
			bounds := mergeBounds(logged)
			for _, s := range spans {
				bounds = append(bounds, s.from, s.to)
			}
			bounds = canonical(bounds, tl.horizon)
			return combine(bounds, func(t float64) int {
				for _, s := range spans {
					if s.from <= t && t < s.to {
						return s.count
					}
				}
				return logged.at(t)
			})
		})
		pools = append(pools, name)
	}
	return roster, pools, nil
}

// plansEqual reports whether pool name puts the same staff on duty in both
// scenarios, group by group.
func plansEqual(a, b *Scenario, name string) bool {
	pa := slices.IndexFunc(a.Staff, func(p Pool) bool { return p.Name == name })
	pb := slices.IndexFunc(b.Staff, func(p Pool) bool { return p.Name == name })
	if pa < 0 || pb < 0 {
		return pa == pb
	}
	ga, gb := a.groups(a.Staff[pa]), b.groups(b.Staff[pb])
	if len(ga) != len(gb) {
		return false
	}
	for i := range ga {
		if ga[i].name != gb[i].name ||
			!slices.Equal(rosterChanges(a.Staff[pa], ga[i].base, a.timeline()), rosterChanges(b.Staff[pb], gb[i].base, b.timeline())) {
			return false
		}
	}
	return true
}

// sameTimes reports whether two versions of a pool have the same shift
// times and the same breaks: only counts differ.
func sameTimes(a, b Pool) bool {
	if len(a.Shifts) != len(b.Shifts) || !slices.Equal(a.Breaks, b.Breaks) || a.PerZone != b.PerZone {
		return false
	}
	for i := range a.Shifts {
		if a.Shifts[i].From != b.Shifts[i].From || a.Shifts[i].To != b.Shifts[i].To {
			return false
		}
	}
	return true
}

// schedule is a count over the run: each change holds from its time until
// the next's.
type schedule []sim.Change

// at returns the count at time t.
func (s schedule) at(t float64) int {
	c := 0
	for _, ch := range s {
		if ch.At > t {
			break
		}
		c = ch.Capacity
	}
	return c
}

// mergeBounds returns the times at which any of the schedules changes.
func mergeBounds(ss ...schedule) []float64 {
	var out []float64
	for _, s := range ss {
		for _, c := range s {
			out = append(out, c.At)
		}
	}
	return out
}

// canonical sorts bounds, keeps those inside [0, horizon) and adds 0.
func canonical(bounds []float64, horizon float64) []float64 {
	bounds = append(bounds, 0)
	bounds = slices.DeleteFunc(bounds, func(t float64) bool { return t < 0 || t >= horizon })
	sort.Float64s(bounds)
	return slices.Compact(bounds)
}

// combine builds a schedule from f evaluated at each bound.
func combine(bounds []float64, f func(t float64) int) schedule {
	var out schedule
	for _, t := range bounds {
		c := f(t)
		if len(out) == 0 || out[len(out)-1].Capacity != c {
			out = append(out, sim.Change{At: t, Capacity: c})
		}
	}
	return out
}

// eachGroup calls f for each group of pool name that the roster names,
// with the group's logged and planned schedules and the times either
// changes; f's result is ignored.
func (sc *Scenario) eachGroup(roster []RosterEntry, name string, f func(logged, planned schedule, bounds []float64) schedule) {
	sc.remap(roster, name, f)
}

// remap is remapGroups with a function that also gets the merged bounds of
// the logged and planned schedules.
func (sc *Scenario) remap(roster []RosterEntry, name string, f func(logged, planned schedule, bounds []float64) schedule) []RosterEntry {
	h := sc.timeline().horizon
	return sc.remapGroups(roster, name, func(_ string, logged, planned schedule) schedule {
		return f(logged, planned, canonical(mergeBounds(logged, planned), h))
	})
}

// remapGroups rewrites the roster's entries for pool name: for each of the
// pool's groups the roster names, f gets the group's logged and planned
// schedules and returns its new one, written back as one entry per span of
// constant count, named by the group. Entries of other pools stay as they
// are. When f returns nil for every group the roster is returned unchanged.
func (sc *Scenario) remapGroups(roster []RosterEntry, name string, f func(group string, logged, planned schedule) schedule) []RosterEntry {
	pi := slices.IndexFunc(sc.Staff, func(p Pool) bool { return p.Name == name })
	if pi < 0 {
		return roster
	}
	p := sc.Staff[pi]
	tl := sc.timeline()
	var written []RosterEntry
	changed := false
	for _, g := range sc.groups(p) {
		logged, ok := rosterFor(roster, g.name, p.Name, tl.horizon)
		if !ok {
			continue
		}
		next := f(g.name, schedule(logged), schedule(rosterChanges(p, g.base, tl)))
		if next == nil {
			next = schedule(logged)
		} else {
			changed = true
		}
		for i, c := range next {
			to := tl.horizon
			if i+1 < len(next) {
				to = next[i+1].At
			}
			written = append(written, RosterEntry{Pool: g.name, From: c.At, To: to, Count: c.Capacity})
		}
	}
	if !changed {
		return roster
	}
	out := slices.DeleteFunc(slices.Clone(roster), func(r RosterEntry) bool {
		return r.Pool == name || strings.HasPrefix(r.Pool, name+"/")
	})
	return append(out, written...)
}
