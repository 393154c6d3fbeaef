package experiment

import (
	"math"

	"cordon/compound"
)

// hourly finds, for each hour of the run, the post that limits work: of
// the posts at least half busy in that hour, the one with the most work
// waiting for it; when none is, the one with the most work waiting (a post
// with nobody on duty and work piling up); when nothing waits anywhere, the
// busiest post.
func hourly(o *Outcome) []HourBottleneck {
	runs := o.hourRuns()
	if len(runs) == 0 || len(runs[0].Posts) == 0 {
		return nil
	}
	hours := len(runs[0].Posts[0].Hourly)
	start := float64(o.Scenario.Horizon.Start) / 3600
	var out []HourBottleneck
	for h := range hours {
		type cand struct {
			post      string
			util, que float64
		}
		var all []cand
		for p := range runs[0].Posts {
			u, q := meanOver(runs, p, h)
			all = append(all, cand{runs[0].Posts[p].Name, u, q})
		}
		pick := func(ok func(cand) bool, better func(a, b cand) bool) (cand, bool) {
			var best cand
			found := false
			for _, c := range all {
				if ok(c) && (!found || better(c, best)) {
					best, found = c, true
				}
			}
			return best, found
		}
		byQueue := func(a, b cand) bool { return a.que > b.que }
		c, ok := pick(func(c cand) bool { return c.util >= 0.5 && c.que > 0.05 }, byQueue)
		if !ok {
			c, ok = pick(func(c cand) bool { return c.que > 0.05 }, byQueue)
		}
		if !ok {
			c, _ = pick(func(cand) bool { return true }, func(a, b cand) bool { return a.util > b.util })
		}
		out = append(out, HourBottleneck{Hour: start + float64(h), Post: c.post, Utilisation: c.util, Queue: c.que})
	}
	return out
}

// meanOver returns post p's utilisation and mean queue in hour h, averaged
// over the replications (a replication with nobody on duty in the hour
// counts as zero), the utilisation NaN when nobody was on duty in the hour
// in any replication.
func meanOver(runs []*compound.Result, p, h int) (util, queue float64) {
	onDuty := false
	for _, r := range runs {
		post := r.Posts[p]
		if h < len(post.Hourly) && !math.IsNaN(post.Hourly[h]) {
			util += post.Hourly[h]
			onDuty = true
		}
		if h < len(post.HourlyQueue) && !math.IsNaN(post.HourlyQueue[h]) {
			queue += post.HourlyQueue[h]
		}
	}
	n := float64(len(runs))
	if !onDuty {
		return math.NaN(), queue / n
	}
	return util / n, queue / n
}
