package compound

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/record"
	"cordon/sim/stats"
)

// item is one delivery on its way from the gate to a door. Its service times
// are drawn when it arrives, from streams of its own kind, so that two
// scenarios that differ only in staffing give every item the same times
// (common random numbers).
type item struct {
	kind      *kindState
	building  int
	zone      int
	household int // numbered over the compound, building by building
	day       int // the day of the run it arrived on, 0 for the first
	id        string
	intake    float64
	dwell     float64
	sort      float64
	door      float64
	suited    bool // handed over by a suited crew (a sealed building's)
	// pileIntake is its intake from the pile outside, drawn when the gate
	// piles items; piled says it was put on the pile, not in staging.
	pileIntake float64
	piled      bool
	// When it reached each step: arrived at the gate, put down in the
	// staging area, labelled, picked up by a cart, dropped inside, out of
	// disinfection, sorted, taken on a run, handed over.
	arrived, staged, labelled, picked, dropped, disinfected, sorted, onRun, atDoor float64
}

// kindState is one kind of delivery in a replication: its arrivals and what
// became of them.
type kindState struct {
	spec      Kind
	index     int
	source    *sim.Source
	logged    *loggedSource
	arrived   int
	turned    int // turned away at the gate
	done      int // delivered
	doorTime  stats.Tally
	steps     stepTallies
	byHour    hourTallies
	hourlyIn  *stats.Counts
	hourlyAt  *stats.Counts // delivered per hour
	hourlyOff *stats.Counts // turned away per hour

	itemDraws            // of its random arrivals
	scheduled *itemDraws // of its scheduled drops; nil without a schedule

	days     []kindDay          // by the day the items arrived, in a run of several days
	deadline deadlineTally      // for a kind with a deadline
	pending  map[*item]struct{} // items on their way, for a kind with a deadline
}

// gate is the supply chain from the gate to the doors.
type gate struct {
	staging    *sim.Resource
	stagingRec *record.Resource
	shelf      *sim.Store // intake done, waiting for a cart
	carts      *sim.Resource
	disinfect  *sim.Resource
	zoneStores []*sim.Store
	itemFlow   *sim.Flow

	households  []float64     // cumulative households by building, for choosing one
	zones       []int         // each building's zone
	walks       []random.Dist // each building's walk from its zone's starting point
	courierWait stats.Tally
	inFlight    int // items arrived and neither delivered nor turned away

	// When events change the staging area's capacity: 1 while it is full,
	// and the items put down, hour by hour (nil otherwise).
	full *stats.Level
	held *stats.Buckets
	// apart is the shelf of the items of sealed buildings, by seal (nil
	// when no building is sealed).
	apart *sim.Store
	// pile is the pile outside the staging area (nil unless
	// gate.when_full is pile).
	pile *pile
}

func (m *Model) buildGate() error {
	sc := m.sc
	g := &gate{}
	m.gate = g

	g.staging = m.s.NewResource("staging", sc.Gate.Slots())
	switch sc.Gate.WhenFull {
	case WhenFullTurnAway:
		g.staging.SetBalking(0)
	case WhenFullPile:
		g.staging.SetBalking(0)
		g.pile = newPile(m.tl.days(), int(math.Ceil(m.tl.horizon/3600)))
	}
	g.stagingRec = m.addPost("staging", "space", g.staging, figStaging)
	if g.pile != nil {
		st := m.posts[len(m.posts)-1]
		st.pile, st.piled = g.pile, m.series()
	}
	if g.stagingRec != nil {
		g.stagingRec.Busy.TrackThreshold(float64(sc.Gate.Slots()))
	}
	if err := m.ctx.Err(); err != nil {
		return err
	}
	g.shelf = m.s.NewStore("transfer shelf", sim.Unlimited, false)
	g.carts = m.s.NewResource("carts", sc.Transfer.Carts)
	m.addPost("carts", "equipment", g.carts, 0)
	if err := m.ctx.Err(); err != nil {
		return err
	}
	g.disinfect = m.s.NewResource("disinfection", sc.Disinfection.Space)
	m.addPost("disinfection", "space", g.disinfect, 0)
	if err := m.ctx.Err(); err != nil {
		return err
	}

	for z := range sc.Zones {
		g.zoneStores = append(g.zoneStores, m.s.NewStore("zone "+sc.Zones[z].Name, sim.Unlimited, false))
	}
	total := 0.0
	for _, b := range sc.Buildings {
		total += float64(b.Households)
		g.households = append(g.households, total)
		g.zones = append(g.zones, m.zoneOf[b.ID])
		w, err := m.dailyDist(b.Walk, "walk/building/"+b.ID)
		if err != nil {
			return err
		}
		g.walks = append(g.walks, w)
	}

	if err := m.buildItemFlow(); err != nil {
		return err
	}
	if err := m.buildCarts(); err != nil {
		return err
	}
	if err := m.buildDelivery(); err != nil {
		return err
	}
	for i, k := range sc.Kinds {
		if err := m.buildKind(i, k); err != nil {
			return err
		}
	}
	if err := m.buildEquipmentEvents(); err != nil {
		return err
	}
	return m.buildSeals()
}

