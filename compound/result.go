package compound

import (
	"math"
	"slices"

	"cordon/sim/stats"
)

// Result is what one replication measured.
type Result struct {
	// Values holds the value of each KPI of Catalog, in its order; NaN where
	// there was nothing to measure (no item of a kind delivered).
	Values []float64
	// Posts are the places where work waits, for the bottleneck ranking.
	Posts []PostResult
	// Series are quantities sampled on a regular grid over the run, for
	// plots: queues and busy units at every post, residents at the sites,
	// and the staff on duty hour by hour (OnDutySeries).
	Series []Series
	// DoorTimes holds, per kind in scenario order, every delivered item's time
	// to the door, sorted.
	DoorTimes [][]float64
	// Ledger accounts for every item and resident.
	Ledger Ledger
	// Hours are, per kind in scenario order, what happened hour by hour of
	// the run, for comparing with a logged day.
	Hours []KindHours
	// GateBacklog is the mean number of items at the gate (put down or
	// waiting to be) hour by hour of the run.
	GateBacklog []float64
}

// KindHours is one kind's arrivals, deliveries and mean time to the door
// (of the items that arrived in the hour, DoorCount of them delivered) for
// each hour of the run.
type KindHours struct {
	Arrived, Delivered []int
	TurnedAway         []int // turned away at a full gate in the hour
	DoorTime           []float64
	DoorCount          []int
}

// PostResult is one post's figures over a replication.
type PostResult struct {
	Name string
	// Class is what the post is: "staff" (a pool's shift), "space" (the
	// staging or disinfection area), "equipment" (the carts), "site" (a
	// testing site's stations) or "post" (one of the scenario's posts).
	Class       string
	Utilisation float64 // share of on-duty unit-time busy (work past a shift end is Overtime)
	QueueMean   float64 // entities waiting, time-weighted
	QueueMax    float64
	WaitMean    float64 // seconds, over the entities served (at a gate that piles, the staging area's: over the items taken off the pile, their time on it)
	WaitP95     float64
	Blocked     int     // arrivals turned away (balked or reneged)
	Arrivals    int     // requests served or turned away
	Saturated   float64 // seconds with work waiting
	// Waited is the time spent waiting at the post, added over everything
	// that waited (entity-seconds): the time integral of its queue, which
	// by Little's law is the arrivals times their mean wait (those still
	// waiting at the end counted up to it). For the staging area of a gate
	// that piles, the items on the pile, as QueueMean.
	Waited float64
	// DayWaited is Waited day by day of a run of several days (nil in a
	// run of one day): from HourlyQueue, the hours of each day.
	DayWaited   []float64
	Active      float64 // seconds the post was open or had work waiting
	Overtime    float64
	Hourly      []float64 // utilisation per hour of the run (NaN where none on duty)
	HourlyQueue []float64 // mean number waiting per hour of the run
}

// Series is a quantity sampled every Step seconds from Start.
type Series struct {
	Name   string
	Unit   string
	Start  float64
	Step   float64
	Points []float64
}

// Ledger accounts for the items and residents of a replication. Items in the
// pipeline are counted by the kernel (entities still on the item flow), not
// by the model's own counters, so the two can be checked against each other.
type Ledger struct {
	Arrived, Delivered, TurnedAway, InPipeline int
	Residents, Sampled, NotSampled             int
}

// Value returns the value of the KPI called name, and false when the
// catalog has no such KPI.
func (r *Result) Value(catalog []KPI, name string) (float64, bool) {
	i := slices.IndexFunc(catalog, func(k KPI) bool { return k.Name == name })
	if i < 0 {
		return 0, false
	}
	return r.Values[i], true
}

