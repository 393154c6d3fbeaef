package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/stats"
)

// resident is one resident on the way to being sampled.
type resident struct {
	site    *site
	delay   float64 // from the call to arriving at the site
	arrived float64 // at the site
	reg     float64
	swab    float64
	visit   float64 // door to door, or the sweep team's
	missed  bool    // misses the call: sampled at home by the sweep
}

// sampling is one testing round of a replication: round 1, the one the
// scenario's sampling describes, or one of its later rounds (rounds.go).
type sampling struct {
	spec      *Sampling // with the round's day and start
	plan      roundPlan
	kits      *kitRound // an antigen round's; nil for the others
	start     float64
	sites     []*site
	residents int // everyone to be sampled, at a site or at home
	uncalled  int // residents of buildings not yet called
	sampled   int
	lost      int     // residents who left at a post, never sampled
	last      float64 // when the last resident was sampled
	wait      stats.Tally
	inTransit *stats.Level // samples taken and not yet at the lab
	atLab     int
	labDone   float64

	// The residents who missed their call (noshows.go).
	missed      int     // who missed it
	toSweep     int     // missed and not yet looked for
	swept       int     // sampled by the sweep team
	lastSwept   float64 // when the sweep sampled its last
	closedAt    float64 // when the last site stood down, -1 before
	leftAtClose int     // residents not sampled then
	sweepFlow   *sim.Flow

	siteFlows []*sim.Flow
	homeFlow  *sim.Flow
	runFlow   *sim.Flow
	runners   *pool

	lab *lab // nil: the samples end at the lab (lab_model.go)
}

// site is one testing site in one round; the rounds at the sites share
// its stations (reg, swab: round 1's resources).
type site struct {
	spec        Site
	index       int
	round       *sampling
	reg, swab   *sim.Resource
	expected    int
	sampled     int
	waiting     *stats.Level  // at the site and not yet being swabbed
	queue       *stats.Series // waiting, sampled for plots; nil without series (NoSeries)
	cumulative  *stats.Series // sampled so far, for plots; nil without series
	tube, box   int           // samples in the open tube; samples in the box (closed tubes)
	tubes       int           // tubes in the box
	boxLeaves   *boxTimer
	lastSampled float64 // the last resident sampled for the site, not by the sweep
	missed      int     // its residents who missed their call
	swept       int     // of them, sampled by the sweep team
	closed      bool    // stood down
}

// done reports whether the site has sampled everyone it waits for: all its
// residents but those who missed their call.
func (s *site) done() bool { return s.sampled-s.swept == s.expected-s.missed }

// boxTimer sends a site's box to the lab at least every pooling interval.
type boxTimer struct {
	m *Model
	s *site
}

func (b *boxTimer) Handle() {
	sp := b.s.round
	if b.s.box > 0 {
		b.m.sendBox(b.s)
	}
	if next := b.m.s.Now() + float64(sp.spec.Pooling.Every); next < b.m.tl.horizon && b.s.sampled < b.s.expected {
		b.m.s.Schedule(next, sim.PriorityDefault, b)
	}
}

// labRun is the samples of one box on their way to the lab.
type labRun struct {
	samples int
}

// buildSampling builds every testing round: round 1 and the later ones.
func (m *Model) buildSampling() error {
	if sp := m.sc.Sampling; sp != nil {
		m.siteOpen = make([]int, len(sp.Sites))
	}
	for _, p := range m.sc.roundPlans() {
		smp, err := m.buildRound(p)
		if err != nil {
			return err
		}
		m.rounds = append(m.rounds, smp)
	}
	if len(m.rounds) > 0 {
		m.sampling = m.rounds[0]
	}
	return nil
}

