package compound

import (
	"strconv"

	"cordon/sim"
	"cordon/sim/random"
)

// sealState is one seal of a building in a replication, and what its crew
// did there.
type sealState struct {
	spec     *Seal
	stream   string // its draws' streams' prefix: seal/BUILDING, seal/BUILDING/K for the building's K-th seal
	key      int    // its items' key on the shelf that keeps them apart: its index among the seals
	building int
	zone     int
	from, to float64
	crew     *pool
	prio     int // the crew's priority for the sealed building's work

	homeFlow *sim.Flow // a resident swabbed at home by the crew

	// What the model counted while it was sealed: items handed over by
	// the crew, and items taken on a run by anyone else (none, unless
	// they were already on their way when the seal began); residents the
	// crew swabbed at home; nights' bags the crew collected; the crew's
	// runs to its doors with items.
	delivered, byOthers, swabbed, collected, runs int
}

// buildSeals puts the seals of buildings on the kernel: the shelf that
// keeps their items apart, the crew's runs to each sealed building's doors,
// its home visits, and the moves of items on and off that shelf when a
// seal begins and ends.
func (m *Model) buildSeals() error {
	sealed := map[string]int{} // seals of each building so far, in the events' order
	for _, ev := range m.sc.Events {
		if ev.Seal == nil {
			continue
		}
		// The streams are named by the building, not by the event's place
		// in the list: an event added or taken away elsewhere in the
		// timeline leaves the seal's draws as they were (common random
		// numbers between scenarios that differ in it).
		sealed[ev.Seal.Building]++
		stream := "seal/" + ev.Seal.Building
		if k := sealed[ev.Seal.Building]; k > 1 {
			stream += "/" + strconv.Itoa(k)
		}
		from, to := ev.span(m.tl)
		if from >= m.tl.horizon {
			continue
		}
		b := m.building[ev.Seal.Building]
		crew := m.pools[m.sc.sealCrew(ev.Seal).Name]
		top := 0
		for _, t := range crew.spec.Tasks {
			top = max(top, t.Priority)
		}
		m.seals = append(m.seals, &sealState{spec: ev.Seal, stream: stream, key: len(m.seals), building: b, zone: m.gate.zones[b],
			from: from, to: to, crew: crew, prio: top * 1000})
	}
	if len(m.seals) == 0 {
		return nil
	}
	g := m.gate
	g.apart = m.s.NewStore("kept apart", sim.Unlimited, false)
	for _, s := range m.seals {
		if err := m.buildSealRuns(s); err != nil {
			return err
		}
		if m.sc.Sampling != nil {
			s.homeFlow = m.sealHomeFlow(s)
		}
		m.s.Schedule(s.from, sim.PriorityDefault, &sealMove{m: m, s: s, on: true})
		if s.to < m.tl.horizon {
			m.s.Schedule(s.to, sim.PriorityDefault, &sealMove{m: m, s: s})
		}
	}
	return nil
}

// buildSealRuns starts the crew's runs to a sealed building: each waits for
// a load on the building's own shelf, takes one of the crew, walks to the
// zone and the building, hands each item over at its doorstep and walks
// back. Its walks are drawn from streams of its own (seal/BUILDING/...).
func (m *Model) buildSealRuns(s *sealState) error {
	sc := m.sc
	g := m.gate
	name := s.stream
	walk, err := m.dist(sc.Zones[s.zone].Walk, name+"/walk")
	if err != nil {
		return err
	}
	toBuilding, err := m.dist(sc.Buildings[s.building].Walk, name+"/building-walk")
	if err != nil {
		return err
	}
	res := s.crew.res[0]
	f := sim.NewFlow("sealed building " + s.spec.Building)
	f.Label("loop").Then(
		sim.Get(g.apart, func(*sim.Entity) int { return s.key }, sc.Delivery.ItemsPerRun, float64(sc.Delivery.Fill)),
		sim.Seize(res, 1),
		sim.DelayFor(func(e *sim.Entity) float64 {
			s.runs++
			m.suitsUsed(1) // a fresh suit for each visit to the sealed building
			t := walk.Rand() + toBuilding.Rand()
			for _, x := range e.Items {
				it := x.Data.(*item)
				it.onRun = m.s.Now()
				it.suited = true
				t += it.door
				it.atDoor = m.s.Now() + t
			}
			return t + walk.Rand()
		}),
		sim.Drop(),
		sim.Release(res, 1),
		sim.Goto("loop"),
	)
	if err := f.Check(); err != nil {
		return err
	}
	for range min(max(peak(s.crew.changes[0]), 1), MaxSealRuns) {
		e := m.s.NewEntity(nil)
		e.Prio = s.prio
		m.s.Begin(e, f)
	}
	return nil
}

