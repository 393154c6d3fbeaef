package experiment

import (
	"fmt"
	"math"
	"strings"

	"cordon/compound"
)

// PlotFigures are what a run report's plots read of the replications:
// every sampled series added up point by point (and, for the series drawn
// with a band, every point's values counted), every kind's times to the
// door pooled, and every staff pool's utilisation hour by hour added up.
// The replications are folded in as they finish, in replication order
// whatever the order they finish in (one that finishes before its turn
// waits until the ones before it are in), so the figures are the same to
// the bit as one pass over whole replications, and no replication is kept:
// what they hold does not grow with the replications.
type PlotFigures struct {
	Replications int
	// Posts are the first replication's posts, only their names and
	// classes, in its order.
	Posts   []compound.PostResult
	series  []*SeriesFigures
	doors   []*DoorTimes
	pools   []*PoolHours
	pending map[int]*compound.Result
}

// newPlotFigures returns empty figures for the replications of sc.
func newPlotFigures(sc *compound.Scenario) *PlotFigures {
	p := &PlotFigures{}
	for range sc.Kinds {
		p.doors = append(p.doors, &DoorTimes{})
	}
	for _, pool := range sc.Staff {
		p.pools = append(p.pools, &PoolHours{Pool: pool.Name})
	}
	return p
}

// plotFiguresOf folds complete results, in order.
func plotFiguresOf(sc *compound.Scenario, results []*compound.Result) *PlotFigures {
	p := newPlotFigures(sc)
	for r, res := range results {
		p.add(r, res)
	}
	p.finish()
	return p
}

// finish readies the figures for reading, once every replication is in.
func (p *PlotFigures) finish() {
	for _, d := range p.doors {
		d.finish()
	}
}

// add takes replication rep's result; replications may come in any order
// (not at once).
func (p *PlotFigures) add(rep int, res *compound.Result) {
	if rep != p.Replications {
		if p.pending == nil {
			p.pending = map[int]*compound.Result{}
		}
		p.pending[rep] = res
		return
	}
	for {
		p.fold(res)
		var ok bool
		if res, ok = p.pending[p.Replications]; !ok {
			if len(p.pending) == 0 {
				p.pending = nil // none held back: the figures are as one pass in order leaves them
			}
			return
		}
		delete(p.pending, p.Replications)
	}
}

// fold adds the next replication.
func (p *PlotFigures) fold(res *compound.Result) {
	rep := p.Replications
	p.Replications++
	if rep == 0 {
		for _, x := range res.Posts {
			p.Posts = append(p.Posts, compound.PostResult{Name: x.Name, Class: x.Class})
		}
	}
	p.foldSeries(rep, res.Series)
	for k, d := range res.DoorTimes {
		if k < len(p.doors) {
			p.doors[k].add(d)
		}
	}
	for _, ph := range p.pools {
		ph.add(rep, res.Posts)
	}
}

// foldSeries adds replication rep's series to the sums of the first
// replication's series.
func (p *PlotFigures) foldSeries(rep int, series []compound.Series) {
	if rep == 0 {
		for _, s := range series {
			sf := &SeriesFigures{Name: s.Name, Step: s.Step, Sum: make([]float64, len(s.Points))}
			if Banded(s.Name) {
				sf.counts = make([]pointCounts, len(s.Points))
			}
			p.series = append(p.series, sf)
		}
	}
	for _, sf := range p.series {
		i := -1
		for j := range series {
			if series[j].Name == sf.Name {
				i = j
				break
			}
		}
		if i < 0 {
			if sf.missing == 0 {
				sf.missing = rep
			}
			continue
		}
		sf.add(series[i].Points)
	}
}

// HasSeries reports whether the first replication has a series called
// name (a series only some scenarios record, such as a gate's pile).
func (p *PlotFigures) HasSeries(name string) bool {
	for _, sf := range p.series {
		if sf.Name == name {
			return true
		}
	}
	return false
}

// Series returns the figures of the series called name, or an error when a
// replication has no such series.
func (p *PlotFigures) Series(name string) (*SeriesFigures, error) {
	for _, sf := range p.series {
		if sf.Name == name {
			if sf.missing > 0 {
				return nil, fmt.Errorf("replication %d has no series %q", sf.missing, name)
			}
			return sf, nil
		}
	}
	if p.Replications == 0 {
		return nil, fmt.Errorf("no replication has series %q", name)
	}
	return nil, fmt.Errorf("replication 0 has no series %q", name)
}

// DoorTimes returns kind k's times to the door, every replication's
// pooled (nil for a kind the scenario does not have).
func (p *PlotFigures) DoorTimes(k int) *DoorTimes {
	if k < 0 || k >= len(p.doors) {
		return nil
	}
	return p.doors[k]
}

// PoolHours returns the utilisation hour by hour of the staff pool called
// name (nil for a pool the scenario does not have).
func (p *PlotFigures) PoolHours(name string) *PoolHours {
	for _, ph := range p.pools {
		if ph.Pool == name {
			return ph
		}
	}
	return nil
}