// buildRound builds one round: its sites (round 1's stations, opened at
// the start of a later round at the sites), its flows, and every resident
// of the buildings it tests, called at the time of the calling plan.
func (m *Model) buildRound(p roundPlan) (*sampling, error) {
	sp := p.spec
	smp := &sampling{spec: sp, plan: p, inTransit: stats.NewLevel(0, 0), closedAt: -1}
	smp.start = m.tl.at(sp.Day-1, sp.Start)
	if p.method == MethodAntigenKits {
		return smp, m.buildKitRound(smp)
	}
	smp.runners = m.doer(TaskLabRun)
	if m.keep.has(figRoundWaits) {
		smp.wait.KeepValues()
	}

	siteIndex := map[string]int{}
	for i, st := range sp.Sites {
		siteIndex[st.Name] = i
		s := &site{spec: st, index: i, round: smp, waiting: stats.NewLevel(0, 0)}
		if !m.opts.NoSeries {
			s.queue, s.cumulative = m.series(), m.series()
			s.cumulative.Set(0, 0)
			s.queue.Set(0, 0)
		}
		s.boxLeaves = &boxTimer{m, s}
		if p.index > 0 {
			first := m.rounds[0].sites[i]
			s.swab, s.reg = first.swab, first.reg
			smp.sites = append(smp.sites, s)
			smp.siteFlows = append(smp.siteFlows, m.siteFlow(s))
			continue
		}
		s.swab = m.s.NewResource(st.Name+" swab", 0)
		if _, err := m.s.NewRoster(s.swab, []sim.Change{{At: smp.start, Capacity: st.Swab}}); err != nil {
			return nil, err
		}
		m.addPost(st.Name+" swab", "site", s.swab, 0)
		if err := m.ctx.Err(); err != nil {
			return nil, err
		}
		if st.Registration > 0 {
			s.reg = m.s.NewResource(st.Name+" registration", 0)
			if _, err := m.s.NewRoster(s.reg, []sim.Change{{At: smp.start, Capacity: st.Registration}}); err != nil {
				return nil, err
			}
			m.addPost(st.Name+" registration", "site", s.reg, 0)
		}
		smp.sites = append(smp.sites, s)
		smp.siteFlows = append(smp.siteFlows, m.siteFlow(s))
	}
	if p.index > 0 && p.method == MethodSites && smp.start < m.tl.horizon {
		m.s.Schedule(smp.start, sim.PriorityDefault, &openSites{m: m, smp: smp})
	}
	if err := m.buildHomeAndRunFlows(smp); err != nil {
		return nil, err
	}
	m.buildSweepFlow(smp)
	var shared *lab // the first round's lab, whose servers every round's samples share
	if p.index > 0 {
		shared = m.rounds[0].lab
	}
	if err := m.buildLab(smp, shared); err != nil {
		return nil, err
	}
	if m.opts.Part == PartDeliveries {
		return smp, nil // no resident called
	}

	// Draws, in a fixed order: per resident, come-down, registration and
	// swab (or the home visit).
	comeDown, err := m.dist(sp.Calling.ComeDown, p.stream("sampling/come-down"))
	if err != nil {
		return nil, err
	}
	reg := random.Dist(nil)
	if anyRegistration(sp.Sites) {
		if reg, err = m.dist(sp.Registration, p.stream("sampling/registration")); err != nil {
			return nil, err
		}
	}
	swab, err := m.dist(sp.Swab, p.stream("sampling/swab"))
	if err != nil {
		return nil, err
	}
	var visit random.Dist
	if smp.homeShare() > 0 {
		if visit, err = m.dist(sp.DoorToDoor.Visit, p.stream("sampling/visit")); err != nil {
			return nil, err
		}
	}
	var sealedVisit random.Dist
	if len(m.seals) > 0 {
		if sealedVisit, err = m.dist(sp.DoorToDoor.Visit, p.stream("sampling/sealed-visit")); err != nil {
			return nil, err
		}
	}
	noShow, err := m.noShowDraws(p)
	if err != nil {
		return nil, err
	}
	walks := make([]random.Dist, len(m.sc.Zones))
	for z, zone := range m.sc.Zones {
		if walks[z], err = m.dist(zone.WalkToSite, p.stream("sampling/walk/"+zone.Name)); err != nil {
			return nil, err
		}
	}

	// The calling plan (callPlan): waves of PerWave buildings every
	// Interval, the zones in the calling order, or the explicit schedule.
	// Every resident's times are drawn here, zone by zone as listed, so that
	// they do not depend on the plan.
	plan := m.sc.callPlan(sp, p.tests)
	for z, zone := range m.sc.Zones {
		nth := 0
		for _, ref := range zone.Buildings {
			ids, _ := ExpandBuildings(ref)
			for _, id := range ids {
				if !p.tests(id) {
					nth++
					continue
				}
				b := m.sc.Buildings[m.building[id]]
				s := smp.sites[siteIndex[plan[z][nth].site]]
				c := &call{m: m, smp: smp, at: smp.start + plan[z][nth].at}
				nth++
				home := int(math.Round(float64(b.Residents) * smp.homeShare()))
				// A building's residents are one allocation, and so are
				// those it calls down and those sampled at home.
				rs := make([]resident, b.Residents)
				c.down = make([]*resident, 0, b.Residents-home)
				if home > 0 {
					c.home = make([]*resident, 0, home)
				}
				for k := range b.Residents {
					if err := m.stopped(); err != nil {
						return nil, err
					}
					r := &rs[k]
					r.site = s
					if k < b.Residents-home {
						r.delay = comeDown.Rand() + walks[z].Rand()
						if reg != nil && s.reg != nil {
							r.reg = reg.Rand()
						}
						r.swab = swab.Rand()
						noShow.drawMiss(r, sp.NoShows.Share)
						c.down = append(c.down, r)
					} else {
						r.visit = visit.Rand()
						c.home = append(c.home, r)
					}
				}
				if s := m.sealAt(m.building[id], c.at); s != nil {
					m.sealCall(c, s, sealedVisit) // its residents stay in
				} else {
					m.missCall(smp, c)
				}
				smp.residents += b.Residents
				smp.uncalled += b.Residents
				s.expected += b.Residents
				if c.at < m.tl.horizon {
					m.s.Schedule(c.at, sim.PriorityDefault, c)
				}
			}
		}
	}
	for _, s := range smp.sites {
		if s.expected > 0 && smp.start+float64(sp.Pooling.Every) < m.tl.horizon {
			m.s.Schedule(smp.start+float64(sp.Pooling.Every), sim.PriorityDefault, s.boxLeaves)
		}
	}
	return smp, nil
}