// sealHomeFlow is the way of a sealed building's resident in a sampling
// round: swabbed at home by one of the crew.
func (m *Model) sealHomeFlow(s *sealState) *sim.Flow {
	res := s.crew.res[0]
	return sim.NewFlow("home visit, sealed building "+s.spec.Building).Then(
		sim.Do(func(e *sim.Entity) { e.Prio = s.prio }),
		sim.Seize(res, 1),
		sim.Do(func(*sim.Entity) { m.suitsUsed(1) }), // a fresh suit for each visit
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).visit }),
		sim.Release(res, 1),
		sim.Do(func(e *sim.Entity) {
			s.swabbed++
			m.sampled(e.Data.(*resident).site)
		}),
	)
}

// sealAt returns the seal of building b in force at time t, or nil.
func (m *Model) sealAt(b int, t float64) *sealState {
	for _, s := range m.seals {
		if s.building == b && t >= s.from && t < s.to {
			return s
		}
	}
	return nil
}

// keepApart puts a sorted item of a sealed building on the building's own
// shelf, and reports whether it did.
func (m *Model) keepApart(e *sim.Entity, it *item) (sim.Outcome, bool) {
	g := m.gate
	if g.apart == nil {
		return sim.Next, false
	}
	s := m.sealAt(it.building, m.s.Now())
	if s == nil {
		return sim.Next, false
	}
	e.Key = s.key
	out := g.apart.Put(e, -1)
	if it.kind.spec.Hot {
		g.apart.Expire(s.key) // the crew's run leaves now with the hot meal
	}
	return out, true
}

// divertSealed takes the items of buildings sealed now out of a volunteer's
// hands as the run sets out (picked up before the seal began) onto the
// shelf that keeps them apart, and reports whether that left none to take.
func (m *Model) divertSealed(e *sim.Entity) bool {
	if len(m.seals) == 0 {
		return false
	}
	g, now := m.gate, m.s.Now()
	kept, moved := e.Items[:0], false
	for _, x := range e.Items {
		it := x.Data.(*item)
		s := m.sealAt(it.building, now)
		if s == nil {
			kept = append(kept, x)
			continue
		}
		x.Key = s.key
		g.apart.Put(x, -1)
		if it.kind.spec.Hot {
			g.apart.Expire(s.key)
		}
		moved = true
	}
	clear(e.Items[len(kept):])
	e.Items = kept
	return moved && len(kept) == 0
}

// noteHandedOver counts an item handed over at a sealed building's door.
func (m *Model) noteHandedOver(it *item) {
	if len(m.seals) == 0 {
		return
	}
	if s := m.sealAt(it.building, it.onRun); s != nil {
		if it.suited {
			s.delivered++
		} else {
			s.byOthers++
		}
	}
}

// sealMove moves a building's items onto its own shelf when its seal
// begins (on), and back onto its zone's shelf when it ends.
type sealMove struct {
	m  *Model
	s  *sealState
	on bool
}

func (v *sealMove) Handle() {
	m, s, g := v.m, v.s, v.m.gate
	// Off the zone's shelf (key: the zone) onto the shelf that keeps them
	// apart (key: the seal's) when it begins, and back when it ends.
	from, to, key, newKey := g.zoneStores[s.zone], g.apart, s.zone, s.key
	if !v.on {
		from, to, key, newKey = g.apart, g.zoneStores[s.zone], s.key, s.zone
	}
	hand := m.s.NewEntity(nil) // holds the items while they move
	from.Take(hand, key, from.Count(key))
	hot := false
	for _, e := range hand.Items {
		it := e.Data.(*item)
		if it.building != s.building {
			from.Put(e, -1) // another building's: back where it was, in its order
			continue
		}
		e.Key = newKey
		to.Put(e, -1)
		hot = hot || it.kind.spec.Hot
	}
	if hot {
		to.Expire(newKey) // a run leaves now with the hot meal
	}
	clear(hand.Items)
	hand.Items = hand.Items[:0]
}

// sealCall makes a building's call in a sampling round, when the building
// is sealed at the time of the call, a visit by the crew to every resident
// at home: those who would have come down draw a visit time from the
// stream sampling/sealed-visit (their other draws are made as ever, so
// other buildings' residents draw the same times).
func (m *Model) sealCall(c *call, s *sealState, visit random.Dist) {
	for _, r := range c.down {
		r.visit = visit.Rand()
	}
	c.home = append(c.down, c.home...)
	c.down = nil
	c.crew = s.homeFlow
}

// garbageCrew returns, for a night's bags of building b, the resource that
// collects them and its priority: the crew of the building's seal in force
// now, or the zone's volunteers.
func (m *Model) garbageCrew(b *bags, vols *pool) (*sim.Resource, int) {
	if s := m.sealAt(b.building, m.s.Now()); s != nil {
		s.collected++
		m.suitsUsed(1) // a fresh suit for the visit
		return s.crew.res[0], s.prio
	}
	return vols.res[vols.zoneIndex(b.zone)], vols.prio(TaskGarbage, 0)
}
