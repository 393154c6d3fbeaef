package compound

import (
	"context"
	"errors"
	"fmt"
	"math"

	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/record"
	"cordon/sim/stats"
)

// Model is one replication of a scenario: the kernel, the posts of the
// compound built on it, and what is recorded. Build makes a fresh Model from
// an immutable Scenario for every replication; nothing is shared between
// replications.
type Model struct {
	sc      *Scenario
	s       *sim.Sim
	streams *random.Streams
	tl      timeline
	opts    Options
	keep    keeps // what it records besides its flows' own counts

	zoneOf   map[string]int // building id -> zone index
	building map[string]int // building id -> index
	pools    map[string]*pool
	posts    []*post

	gate     *gate
	sampling *sampling   // round 1
	rounds   []*sampling // every round, round 1 first
	siteOpen []int       // by site: the round whose staff are on duty there (rounds.go)
	garbage  *garbageRound
	needs    *specialNeeds
	net      *postNet // the planner's own posts; nil for none

	kinds []*kindState
	items []item  // the items yet to be given out of the last block made (freshItem)
	spent []*item // items that have left the item flow, to be used again

	dayStarts  [][]func() // by day of the run: what starts when it begins
	days       *runDays   // each day's figures, in a run of several days
	households *households
	consumed   *consumables

	closures []closure    // the gate's closures, in the order they happen
	seals    []*sealState // the seals of buildings

	// ctx stops the build; checks counts the long loops' turns since it
	// was last looked at.
	ctx    context.Context
	checks int
}

// Options tune what a replication records and how far it may go.
type Options struct {
	// SeriesStep is the spacing of sampled series (staging occupancy,
	// queues), 0 for 5 minutes.
	SeriesStep float64
	// MaxEvents and MaxEntities stop a runaway replication: more events
	// fired, or more entities in the compound at once (0: no limit).
	MaxEvents   uint64
	MaxEntities int
	// Arrivals, when not nil, replace the random arrivals and the
	// scheduled drops of every kind: a replay of a logged day (checked with
	// Scenario.CheckReplay), whose log has the drops' items among its
	// arrivals.
	Arrivals []LoggedArrival
	// Roster, when not nil, replaces the shifts and breaks of the pools and
	// zone groups it names.
	Roster []RosterEntry
	// Log, when not nil, collects what happened, for writing logs.
	Log *Log
	// Day, when above 1, runs the scenario's days as days Day, Day+1, ...
	// of a longer run as far as randomness goes: the run draws on its
	// first day what day Day of a longer run draws (every day draws from
	// its own streams), so that one day of a long run can be run alone
	// and compared. Nothing else moves: the sampling round and scheduled
	// drops stay on the days the scenario gives them.
	Day int
	// NoSeries samples no series (posts' queues and busy units, sites'
	// waiting and sampled, staff on duty): the Result has no Series, and
	// every other figure is the same. For work that reads the KPIs alone.
	NoSeries bool
	// Measure, when not nil, marks the KPIs of the catalogue the
	// replication measures: the others' values are NaN, and it makes none
	// of the figures besides (no posts' figures, door times, hours, gate
	// backlog nor series, as NoSeries); the KPIs it measures are the same.
	// It records only what they read (keeps.go), so a replication that
	// measures a few costs less. For work that reads a few KPIs alone.
	Measure []bool
	// Part, when not PartWhole, simulates only that part of a Separable
	// scenario, the other idle: the KPIs of the part (KPIPart) are those
	// of the whole compound; the others, and the staff's, posts' and
	// cost's, are not. It takes neither Arrivals nor Log.
	Part Part
}

// pool is a staff pool on the kernel: one resource, or one per zone.
type pool struct {
	spec     Pool
	res      []*sim.Resource // one, or one per zone
	recs     []*record.Resource
	priority map[string]int
	changes  [][]sim.Change
	overMax  []*overMax // per group: the hours past max_hours, nil without a limit
}

// prio returns the priority of a task of the pool, scaled so that the task's
// priority comes before a kind's.
func (p *pool) prio(task string, kind int) int {
	return p.priority[task]*1000 + kind
}

