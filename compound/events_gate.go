package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/stats"
)

// equipment is the equipment the scenario starts with.
func (sc *Scenario) equipment() Equipment {
	g := sc.Gate
	return Equipment{Ground: g.Ground, Shelves: g.Shelves, Containers: g.Containers,
		Carts: sc.Transfer.Carts, DisinfectionSpace: sc.Disinfection.Space}
}

// equipmentChanges calls fn, in the order the events happen, with each
// event that adds or takes away equipment and the equipment held from
// then on.
func (sc *Scenario) equipmentChanges(tl timeline, fn func(ev Event, have Equipment)) {
	have := sc.equipment()
	for _, i := range sc.eventOrder(tl) {
		ev := sc.Events[i]
		switch {
		case ev.Add != nil:
			have = have.plus(*ev.Add, 1)
		case ev.Remove != nil:
			have = have.plus(*ev.Remove, -1)
		default:
			continue
		}
		fn(ev, have)
	}
}

// equipmentSchedules returns the capacity schedules the add and remove
// events give the staging area, the carts and the disinfection area over
// the run, each from its capacity at time zero; nil for one that no event
// changes.
func (sc *Scenario) equipmentSchedules(tl timeline) (staging, carts, disinfection []sim.Change) {
	g := sc.Gate
	have := sc.equipment()
	staging = []sim.Change{{At: 0, Capacity: g.Slots()}}
	carts = []sim.Change{{At: 0, Capacity: have.Carts}}
	disinfection = []sim.Change{{At: 0, Capacity: have.DisinfectionSpace}}
	step := func(s []sim.Change, at float64, n int) []sim.Change {
		last := &s[len(s)-1]
		switch {
		case last.Capacity == n:
		case last.At == at:
			last.Capacity = n
		default:
			s = append(s, sim.Change{At: at, Capacity: n})
		}
		return s
	}
	sc.equipmentChanges(tl, func(ev Event, have Equipment) {
		at, _ := ev.span(tl)
		staging = step(staging, at, g.withEquipment(have).Slots())
		carts = step(carts, at, have.Carts)
		disinfection = step(disinfection, at, have.DisinfectionSpace)
	})
	unchanged := func(s []sim.Change, base int) []sim.Change {
		if len(s) == 1 && s[0].Capacity == base {
			return nil
		}
		return s
	}
	return unchanged(staging, g.Slots()), unchanged(carts, sc.Transfer.Carts), unchanged(disinfection, sc.Disinfection.Space)
}

// CapacityChange is a capacity from a time of the run on.
type CapacityChange struct {
	At       float64 // seconds from the start of the run
	Capacity int
}

// StagingCapacity is the staging area's capacity over the run: its
// capacity at the start, then each change that the add and remove events
// make to it, in order.
func (sc *Scenario) StagingCapacity() []CapacityChange {
	staging, _, _ := sc.equipmentSchedules(sc.timeline())
	if staging == nil {
		return []CapacityChange{{At: 0, Capacity: sc.Gate.Slots()}}
	}
	out := make([]CapacityChange, len(staging))
	for i, c := range staging {
		out[i] = CapacityChange{At: c.At, Capacity: c.Capacity}
	}
	return out
}

// buildEquipmentEvents puts the equipment events on the kernel: a roster of
// the carts and of the disinfection area, and timed changes of the staging
// area, which also keep the record of when it was full and how many items
// it held, hour by hour, as its capacity changes.
func (m *Model) buildEquipmentEvents() error {
	g := m.gate
	staging, carts, disinfection := m.sc.equipmentSchedules(m.tl)
	if carts != nil {
		if _, err := m.s.NewRoster(g.carts, carts); err != nil {
			return err
		}
	}
	if disinfection != nil {
		if _, err := m.s.NewRoster(g.disinfect, disinfection); err != nil {
			return err
		}
	}
	if staging == nil {
		return nil
	}
	// The time full, for the gate's KPIs; the items held hour by hour, for
	// the gate's backlog in a whole replication.
	if m.keep.has(figStaging) {
		g.full = stats.NewLevel(0, 0)
		g.full.TrackThreshold(1)
	}
	if m.keep.has(figEvery) {
		hours := int(math.Ceil(m.tl.horizon / 3600))
		var err error
		if g.held, err = stats.NewBuckets(0, 3600, hours); err != nil {
			return err
		}
	}
	g.noteStaging(0)
	for _, c := range staging {
		m.s.Schedule(c.At, sim.PriorityShift, &stagingChange{m: m, capacity: c.Capacity})
	}
	return nil
}