func (m *Model) buildKind(i int, k Kind) error {
	ks := &kindState{spec: k, index: i}
	m.kinds = append(m.kinds, ks)
	if m.keep.has(figEvery) {
		hours := int(m.tl.horizon/3600 + 0.5)
		ks.hourlyIn, _ = stats.NewCounts(0, 3600, hours)
		ks.hourlyAt, _ = stats.NewCounts(0, 3600, hours)
		ks.hourlyOff, _ = stats.NewCounts(0, 3600, hours)
		ks.byHour.hours = make([]stats.Tally, hours)
	}
	if m.keep.has(figDoorValues) {
		ks.doorTime.KeepValues()
	}
	m.trackKind(ks)
	name := "deliveries/" + k.Name
	d, err := m.itemDraws(k, name)
	if err != nil {
		return err
	}
	ks.itemDraws = *d
	batch, err := m.dailyDist(k.Batch, name+"/batch")
	if err != nil {
		return err
	}
	if m.opts.Part == PartSampling {
		return nil // nothing arrives
	}
	if m.opts.Arrivals != nil {
		return m.replayKind(ks)
	}
	if err := m.scheduleDrops(ks); err != nil {
		return err
	}
	if err := m.buildSurges(ks); err != nil {
		return err
	}
	if k.PerDay == 0 {
		return nil
	}
	// Drops per hour: the day's items spread by the profile, divided by the
	// mean batch size as the source counts it (each draw rounded to a whole
	// number of items, at least one), so the items a day average per_day.
	rates := hourlyRates(k.PerDay/k.Batch.CountMean(), k.Profile)
	return m.dailyArrivals(name+"/arrivals", rates, m.gate.itemFlow, batch,
		func(e *sim.Entity, _ int64) { m.newItem(e, ks) })
}

// buildingInZone chooses a building of zone z by its households, with u
// uniform over all the households.
func (m *Model) buildingInZone(z int, u float64) int {
	g := m.gate
	total := g.households[len(g.households)-1]
	sum := 0.0
	for i, b := range m.sc.Buildings {
		if g.zones[i] == z {
			sum += float64(b.Households)
		}
	}
	x := u / total * sum
	last := -1
	for i, b := range m.sc.Buildings {
		if g.zones[i] != z {
			continue
		}
		if x -= float64(b.Households); x < 0 {
			return i
		}
		last = i
	}
	return last
}

// replayKind starts a kind's logged arrivals in place of its random ones.
func (m *Model) replayKind(ks *kindState) error {
	ls := &loggedSource{}
	var times []float64
	for _, a := range m.opts.Arrivals {
		if err := m.stopped(); err != nil {
			return err
		}
		if a.Kind == ks.index {
			ls.items = append(ls.items, a)
		}
	}
	sort.SliceStable(ls.items, func(i, j int) bool { return ls.items[i].At < ls.items[j].At })
	for _, a := range ls.items {
		times = append(times, a.At)
	}
	if len(times) == 0 {
		return nil
	}
	arr, err := sim.NewListed(times)
	if err != nil {
		return err
	}
	ks.logged = ls
	ks.source = m.s.NewSource(m.gate.itemFlow, arr).Until(m.tl.horizon)
	ks.source.Setup(func(e *sim.Entity, _ int64) { m.newItem(e, ks) })
	ks.source.Start()
	return nil
}

