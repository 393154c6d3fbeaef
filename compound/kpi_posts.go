package compound

// hasPosts is whether the scenario has posts of its own.
func hasPosts(sc *Scenario, _ int) bool { return len(sc.Posts) > 0 }

// postKPIs are measured at each of the planner's own posts: what a
// built-in post has (arrivals, waits, queue, utilisation, those turned
// away), and what a post with a room, balking and patience adds.
func postKPIs() kpiBlock {
	at := func(f func(e *ending, p *postState) float64) func(*ending, int) float64 {
		return func(e *ending, i int) float64 { return f(e, e.m.net.posts[i]) }
	}
	count := func(f func(p *postState) int) func(*ending, int) float64 {
		return at(func(_ *ending, p *postState) float64 { return float64(f(p)) })
	}
	b := kpiBlock{
		{key: "arrived", unit: "arrivals", label: "arrivals", desc: "arrivals at post %s, from outside, by the routes and from full rooms",
			value: count(func(p *postState) int { return p.arrived })},
		{key: "per_hour", unit: "arrivals/h", label: "arrivals per hour", desc: "arrivals at post %s per hour of the run",
			value: at(func(e *ending, p *postState) float64 { return float64(p.arrived) / e.hours })},
		{key: "served", unit: "arrivals", better: "higher", label: "served", desc: "arrivals served at post %s",
			value: count(func(p *postState) int { return p.served })},
		{key: "throughput", unit: "arrivals/h", better: "higher", label: "served per hour", desc: "arrivals served at post %s per hour of the run",
			value: at(func(e *ending, p *postState) float64 { return float64(p.served) / e.hours })},
		{key: "wait.mean", unit: "s", better: "lower", headline: true, label: "wait, mean", desc: "mean wait before service at post %s, of those served",
			value: at(func(_ *ending, p *postState) float64 { return p.wait.Mean() })},
		{key: "wait.p95", reads: figPostWaits, unit: "s", better: "lower", headline: true, label: "wait, 95th percentile", desc: "95th percentile of the wait before service at post %s",
			value: at(func(_ *ending, p *postState) float64 { return p.wait.Quantile(0.95) })},
		{key: "time.mean", unit: "s", better: "lower", label: "time at the post, mean", desc: "mean time from arriving at post %s to the end of service, of those served",
			value: at(func(_ *ending, p *postState) float64 { return p.time.Mean() })},
		{key: "queue.mean", unit: "arrivals", better: "lower", label: "queue, mean", desc: "mean number waiting at post %s over the run",
			value: at(func(e *ending, p *postState) float64 { return p.waiting.Mean(e.now) })},
		{key: "queue.peak", unit: "arrivals", better: "lower", headline: true, label: "queue, most", desc: "most waiting at post %s at once",
			value: at(func(_ *ending, p *postState) float64 { return p.waiting.Max() })},
		{key: "utilisation", unit: "share", headline: true, label: "utilisation", desc: "share of the time on duty of post %s's servers spent serving there",
			value: at(func(e *ending, p *postState) float64 { return p.utilisation(e.now) })},
		{key: "turned_away", unit: "arrivals", better: "lower", headline: true, label: "turned away at a full room", desc: "arrivals who found the room of post %s full and left",
			value: count(func(p *postState) int { return p.turned })},
		{key: "blocking", unit: "share", better: "lower", label: "share finding the room full", desc: "share of arrivals at post %s who found every server busy and the room full (turned away or sent on)",
			value: at(func(_ *ending, p *postState) float64 { return p.blocking() })},
		{key: "balked", unit: "arrivals", better: "lower", label: "balked", desc: "arrivals who left post %s at once on seeing the queue",
			value: count(func(p *postState) int { return p.balked })},
		{key: "reneged", unit: "arrivals", better: "lower", label: "left the queue unserved", desc: "arrivals who left the queue of post %s before being served",
			value: count(func(p *postState) int { return p.reneged })},
		{key: "abandoning", unit: "share", better: "lower", label: "share leaving the queue unserved", desc: "share of arrivals at post %s who left its queue before being served",
			value: at(func(_ *ending, p *postState) float64 { return ratio(float64(p.reneged), float64(p.arrived)) })},
	}
	for i := range b {
		b[i].scope, b[i].group = eachPost, groupPosts
	}
	return b.reading(figStaff | figPostServers) // the servers on duty, for the utilisation
}

// postNetKPIs are the posts' as a whole.
func postNetKPIs() kpiBlock {
	b := kpiBlock{
		{key: "network_time.mean", unit: "s", headline: true, better: "lower", label: "time among the posts, mean", desc: "mean time from entering the posts (from outside, the gate or a site) to leaving them",
			value: func(e *ending, _ int) float64 { return e.m.net.time.Mean() }},
		{key: "network_time.p95", reads: figPostWaits, unit: "s", better: "lower", label: "time among the posts, 95th percentile", desc: "95th percentile of the time from entering the posts to leaving them",
			value: func(e *ending, _ int) float64 { return e.m.net.time.Quantile(0.95) }},
		{key: "left", unit: "arrivals", label: "arrivals from outside who left", desc: "arrivals from outside who have left the posts",
			value: func(e *ending, _ int) float64 { return float64(e.m.net.left) }},
	}
	for i := range b {
		b[i].group, b[i].when = groupPosts, hasPosts
	}
	return b
}