// homeShare is the share of each building's residents the round samples at
// home by the door-to-door pool: all of them in a round door to door.
func (smp *sampling) homeShare() float64 {
	if smp.plan.method == MethodDoorToDoor {
		return 1
	}
	return smp.spec.DoorToDoor.Share
}

// openSites opens the sites' stations, round 1's, for a later round at the
// sites: its staff on duty from its start.
type openSites struct {
	m   *Model
	smp *sampling
}

func (o *openSites) Handle() {
	for _, s := range o.smp.sites {
		o.m.siteOpen[s.index] = o.smp.plan.index
		s.swab.SetCapacity(s.spec.Swab)
		if s.reg != nil {
			s.reg.SetCapacity(s.spec.Registration)
		}
	}
}

// call is a building's call, an event at the time of its wave.
type call struct {
	m    *Model
	smp  *sampling
	at   float64
	down []*resident // residents who come down to the site
	home []*resident // residents sampled at home
	// residents who miss the call, sampled at home by the sweep team
	missed []*resident
	crew   *sim.Flow // a sealed building's: every resident swabbed at home by its crew
}

func (c *call) Handle() {
	smp := c.smp
	smp.uncalled -= len(c.down) + len(c.home) + len(c.missed)
	for _, r := range c.down {
		c.m.s.Start(smp.siteFlows[r.site.index], r)
	}
	home := smp.homeFlow
	if c.crew != nil {
		home = c.crew
	}
	for _, r := range c.home {
		c.m.s.Start(home, r)
	}
}

// sampleQueue puts the residents waiting at the site now in its series,
// when it has one.
func (s *site) sampleQueue(now float64) {
	if s.queue != nil {
		s.queue.Set(now, s.waiting.Value())
	}
}

// siteFlow is the way of a resident who comes down: walk to the site,
// register (where the site has registration staff), be swabbed.
func (m *Model) siteFlow(s *site) *sim.Flow {
	f := sim.NewFlow("resident at " + s.spec.Name)
	f.Then(sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).delay }))
	m.divertAt(f, RouteSite, residentLeft)
	f.Then(
		sim.Do(func(e *sim.Entity) {
			e.Data.(*resident).arrived = m.s.Now()
			s.waiting.Add(m.s.Now(), 1)
			s.sampleQueue(m.s.Now())
		}),
	)
	if s.reg != nil {
		f.Then(
			sim.Seize(s.reg, 1),
			sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).reg }),
			sim.Release(s.reg, 1),
		)
	}
	f.Then(
		sim.Seize(s.swab, 1),
		sim.Do(func(e *sim.Entity) {
			r := e.Data.(*resident)
			s.waiting.Add(m.s.Now(), -1)
			s.sampleQueue(m.s.Now())
			s.round.wait.Add(max(m.s.Now()-r.arrived-r.reg, 0)) // not -ε from rounding
		}),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).swab }),
		sim.Release(s.swab, 1),
		sim.Do(func(e *sim.Entity) {
			if l := m.opts.Log; l != nil {
				r := e.Data.(*resident)
				l.duration("sampling.swab", r.swab)
				if s.reg != nil {
					l.duration("sampling.registration", r.reg)
				}
			}
			m.sampled(s)
		}),
	)
	m.residentsAtPosts(f, s)
	return f
}

