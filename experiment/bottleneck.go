package experiment

import (
	"math"
	"sort"

	"cordon/compound"
	"cordon/sim/stats"
)

// Bottleneck is one post's figures over the replications and its rank.
type Bottleneck struct {
	Rank         int
	Post         string
	Kind         string        // staff, space, equipment, site, post
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
func rankPosts(results []*compound.Result) []Bottleneck {
	if len(results) == 0 {
		return nil
	}
	n := len(results[0].Posts)
	out := make([]Bottleneck, n)
	for p := range n {
		col := func(f func(compound.PostResult) float64) stats.Summary {
			v := make([]float64, len(results))
			for r, res := range results {
				v[r] = f(res.Posts[p])
			}
			return summarize(v)
		}
		first := results[0].Posts[p]
		out[p] = Bottleneck{
			Post:    first.Name,
			Kind:    first.Kind,
			Blocked: col(func(x compound.PostResult) float64 { return float64(x.Blocked) }),
			BlockedShare: capShare(col(func(x compound.PostResult) float64 {
				if x.Arrivals == 0 {
					return 0
				}
				return float64(x.Blocked) / float64(x.Arrivals)
			})),
			Saturation: capShare(col(func(x compound.PostResult) float64 {
				if x.Active == 0 {
					return 0
				}
				return min(x.Saturated/x.Active, 1) // not 1 + ε from rounding
			})),
			Utilisation: col(func(x compound.PostResult) float64 { return zeroNaN(x.Utilisation) }),
			QueueMean:   col(func(x compound.PostResult) float64 { return x.QueueMean }),
			QueueMax:    col(func(x compound.PostResult) float64 { return x.QueueMax }),
			WaitMean:    col(func(x compound.PostResult) float64 { return zeroNaN(x.WaitMean) }),
			WaitP95:     col(func(x compound.PostResult) float64 { return zeroNaN(x.WaitP95) }),
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
