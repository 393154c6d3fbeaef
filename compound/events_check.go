package compound

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"cordon/text"
)

// checkEvents checks the timeline: each event's day and time within the
// run, exactly one action, the pools, zones, buildings and kinds it names,
// equipment never below nothing nor above its limits, and no two closures
// of the gate or seals of one building overlapping.
func (sc *Scenario) checkEvents(c *checker) {
	if len(sc.Events) > MaxTimelineEvents {
		c.add("events", "lists %d events: at most %d", len(sc.Events), MaxTimelineEvents)
		return
	}
	tl := sc.timeline()
	for i, ev := range sc.Events {
		path := fmt.Sprintf("events[%d]", i)
		sc.checkEventTime(c, path, ev, tl)
		acts := ev.actions()
		switch len(acts) {
		case 0:
			c.add(path, "says nothing happens: give one of %s", strings.Join(eventActions(), ", "))
			continue
		case 1:
		default:
			c.add(path+"."+acts[1], "an event does one thing, and this one already gives %s: write a second event at the same time", acts[0])
			continue
		}
		switch {
		case ev.Add != nil:
			checkEquipment(c, path+".add", *ev.Add)
		case ev.Remove != nil:
			checkEquipment(c, path+".remove", *ev.Remove)
		case ev.Staff != nil:
			sc.checkStaffChange(c, path+".staff", ev)
		case ev.CloseGate != nil:
			sc.checkClosure(c, path+".close_gate", ev.CloseGate)
		case ev.Seal != nil:
			sc.checkSeal(c, path+".seal", ev.Seal)
		case ev.Surge != nil:
			sc.checkSurge(c, path+".surge", ev.Surge)
		}
	}
	sc.checkEquipmentOverTime(c, tl)
	sc.checkOverlaps(c, tl)
	sc.checkReinforcements(c)
}

// checkReinforcements reports staff events that could put more than
// MaxStaff of one group of a pool on duty at once (its most on a shift, or
// its count, and every reinforcement of the group together), or more than
// MaxStaffOnDuty in the whole compound.
func (sc *Scenario) checkReinforcements(c *checker) {
	total, reinforced := 0, false
	for _, p := range sc.Staff {
		for _, g := range sc.groups(p) {
			most := g.base
			for _, s := range p.Shifts {
				most = max(most, s.Count)
			}
			added := 0
			for _, ev := range sc.Events {
				if s := ev.Staff; s != nil && s.Pool == p.Name && (s.Zone == "" || s.Zone == g.zone) && s.Change > 0 && s.Change <= MaxStaff {
					added += s.Change
				}
			}
			if most < 0 || most > MaxStaff {
				continue // reported by checkLimits
			}
			if added > 0 && most+added > MaxStaff {
				c.add("events", "the staff events add %d of %s on top of the %d its shifts put on duty at most: %d at once is more than %d",
					added, g.name, most, most+added, MaxStaff)
				return
			}
			total += most + added
			reinforced = reinforced || added > 0
		}
	}
	if reinforced && total > MaxStaffOnDuty {
		c.add("events", "with the staff events, the pools may put up to %d staff on duty at once, every zone's group counted: at most %d", total, MaxStaffOnDuty)
	}
}

// checkEventTime reports an event outside the run: before clock.start on
// day 1, or at or after its end.
func (sc *Scenario) checkEventTime(c *checker, path string, ev Event, tl timeline) {
	c.clock(path+".at", ev.At, day)
	last := sc.Horizon.Days + 1 // the run ends on this day at clock.start
	if ev.Day < 1 || ev.Day > last {
		c.add(path+".day", "must be a day of the run, from 1 to %d (the run lasts %s from %s on day 1), got %d",
			last, text.Count(sc.Horizon.Days, "day", "days"), sc.Horizon.Start, ev.Day)
		return
	}
	if !(ev.At >= 0 && ev.At <= day) || !(tl.horizon > 0) || !sc.startsInADay() {
		return
	}
	switch t := tl.at(ev.Day-1, ev.At); {
	case t < 0:
		c.add(path+".at", "day 1 at %s is before the run starts (clock.start %s)", ev.At, sc.Horizon.Start)
	case t >= tl.horizon:
		c.add(path+".at", "day %d at %s is past the end of the run (%s on day %d)", ev.Day, ev.At, sc.Horizon.Start, last)
	}
}