// Banded reports whether a run report draws a band (the 5th to 95th
// percentile over the replications) around the series called name: the
// staging area's and the sites' queues. Those series count every point's
// values (SeriesFigures.Quantile).
func Banded(name string) bool {
	return name == "busy at staging" || strings.HasPrefix(name, "waiting at ")
}

// SeriesFigures are one sampled series over the replications, every
// replication cut to the shortest.
type SeriesFigures struct {
	Name    string
	Step    float64   // seconds between points
	Sum     []float64 // point by point, added up in replication order
	N       int       // replications added
	counts  []pointCounts
	missing int // the first replication without the series, 0 for none (the first has it)
}

// add adds one replication's points.
func (s *SeriesFigures) add(pts []float64) {
	n := min(len(s.Sum), len(pts))
	s.Sum = s.Sum[:n]
	for i, v := range pts[:n] {
		s.Sum[i] += v
	}
	if s.counts != nil {
		s.counts = s.counts[:n]
		for i, v := range pts[:n] {
			s.counts[i].add(v)
		}
	}
	s.N++
}

// Mean returns the mean over the replications at each point.
func (s *SeriesFigures) Mean() []float64 {
	out := make([]float64, len(s.Sum))
	for i, v := range s.Sum {
		out[i] = v / float64(s.N)
	}
	return out
}

// Quantile returns the q-th quantile (0..1) over the replications at each
// point, as quantile of the sorted values (NaN first, as slices.Sort puts
// them); nil for a series that is not Banded.
func (s *SeriesFigures) Quantile(q float64) []float64 {
	if s.counts == nil {
		return nil
	}
	out := make([]float64, len(s.counts))
	for i := range out {
		out[i] = s.counts[i].quantile(q)
	}
	return out
}

// pointCounts are the values one point of a series took over the
// replications: how many were NaN, and each other value with how many
// times it came, in increasing order. The series are counts of items,
// people or units, so the distinct values are few whatever the
// replications.
type pointCounts struct {
	nan    int
	values []float64
	times  []int
}

// add counts v.
func (c *pointCounts) add(v float64) {
	if math.IsNaN(v) {
		c.nan++
		return
	}
	lo, hi := 0, len(c.values)
	for lo < hi {
		m := (lo + hi) / 2
		if c.values[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.values) && c.values[lo] == v {
		c.times[lo]++
		return
	}
	c.values = append(c.values, 0)
	c.times = append(c.times, 0)
	copy(c.values[lo+1:], c.values[lo:])
	copy(c.times[lo+1:], c.times[lo:])
	c.values[lo], c.times[lo] = v, 1
}

// at returns the r-th smallest value (from zero), NaN first.
func (c *pointCounts) at(r int) float64 {
	if r < c.nan {
		return math.NaN()
	}
	r -= c.nan
	for i, n := range c.times {
		if r < n {
			return c.values[i]
		}
		r -= n
	}
	return math.NaN()
}

// quantile is the q-th quantile of the values by linear interpolation
// between order statistics: position q·(n−1), counting from zero (Hyndman
// and Fan's type 7, as the reports' quantile of sorted values).
func (c *pointCounts) quantile(q float64) float64 {
	n := c.nan
	for _, t := range c.times {
		n += t
	}
	if n == 0 {
		return math.NaN()
	}
	h := q * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return c.at(n - 1)
	}
	a, b := c.at(lo), c.at(lo+1)
	return a + (h-float64(lo))*(b-a)
}

// PoolHours is a staff pool's utilisation hour by hour over the
// replications: in each replication a per-zone pool's groups are averaged,
// hours when nobody was on duty (NaN) left out of both means.
type PoolHours struct {
	Pool   string
	Groups int // the posts of the pool in the first replication: its zone groups, or 1
	sum    []float64
	n      []int
}

// add adds one replication's posts.
func (ph *PoolHours) add(rep int, posts []compound.PostResult) {
	var rsum []float64
	var rn []int
	for _, post := range posts {
		if post.Name != ph.Pool && !strings.HasPrefix(post.Name, ph.Pool+"/") {
			continue
		}
		if rep == 0 {
			ph.Groups++
		}
		for len(rsum) < len(post.Hourly) {
			rsum, rn = append(rsum, 0), append(rn, 0)
		}
		for h, u := range post.Hourly {
			if !math.IsNaN(u) {
				rsum[h] += u
				rn[h]++
			}
		}
	}
	for len(ph.sum) < len(rsum) {
		ph.sum, ph.n = append(ph.sum, 0), append(ph.n, 0)
	}
	for h := range rsum {
		if rn[h] > 0 {
			ph.sum[h] += rsum[h] / float64(rn[h])
			ph.n[h]++
		}
	}
}

// Mean returns the pool's utilisation in each hour, mean over the
// replications, NaN where no one was on duty in any.
func (ph *PoolHours) Mean() []float64 {
	out := make([]float64, len(ph.sum))
	for h := range out {
		out[h] = math.NaN()
		if ph.n[h] > 0 {
			out[h] = ph.sum[h] / float64(ph.n[h])
		}
	}
	return out
}
