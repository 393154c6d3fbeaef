package experiment

import (
	"math"
	"sort"

	"cordon/sim/stats"
)

// Bottleneck is one post's figures over the replications and its rank:
// their summaries, without the values per replication (nothing outside
// the ranking pairs them), which would grow with the replications.
type Bottleneck struct {
	Rank         int
	Post         string
	Class        string        // the post's class: staff, space, equipment, site, post (compound.PostResult.Class)
	Blocked      stats.Summary // arrivals turned away per replication
	BlockedShare stats.Summary // share of arrivals turned away
	// Waited is the hours spent waiting at the post, added over everything
	// that waited there (items, residents or tasks): the time integral of
	// its queue, by Little's law its arrivals times their mean wait. For
	// the staging area of a gate that piles, the items on the pile.
	Waited stats.Summary
	// WorstHour is the hours spent waiting at the post in its worst hour
	// of each replication (the mean number waiting in that hour).
	WorstHour stats.Summary
	// Days are Waited day by day of a run of several days (none in a run
	// of one day).
	Days []stats.Summary
	// Lead is, paired over the replications, what the post is ahead of
	// the next in the ranking by on the figure that orders them (the share
	// turned away while either turned work away, else the hours waited);
	// its N is 0 for the last post. Clear says its interval is above zero:
	// the order is not chance.
	Lead  stats.Summary
	Clear bool
	// Saturation is the share of the time the post was open (or had work
	// waiting) during which work waited: over the post's own open time, so
	// a post open for a few hours is not comparable with one open all day.
	Saturation  stats.Summary
	Utilisation stats.Summary // busy over on-duty unit-time
	QueueMean   stats.Summary // entities waiting, time-weighted
	QueueMax    stats.Summary
	WaitMean    stats.Summary // seconds
	WaitP95     stats.Summary
}

// DayBottlenecks ranks the posts by the hours spent waiting at each on one
// day of a run of several days.
type DayBottlenecks struct {
	Day   int // from 1
	Posts []DayPost
}

// DayPost is one post's hours waited on a day, with its lead over the post
// ranked next that day, paired over the replications (see Bottleneck).
type DayPost struct {
	Post   string
	Class  string
	Waited stats.Summary
	Lead   stats.Summary
	Clear  bool
}

// rankPosts ranks the posts, most constraining first:
//
//  1. posts that turned work away (a full staging area, a full waiting
//     room), by the share of arrivals turned away;
//  2. then by the hours spent waiting there, added over everything that
//     waited (the time integral of the queue);
//  3. then by utilisation.
//
// Blocking comes first because a post that loses work limits throughput
// outright. The hours waited measure what a post cost the run wherever in
// it the waiting was: a post bad for a few hours of several days counts
// for those hours, not diluted by the days it was idle, and a post open
// for a few hours (a sampling site) counts for what waited, not for the
// share of its own short open time. An item-hour and a resident-hour are
// counted alike: the planner weighs them (the reports say what waits).
func (f *figures) rankPosts() []Bottleneck {
	if len(f.posts) == 0 {
		return nil
	}
	out := make([]Bottleneck, len(f.posts))
	share := make([][]float64, len(f.posts))
	waited := make([][]float64, len(f.posts))
	for p, first := range f.posts {
		col := func(k postFigure) stats.Summary { return summarizeFigure(f.postValues(p, k)) }
		// The two figures the ranking pairs, read once: summarizing copies
		// them, so they keep their order for lead.
		share[p], waited[p] = f.postValues(p, postBlockedShare), f.postValues(p, postWaited)
		out[p] = Bottleneck{
			Post:         first.Name,
			Class:        first.Class,
			Blocked:      col(postBlocked),
			BlockedShare: capShare(summarizeFigure(share[p])),
			Waited:       summarizeFigure(waited[p]),
			WorstHour:    col(postWorstHour),
			Saturation:   capShare(col(postSaturation)),
			Utilisation:  col(postUtilisation),
			QueueMean:    col(postQueueMean),
			QueueMax:     col(postQueueMax),
			WaitMean:     col(postWaitMean),
			WaitP95:      col(postWaitP95),
		}
		for d := range f.days[p] {
			out[p].Days = append(out[p].Days, summarizeFigure(f.dayValues(p, d)))
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := out[order[i]], out[order[j]]
		if a.BlockedShare.Mean != b.BlockedShare.Mean {
			return a.BlockedShare.Mean > b.BlockedShare.Mean
		}
		if a.Waited.Mean != b.Waited.Mean {
			return a.Waited.Mean > b.Waited.Mean
		}
		return a.Utilisation.Mean > b.Utilisation.Mean
	})
	ranked := make([]Bottleneck, len(out))
	for i, p := range order {
		ranked[i] = out[p]
		ranked[i].Rank = i + 1
		if i+1 == len(order) {
			continue
		}
		q := order[i+1]
		by := waited
		if out[p].BlockedShare.Mean > 0 || out[q].BlockedShare.Mean > 0 {
			by = share
		}
		ranked[i].Lead, ranked[i].Clear = lead(by[p], by[q])
	}
	return ranked
}

// rankDays ranks the posts day by day of a run of several days by the
// hours spent waiting at each that day; nil in a run of one day.
func (f *figures) rankDays() []DayBottlenecks {
	days := 0
	for p := range f.posts {
		days = max(days, len(f.days[p]))
	}
	var out []DayBottlenecks
	for d := range days {
		values := make([][]float64, len(f.posts))
		posts := make([]DayPost, len(f.posts))
		order := make([]int, len(f.posts))
		for p, first := range f.posts {
			values[p] = f.dayValues(p, d)
			posts[p] = DayPost{Post: first.Name, Class: first.Class, Waited: summarizeFigure(values[p])}
			order[p] = p
		}
		sort.SliceStable(order, func(i, j int) bool { return posts[order[i]].Waited.Mean > posts[order[j]].Waited.Mean })
		day := DayBottlenecks{Day: d + 1}
		for i, p := range order {
			x := posts[p]
			if i+1 < len(order) {
				x.Lead, x.Clear = lead(values[p], values[order[i+1]])
			}
			day.Posts = append(day.Posts, x)
		}
		out = append(out, day)
	}
	return out
}

// lead is a's values less b's, replication by replication, summarised
// with their interval, and whether the interval is above zero (the
// difference is not chance). Values that are not finite count as zero.
func lead(a, b []float64) (stats.Summary, bool) {
	n := min(len(a), len(b))
	d := make([]float64, n)
	for i := range n {
		d[i] = zeroNaN(a[i]) - zeroNaN(b[i])
	}
	s := stats.Summarize(d, Level)
	s.Values = nil
	return s, s.N > 1 && s.Low > 0
}

// zeroNaN counts a figure with nothing to measure (no one served) as zero
// for ranking.
func zeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}

// summarizeFigure is summarize of a column of a post's figures, keeping
// none of its values.
func summarizeFigure(v []float64) stats.Summary {
	s := summarizeColumn(v)
	s.Values = nil
	return s
}