// cartRounds returns how many carts go round: the most there ever are.
func (m *Model) cartRounds() int {
	_, carts, _ := m.sc.equipmentSchedules(m.tl)
	if carts == nil {
		return m.sc.Transfer.Carts
	}
	return peak(carts)
}

// cartOnDuty returns, when events change the carts, the first step of a
// cart's round: a cart numbered past the carts there are now waits until
// there are more (for good when there never are), so that it takes no load
// it has no cart for. Without such events it returns no step.
func (m *Model) cartOnDuty() []sim.Step {
	_, carts, _ := m.sc.equipmentSchedules(m.tl)
	if carts == nil {
		return nil
	}
	return []sim.Step{sim.StepFunc(func(e *sim.Entity) sim.Outcome {
		n, now := e.Data.(int), m.s.Now()
		// The schedule's carts now (the roster may not have set them yet
		// while the model is built).
		have := 0
		for _, c := range carts {
			if c.At <= now {
				have = c.Capacity
			}
		}
		if n < have {
			return sim.Next
		}
		for _, c := range carts {
			if c.At > now && c.Capacity > n {
				e.Jump("loop") // and look again then
				e.Hold(c.At - now)
				return sim.Wait
			}
		}
		return sim.Wait
	})}
}

// stagingChange sets the staging area's capacity when equipment is added or
// taken away.
type stagingChange struct {
	m        *Model
	capacity int
}

func (c *stagingChange) Handle() {
	g := c.m.gate
	g.staging.SetCapacity(c.capacity)
	g.noteStaging(c.m.s.Now())
}

// noteStaging records the staging area's state after a change, when its
// capacity changes over the run (Model.buildEquipmentEvents).
func (g *gate) noteStaging(now float64) {
	if g.full == nil {
		return
	}
	full := 0.0
	if g.staging.Idle() == 0 {
		full = 1
	}
	if full != g.full.Value() {
		g.full.Set(now, full)
	}
	if g.held != nil {
		g.held.Set(now, float64(g.staging.Busy()))
	}
}

// timeFull returns the time the staging area was full, up to now.
func (g *gate) timeFull(now float64, slots int) float64 {
	if g.full != nil {
		return g.full.TimeAtOrAbove(now, 1)
	}
	return timeFull(g.stagingRec.Busy, now, slots)
}

// heldByHour returns the mean items put down at the gate hour by hour when
// the staging area's capacity changes over the run, and nil otherwise.
func (g *gate) heldByHour(now float64) []float64 {
	if g.held == nil {
		return nil
	}
	g.held.Finish(now)
	return g.held.Means()
}

// closure is a closure of the gate on the kernel's clock.
type closure struct {
	from, to float64
	spec     *GateClosure
}

// gateClosures returns the closures of the gate, in the order they happen.
func (m *Model) gateClosures() []closure {
	var out []closure
	for _, i := range m.sc.eventOrder(m.tl) {
		ev := m.sc.Events[i]
		if ev.CloseGate != nil {
			from, to := ev.span(m.tl)
			out = append(out, closure{from, to, ev.CloseGate})
		}
	}
	return out
}

// waitForOpenGate holds a courier until the gate is open: within its
// opening hours and not closed by an event. A courier whose kind turns away
// from a closed gate leaves at once with the items when its wait would meet
// a closure.
func (m *Model) waitForOpenGate(e *sim.Entity) sim.Outcome {
	kind := e.Data.(*item).kind.spec.Name
	now := m.s.Now()
	t := now
	// Each turn passes a closure or a night, and closures do not overlap.
	for range 2*len(m.closures) + 2 {
		moved := false
		if w := m.hoursWait(t); w > 0 {
			t += w
			moved = true
		}
		for _, c := range m.closures {
			if t >= c.from && t < c.to {
				if c.spec.courierAction(kind) == WhenFullTurnAway {
					e.Jump("turned away")
					return sim.Next
				}
				t = c.to
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	if t > now {
		e.Hold(t - now)
		return sim.Wait
	}
	return sim.Next
}

// hoursWait returns how long a courier at time t waits for the gate's
// opening hours: 0 when they cover t.
func (m *Model) hoursWait(t float64) float64 {
	open, close := float64(m.sc.Gate.Open), float64(m.sc.Gate.Close)
	if close-open >= day {
		return 0
	}
	c := m.tl.clockOf(t)
	if covers(open, close, c) {
		return 0
	}
	wait := open - c
	if wait < 0 {
		wait += day
	}
	return wait
}
