package compound

import (
	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/record"
	"cordon/sim/stats"
)

// postNet is the planner's posts of a replication and the routes between
// them: each post a kernel resource (its own servers, or a staff pool's)
// with a wait queue, and what was measured there.
type postNet struct {
	posts  []*postState
	idx    map[string]int
	routes map[string][]routeChoice // by the place they leave
	pick   map[string]random.Dist   // uniform draws choosing a route, one stream per place
	visits map[*sim.Entity]*netVisit
	time   stats.Tally // time from entering the posts to leaving them
	left   int         // arrivals from outside who have left
}

// routeChoice is one route out of a place: where to, and the shares of the
// routes up to and including it.
type routeChoice struct {
	to  string
	cum float64
}

// netVisit is one entity's way through the posts.
type netVisit struct {
	entered float64 // left its built-in way (or arrived from outside)
	at      float64 // reached the post it is at
	service float64
}

// postState is one post in a replication.
type postState struct {
	spec     Post
	res      *sim.Resource
	onDuty   *record.Resource // the post's own servers, or its pool's
	service  random.Dist
	patience random.Dist // nil: waits as long as it takes
	balk     random.Dist // uniform, for balking

	arrived, served, turned, overflowed, balked, reneged int

	waiting *stats.Level // waiting at this post
	serving *stats.Level // being served at this post
	wait    stats.Tally  // of those served, from arriving to service
	time    stats.Tally  // of those served, from arriving to the end of service
}

func (m *Model) buildPosts() error {
	sc := m.sc
	if len(sc.Posts) == 0 && len(sc.Routes) == 0 {
		return nil
	}
	n := &postNet{idx: sc.postIndex(), routes: map[string][]routeChoice{}, pick: map[string]random.Dist{},
		visits: map[*sim.Entity]*netVisit{}}
	if m.keep.has(figPostWaits) {
		n.time.KeepValues()
	}
	m.net = n
	for _, r := range sc.Routes {
		cs := n.routes[r.From]
		cum := r.Share
		if len(cs) > 0 {
			cum += cs[len(cs)-1].cum
		}
		n.routes[r.From] = append(cs, routeChoice{to: r.To, cum: cum})
		if n.pick[r.From] == nil {
			u, err := random.NewUniform(0, 1, m.streams.Source("routes/"+r.From))
			if err != nil {
				return err
			}
			n.pick[r.From] = u
		}
	}
	for _, p := range sc.Posts {
		if err := m.ctx.Err(); err != nil {
			return err
		}
		ps := &postState{spec: p, waiting: stats.NewLevel(0, 0), serving: stats.NewLevel(0, 0)}
		if m.keep.has(figPostWaits) {
			ps.wait.KeepValues()
		}
		if p.Staff != "" {
			pl := m.pools[p.Staff]
			ps.res = pl.res[0]
			if len(pl.recs) > 0 { // not recorded for KPIs that do not read it
				ps.onDuty = pl.recs[0]
			}
		} else {
			ps.res = m.s.NewResource(p.Name, p.Servers)
			ps.onDuty = m.addPost(p.Name, "post", ps.res, figPostServers)
		}
		var err error
		name := "posts/" + p.Name
		if ps.service, err = m.dist(p.Service, name+"/service"); err != nil {
			return err
		}
		if p.Patience.Family != "" {
			if ps.patience, err = m.dist(p.Patience, name+"/patience"); err != nil {
				return err
			}
		}
		if p.Balking != nil {
			if ps.balk, err = random.NewUniform(0, 1, m.streams.Source(name+"/balking")); err != nil {
				return err
			}
		}
		n.posts = append(n.posts, ps)
	}
	return m.buildArrivalsAtPosts()
}

// buildArrivalsAtPosts starts the arrivals from outside at each post that
// has them: they walk the posts and leave.
func (m *Model) buildArrivalsAtPosts() error {
	n := m.net
	f := sim.NewFlow("arrivals at posts")
	f.Then(sim.StepFunc(func(e *sim.Entity) sim.Outcome {
		n.visits[e] = &netVisit{entered: m.s.Now()}
		e.Jump(postLabel(n.posts[e.Key].spec.Name))
		return sim.Next
	}))
	m.attachPosts(f, "", "")
	f.Label(netLeft).Then(sim.Do(func(*sim.Entity) { n.left++ }))
	if err := f.Check(); err != nil {
		return err
	}
	for i, p := range m.sc.Posts {
		if p.PerDay == 0 {
			continue
		}
		unit, err := random.NewExponential(1, m.streams.Source("posts/"+p.Name+"/arrivals"))
		if err != nil {
			return err
		}
		arr, err := sim.NewHourly(hourlyRates(p.PerDay, p.Profile), -m.tl.start, unit)
		if err != nil {
			return err
		}
		m.s.NewSource(f, arr).Until(m.tl.horizon).Setup(func(e *sim.Entity, _ int64) { e.Key = i }).Start()
	}
	return nil
}