// hourlyRates spreads perDay over the 24 hours of the day by the profile
// (which repeats when it is shorter than 24 numbers; empty is flat). The
// profile is relative: it is first scaled by the power of two that brings
// its largest number into [0.5, 1), so that neither its sum (of numbers near
// the largest float) nor the reciprocal of its sum (of the smallest)
// overflows. Scaling by a power of two is exact: an ordinary profile gives
// the rates it gave unscaled. Check refuses a profile of zeros.
func hourlyRates(perDay float64, profile []float64) []float64 {
	if len(profile) == 0 {
		profile = []float64{1}
	}
	_, exp := math.Frexp(slices.Max(profile))
	w := make([]float64, 24)
	sum := 0.0
	for h := range w {
		w[h] = math.Ldexp(profile[h*len(profile)/24], -exp)
		sum += w[h] // from 0.5 to 24
	}
	for h := range w {
		w[h] *= perDay / sum
	}
	return w
}

// newItem prepares an arriving item: its household (so building and zone),
// priority and service times.
func (m *Model) newItem(e *sim.Entity, ks *kindState) { m.newItemWith(e, ks, &ks.itemDraws) }

// newItemWith prepares an arriving item of kind ks with the draws d.
func (m *Model) newItemWith(e *sim.Entity, ks *kindState, d *itemDraws) {
	g := m.gate
	u := d.zonePick.Rand() * g.households[len(g.households)-1]
	b, _ := slices.BinarySearch(g.households, u)
	if b < len(g.households)-1 && g.households[b] == u {
		b++ // u falls at the start of the next building's households
	}
	b = min(b, len(g.households)-1)
	id := ""
	if ks.logged != nil {
		a := ks.logged.take()
		id = a.ID
		switch {
		case a.Building >= 0:
			b = a.Building
		case a.Zone >= 0 && g.zones[b] != a.Zone:
			b = m.buildingInZone(a.Zone, u)
		}
	}
	if id == "" && m.opts.Log != nil { // the id is only for the log
		id = fmt.Sprintf("%s-%d", ks.spec.Name, ks.arrived+1)
	}
	z := g.zones[b]
	it := m.freshItem()
	*it = item{kind: ks, building: b, zone: z, household: m.householdOf(b, u), id: id, arrived: m.s.Now(),
		intake: d.intake.Rand(), dwell: d.dwell.Rand(), sort: d.sort.Rand(), door: d.door.Rand()}
	if d.pileIntake != nil {
		it.pileIntake = d.pileIntake.Rand()
	}
	if l := m.opts.Log; l != nil {
		l.Arrivals = append(l.Arrivals, LoggedArrival{At: it.arrived, Kind: ks.index, Building: b, Zone: z, ID: id})
		l.duration("gate.intake", it.intake)
		l.duration("disinfection.dwell", it.dwell)
		l.duration("sorting.time", it.sort)
		l.duration("delivery.door", it.door)
		if d.pileIntake != nil {
			l.duration("gate.pile_intake", it.pileIntake)
		}
	}
	e.Data = it
	e.Key = z
	e.Prio = ks.spec.Priority
	ks.arrived++
	if ks.hourlyIn != nil {
		ks.hourlyIn.Add(m.s.Now(), 1)
	}
	g.inFlight++
	m.itemArrived(it)
}

// itemsAtOnce is how many items are made in one allocation: a replication
// makes thousands.
const itemsAtOnce = 128

// freshItem returns an item to fill in: one that has left the item flow
// (spent), else the next of the block made last.
func (m *Model) freshItem() *item {
	if n := len(m.spent); n > 0 {
		it := m.spent[n-1]
		m.spent = m.spent[:n-1]
		return it
	}
	if len(m.items) == 0 {
		m.items = make([]item, itemsAtOnce)
	}
	it := &m.items[0]
	m.items = m.items[1:]
	return it
}

// itemSpent keeps the item of an entity leaving the item flow, delivered
// or turned away, for one that arrives later: nothing reads an item once
// it has left the flow (its figures are counted, its log written, and it
// is in no store, hand, queue nor deadline's list).
func (m *Model) itemSpent(e *sim.Entity) {
	if it, ok := e.Data.(*item); ok {
		m.spent = append(m.spent, it)
	}
}