func (m *Model) result() *Result {
	now := m.s.Now()
	sc := m.sc
	m.closeRun()
	res := &Result{}
	few := m.opts.Measure != nil // a few KPIs alone
	for _, ks := range m.kinds {
		res.Ledger.Arrived += ks.arrived
		res.Ledger.Delivered += ks.done
		res.Ledger.TurnedAway += ks.turned
		if few {
			continue
		}
		res.Hours = append(res.Hours, KindHours{Arrived: ks.hourlyIn.Values(), Delivered: ks.hourlyAt.Values(), TurnedAway: ks.hourlyOff.Values(), DoorTime: ks.byHour.means(), DoorCount: ks.byHour.counts()})
		res.DoorTimes = append(res.DoorTimes, ks.doorTime.Values())
	}
	res.Ledger.InPipeline = m.gate.itemFlow.Live()

	if !few {
		res.GateBacklog = m.gateBacklog(now)
	}
	if smp := m.sampling; smp != nil {
		for _, s := range smp.sites {
			if m.opts.NoSeries {
				break
			}
			res.Series = append(res.Series,
				Series{Name: "sampled at " + s.spec.Name, Unit: "people", Start: 0, Step: m.opts.SeriesStep, Points: finished(s.cumulative, now)},
				Series{Name: "waiting at " + s.spec.Name, Unit: "people", Start: 0, Step: m.opts.SeriesStep, Points: finished(s.queue, now)})
		}
		for _, r := range m.rounds {
			res.Ledger.Residents += r.residents
			res.Ledger.Sampled += r.sampled
		}
		res.Ledger.NotSampled = m.residentsOnTheirWay()
	}

	// Every KPI of the catalogue, measured by its own definition: the
	// whole run's, then each day's.
	e := &ending{m: m, now: now, hours: m.tl.horizon / 3600}
	eachKPI(sc, false, func(x expanded) {
		if k := len(res.Values); few && (k >= len(m.opts.Measure) || !m.opts.Measure[k]) {
			res.Values = append(res.Values, math.NaN())
			return
		}
		e.day, e.round = x.day, x.round
		res.Values = append(res.Values, x.def.value(e, x.i))
	})
	for _, p := range m.posts {
		if few {
			break
		}
		rec := p.rec
		queueMean, queueMax, blocked, saturated := rec.Queue.Mean(now), rec.Queue.Max(), rec.Balked+rec.Reneged, rec.Queue.TimeAtOrAbove(now, 1)
		waited, hourlyQueue := rec.Queue.Integral(now), rec.HourlyQueue(now)
		waitMean, waitP95 := rec.Wait.Mean(), rec.Wait.Quantile(0.95)
		if p.pile != nil {
			// Those who find the staging area full go on the pile (no one
			// queues for it): kept, not turned away, and waiting there.
			queueMean, queueMax, blocked, saturated = p.pile.level.Mean(now), p.pile.level.Max(), rec.Reneged, p.pile.level.TimeAtOrAbove(now, 1)
			waited = p.pile.level.Integral(now)
			if p.pile.lay.Count() > 0 { // the items' time on the pile; else the couriers' none
				waitMean, waitP95 = p.pile.lay.Mean(), p.pile.lay.Quantile(0.95)
			}
			p.pile.hourly.Finish(now)
			hourlyQueue = p.pile.hourly.Means()
		}
		res.Posts = append(res.Posts, PostResult{
			Name:        p.name,
			Class:       p.class,
			Utilisation: rec.Utilisation(now),
			QueueMean:   queueMean,
			QueueMax:    queueMax,
			WaitMean:    waitMean,
			WaitP95:     waitP95,
			Blocked:     blocked,
			Arrivals:    rec.Granted + rec.Balked + rec.Reneged,
			Saturated:   saturated,
			Waited:      waited,
			DayWaited:   m.byDay(hourlyQueue, now),
			Active:      rec.Active.Integral(now),
			Overtime:    rec.Overtime,
			Hourly:      rec.HourlyUtilisation(now),
			HourlyQueue: hourlyQueue,
		})
		if m.opts.NoSeries {
			continue
		}
		res.Series = append(res.Series,
			Series{Name: "queue at " + p.name, Unit: "waiting", Start: 0, Step: m.opts.SeriesStep, Points: finished(p.queue, now)},
			Series{Name: "busy at " + p.name, Unit: "busy", Start: 0, Step: m.opts.SeriesStep, Points: finished(p.busy, now)})
		if p.pile != nil {
			res.Series = append(res.Series,
				Series{Name: "pile at " + p.name, Unit: "items", Start: 0, Step: m.opts.SeriesStep, Points: finished(p.piled, now)})
		}
	}
	if !m.opts.NoSeries {
		res.Series = append(res.Series, m.onDutySeries(now)...)
	}
	return res
}

// byDay adds up, day by day of a run of several days, the time spent
// waiting of a queue's hourly means (entity-seconds); nil in a run of one
// day or without hourly means. An hour counts for the part of it before
// now, the time its mean is over.
func (m *Model) byDay(hourly []float64, now float64) []float64 {
	days := m.tl.days()
	if days < 2 || hourly == nil {
		return nil
	}
	out := make([]float64, days)
	for h, q := range hourly {
		from := float64(h) * 3600
		if span := math.Min(now, from+3600) - from; span > 0 && !math.IsNaN(q) {
			out[m.tl.dayOf(from)] += q * span
		}
	}
	return out
}

// residentsOnTheirWay counts, from the kernel's own books, the residents
// called or yet to be called who are not yet sampled, over every round.
func (m *Model) residentsOnTheirWay() int {
	n := 0
	for _, smp := range m.rounds {
		for _, f := range smp.siteFlows {
			n += f.Live()
		}
		if smp.homeFlow != nil {
			n += smp.homeFlow.Live()
		}
		if smp.sweepFlow != nil {
			n += smp.sweepFlow.Live()
		}
		n += smp.uncalled + smp.toSweep + smp.lost
	}
	return n
}

func finished(s *stats.Series, now float64) []float64 {
	s.Finish(now)
	return s.Points()
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// timeFull returns the time a level was at or above its capacity.
func timeFull(l *stats.Level, now float64, capacity int) float64 {
	return l.TimeAtOrAbove(now, float64(capacity))
}

// gateBacklog is the mean number of items at the gate (put down or waiting
// to be) hour by hour of the run; nil when not recorded.
func (m *Model) gateBacklog(now float64) []float64 {
	g := m.gate
	q, busy := g.stagingRec.HourlyQueue(now), g.stagingRec.HourlyUtilisation(now)
	if q == nil {
		return nil
	}
	out := make([]float64, len(q))
	held := g.heldByHour(now) // when events change the staging area's capacity
	for h := range q {
		if held != nil {
			out[h] = q[h] + held[h]
			continue
		}
		// Items put down (utilisation times the slots) and waiting to be.
		out[h] = q[h]
		if !math.IsNaN(busy[h]) {
			out[h] += busy[h] * float64(m.sc.Gate.Slots())
		}
	}
	return out
}
