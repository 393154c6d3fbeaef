package compound

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"cordon/sim"
	"cordon/sim/random"
)

// A day of the run is the 24 hours from clock.start: day 1 from the run's
// start, day 2 from the same time of day a day later, and so on. A run of
// several days reports each day's KPIs besides the whole run's (KPI.Day);
// see dayNote for what a day's KPI counts.
//
// Every day draws its random numbers from its own streams: the first day
// from the streams a run has always drawn from, day N after it from the
// same streams named "NAME@dayN". What one day draws does not depend on
// what the days before it drew, so a day of a longer run and a run of that
// day alone (Options.Day) see the same arrivals and the same times.

// days returns the number of days of the run, at least 1.
func (tl timeline) days() int { return max(int(math.Round(tl.horizon/day)), 1) }

// dayOf returns the day of the run that simulation time t falls on, 0 for
// the first; a time at or past the end counts to the last day.
func (tl timeline) dayOf(t float64) int { return min(max(int(t/day), 0), tl.days()-1) }

// dayEnd returns when day d of the run (0 for the first) ends.
func (tl timeline) dayEnd(d int) float64 { return math.Min(float64(d+1)*day, tl.horizon) }

// streamName is the name of the stream called name on stream day d (0 for
// the first): the name itself on the first day, name@dayN on day N after
// it.
func streamName(name string, d int) string {
	if d == 0 {
		return name
	}
	return name + "@day" + strconv.Itoa(d+1)
}

// dayShift is how many days later than the run's own the streams it draws
// from are (Options.Day).
func (m *Model) dayShift() int { return min(max(m.opts.Day-1, 0), MaxDays) }

// daily is a random quantity drawn, each day, from that day's stream: the
// stream called name on the first day, name@dayN on day N. It is a
// random.Dist and a sim.Sampler.
type daily struct {
	m     *Model
	name  string
	build func(src rand.Source) (random.Dist, error)
	first random.Dist   // built with the model, on its first stream day
	days  []random.Dist // by stream day, built when first drawn from
	// today is the distribution of the day of the last draw, which ends at
	// until: the draws of a day need not work out the day again.
	today random.Dist
	until float64
}

// Rand draws from the stream of the day it is now.
func (d *daily) Rand() float64 {
	if now := d.m.s.Now(); d.today == nil || now >= d.until {
		d.turn(now)
	}
	return d.today.Rand()
}

// turn makes today the distribution of the day now falls on.
func (d *daily) turn(now float64) {
	tl := d.m.tl
	k := tl.dayOf(now)
	d.today = d.on(k + d.m.dayShift())
	d.until = math.Inf(1) // the last day has every time past the end too
	if k+1 < tl.days() {
		d.until = float64(k+1) * day
	}
}

// Mean returns the mean of a draw, the same every day.
func (d *daily) Mean() float64 { return d.first.Mean() }

func (d *daily) on(k int) random.Dist {
	for len(d.days) <= k {
		d.days = append(d.days, nil)
	}
	if d.days[k] == nil {
		v, err := d.build(d.m.streams.Source(streamName(d.name, k)))
		if err != nil {
			v = d.first // cannot happen: the same distribution was built on the first day
		}
		d.days[k] = v
	}
	return d.days[k]
}

// newDaily builds a daily quantity by build, on the stream day of the
// model's start.
func (m *Model) newDaily(name string, build func(src rand.Source) (random.Dist, error)) (random.Dist, error) {
	d := &daily{m: m, name: name, build: build}
	k := m.dayShift()
	first, err := build(m.streams.Source(streamName(name, k)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d.first = first
	d.days = make([]random.Dist, k+1)
	d.days[k] = first
	return d, nil
}

// dailyDist is dist for a random time drawn each day from its own stream;
// a constant needs none.
func (m *Model) dailyDist(d Dist, name string) (random.Dist, error) {
	if d.Family == random.FamilyConstant {
		return m.dist(d, name)
	}
	return m.newDaily(name, func(src rand.Source) (random.Dist, error) { return d.New(src) })
}

// dailyUniform draws uniformly from [0, 1), each day from its own stream.
func (m *Model) dailyUniform(name string) (random.Dist, error) {
	return m.newDaily(name, func(src rand.Source) (random.Dist, error) { return random.NewUniform(0, 1, src) })
}

// dailyArrivals starts arrivals on flow f at the hourly rates, a process
// for each day of the run: the first day's now, each later day's when the
// day begins. Each day's process draws from its own stream (name, named
// per day) and stops at the day's end. batch, when not nil, draws the size
// of each drop; setup prepares each entity.
func (m *Model) dailyArrivals(name string, rates []float64, f *sim.Flow, batch sim.Sampler, setup func(e *sim.Entity, b int64)) error {
	start := func(d int) error {
		unit, err := random.NewExponential(1, m.streams.Source(streamName(name, d+m.dayShift())))
		if err != nil {
			return err
		}
		arr, err := sim.NewHourly(rates, -m.tl.start, unit)
		if err != nil {
			return err
		}
		src := m.s.NewSource(f, arr)
		if batch != nil {
			src.Batch(batch)
		}
		src.Until(m.tl.dayEnd(d)).Setup(setup).Start()
		return nil
	}
	if err := start(0); err != nil {
		return err
	}
	for d := 1; d < m.tl.days(); d++ {
		m.atDayStart(d, func() { _ = start(d) }) // cannot fail: the first day's did not
	}
	return nil
}

// atDayStart runs fn when day d of the run (0 for the first) begins.
func (m *Model) atDayStart(d int, fn func()) {
	for len(m.dayStarts) <= d {
		m.dayStarts = append(m.dayStarts, nil)
	}
	m.dayStarts[d] = append(m.dayStarts[d], fn)
}

// dayBoundary is the end of one day of the run and the start of the next:
// it closes the day's figures (after everything else at that instant),
// then starts the next day's arrivals.
type dayBoundary struct {
	m *Model
	d int // the day that begins (1 for the second)
}

func (b *dayBoundary) Handle() {
	b.m.closeDay(b.d - 1)
	if b.d < len(b.m.dayStarts) {
		for _, fn := range b.m.dayStarts[b.d] {
			fn()
		}
	}
}

// scheduleDays schedules the boundaries between the days of the run.
func (m *Model) scheduleDays() {
	for d := 1; d < m.tl.days(); d++ {
		m.s.Schedule(float64(d)*day, sim.PriorityLate, &dayBoundary{m: m, d: d})
	}
}
