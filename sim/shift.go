package sim

import (
	"fmt"
	"math"
	"sort"
)

// SetCapacity puts n units on duty from now. Units coming on serve the
// queue at once. Units going off are taken first from those resting, then
// from the idle ones (idle longest first), then from the busy ones (the task
// begun earliest first): a busy unit finishes its task, and the time past now
// is reported as its overtime when it goes off.
func (r *Resource) SetCapacity(n int) {
	n = max(n, 0)
	before := r.rostered
	for r.rostered < n {
		r.rostered++
		if u := r.find(func(x *unit) bool { return x.state == unitBusy && x.leaving }); u >= 0 {
			r.units[u].leaving = false
			if r.mon != nil {
				r.emit(ResourceUnitOn, nil, u, 0, 0)
			}
			continue
		}
		u := r.find(func(x *unit) bool { return x.state == unitOff })
		if u < 0 {
			u = int32(len(r.units))
			x := &unit{state: unitOff}
			x.tick = unitTick{r, u}
			r.units = append(r.units, x)
		}
		r.comeOn(u)
	}
	for r.rostered > n {
		r.rostered--
		r.goOff()
	}
	if r.mon != nil && r.rostered != before {
		r.emit(ResourceCapacity, nil, -1, 0, 0)
	}
	r.dispatch()
}

// find returns the first unit that ok accepts, or -1.
func (r *Resource) find(ok func(*unit) bool) int32 {
	for i, x := range r.units {
		if ok(x) {
			return int32(i)
		}
	}
	return -1
}

func (r *Resource) comeOn(u int32) {
	x := r.units[u]
	r.pushIdle(u)
	if r.dutyMax > 0 {
		x.timer = r.sim.After(r.dutyMax, PriorityShift, &x.tick)
	}
	if r.mon != nil {
		r.emit(ResourceUnitOn, nil, u, 0, 0)
	}
}

// goOff takes one unit off duty.
func (r *Resource) goOff() {
	s := r.sim
	if u := r.find(func(x *unit) bool { return x.state == unitResting }); u >= 0 {
		x := r.units[u]
		s.Cancel(x.timer)
		x.timer = EventID{}
		r.nResting--
		x.state = unitOff
		x.since = s.now
		if r.mon != nil {
			r.emit(ResourceUnitOff, nil, u, 0, 0)
		}
		return
	}
	if u := r.idleHead; u >= 0 {
		x := r.units[u]
		r.unlinkIdle(u)
		s.Cancel(x.timer)
		x.timer = EventID{}
		x.state = unitOff
		x.since = s.now
		if r.mon != nil {
			r.emit(ResourceUnitOff, nil, u, 0, 0)
		}
		return
	}
	// A busy unit: prefer one already due to rest, then the earliest task.
	pick := int32(-1)
	for i, x := range r.units {
		if x.state != unitBusy || x.leaving {
			continue
		}
		if pick < 0 {
			pick = int32(i)
			continue
		}
		p := r.units[pick]
		if (x.restNext && !p.restNext) || (x.restNext == p.restNext && x.since < p.since) {
			pick = int32(i)
		}
	}
	// Its duty timer and a rest already due stay: a unit that comes back on
	// before its task ends is still on the same stretch of duty.
	x := r.units[pick]
	x.leaving = true
	x.offAt = s.now
}

// dutyEvent is a unit reaching its duty limit, or coming back from rest.
func (r *Resource) dutyEvent(u int32) {
	x := r.units[u]
	x.timer = EventID{}
	switch x.state {
	case unitIdle:
		r.unlinkIdle(u)
		r.startRest(u, 0)
	case unitBusy:
		x.restNext = true
		x.restAt = r.sim.now
	case unitResting:
		r.nResting--
		r.comeOn(u)
		r.dispatch()
	}
}

func (r *Resource) startRest(u int32, overtime float64) {
	x := r.units[u]
	x.state = unitResting
	x.since = r.sim.now
	r.nResting++
	x.timer = r.sim.After(r.dutyRest, PriorityShift, &x.tick)
	if r.mon != nil {
		r.emit(ResourceUnitRest, nil, u, 0, overtime)
	}
}

// Change is a step of a capacity schedule: from At on, Capacity units.
type Change struct {
	At       float64
	Capacity int
}

// Roster drives a resource's capacity through a schedule of changes: shifts,
// breaks, a second team on at noon.
type Roster struct {
	r       *Resource
	initial int
	changes []Change
	next    int
}

// NewRoster checks changes (times finite, not decreasing and not negative,
// capacities not negative), sets the capacity due at time zero at once and
// schedules the rest. A change at the time of an earlier one replaces it.
func (s *Sim) NewRoster(r *Resource, changes []Change) (*Roster, error) {
	for i, c := range changes {
		if c.At < 0 || c.At != c.At || math.IsInf(c.At, 1) {
			return nil, fmt.Errorf("roster %s: change %d at %v: time must be finite and >= 0", r.name, i, c.At)
		}
		if c.Capacity < 0 {
			return nil, fmt.Errorf("roster %s: change %d: capacity must be >= 0, got %d", r.name, i, c.Capacity)
		}
	}
	if !sort.SliceIsSorted(changes, func(i, j int) bool { return changes[i].At < changes[j].At }) {
		return nil, fmt.Errorf("roster %s: changes must be in time order", r.name)
	}
	ro := &Roster{r: r, initial: r.rostered, changes: append([]Change(nil), changes...)}
	ro.apply()
	return ro, nil
}

// Handle applies the changes that are due and schedules the next.
func (ro *Roster) Handle() { ro.apply() }

func (ro *Roster) apply() {
	s := ro.r.sim
	c := -1
	for ro.next < len(ro.changes) && ro.changes[ro.next].At <= s.now {
		c = ro.changes[ro.next].Capacity
		ro.next++
	}
	if c >= 0 {
		ro.r.SetCapacity(c)
	}
	if ro.next < len(ro.changes) {
		s.Schedule(ro.changes[ro.next].At, PriorityShift, ro)
	}
}

// CapacityAt returns the capacity the schedule sets at time t.
func (ro *Roster) CapacityAt(t float64) int {
	c := ro.initial
	for _, ch := range ro.changes {
		if ch.At > t {
			break
		}
		c = ch.Capacity
	}
	return c
}