// netLeft is the label of a flow's way out of the posts, for those who
// leave the compound.
const netLeft = "left the posts"

func postLabel(name string) string    { return "post " + name }
func renegedLabel(name string) string { return "reneged at " + name }

// attachPosts appends to f a section for each post: arrive (turned away at
// a full room, or balking), wait (or renege), be served, go on by the
// routes. Those who go back go on at label back of f, those who leave at
// label out ("" for either: netLeft, which f must have).
func (m *Model) attachPosts(f *sim.Flow, back, out string) {
	n := m.net
	if back == "" {
		back = netLeft
	}
	if out == "" {
		out = netLeft
	}
	for _, p := range n.posts {
		seize := sim.Seize(p.res, 1)
		if p.patience != nil {
			seize.Patience(p.patience, renegedLabel(p.spec.Name))
		}
		f.Label(postLabel(p.spec.Name)).Then(
			sim.StepFunc(func(e *sim.Entity) sim.Outcome { return m.arriveAtPost(e, p, back, out) }),
			seize,
			sim.Do(func(e *sim.Entity) {
				v, now := n.visits[e], m.s.Now()
				p.waiting.Add(now, -1)
				p.serving.Add(now, 1)
				p.wait.Add(now - v.at)
				v.service = p.service.Rand()
			}),
			sim.DelayFor(func(e *sim.Entity) float64 { return n.visits[e].service }),
			sim.Release(p.res, 1),
			sim.StepFunc(func(e *sim.Entity) sim.Outcome {
				now := m.s.Now()
				p.serving.Add(now, -1)
				p.served++
				p.time.Add(now - n.visits[e].at)
				m.routeOn(e, p.spec.Name, back, out)
				return sim.Next
			}),
		)
		f.Label(renegedLabel(p.spec.Name)).Then(sim.StepFunc(func(e *sim.Entity) sim.Outcome {
			p.waiting.Add(m.s.Now(), -1)
			p.reneged++
			m.leavePosts(e, out)
			return sim.Next
		}))
	}
}

// arriveAtPost counts an arrival at p and sends it on when the room is full
// or it balks; otherwise it joins the queue.
func (m *Model) arriveAtPost(e *sim.Entity, p *postState, back, out string) sim.Outcome {
	now := m.s.Now()
	m.net.visits[e].at = now
	p.arrived++
	queued := int(p.waiting.Value())
	if r := p.spec.Room; r != nil && queued >= r.Places && p.res.Idle() == 0 {
		if r.WhenFull == WhenFullLeave {
			p.turned++
			m.leavePosts(e, out)
		} else {
			p.overflowed++
			e.Jump(postLabel(r.WhenFull))
		}
		return sim.Next
	}
	if b := p.spec.Balking; b != nil && queued >= b.From && p.res.Idle() == 0 && p.balk.Rand() < b.Share {
		p.balked++
		m.leavePosts(e, out)
		return sim.Next
	}
	p.waiting.Add(now, 1)
	return sim.Next
}

// utilisation is the share of the post's servers' time on duty spent
// serving at it.
func (p *postState) utilisation(now float64) float64 {
	return min(ratio(p.serving.Integral(now), p.onDuty.OnDuty.Integral(now)), 1)
}

// blocking is the share of arrivals who found the room full.
func (p *postState) blocking() float64 {
	return ratio(float64(p.turned+p.overflowed), float64(p.arrived))
}

// postsCounts is what the posts add to a replication's memory: the posts
// with servers of their own (ranked, with their series), their servers,
// and the outside arrivals a day (each keeps its waits, as an item does).
func (sc *Scenario) postsCounts() (posts, units int64, perDay float64) {
	for _, p := range sc.Posts {
		if p.Staff == "" {
			posts++
			units += int64(min(max(p.Servers, 0), MaxStaff))
		}
		if p.PerDay > 0 {
			perDay += p.PerDay
		}
	}
	return posts, units, perDay
}
