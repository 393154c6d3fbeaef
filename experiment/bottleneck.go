package experiment

import (
	"math"
	"sort"

	"cordon/sim/stats"
)

// Bottleneck is one post's figures over the replications and its rank:
// their summaries, without the values per replication (nothing pairs
// them), which would grow with the replications.
type Bottleneck struct {
	Rank         int
	Post         string
	Class        string        // the post's class: staff, space, equipment, site, post (compound.PostResult.Class)
	Blocked      stats.Summary // arrivals turned away per replication
	BlockedShare stats.Summary // share of arrivals turned away
	Saturation   stats.Summary // share of open time with work waiting
	Utilisation  stats.Summary // busy over on-duty unit-time
	QueueMean    stats.Summary // entities waiting, time-weighted
	QueueMax     stats.Summary
	WaitMean     stats.Summary // seconds
	WaitP95      stats.Summary
}

// rankPosts ranks the posts, most constraining first:
//
//  1. posts that turned work away (a full staging area), by the share of
//     arrivals turned away;
//  2. then by saturation: the share of the time the post was open during
//     which work was waiting for it;
//  3. then by utilisation.
//
// Blocking comes first because a post that loses work limits throughput
// outright; saturation before utilisation because a post can be busy without
// making anyone wait.
func (f *figures) rankPosts() []Bottleneck {
	if len(f.posts) == 0 {
		return nil
	}
	out := make([]Bottleneck, len(f.posts))
	for p, first := range f.posts {
		col := func(k postFigure) stats.Summary { return summarizeFigure(f.postValues(p, k)) }
		out[p] = Bottleneck{
			Post:         first.Name,
			Class:        first.Class,
			Blocked:      col(postBlocked),
			BlockedShare: capShare(col(postBlockedShare)),
			Saturation:   capShare(col(postSaturation)),
			Utilisation:  col(postUtilisation),
			QueueMean:    col(postQueueMean),
			QueueMax:     col(postQueueMax),
			WaitMean:     col(postWaitMean),
			WaitP95:      col(postWaitP95),
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.BlockedShare.Mean != b.BlockedShare.Mean {
			return a.BlockedShare.Mean > b.BlockedShare.Mean
		}
		if a.Saturation.Mean != b.Saturation.Mean {
			return a.Saturation.Mean > b.Saturation.Mean
		}
		return a.Utilisation.Mean > b.Utilisation.Mean
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
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