func (m *Model) buildItemFlow() error {
	sc := m.sc
	g := m.gate
	intake := m.doer(TaskIntake)
	sorter := m.doer(TaskSorting)
	f := sim.NewFlow("item").OnDone(m.itemSpent)
	m.divertAt(f, RouteGate, "turned away")
	seize := sim.Seize(g.staging, 1)
	if sc.Gate.CourierPatience > 0 {
		seize.Patience(sim.Constant(sc.Gate.CourierPatience), "turned away")
	}
	switch sc.Gate.WhenFull {
	case WhenFullTurnAway:
		seize.OnBalk("turned away")
	case WhenFullPile:
		seize.OnBalk("pile")
	}
	// A task's priority comes before a kind's (pool.prio): looked up once
	// here, not for every item.
	intakePrio, sortingPrio := intake.prio(TaskIntake, 0), sorter.prio(TaskSorting, 0)
	f.Then(
		sim.StepFunc(m.waitForGate),
		seize,
		sim.Do(func(e *sim.Entity) {
			it := e.Data.(*item)
			it.staged = m.s.Now()
			g.noteStaging(it.staged)
			g.courierWait.Add(it.staged - it.arrived)
			m.itemStaged(it)
			e.Prio = intakePrio + it.kind.spec.Priority
		}),
		sim.Seize(intake.res[0], 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*item).intake }),
		sim.Release(intake.res[0], 1),
		sim.Do(func(e *sim.Entity) { m.labelled(e) }),
	)
	f.Label("shelf").Then(
		sim.Put(g.shelf, ""),
		// A cart has carried it inside and dropped it.
		sim.Do(func(e *sim.Entity) { e.Data.(*item).dropped = m.s.Now() }),
		sim.Seize(g.disinfect, 1),
		sim.Do(func(*sim.Entity) { m.sprayed() }),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*item).dwell }),
		sim.Release(g.disinfect, 1),
		sim.Do(func(e *sim.Entity) {
			it := e.Data.(*item)
			it.disinfected = m.s.Now()
			e.Prio = sortingPrio + it.kind.spec.Priority
		}),
		sim.Seize(sorter.res[0], 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*item).sort }),
		sim.Release(sorter.res[0], 1),
		sim.StepFunc(func(e *sim.Entity) sim.Outcome {
			it := e.Data.(*item)
			it.sorted = m.s.Now()
			e.Prio = it.kind.spec.Priority
			if out, ok := m.keepApart(e, it); ok {
				return out // a sealed building's: on a shelf of its own
			}
			st := g.zoneStores[it.zone]
			out := st.Put(e, -1)
			if it.kind.spec.Hot {
				st.Expire(it.zone) // a run leaves now with the hot meal
			}
			return out
		}),
		// A volunteer has handed it over at the door.
		sim.Do(func(e *sim.Entity) {
			it := e.Data.(*item)
			ks := it.kind
			ks.done++
			ks.doorTime.Add(it.atDoor - it.arrived)
			if ks.hourlyAt != nil {
				ks.hourlyAt.Add(it.atDoor, 1)
				ks.byHour.add(it.arrived, it.atDoor-it.arrived)
			}
			if m.keep.has(figSteps) {
				ks.steps.add(it)
			}
			m.noteHandedOver(it)
			g.inFlight--
			m.itemDelivered(it)
			if l := m.opts.Log; l != nil {
				st := it.stageTimes()
				l.Deliveries = append(l.Deliveries, LoggedDelivery{ID: it.id, Kind: ks.index, Arrived: it.arrived, Delivered: it.atDoor,
					Stages: st[:]})
			}
		}),
		sim.Goto("end"),
	)
	if g.pile != nil {
		m.pileBranch(f, intake)
	}
	f.Label("turned away").Then(sim.Do(func(e *sim.Entity) {
		it := e.Data.(*item)
		it.kind.turned++
		if it.kind.hourlyOff != nil {
			it.kind.hourlyOff.Add(m.s.Now(), 1)
		}
		g.inFlight--
		m.itemTurnedAway(it)
		if l := m.opts.Log; l != nil {
			l.TurnedAway = append(l.TurnedAway, LoggedTurnedAway{ID: it.id, Kind: it.kind.index, At: m.s.Now()})
		}
	}))
	m.attachAt(f, RouteGate, "turned away", "end")
	f.Label("end")
	if err := f.Check(); err != nil {
		return err
	}
	g.itemFlow = f
	return nil
}

// waitForGate holds a courier who arrives while the gate is closed until it
// opens.
func (m *Model) waitForGate(e *sim.Entity) sim.Outcome {
	if len(m.closures) > 0 {
		return m.waitForOpenGate(e)
	}
	open, close := float64(m.sc.Gate.Open), float64(m.sc.Gate.Close)
	if close-open >= day {
		return sim.Next
	}
	c := m.tl.clockOf(m.s.Now())
	if covers(open, close, c) {
		return sim.Next
	}
	wait := open - c
	if wait < 0 {
		wait += day
	}
	e.Hold(wait)
	return sim.Wait
}