// checkEquipment checks the counts an event adds or removes.
func checkEquipment(c *checker, path string, q Equipment) {
	changed := false
	for _, f := range q.Fields() {
		c.nonNegative(path+"."+f.Name, f.N)
		limit := MaxPlaces
		if f.Name == "carts" {
			limit = MaxStaff
		}
		c.atMost(path+"."+f.Name, f.N, limit, "each one is built in memory")
		changed = changed || f.N > 0
	}
	if !changed {
		c.add(path, "changes nothing: give ground, shelves, containers, carts or disinfection_space")
	}
}

// checkStaffChange checks an event's change of a pool's staff.
func (sc *Scenario) checkStaffChange(c *checker, path string, ev Event) {
	s := ev.Staff
	names := make([]string, len(sc.Staff))
	var pool *Pool
	for i := range sc.Staff {
		names[i] = sc.Staff[i].Name
		if sc.Staff[i].Name == s.Pool {
			pool = &sc.Staff[i]
		}
	}
	switch {
	case pool == nil:
		c.add(path+".pool", "pool %q is not in staff%s", s.Pool, text.DidYouMean(s.Pool, names))
	case s.Zone != "" && !pool.PerZone:
		c.add(path+".zone", "pool %q is not a zone pool: leave zone out", s.Pool)
	case s.Zone != "":
		zones := make([]string, len(sc.Zones))
		for i, z := range sc.Zones {
			zones[i] = z.Name
		}
		if !slices.Contains(zones, s.Zone) {
			c.add(path+".zone", "zone %q is not in zones%s", s.Zone, text.DidYouMean(s.Zone, zones))
		}
	}
	switch {
	case s.AllOff && s.Change != 0:
		c.add(path+".change", "give change or all_off, not both")
	case !s.AllOff && s.Change == 0:
		c.add(path, "changes nothing: give change (staff more, or fewer below 0) or all_off: true")
	}
	if s.Change < -MaxStaff || s.Change > MaxStaff {
		c.add(path+".change", "must be from %d to %d, got %d: each one is built in memory", -MaxStaff, MaxStaff, s.Change)
	}
	c.duration(path+".for", s.For)
	if pool != nil && s.Change > 0 {
		sc.checkReinforcementHours(c, path, ev, *pool)
	}
}

// checkReinforcementHours refuses reinforcements on duty longer than the
// pool's max_hours: the people an event adds are on duty for its whole
// length (to the end of the run when it gives none), as a shift's are.
func (sc *Scenario) checkReinforcementHours(c *checker, path string, ev Event, p Pool) {
	limit := p.MaxHours
	if !(limit > 0 && limit < 24) || !(ev.Staff.For >= 0) {
		return
	}
	tl := sc.timeline()
	from, to := ev.span(tl)
	end := ""
	if math.IsInf(to, 1) {
		to, end = tl.horizon, " (to the end of the run)"
	}
	if h := (to - from) / 3600; h > limit {
		c.add(path+".for", "%d more of %s for %s%s, above the pool's max_hours (%s): give one event for each turn",
			ev.Staff.Change, p.Name, hoursText(h), end, hoursText(limit))
	}
}

// checkClosure checks an event's closure of the gate.
func (sc *Scenario) checkClosure(c *checker, path string, g *GateClosure) {
	if !(g.For > 0) || math.IsInf(float64(g.For), 1) {
		c.add(path+".for", "must be longer than 0s: say how long the gate stays closed")
	}
	if !slices.Contains(ClosureActions(), g.Couriers) {
		c.add(path+".couriers", "must be %s, got %q", strings.Join(ClosureActions(), " or "), g.Couriers)
	}
	kinds := sc.kindNames()
	for j, k := range g.Except {
		kp := fmt.Sprintf("%s.except[%d]", path, j)
		switch {
		case !slices.Contains(kinds, k):
			c.add(kp, "kind %q is not in deliveries%s", k, text.DidYouMean(k, kinds))
		case slices.Index(g.Except, k) < j:
			c.add(kp, "kind %q is listed twice", k)
		}
	}
}

