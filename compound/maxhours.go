package compound

import (
	"cmp"
	"slices"

	"cordon/sim"
)

// Hours past a pool's max_hours. The scenario's shifts and its
// reinforcements are refused at load when one of them is longer than the
// limit (checkMaxHours, checkReinforcementHours), but two things only the run
// knows take a person past it: a person kept on at the end of the turn to
// finish the task in hand (overtime: nobody drops a parcel on the way to a
// door), and a logged roster whose people stayed on longer than the limit
// (a replay shows the day as it was). Neither is refused or cut short;
// both are counted, in staff-hours past the limit
// (staff.POOL.hours_over_max).

// turnEnd is the end of a turn of a pool's group: the people on it go off
// duty at At after Length seconds on duty; Count of them were planned
// longer than the limit (a roster's rows; the scenario's turns never are).
type turnEnd struct {
	At, Length float64
	Count      int
}

// overMax watches a group of a pool whose people work at most limit
// seconds a day: each person going off duty at the end of a turn, after
// the turn and their overtime, adds the time past the limit. It passes
// every change on to the group's recorder.
type overMax struct {
	next  sim.ResourceMonitor
	limit float64
	ends  []turnEnd // by At
	over  float64   // seconds past the limit from overtime, so far
}

func (o *overMax) ResourceChanged(ev sim.ResourceEvent) {
	o.next.ResourceChanged(ev)
	if ev.Kind != sim.ResourceUnitOff || !(ev.Overtime > 0) {
		return
	}
	if length, ok := o.turnEndingAt(ev.Time - ev.Overtime); ok {
		o.over += max(length+ev.Overtime-o.limit, 0) - max(length-o.limit, 0)
	}
}

// turnEndingAt returns the longest turn that ends at t, if one does (to
// within a microsecond: t is a time less an overtime).
func (o *overMax) turnEndingAt(t float64) (float64, bool) {
	const near = 1e-6
	i, _ := slices.BinarySearchFunc(o.ends, t-near, func(e turnEnd, t float64) int { return cmp.Compare(e.At, t) })
	length, ok := 0.0, false
	for ; i < len(o.ends) && o.ends[i].At <= t+near; i++ {
		length, ok = max(length, o.ends[i].Length), true
	}
	return length, ok
}

// at returns the seconds past the limit of the turns that ended by now:
// those of the people kept on, and those planned longer than the limit.
func (o *overMax) at(now float64) float64 {
	s := o.over
	for _, e := range o.ends {
		if e.At > now {
			break
		}
		s += float64(e.Count) * max(e.Length-o.limit, 0)
	}
	return s
}

// watchMaxHours installs an overMax on group g of pool p, whose resource
// r is recorded, when the pool has a limit below a day; it returns nil
// otherwise. The group's turns come from the logged roster when it names
// the group (logged is true), else from the pool's shifts (or its count on
// all day, which a limit refuses) and the reinforcements of the events.
func (m *Model) watchMaxHours(p Pool, g staffGroup, r *sim.Resource, next sim.ResourceMonitor, logged bool) *overMax {
	if !(p.MaxHours > 0 && p.MaxHours < 24) {
		return nil
	}
	o := &overMax{next: next, limit: p.MaxHours * 3600}
	if logged {
		o.ends = rosterTurns(m.opts.Roster, g.name, p.Name, m.tl.horizon)
	} else {
		o.ends = m.sc.plannedTurns(p, g, m.tl)
	}
	slices.SortFunc(o.ends, func(a, b turnEnd) int { return cmp.Compare(a.At, b.At) })
	r.SetMonitor(o)
	return o
}

// rosterTurns are the ends of the roster's rows for a group, as rosterFor
// reads them, inside the run.
func rosterTurns(roster []RosterEntry, name, pool string, horizon float64) []turnEnd {
	var out []turnEnd
	for _, r := range roster {
		// A row is a span of a count, not one person's turn (a planned
		// roster merges turns of the same count into one row): its length
		// is not counted past the limit, only the overtime at its end.
		if (r.Pool == name || (r.Pool == pool && name != pool)) && r.To > 0 && r.To <= horizon {
			out = append(out, turnEnd{At: r.To, Length: r.To - r.From})
		}
	}
	return out
}

// plannedTurns are the ends of group g's turns inside the run: every
// shift on every day, and every reinforcement of the events that has an
// end.
func (sc *Scenario) plannedTurns(p Pool, g staffGroup, tl timeline) []turnEnd {
	var out []turnEnd
	for _, s := range p.Shifts {
		length := float64(s.To) - float64(s.From)
		if length <= 0 {
			length += day
		}
		for d := -1; d <= int(tl.horizon/day)+1; d++ {
			if end := tl.at(d, s.From) + length; end > 0 && end <= tl.horizon {
				out = append(out, turnEnd{At: end, Length: length})
			}
		}
	}
	for _, ev := range sc.Events {
		s := ev.Staff
		if s == nil || s.Pool != p.Name || (s.Zone != "" && s.Zone != g.zone) || s.Change <= 0 || !(s.For > 0) {
			continue
		}
		if from, to := ev.span(tl); to > 0 && to <= tl.horizon {
			out = append(out, turnEnd{At: to, Length: to - from})
		}
	}
	return out
}

// hoursOver is the seconds past max_hours of pool pl by now.
func (pl *pool) hoursOver(now float64) float64 {
	s := 0.0
	for _, o := range pl.overMax {
		if o != nil {
			s += o.at(now)
		}
	}
	return s
}