// buildHomeAndRunFlows builds the mobile team's home visits and the runners'
// trips to the lab.
func (m *Model) buildHomeAndRunFlows(smp *sampling) error {
	sp := smp.spec
	if smp.homeShare() > 0 {
		team := m.doer(TaskDoorToDoor)
		smp.homeFlow = sim.NewFlow("home visit").Then(
			sim.Do(func(e *sim.Entity) { e.Prio = team.prio(TaskDoorToDoor, 0) }),
			sim.Seize(team.res[0], 1),
			sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*resident).visit }),
			sim.Release(team.res[0], 1),
			sim.Do(func(e *sim.Entity) { m.sampled(e.Data.(*resident).site) }),
		)
	}
	trip, err := m.dist(sp.Pooling.Trip, smp.plan.stream("sampling/lab-trip"))
	if err != nil {
		return err
	}
	f := sim.NewFlow("lab run")
	if smp.runners != nil {
		f.Then(
			sim.Do(func(e *sim.Entity) { e.Prio = smp.runners.prio(TaskLabRun, 0) }),
			sim.Seize(smp.runners.res[0], 1),
			sim.Delay(trip),
			sim.Release(smp.runners.res[0], 1),
		)
	} else {
		f.Then(sim.Delay(trip))
	}
	f.Then(sim.Do(func(e *sim.Entity) {
		n := e.Data.(*labRun).samples
		smp.atLab += n
		smp.inTransit.Add(m.s.Now(), -float64(n))
		smp.labDone = m.s.Now()
		if smp.lab != nil {
			m.toLab(smp.lab, n)
		}
	}))
	smp.runFlow = f
	return nil
}

// sampled counts a resident sampled at (or for) site s and pools the sample.
func (m *Model) sampled(s *site) { m.sampledBy(s, false) }

// sampledBy counts a resident sampled for site s, by the sweep team when
// swept, and pools the sample. The site stands down when it is done; the
// last box leaves then, and again when the sweep has sampled the last of
// its residents.
func (m *Model) sampledBy(s *site, swept bool) {
	smp := s.round
	now := m.s.Now()
	if l := m.opts.Log; l != nil {
		l.Sampled = append(l.Sampled, now)
	}
	smp.sampled++
	smp.last = now
	smp.inTransit.Add(now, 1)
	s.sampled++
	if swept {
		s.swept++
	} else {
		s.lastSampled = now
	}
	if s.cumulative != nil {
		s.cumulative.Set(now, float64(s.sampled))
	}
	pool := smp.spec.Pooling
	s.tube++
	if s.tube == pool.PerTube {
		s.box += s.tube
		s.tube = 0
		s.tubes++
	}
	closing := s.done() && !s.closed
	if closing {
		m.closeSite(s)
	}
	all := s.sampled == s.expected
	if all {
		s.box += s.tube // the sweep's last tube
		s.tube = 0
	}
	if s.tubes >= pool.TubesPerBox || ((closing || all) && s.box > 0) {
		m.sendBox(s)
	}
}

// closeSite closes a site that is done: the last tube into the box, the
// staff stand down (unless a later round has opened the site since).
func (m *Model) closeSite(s *site) {
	s.box += s.tube
	s.tube = 0
	smp := s.round
	if m.siteOpen[s.index] == smp.plan.index {
		s.swab.SetCapacity(0)
		if s.reg != nil {
			s.reg.SetCapacity(0)
		}
	}
	s.closed = true
	if smp.closedAt >= 0 {
		return
	}
	for _, o := range smp.sites {
		if !o.done() {
			return
		}
	}
	smp.closedAt = m.s.Now()
	smp.leftAtClose = smp.awaited() - smp.sampled
}

// sendBox sends a site's box to the lab with a runner.
func (m *Model) sendBox(s *site) {
	n := s.box
	s.box, s.tubes = 0, 0
	m.s.Start(s.round.runFlow, &labRun{samples: n})
}