// checkSeal checks an event's seal of a building.
func (sc *Scenario) checkSeal(c *checker, path string, s *Seal) {
	ids := make([]string, len(sc.Buildings))
	for i, b := range sc.Buildings {
		ids[i] = b.ID
	}
	if !slices.Contains(ids, s.Building) {
		c.add(path+".building", "building %q is not in buildings%s", s.Building, text.DidYouMean(s.Building, ids))
	}
	crew := sc.sealCrew(s)
	switch {
	case s.Crew == "" && crew == nil:
		c.add(path, "no pool wears protective suits to serve the sealed building: give a pool suit (and name it with crew)")
	case crew == nil:
		names := make([]string, len(sc.Staff))
		for i := range sc.Staff {
			names[i] = sc.Staff[i].Name
		}
		c.add(path+".crew", "pool %q is not in staff%s", s.Crew, text.DidYouMean(s.Crew, names))
	case crew.PerZone:
		c.add(path+".crew", "pool %q is a zone pool: name a pool that works across the compound, in protective suits", crew.Name)
	case crew.Suit == nil:
		c.add(path+".crew", "pool %q wears no protective suits (it has no suit): only a suited crew goes to a sealed building's doors", crew.Name)
	}
	c.duration(path+".for", s.For)
	if sp := sc.Sampling; sp != nil && sp.DoorToDoor.Visit.Family == "" {
		c.add(path, "a sealed building's residents are swabbed at home: give sampling.door_to_door.visit, the time of one home visit")
	}
}

// checkSurge checks an event's surge of a kind's arrivals.
func (sc *Scenario) checkSurge(c *checker, path string, s *Surge) {
	kinds := sc.kindNames()
	if !slices.Contains(kinds, s.Kind) {
		c.add(path+".kind", "kind %q is not in deliveries%s", s.Kind, text.DidYouMean(s.Kind, kinds))
	}
	if !(s.Times >= 1 && s.Times <= MaxSurgeTimes) {
		c.add(path+".times", "must be a number from 1 to %d, got %v", MaxSurgeTimes, s.Times)
	}
	c.nonNegative(path+".extra", s.Extra)
	c.atMost(path+".extra", s.Extra, MaxSurgeExtra, "each item is built in memory")
	c.duration(path+".for", s.For)
	switch {
	case s.Times == 1 && s.Extra == 0:
		c.add(path, "changes nothing: give times (more than 1) or extra items")
	case s.Times > 1 && s.For == 0:
		c.add(path+".for", "a surge that multiplies arrivals lasts a while: say how long")
	}
}

// kindNames returns the names of the kinds of delivery.
func (sc *Scenario) kindNames() []string {
	out := make([]string, len(sc.Kinds))
	for i, k := range sc.Kinds {
		out[i] = k.Name
	}
	return out
}

// eventOrder returns the indexes of the events that start within the run,
// in the order they happen (in the order listed at the same time).
func (sc *Scenario) eventOrder(tl timeline) []int {
	var out []int
	for i, ev := range sc.Events {
		if from, _ := ev.span(tl); from >= 0 && from < tl.horizon && ev.Day >= 1 {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, _ := sc.Events[out[a]].span(tl)
		y, _ := sc.Events[out[b]].span(tl)
		return x < y
	})
	return out
}