// buildCarts starts one agent per cart: it waits for a load on the transfer
// shelf, takes a suited worker and the cart together, carries the load in,
// drops it at the disinfection area and comes back.
func (m *Model) buildCarts() error {
	sc := m.sc
	g := m.gate
	crew := m.doer(TaskTransfer)
	trip, err := m.dailyDist(sc.Transfer.Trip, "transfer/trip")
	if err != nil {
		return err
	}
	load, err := m.dailyDist(sc.Transfer.Load, "transfer/load")
	if err != nil {
		return err
	}
	fill := float64(sc.Transfer.Fill)
	f := sim.NewFlow("cart")
	f.Label("loop").Then(m.cartOnDuty()...).Then(
		sim.Get(g.shelf, nil, sc.Transfer.Capacity, fill),
		sim.SeizeTogether(sim.Need{Res: crew.res[0], Amount: 1}, sim.Need{Res: g.carts, Amount: 1}),
		sim.Do(func(e *sim.Entity) {
			for _, it := range e.Items {
				if x := it.Data.(*item); x.piled {
					g.pile.take(m.s.Now(), x.staged) // off the pile, onto the cart
				} else {
					g.staging.Release(it, 1) // off the staging area, onto the cart
				}
				it.Data.(*item).picked = m.s.Now()
			}
			g.noteStaging(m.s.Now())
		}),
		sim.DelayFor(func(e *sim.Entity) float64 {
			t := 0.0
			for range e.Items {
				t += load.Rand()
			}
			return t
		}),
		sim.DelayFor(func(*sim.Entity) float64 { return logged(m, "transfer.trip", trip.Rand()) }),
		sim.Drop(),
		sim.DelayFor(func(*sim.Entity) float64 { return logged(m, "transfer.trip", trip.Rand()) }),
		sim.ReleaseAll(),
		sim.Goto("loop"),
	)
	if err := f.Check(); err != nil {
		return err
	}
	for n := range m.cartRounds() {
		if err := m.stopped(); err != nil {
			return err
		}
		e := m.s.NewEntity(n) // the cart's number
		e.Prio = crew.prio(TaskTransfer, 0)
		m.s.Begin(e, f)
	}
	return nil
}

// buildDelivery starts, in each zone, one agent per volunteer the zone ever
// has on duty: it waits for a load on the zone's shelf (up to the items per
// run, or what there is when the fill time is up or a hot meal comes), takes
// a volunteer, walks to the zone, hands each item over at its door and walks
// back.
func (m *Model) buildDelivery() error {
	sc := m.sc
	g := m.gate
	vols := m.doer(TaskDelivery)
	for z, zone := range sc.Zones {
		walk, err := m.dailyDist(zone.Walk, "walk/"+zone.Name)
		if err != nil {
			return err
		}
		res := vols.res[z]
		f := sim.NewFlow("delivery " + zone.Name)
		f.Label("loop").Then(
			sim.Get(g.zoneStores[z], func(e *sim.Entity) int { return e.Key }, sc.Delivery.ItemsPerRun, float64(sc.Delivery.Fill)),
			sim.Seize(res, 1),
			sim.DelayFor(func(e *sim.Entity) float64 {
				if m.divertSealed(e) {
					return 0 // every item was a sealed building's: no run
				}
				// Out to the zone, each building once (the walk to it from
				// the zone's starting point), each door, and back.
				t := logged(m, "zones.walk", walk.Rand())
				last := -1
				for _, x := range e.Items {
					it := x.Data.(*item)
					it.onRun = m.s.Now()
					if it.building != last {
						t += g.walks[it.building].Rand()
						last = it.building
					}
					t += it.door
					it.atDoor = m.s.Now() + t
				}
				return t + logged(m, "zones.walk", walk.Rand())
			}),
			sim.Drop(),
			sim.Release(res, 1),
			sim.Goto("loop"),
		)
		if err := f.Check(); err != nil {
			return err
		}
		for range max(peak(vols.changes[z]), 1) {
			if err := m.stopped(); err != nil {
				return err
			}
			e := m.s.NewEntity(nil)
			e.Key = z
			e.Prio = vols.prio(TaskDelivery, 0)
			m.s.Begin(e, f)
		}
	}
	return nil
}

// logged records a drawn service time in the run's log, when there is one,
// and returns it.
func logged(m *Model, step string, v float64) float64 {
	if m.opts.Log != nil {
		m.opts.Log.duration(step, v)
	}
	return v
}
