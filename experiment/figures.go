package experiment

import (
	"sync"

	"cordon/compound"
)

// figures are the replications of one scenario reduced to the numbers its
// summaries are made of: every KPI's value and each post's figures of the
// bottleneck ranking, in columns (each as compactly as its values allow,
// see column), replication r at index r, and the staff on duty hour by
// hour, added up. A replication is added as it finishes and its result
// dropped, so that work whose replications nobody reads one by one (no
// report folder; a run's marginal analysis; a sensitivity analysis; a
// plan's search) holds about 2 kB a replication of the baseline's day
// instead of about 200 kB.
type figures struct {
	mu    sync.Mutex
	posts []compound.PostResult // the posts' names and kinds
	kpis  []column              // per KPI of the catalogue
	post  [][postFigures]column
	// days are, per post and day of a run of several days, the hours spent
	// waiting there that day (none in a run of one day).
	days [][]column
	in   []bool   // the replications added
	reps int      // the replications there will be (0: not known)
	duty dutySums // the staff on duty hour by hour, added up
	// plots, when not nil, gather what a run report's plots read, and the
	// first keep replications are kept whole in first (ReportFigures).
	plots *PlotFigures
	keep  int
	first []*compound.Result
	// hoursOnly keeps in first only each replication's posts' hours (see
	// hoursOf), all a marginal analysis reads of its base's replications.
	hoursOnly bool
	// only, when not nil, are the KPIs whose columns are kept (the others'
	// summaries are of no replication), and then no post's figures nor
	// staff on duty are: for work that reads a few KPIs of an item and
	// nothing else.
	only []bool
	// cat is the catalogue of the item's scenario, once made (catalogue).
	cat []compound.KPI
}

// kpiFigures returns figures that keep only the columns of the KPIs of
// sc's catalog called names, and no post's figures.
func kpiFigures(sc *compound.Scenario, names []string) *figures {
	cat := compound.Catalog(sc)
	f := &figures{only: make([]bool, len(cat)), cat: cat}
	for _, n := range names {
		if i := indexKPI(cat, n); i >= 0 {
			f.only[i] = true
		}
	}
	return f
}

// reportFigures returns figures that also gather what sc's run report
// plots, and keep the first keep replications whole.
func reportFigures(sc *compound.Scenario, keep int) *figures {
	return &figures{plots: newPlotFigures(sc), keep: keep}
}

// postFigure is one of a post's figures the bottleneck ranking summarises.
type postFigure int

const (
	postBlocked postFigure = iota
	postBlockedShare
	postSaturation
	postUtilisation
	postQueueMean
	postQueueMax
	postWaitMean
	postWaitP95
	postWaited    // hours spent waiting there, added over all that waited
	postWorstHour // hours spent waiting there in its worst hour
	postFigures   // how many there are
)

// value returns figure f of post x over a replication, as the ranking
// summarises it.
func (f postFigure) value(x compound.PostResult) float64 {
	switch f {
	case postBlocked:
		return float64(x.Blocked)
	case postBlockedShare:
		if x.Arrivals == 0 {
			return 0
		}
		return float64(x.Blocked) / float64(x.Arrivals)
	case postSaturation:
		if x.Active == 0 {
			return 0
		}
		return min(x.Saturated/x.Active, 1) // not 1 + ε from rounding
	case postUtilisation:
		return zeroNaN(x.Utilisation)
	case postQueueMean:
		return x.QueueMean
	case postQueueMax:
		return x.QueueMax
	case postWaitMean:
		return zeroNaN(x.WaitMean)
	case postWaited:
		return x.Waited / 3600
	case postWorstHour:
		worst := 0.0
		for _, q := range x.HourlyQueue {
			worst = max(worst, zeroNaN(q))
		}
		return worst
	}
	return zeroNaN(x.WaitP95)
}

// figuresOf reduces complete results to their figures.
func figuresOf(results []*compound.Result) *figures {
	f := &figures{reps: len(results)}
	for r, res := range results {
		f.add(r, res)
	}
	return f
}