// checkEquipmentOverTime follows the equipment through the events in
// time order and reports an event that takes away more than is there, or
// leaves no staging place, cart or disinfection place, or adds beyond the
// limits.
func (sc *Scenario) checkEquipmentOverTime(c *checker, tl timeline) {
	g := sc.Gate
	have := Equipment{Ground: g.Ground, Shelves: g.Shelves, Containers: g.Containers,
		Carts: sc.Transfer.Carts, DisinfectionSpace: sc.Disinfection.Space}
	for _, i := range sc.eventOrder(tl) {
		ev := sc.Events[i]
		q, sign, what := ev.Add, 1, actionAdd
		if q == nil {
			q, sign, what = ev.Remove, -1, actionRemove
		}
		if q == nil || len(ev.actions()) != 1 {
			continue
		}
		path := fmt.Sprintf("events[%d].%s", i, what)
		next := have.plus(*q, sign)
		when := fmt.Sprintf("day %d at %s", ev.Day, ev.At)
		for j, f := range next.Fields() {
			if f.N < 0 {
				c.add(path+"."+f.Name, "takes away %d %s on %s, when there are %d", q.Fields()[j].N, f.Name, when, have.Fields()[j].N)
			}
		}
		slots := g.withEquipment(next).Slots()
		switch {
		case next.Ground >= 0 && next.Shelves >= 0 && next.Containers >= 0 && slots < 1:
			c.add(path, "leaves the staging area holding nothing on %s: close the gate instead (close_gate)", when)
		case slots > MaxPlaces:
			c.add(path, "makes the staging area hold %d items on %s: at most %d", slots, when, MaxPlaces)
		}
		switch {
		case next.Carts == 0:
			c.add(path+".carts", "leaves no cart on %s: nothing would be carried inside", when)
		case next.Carts > MaxStaff:
			c.add(path+".carts", "makes %d carts on %s: at most %d", next.Carts, when, MaxStaff)
		}
		switch {
		case next.DisinfectionSpace == 0:
			c.add(path+".disinfection_space", "leaves no place in the disinfection area on %s", when)
		case next.DisinfectionSpace > MaxPlaces:
			c.add(path+".disinfection_space", "makes %d places on %s: at most %d", next.DisinfectionSpace, when, MaxPlaces)
		}
		// What an event cannot take away is not there for the next one to
		// take: one error for the event at fault, not one for every event
		// after it ("takes away 0 containers ... when there are -3").
		have = Equipment{Ground: max(next.Ground, 0), Shelves: max(next.Shelves, 0), Containers: max(next.Containers, 0),
			Carts: max(next.Carts, 0), DisinfectionSpace: max(next.DisinfectionSpace, 0)}
	}
}

// plus returns q with d added sign times.
func (q Equipment) plus(d Equipment, sign int) Equipment {
	return Equipment{Ground: q.Ground + sign*d.Ground, Shelves: q.Shelves + sign*d.Shelves,
		Containers: q.Containers + sign*d.Containers, Carts: q.Carts + sign*d.Carts,
		DisinfectionSpace: q.DisinfectionSpace + sign*d.DisinfectionSpace}
}

// withEquipment returns the gate with the ground, shelves and containers of q.
func (g Gate) withEquipment(q Equipment) Gate {
	g.Ground, g.Shelves, g.Containers = q.Ground, q.Shelves, q.Containers
	return g
}

// checkOverlaps reports two closures of the gate, or two seals of one
// building, that overlap: one closure (or seal) that lasts as long says
// the same plainly.
func (sc *Scenario) checkOverlaps(c *checker, tl timeline) {
	type span struct {
		i        int
		from, to float64
	}
	var closures []span
	seals := map[string][]span{}
	for i, ev := range sc.Events {
		if len(ev.actions()) != 1 || ev.Day < 1 {
			continue
		}
		from, to := ev.span(tl)
		switch {
		case ev.CloseGate != nil && ev.CloseGate.For > 0:
			closures = append(closures, span{i, from, to})
		case ev.Seal != nil:
			seals[ev.Seal.Building] = append(seals[ev.Seal.Building], span{i, from, to})
		}
	}
	report := func(spans []span, what, action string) {
		for a := range spans {
			for b := range a {
				x, y := spans[b], spans[a]
				if x.from < y.to && y.from < x.to {
					c.add(fmt.Sprintf("events[%d].%s", y.i, action), "%s overlaps the one of events[%d] (day %d at %s): give one event that lasts the whole time",
						what, x.i, sc.Events[x.i].Day, sc.Events[x.i].At)
				}
			}
		}
	}
	report(closures, "this closure of the gate", actionCloseGate)
	buildings := make([]string, 0, len(seals))
	for b := range seals {
		buildings = append(buildings, b)
	}
	slices.Sort(buildings)
	for _, b := range buildings {
		report(seals[b], "this seal of building "+b, actionSeal)
	}
}
