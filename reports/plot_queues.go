package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"cordon/experiment"
)

// maxQueueLines is the most posts the queues plot draws.
const maxQueueLines = 8

// postQueue is one line of a queues plot: a post's queue, or the summed
// queues of a per-zone pool's groups.
type postQueue struct {
	name   string // the post's, or the pool's for zone groups
	label  string // name in words: "zone volunteers"
	groups int    // zone groups summed, 0 for a single post
	tasks  bool   // what waits are tasks (garbage, special needs, ...), not items
	rs     repSeries
	mean   []float64 // over replications, per grid point
	avg    float64   // mean of mean over the day
	peak   float64
}

// itemTasks are the tasks of staff pools that handle delivered items; a
// pool with any other task (garbage, special needs, door-to-door
// sampling, lab runs) queues tasks.
var itemTasks = map[string]bool{"intake": true, "transfer": true, "sorting": true, "delivery": true}

// queuePosts gathers the queue of every post but the testing sites (whose
// queues of residents have a figure of their own), the zone groups of a
// per-zone pool summed into one line named after the pool, in post order;
// and how many sites were left out.
func queuePosts(o *experiment.Outcome) ([]*postQueue, int, error) {
	sc := o.Scenario
	perZone, tasks := map[string]bool{}, map[string]bool{}
	for _, p := range sc.Staff {
		perZone[p.Name] = p.PerZone
		for _, t := range p.Tasks {
			if !itemTasks[t.Task] {
				tasks[p.Name] = true
			}
		}
	}
	var out []*postQueue
	sites := 0
	byPool := map[string]*postQueue{}
	for _, post := range o.Plots.Posts {
		if post.Class == "site" {
			sites++
			continue
		}
		rs, err := seriesOf(o, "queue at "+post.Name)
		if err != nil {
			return nil, 0, fmt.Errorf("queues plot: %w", err)
		}
		pool, _, grouped := strings.Cut(post.Name, "/")
		if grouped && perZone[pool] {
			if q, ok := byPool[pool]; ok {
				q.rs = q.rs.add(rs)
				q.groups++
				continue
			}
			q := &postQueue{name: pool, label: strings.ReplaceAll(pool, "-", " "), groups: 1, rs: rs, tasks: tasks[pool]}
			byPool[pool] = q
			out = append(out, q)
			continue
		}
		out = append(out, &postQueue{name: post.Name, label: post.Name, rs: rs, tasks: tasks[post.Name]})
		if pile, ok, err := pileOf(o, post.Name); err != nil {
			return nil, 0, fmt.Errorf("queues plot: %w", err)
		} else if ok {
			out = append(out, pile)
		}
	}
	for _, q := range out {
		q.mean = q.rs.mean()
		for _, v := range q.mean {
			q.avg += v
		}
		q.avg /= float64(len(q.mean))
		q.peak = maxOf(q.mean)
	}
	return out, sites, nil
}

// pileOf is the line of the items on the pile outside the gate, beside
// the staging post (named post) of a gate that piles: those who find the
// staging area full put their items down there rather than wait, so the
// staging line (couriers waiting for a place) stays at zero.
func pileOf(o *experiment.Outcome, post string) (*postQueue, bool, error) {
	name := "pile at " + post
	if o.Plots == nil || !o.Plots.HasSeries(name) {
		return nil, false, nil
	}
	rs, err := seriesOf(o, name)
	if err != nil {
		return nil, false, err
	}
	return &postQueue{name: "pile", label: "pile outside the gate", rs: rs}, true, nil
}

// shownQueues are the posts a queues plot draws: those where anything
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

// queuesPlot is the items waiting at each post of the delivery flow over
// the day, mean over replications, for the posts with the longest queues.
func queuesPlot(l look, o *experiment.Outcome) (Plot, error) {
	all, sites, err := queuePosts(o)
	if err != nil {
		return Plot{}, err
	}
	fig := Plot{Name: "queues", Title: l.T("Items waiting at the posts through the day")}
	return queueFigure(l, o, fig, all, false, sites, l.T("items waiting"))
}

// taskQueuesPlot is the tasks waiting at each staff pool that does more
// than carry items (garbage, special needs, door-to-door sampling): one
// axis, one unit.
func taskQueuesPlot(l look, o *experiment.Outcome) (Plot, error) {
	all, _, err := queuePosts(o)
	if err != nil {
		return Plot{}, err
	}
	fig := Plot{Name: "task-queues", Title: l.T("Tasks waiting at the staff pools through the day")}
	return queueFigure(l, o, fig, all, true, 0, l.T("tasks waiting"))
}

// queueFigure draws the queues of the posts of all that queue tasks (or
// items), each a line of the mean over replications.
func queueFigure(l look, o *experiment.Outcome, fig Plot, all []*postQueue, tasks bool, sites int, yLabel string) (Plot, error) {
	var mine []*postQueue
	for _, q := range all {
		if q.tasks == tasks {
			mine = append(mine, q)
		}
	}
	shown, left, idle := shownQueues(mine)
	p := l.newPlot(fig.Title, l.T("time of day"), yLabel)
	x := clockHours(o.Scenario, all[0].rs.Step, all[0].rs.len())
	clockAxis(p, x[0], x[len(x)-1])
	p.Y.Min, p.Y.Max = 0, 1
	key := l.newSideLegend()
	for i, q := range shown {
		xys := xyOf(x[:len(q.mean)], q.mean)
		ln, err := line(xys, seriesColor(i), vg.Points(1.3))
		if err != nil {
			return Plot{}, err
		}
		p.Add(ln)
		p.Y.Max = max(p.Y.Max, q.peak*1.05)
		key.Add(l.Sprintf("%s (mean %s)", l.Post(q.name), FormatValue("", q.avg)), ln)
		fig.addLayer(q.label, xys)
	}
	p.Add(key)
	fig.P = p
	var b strings.Builder
	if tasks {
		b.WriteString(l.Sprintf("How many tasks (garbage, special-needs requests, door-to-door visits, lab runs, and for pools that also deliver, runs to the door) wait at each staff pool through the day, mean over %d replications at each time; "+
			"the legend gives each pool's mean over the whole run, and the pools are in that order.", o.Replications))
	} else {
		b.WriteString(l.Sprintf("How many items wait at each post of the delivery flow through the day, mean over %d replications at each time; "+
			"the legend gives each post's mean over the whole run, and the posts are in that order.", o.Replications))
	}
	for _, q := range shown {
		if q.groups > 1 {
			b.WriteString(l.Sprintf(" The %s line sums its %d zone groups.", l.Post(q.name), q.groups))
		}
		if q.name == "pile" {
			b.WriteString(l.Sprintf(" The %s line is the items couriers put down there when the staging area was full, until a cart takes them in (those not yet checked are in the line of the crew that checks them in too): with a pile nobody waits for a staging place.", l.Post(q.name)))
		}
	}
	switch {
	case len(shown) == 0:
		b.WriteString(l.Sprintf(" Nothing waited at any post."))
	case left > 0 && idle > 0:
		b.WriteString(l.Sprintf(" Left out: %s with shorter queues, and %d where nothing ever waited.", l.count(left, "post", "posts"), idle))
	case left > 0:
		b.WriteString(l.Sprintf(" Left out: %s with shorter queues.", l.count(left, "post", "posts")))
	case idle > 0:
		b.WriteString(l.Sprintf(" Left out: %s where nothing ever waited.", l.count(idle, "post", "posts")))
	}
	if sites > 0 {
		b.WriteString(l.Sprintf(" Residents queueing at the testing sites are in the site queues figure."))
	}
	fig.Caption = b.String()
	return fig, nil
}
