package compound

import (
	"cordon/sim"
	"cordon/sim/stats"
)

// pile is the heap of items put down outside the staging area when it is
// full and the gate piles them (gate.when_full: pile): the pavement by the
// gate on the day before the entrance was reorganised. Nothing on it is
// turned away; the gate crew checks its items more slowly (gate.pile_intake)
// and the carts take them in from there.
type pile struct {
	level *stats.Level // items on the pile, over the run
	items int          // items put on the pile, over the run
	// lay is how long each item taken off the pile lay on it: the staging
	// post's wait (PostResult.WaitMean, WaitP95), as its queue is the pile.
	lay stats.Tally
	// hourly is the mean number of items on the pile hour by hour of the
	// run: the staging post's queue hour by hour (PostResult.HourlyQueue).
	hourly *stats.Buckets
	// The time from being put down to labelled (the crew's queue and the
	// check) of the items from the pile and of those from the staging
	// area, over the run: the pile is worked more slowly.
	intake, stagedIntake stats.Tally

	// Over each day, in a run of several days: the pile over the day so
	// far, and each closed day's figures (nil in a run of one day).
	day  *stats.Level
	days []pileDay
}

// pileDay is the pile over one day.
type pileDay struct {
	items          int
	most, nonEmpty float64
}

// pileFigures are the pile's over the whole run or one day.
type pileFigures struct {
	items          int
	most, nonEmpty float64
}

// newPile returns the pile of a run of the given days and hours.
func newPile(days, hours int) *pile {
	p := &pile{level: stats.NewLevel(0, 0)}
	p.level.TrackThreshold(1)
	p.lay.KeepValues()
	p.hourly, _ = stats.NewBuckets(0, 3600, max(hours, 1)) // never fails: a width of an hour, at least one
	p.hourly.Set(0, 0)
	if days > 1 {
		p.day = stats.NewLevel(0, 0)
		p.day.TrackThreshold(1)
	}
	return p
}

// put records an item put on the pile at now.
func (p *pile) put(now float64) {
	p.items++
	p.change(now, 1)
}

// take records an item put on the pile at put and taken off it by a cart
// at now.
func (p *pile) take(now, put float64) {
	p.lay.Add(now - put)
	p.change(now, -1)
}

func (p *pile) change(now, delta float64) {
	p.level.Add(now, delta)
	p.hourly.Set(now, p.level.Value())
	if p.day != nil {
		p.day.Add(now, delta)
	}
}

// closeDay closes the pile's figures of the day that ends at now, in a
// run of several days with a pile.
func (p *pile) closeDay(now float64) {
	if p == nil || p.day == nil {
		return
	}
	before := 0
	for _, d := range p.days {
		before += d.items
	}
	p.days = append(p.days, pileDay{items: p.items - before, most: p.day.Max(), nonEmpty: p.day.TimeAtOrAbove(now, 1)})
	p.day.Reset(now)
}

// figures returns the pile's figures over the whole run (day 0) or one day
// (from 1).
func (p *pile) figures(now float64, day int) pileFigures {
	if day == 0 {
		return pileFigures{items: p.items, most: p.level.Max(), nonEmpty: p.level.TimeAtOrAbove(now, 1)}
	}
	return pileFigures(p.days[day-1])
}

// pile returns the pile's figures over the whole run or one day: none at
// a gate that does not pile, whose KPIs are there all the same so that a
// comparison with a gate that piles shows the pile against nothing.
func (e *ending) pile() pileFigures {
	if e.m.gate.pile == nil {
		return pileFigures{}
	}
	return e.m.gate.pile.figures(e.now, e.day)
}

// pileBranch adds to the item flow f the way of an item a courier puts on
// the pile because the staging area is full: put down at once, checked and
// labelled from the pile by the gate crew at the pile's pace, then onto the
// transfer shelf like a staged item (label "shelf"). It holds no staging
// place; the cart that takes it in takes it off the pile.
func (m *Model) pileBranch(f *sim.Flow, intake *pool) {
	g := m.gate
	intakePrio := intake.prio(TaskIntake, 0)
	f.Label("pile").Then(
		sim.Do(func(e *sim.Entity) {
			it := e.Data.(*item)
			it.piled = true
			it.staged = m.s.Now()
			g.pile.put(it.staged)
			g.courierWait.Add(0)
			m.itemStaged(it)
			e.Prio = intakePrio + it.kind.spec.Priority
		}),
		sim.Seize(intake.res[0], 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*item).pileIntake }),
		sim.Release(intake.res[0], 1),
		sim.Do(func(e *sim.Entity) {
			m.labelled(e)
			it := e.Data.(*item)
			g.pile.intake.Add(it.labelled - it.staged)
		}),
		sim.Goto("shelf"),
	)
}

// labelled marks an item checked and labelled, ready for a cart.
func (m *Model) labelled(e *sim.Entity) {
	it := e.Data.(*item)
	it.labelled = m.s.Now()
	e.Prio = it.kind.spec.Priority
	if p := m.gate.pile; p != nil && !it.piled {
		p.stagedIntake.Add(it.labelled - it.staged)
	}
}
