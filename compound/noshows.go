package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/random"
)

// NoShows are the residents who miss their call: they do not come down,
// and the sweep team (the staff pool with the sweep task) looks for them
// later and samples them at home.
type NoShows struct {
	Share float64 `yaml:"share" doc:"share of the residents called down who miss their call, 0 to 1"`
	Sweep Sweep   `yaml:"sweep" doc:"when the sweep team looks for them and how long a visit takes"`
}

// Sweep is the search for the residents who missed their call: from a
// time of the round's day, or a while after each building's call.
type Sweep struct {
	Start Clock    `yaml:"start" doc:"when the sweep sets off, HH:MM on the round's day, for every building called by then (omit: after each building's call, by after)"`
	After Duration `yaml:"after" doc:"how long after a building's call its residents who missed it are looked for (when start is not given)"`
	Visit Dist     `yaml:"visit" doc:"time for one home visit of the sweep team, finding the resident included"`
}

// sweepCall is the sweep of one building's residents who missed its call:
// an event when the sweep team gets their names.
type sweepCall struct {
	m      *Model
	smp    *sampling
	missed []*resident
}

func (c *sweepCall) Handle() {
	smp := c.smp
	smp.toSweep -= len(c.missed)
	for _, r := range c.missed {
		c.m.s.Start(smp.sweepFlow, r)
	}
}

// noShowDraws are the draws of the no-shows: whether a resident called
// down misses the call (stream sampling/no-show) and the sweep team's
// visit (stream sampling/sweep-visit). Both are nil when no one misses.
type noShowDraws struct {
	miss, visit random.Dist
}

func (m *Model) noShowDraws(p roundPlan) (noShowDraws, error) {
	ns := p.spec.NoShows
	if ns.Share <= 0 {
		return noShowDraws{}, nil
	}
	miss, err := m.dist(Dist{random.Spec{Family: random.FamilyUniform, Min: 0, Max: 1}}, p.stream("sampling/no-show"))
	if err != nil {
		return noShowDraws{}, err
	}
	visit, err := m.dist(ns.Sweep.Visit, p.stream("sampling/sweep-visit"))
	if err != nil {
		return noShowDraws{}, err
	}
	return noShowDraws{miss: miss, visit: visit}, nil
}

// drawMiss draws whether resident r, called down, misses the call, and
// if so the sweep team's visit to it. Every resident called down draws,
// in a sealed building too, so that the other buildings' residents draw
// the same.
func (d noShowDraws) drawMiss(r *resident, share float64) {
	if d.miss == nil {
		return
	}
	if d.miss.Rand() < share {
		r.missed = true
		r.visit = d.visit.Rand()
	}
}

// missCall takes the residents of call c who miss it out of those who come
// down and schedules their sweep: at sweep.start on the round's day (not
// before the call), or sweep.after the call.
func (m *Model) missCall(smp *sampling, c *call) {
	ns := smp.spec.NoShows
	down := c.down[:0]
	for _, r := range c.down {
		if r.missed {
			c.missed = append(c.missed, r)
			r.site.missed++
			continue
		}
		down = append(down, r)
	}
	c.down = down
	if len(c.missed) == 0 {
		return
	}
	smp.missed += len(c.missed)
	smp.toSweep += len(c.missed)
	at := c.at + float64(ns.Sweep.After)
	if ns.Sweep.Start > 0 {
		at = math.Max(m.tl.at(smp.spec.Day-1, ns.Sweep.Start), c.at)
	}
	if at < m.tl.horizon {
		m.s.Schedule(at, sim.PriorityDefault, &sweepCall{m: m, smp: smp, missed: c.missed})
	}
}

// buildSweepFlow builds the sweep team's home visits to the residents who
// missed their call.
func (m *Model) buildSweepFlow(smp *sampling) {
	if smp.spec.NoShows.Share <= 0 {
		return
	}
	team := m.doer(TaskSweep)
	smp.sweepFlow = sim.NewFlow("sweep visit").Then(
		sim.Do(func(e *sim.Entity) { e.Prio = team.prio(TaskSweep, 0) }),
		sim.Seize(team.res[0], 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).visit }),
		sim.Release(team.res[0], 1),
		sim.Do(func(e *sim.Entity) {
			r := e.Data.(*resident)
			smp.swept++
			smp.lastSwept = m.s.Now()
			m.sampledBy(r.site, true)
		}),
	)
}

// leftAtClose is the residents not sampled when the last site stood down,
// or at the end of the run when a site is still open.
func (e *ending) leftAtClose() int {
	smp := e.smp()
	if smp.closedAt >= 0 {
		return smp.leftAtClose
	}
	return smp.awaited() - smp.sampled
}

// sweepDone is the time from the start of the round until the sweep team
// sampled the last resident who missed the call; to the end of the run when
// some were not, 0 when no one missed it.
func (e *ending) sweepDone() float64 {
	smp := e.smp()
	return e.lastOfRound(smp.swept, smp.missed, smp.lastSwept)
}

// checkNoShows checks the no-shows and their sweep: a share, a visit time,
// either a start or an after, a sweep at or after the round's start, and a
// pool that does the sweep.
func (sc *Scenario) checkNoShows(c *checker) {
	sp := sc.Sampling
	ns := sp.NoShows
	c.share("sampling.no_shows.share", ns.Share)
	if !(ns.Share > 0) {
		return
	}
	c.dist("sampling.no_shows.sweep.visit", ns.Sweep.Visit)
	c.duration("sampling.no_shows.sweep.after", ns.Sweep.After)
	if ns.Sweep.Start != 0 {
		c.clock("sampling.no_shows.sweep.start", ns.Sweep.Start, 48*3600)
		if ns.Sweep.After != 0 {
			c.add("sampling.no_shows.sweep.after", "give either start or after, not both")
		}
		if ns.Sweep.Start < sp.Start {
			c.add("sampling.no_shows.sweep.start", "%s is before the round starts (sampling.start %s)", ns.Sweep.Start, sp.Start)
		}
	}
	if sc.doer(TaskSweep) == nil {
		c.add("sampling.no_shows", "no staff pool does the %s task: add it to the tasks of a pool in staff", TaskSweep)
	}
}