// post is a place where work waits: a pool, a capacity, a site station. It
// is what the bottleneck ranking ranks.
type post struct {
	name  string
	class string // PostResult.Class
	res   *sim.Resource
	rec   *record.Resource
	queue *stats.Series // entities waiting, every series step
	busy  *stats.Series // units busy (items held, for a space), every series step
	// pile, for the staging area of a gate that piles, is where those who
	// find it full wait: kept, not turned away (nil otherwise), and piled
	// the items on it every series step.
	pile  *pile
	piled *stats.Series
}

// Build makes one replication of sc (which must have passed Check) with the
// random streams of (seed, rep).
func Build(sc *Scenario, rep int, opts Options) (*Model, error) {
	return BuildContext(context.Background(), sc, rep, opts)
}

// BuildContext is Build stopped with ctx's error when ctx is cancelled: the
// long loops of a build (places, staff, carts, residents, logged arrivals)
// look at ctx every few thousand turns.
func BuildContext(ctx context.Context, sc *Scenario, rep int, opts Options) (*Model, error) {
	if opts.SeriesStep <= 0 {
		opts.SeriesStep = 300
	}
	if err := opts.checkPart(sc); err != nil {
		return nil, err
	}
	if opts.Measure != nil {
		opts.NoSeries = true
	}
	m := &Model{
		sc:       sc,
		s:        sim.New(),
		streams:  random.NewStreams(sc.Seed, rep),
		tl:       sc.timeline(),
		opts:     opts,
		keep:     keepsFor(sc, opts.Measure),
		zoneOf:   map[string]int{},
		building: map[string]int{},
		pools:    map[string]*pool{},
		ctx:      ctx,
	}
	for i, b := range sc.Buildings {
		m.building[b.ID] = i
	}
	m.closures = m.gateClosures()
	for z, zone := range sc.Zones {
		for _, ref := range zone.Buildings {
			ids, _ := ExpandBuildings(ref)
			for _, id := range ids {
				m.zoneOf[id] = z
			}
		}
	}
	steps := []func() error{m.buildPools, m.buildPosts, m.buildGate, m.buildSampling, m.buildGarbage, m.buildSpecialNeeds}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.trackDays()
	m.scheduleDays()
	if !opts.NoSeries {
		m.s.Schedule(0, sim.PriorityLate, &queueSampler{m})
	}
	m.ctx = nil
	return m, nil
}

// checkEvery is how many turns of a build's long loops go by between two
// looks at its context: a look costs next to nothing at that rate, and a
// few thousand turns take well under a millisecond.
const checkEvery = 4096

// stopped returns the build context's error every checkEvery calls (one
// per turn of a long loop), and nil otherwise.
func (m *Model) stopped() error {
	m.checks++
	if m.checks < checkEvery {
		return nil
	}
	m.checks = 0
	return m.ctx.Err()
}

