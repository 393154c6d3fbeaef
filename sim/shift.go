package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// SetCapacity puts n units on duty from now. Units coming on serve the
// queue at once. Units going off are taken first from those resting, then
// from the idle ones (idle longest first), then from the busy ones (the task
// begun earliest first): a busy unit finishes its task, and the time past now
// is reported as its overtime when it goes off.
//
// It takes time linear in the units the resource has had (a capacity of a
// million is built in a fraction of a second): each kind of unit it looks
// for is found in one pass.
func (r *Resource) SetCapacity(n int) {
	n = max(n, 0)
	before := r.rostered
	if n > r.rostered {
		r.bringOn(n - r.rostered)
	} else if n < r.rostered {
		r.takeOff(r.rostered - n)
	}
	if r.mon != nil && r.rostered != before {
		r.emit(ResourceCapacity, nil, -1, 0, 0)
	}
	r.dispatch()
}

// bringOn puts k more units on duty: first units finishing a task past
// their shift stay on, then units off duty come back, each the lowest
// numbered first, then new units are added.
func (r *Resource) bringOn(k int) {
	for i := 0; k > 0 && r.nLeaving > 0 && i < len(r.units); i++ {
		x := r.units[i]
		if x.state != unitBusy || !x.leaving {
			continue
		}
		r.rostered++
		k--
		x.leaving = false
		r.nLeaving--
		if r.mon != nil {
			r.emit(ResourceUnitOn, nil, int32(i), 0, 0)
		}
	}
	off := len(r.units) - r.nIdle - r.nBusy - r.nResting
	for i := 0; k > 0 && off > 0 && i < len(r.units); i++ {
		if r.units[i].state != unitOff {
			continue
		}
		r.rostered++
		k--
		off--
		r.comeOn(int32(i))
	}
	if k > 0 {
		r.units = slices.Grow(r.units, k)
		block := make([]unit, k) // one allocation for all the new units
		for j := range block {
			u := int32(len(r.units))
			x := &block[j]
			x.tick = unitTick{r, u}
			r.units = append(r.units, x)
			r.rostered++
			r.comeOn(u)
		}
	}
}

// takeOff takes k units off duty: resting ones first (lowest numbered
// first), then idle ones (idle longest first), then busy ones, which finish
// their task: those already due to rest first, then the task begun earliest
// (lowest numbered among equals).
func (r *Resource) takeOff(k int) {
	s := r.sim
	for i := 0; k > 0 && r.nResting > 0 && i < len(r.units); i++ {
		x := r.units[i]
		if x.state != unitResting {
			continue
		}
		r.rostered--
		k--
		s.Cancel(x.timer)
		x.timer = EventID{}
		r.nResting--
		x.state = unitOff
		x.since = s.now
		if r.mon != nil {
			r.emit(ResourceUnitOff, nil, int32(i), 0, 0)
		}
	}
	for ; k > 0 && r.idleHead >= 0; k-- {
		u := r.idleHead
		x := r.units[u]
		r.rostered--
		r.unlinkIdle(u)
		s.Cancel(x.timer)
		x.timer = EventID{}
		x.state = unitOff
		x.since = s.now
		if r.mon != nil {
			r.emit(ResourceUnitOff, nil, u, 0, 0)
		}
	}
	if k == 0 {
		return
	}
	// Busy units: taking one off changes no other's claim, so the k to go
	// are the first k in that order.
	var busy []int32
	for i, x := range r.units {
		if x.state == unitBusy && !x.leaving {
			busy = append(busy, int32(i))
		}
	}
	slices.SortStableFunc(busy, func(a, b int32) int {
		x, y := r.units[a], r.units[b]
		if x.restNext != y.restNext {
			if x.restNext {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.since, y.since)
	})
	for _, u := range busy[:min(k, len(busy))] {
		// Its duty timer and a rest already due stay: a unit that comes
		// back on before its task ends is still on the same stretch of
		// duty.
		x := r.units[u]
		r.rostered--
		x.leaving = true
		r.nLeaving++
		x.offAt = s.now
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