// add puts replication rep's figures in the columns; replications may come
// in any order, from several goroutines.
func (f *figures) add(rep int, res *compound.Result) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.kpis == nil {
		f.kpis = make([]column, len(res.Values))
		if f.only == nil {
			f.post = make([][postFigures]column, len(res.Posts))
			f.days = make([][]column, len(res.Posts))
			f.posts = make([]compound.PostResult, len(res.Posts))
			for p, x := range res.Posts {
				f.posts[p] = compound.PostResult{Name: x.Name, Class: x.Class}
			}
		}
	}
	for i, v := range res.Values {
		if f.only == nil || i < len(f.only) && f.only[i] {
			f.kpis[i].put(rep, v, f.in, f.reps)
		}
	}
	for p, x := range res.Posts {
		if f.only != nil {
			break // no post's figures kept
		}
		for k := range postFigures {
			f.post[p][k].put(rep, k.value(x), f.in, f.reps)
		}
		for len(f.days[p]) < len(x.DayWaited) {
			f.days[p] = append(f.days[p], column{})
		}
		for d, v := range x.DayWaited {
			f.days[p][d].put(rep, v/3600, f.in, f.reps)
		}
	}
	f.in = grown(f.in, rep, f.reps)
	f.in[rep] = true
	if f.only == nil {
		f.duty.add(rep, res)
	}
	if f.plots != nil {
		f.plots.add(rep, res)
	}
	if rep < f.keep {
		for len(f.first) <= rep {
			f.first = append(f.first, nil)
		}
		if f.hoursOnly {
			res = hoursOf(res)
		}
		f.first[rep] = res
	}
}

// hoursOf is res with only its posts' names, kinds and figures hour by
// hour: a few kB of a replication's hundreds.
func hoursOf(res *compound.Result) *compound.Result {
	out := &compound.Result{Posts: make([]compound.PostResult, len(res.Posts))}
	for p, x := range res.Posts {
		out.Posts[p] = compound.PostResult{Name: x.Name, Class: x.Class, Hourly: x.Hourly, HourlyQueue: x.HourlyQueue}
	}
	return out
}

// kpi returns the values of KPI i (empty when no replication ran).
func (f *figures) kpi(i int) []float64 {
	if i >= len(f.kpis) {
		return []float64{}
	}
	v := f.kpis[i].values(f.in, f.added())
	if v == nil {
		return []float64{}
	}
	return v
}

// postValues returns the values of figure k of post p.
func (f *figures) postValues(p int, k postFigure) []float64 {
	return f.columnValues(&f.post[p][k])
}

// dayValues returns the hours spent waiting at post p on day d (0 for the
// first) of each replication.
func (f *figures) dayValues(p, d int) []float64 {
	if d >= len(f.days[p]) {
		return []float64{}
	}
	return f.columnValues(&f.days[p][d])
}

// columnValues returns c's values of the replications added so far, an
// empty slice (not nil) when there are none.
func (f *figures) columnValues(c *column) []float64 {
	if v := c.values(f.in, f.added()); v != nil {
		return v
	}
	return []float64{}
}

// added is one more than the last replication added.
func (f *figures) added() int {
	n := len(f.in)
	for n > 0 && !f.in[n-1] {
		n--
	}
	return n
}

// catalogue is the catalogue of sc, the item's scenario: made once, as a
// run report's analysis reads it of every step more than once (about 0.6
// ms and 2,400 allocations each time for two-days).
func (f *figures) catalogue(sc *compound.Scenario) []compound.KPI {
	if f.cat == nil {
		f.cat = compound.Catalog(sc)
	}
	return f.cat
}

// outcome summarises the figures of reps replications of sc: an Outcome
// without its Runs.
func (f *figures) outcome(sc *compound.Scenario, reps int) *Outcome {
	out := &Outcome{Scenario: sc, Seed: sc.Seed, Replications: reps, Unstable: sc.Stability()}
	for i, k := range f.catalogue(sc) {
		s := summarizeColumn(f.kpi(i))
		if k.Unit == "share" {
			s = capShare(s)
		}
		out.KPIs = append(out.KPIs, KPIResult{KPI: k, Summary: s})
	}
	out.Bottlenecks = f.rankPosts()
	out.DayBottlenecks = f.rankDays()
	out.OnDuty = f.duty.result()
	if f.plots != nil {
		f.plots.finish()
		out.Plots, out.first = f.plots, f.first
	}
	return out
}