// dist builds a distribution on the stream called name.
func (m *Model) dist(d Dist, name string) (random.Dist, error) {
	if d.Family == random.FamilyConstant {
		return d.New(nil)
	}
	v, err := d.New(m.streams.Source(name))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// series returns a sampled series over the whole run.
func (m *Model) series() *stats.Series {
	n := int(math.Floor(m.tl.horizon/m.opts.SeriesStep)) + 1
	s, _ := stats.NewSeries(0, m.opts.SeriesStep, n)
	return s
}

func (m *Model) buildPools() error {
	for _, p := range m.sc.Staff {
		pl := &pool{spec: p, priority: map[string]int{}}
		for _, t := range p.Tasks {
			pl.priority[t.Task] = t.Priority
		}
		for _, g := range m.sc.groups(p) {
			if err := m.ctx.Err(); err != nil {
				return err
			}
			changes := m.sc.groupChanges(p, g, m.tl)
			logged, fromRoster := rosterFor(m.opts.Roster, g.name, p.Name, m.tl.horizon)
			if fromRoster {
				if n := peak(logged); n > MaxStaff {
					return fmt.Errorf("the roster puts %d of %s on duty at once: at most %d", n, g.name, MaxStaff)
				}
				changes = logged
			}
			r := m.s.NewResource(g.name, 0)
			if p.Suit != nil {
				r.SetDutyLimit(float64(p.Suit.Limit), float64(p.Suit.Changeover))
			}
			if _, err := m.s.NewRoster(r, changes); err != nil {
				return err
			}
			pl.res = append(pl.res, r)
			pl.changes = append(pl.changes, changes)
			if rec := m.addPost(g.name, "staff", r, figStaff); rec != nil {
				pl.recs = append(pl.recs, rec)
				pl.overMax = append(pl.overMax, m.watchMaxHours(p, g, r, rec, fromRoster))
			}
		}
		m.pools[p.Name] = pl
	}
	return nil
}

// addPost adds a resource as a post and records it: with every figure
// of the post in a whole replication, with its levels alone in one that
// measures a KPI reading the family f, not at all (nil) in one that
// measures none.
func (m *Model) addPost(name, class string, r *sim.Resource, f figure) *record.Resource {
	p := &post{name: name, class: class, res: r}
	switch {
	case m.keep.has(figEvery):
		p.rec = record.NewResource(r, 0)
		p.rec.KeepWaits()
		p.rec.Queue.TrackThreshold(1)
		hours := int(math.Ceil(m.tl.horizon / 3600))
		_ = p.rec.Hourly(3600, hours)
	case m.keep.has(f):
		p.rec = record.NewResource(r, 0)
	}
	if !m.opts.NoSeries {
		p.queue, p.busy = m.series(), m.series()
	}
	m.posts = append(m.posts, p)
	return p.rec
}

// doer returns the pool doing task (Check has made sure there is one).
func (m *Model) doer(task string) *pool {
	if p := m.sc.doer(task); p != nil {
		return m.pools[p.Name]
	}
	return nil
}

// doer returns the first pool that does task, or nil.
func (sc *Scenario) doer(task string) *Pool {
	for i := range sc.Staff {
		for _, t := range sc.Staff[i].Tasks {
			if t.Task == task {
				return &sc.Staff[i]
			}
		}
	}
	return nil
}

// Sim returns the model's kernel, for tests and tools.
func (m *Model) Sim() *sim.Sim { return m.s }

// Horizon returns the length of the run in seconds.
func (m *Model) Horizon() float64 { return m.tl.horizon }

// Run runs the replication to the end of the horizon and returns its result.
func (m *Model) Run() (*Result, error) { return m.RunContext(context.Background()) }

// RunContext runs the replication to the end of the horizon, an hour of
// simulated time at a time, and stops early with ctx's error when ctx is
// cancelled or with an error naming the longest queue when the run fires
// more events than Options.MaxEvents.
func (m *Model) RunContext(ctx context.Context) (*Result, error) {
	end := m.tl.horizon
	m.s.SetLimits(m.opts.MaxEvents, m.opts.MaxEntities)
	for t := m.s.Now(); t < end; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t = math.Min(t+3600, end)
		m.s.RunUntil(t)
		if err := m.s.Err(); err != nil {
			what := err.Error()
			var le *sim.LimitError
			if errors.As(err, &le) {
				what = fmt.Sprintf("more than %d %s", le.Limit, le.What)
				if le.What == "entities" {
					what += " in the compound at once"
				} else {
					what += " fired"
				}
			}
			return nil, fmt.Errorf("stopped at %s, day %d, with %s: %s", Clock(m.tl.clockOf(m.s.Now())),
				1+int((m.tl.start+m.s.Now())/day), what, m.worstQueue())
		}
	}
	return m.result(), nil
}

// worstQueue names the post with the longest queue, for guard messages.
func (m *Model) worstQueue() string {
	var worst *post
	for _, p := range m.posts {
		if worst == nil || p.res.Queued() > worst.res.Queued() {
			worst = p
		}
	}
	if worst == nil {
		return "no post"
	}
	return fmt.Sprintf("the queue at %s has %d waiting", worst.name, worst.res.Queued())
}

// sampleQueues records every post's queue length; it runs as a late event
// every series step.
type queueSampler struct {
	m *Model
}

func (q *queueSampler) Handle() {
	m := q.m
	now := m.s.Now()
	for _, p := range m.posts {
		p.queue.Set(now, float64(p.res.Queued()))
		p.busy.Set(now, float64(p.res.Busy()))
		if p.pile != nil {
			p.piled.Set(now, p.pile.level.Value())
		}
	}
	if next := now + m.opts.SeriesStep; next < m.tl.horizon {
		m.s.Schedule(next, sim.PriorityLate, q)
	}
}
