package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"cordon/experiment"
	"cordon/text"
)

// maxQueueLines is the most posts the queues plot draws.
const maxQueueLines = 8

// postQueue is one line of the queues plot: a post's queue, or the summed
// queues of a per-zone pool's groups.
type postQueue struct {
	label  string
	groups int // zone groups summed, 0 for a single post
	rs     repSeries
	mean   []float64 // over replications, per grid point
	avg    float64   // mean of mean over the day
	peak   float64
}

// queuePosts gathers the queue of every post, the zone groups of a
// per-zone pool summed into one line named after the pool, in post order.
func queuePosts(o *experiment.Outcome) ([]*postQueue, error) {
	sc := o.Scenario
	perZone := map[string]bool{}
	for _, p := range sc.Staff {
		if p.PerZone {
			perZone[p.Name] = true
		}
	}
	var out []*postQueue
	byPool := map[string]*postQueue{}
	for _, post := range o.Runs[0].Posts {
		rs, err := seriesOf(o, "queue at "+post.Name)
		if err != nil {
			return nil, fmt.Errorf("queues plot: %w", err)
		}
		pool, _, grouped := strings.Cut(post.Name, "/")
		if grouped && perZone[pool] {
			if q, ok := byPool[pool]; ok {
				q.rs = q.rs.add(rs)
				q.groups++
				continue
			}
			q := &postQueue{label: strings.ReplaceAll(pool, "-", " "), groups: 1, rs: rs}
			byPool[pool] = q
			out = append(out, q)
			continue
		}
		out = append(out, &postQueue{label: post.Name, rs: rs})
	}
	for _, q := range out {
		q.mean = q.rs.mean()
		for _, v := range q.mean {
			q.avg += v
		}
		q.avg /= float64(len(q.mean))
		q.peak = maxOf(q.mean)
	}
	return out, nil
}

// shownQueues are the posts the queues plot draws: those where anything
// waited, the longest queue over the day first, at most maxQueueLines;
// and how many were left out, with shorter queues (left) and with none
// (idle).
func shownQueues(all []*postQueue) (shown []*postQueue, left, idle int) {
	for _, q := range all {
		if q.peak > 0 {
			shown = append(shown, q)
		} else {
			idle++
		}
	}
	slices.SortStableFunc(shown, func(a, b *postQueue) int { return cmp.Compare(b.avg, a.avg) })
	if len(shown) > maxQueueLines {
		left = len(shown) - maxQueueLines
		shown = shown[:maxQueueLines]
	}
	return shown, left, idle
}

// queuesPlot is the queue at each post over the day, mean over
// replications, for the posts with the longest queues.
func queuesPlot(o *experiment.Outcome) (Plot, error) {
	all, err := queuePosts(o)
	if err != nil {
		return Plot{}, err
	}
	shown, left, idle := shownQueues(all)
	fig := Plot{Name: "queues", Title: "Queues at the posts through the day"}
	p := newPlot(fig.Title, "time of day", "waiting (items, residents or tasks)")
	x := clockHours(o.Scenario, all[0].rs.Step, all[0].rs.len())
	clockAxis(p, x[0], x[len(x)-1])
	p.Y.Min, p.Y.Max = 0, 1
	key := newSideLegend()
	for i, q := range shown {
		xys := xyOf(x[:len(q.mean)], q.mean)
		l, err := line(xys, seriesColor(i), vg.Points(1.3))
		if err != nil {
			return Plot{}, err
		}
		p.Add(l)
		p.Y.Max = max(p.Y.Max, q.peak*1.05)
		key.Add(fmt.Sprintf("%s (mean %s)", q.label, FormatValue("", q.avg)), l)
		fig.addLayer(q.label, xys)
	}
	p.Add(key)
	fig.P = p
	var b strings.Builder
	fmt.Fprintf(&b, "How many wait at each post through the day, mean over %d replications at each time; "+
		"the legend gives each post's mean over the whole run, and the posts are in that order.", len(o.Runs))
	for _, q := range shown {
		if q.groups > 1 {
			fmt.Fprintf(&b, " The %s line sums its %d zone groups.", q.label, q.groups)
		}
	}
	switch {
	case len(shown) == 0:
		b.WriteString(" Nothing waited at any post.")
	case left > 0 && idle > 0:
		fmt.Fprintf(&b, " Left out: %s with shorter queues, and %d where nothing ever waited.", text.Count(left, "post", "posts"), idle)
	case left > 0:
		fmt.Fprintf(&b, " Left out: %s with shorter queues.", text.Count(left, "post", "posts"))
	case idle > 0:
		fmt.Fprintf(&b, " Left out: %s where nothing ever waited.", text.Count(idle, "post", "posts"))
	}
	fig.Caption = b.String()
	return fig, nil
}
