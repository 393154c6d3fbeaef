package compound

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"cordon/text"
)

// routeTol is how far the shares out of one place may be from 1, for
// rounding (0.1 + 0.2 + 0.7).
const routeTol = 1e-9

// checkPosts checks the posts and the routes: names, staffing, service,
// room, balking, patience, arrivals, and routes that name known places,
// add up to 1 out of each place, send items and residents back only to
// their own built-in stages, and let everyone who enters leave.
func (sc *Scenario) checkPosts(c *checker) {
	names := make([]string, len(sc.Posts))
	for i, p := range sc.Posts {
		names[i] = p.Name
	}
	for i, p := range sc.Posts {
		path := fmt.Sprintf("posts[%d]", i)
		c.kpiName(path+".name", p.Name, "post", false)
		if slices.Contains(RoutePlaces(), p.Name) || p.Name == WhenFullLeave {
			c.add(path+".name", "%q names a built-in place of the routes (%s): give the post another name", p.Name, strings.Join(RoutePlaces(), ", "))
		}
		sc.checkPostStaff(c, path, p)
		c.dist(path+".service", p.Service)
		if r := p.Room; r != nil {
			c.nonNegative(path+".room.places", r.Places)
			if w := r.WhenFull; w != WhenFullLeave && (!slices.Contains(names, w) || w == p.Name) {
				c.add(path+".room.when_full", "must be %s or the name of another post, got %q%s", WhenFullLeave, w, text.DidYouMean(w, names))
			}
		}
		if b := p.Balking; b != nil {
			c.nonNegative(path+".balking.from", b.From)
			c.share(path+".balking.share", b.Share)
		}
		if p.Patience.Family != "" {
			c.dist(path+".patience", p.Patience)
		}
		if !(p.PerDay >= 0) || math.IsInf(p.PerDay, 1) {
			c.add(path+".per_day", "must be a number of 0 or more, got %v", p.PerDay)
		}
		c.profile(path+".profile", p.Profile)
		c.cost(path+".hour_cost", p.HourCost)
	}
	c.unique("posts", names, "post")
	if !sc.checkRoutes(c, names) {
		return
	}
	sc.checkOverflow(c)
	sc.checkNetwork(c)
}

// checkPostStaff checks who serves at a post: servers of its own or a pool.
func (sc *Scenario) checkPostStaff(c *checker, path string, p Post) {
	switch {
	case p.Staff == "" && p.Servers <= 0:
		c.add(path+".servers", "must be at least 1, got %d (or give staff: a pool)", p.Servers)
	case p.Staff != "" && p.Servers != 0:
		c.add(path+".servers", "give either servers or staff, not both")
	case p.Staff != "":
		pools := make([]string, len(sc.Staff))
		for i, pl := range sc.Staff {
			pools[i] = pl.Name
			if pl.Name == p.Staff && pl.PerZone {
				c.add(path+".staff", "pool %q is a zone pool: a post is served by one pool or by servers of its own", p.Staff)
			}
		}
		if !slices.Contains(pools, p.Staff) {
			c.add(path+".staff", "pool %q is not in staff%s", p.Staff, text.DidYouMean(p.Staff, pools))
		}
	}
	c.atMost(path+".servers", p.Servers, MaxStaff, "each one is built in memory")
}

// checkRoutes checks each route's places and share, and that the shares
// out of each place add up to 1. It reports whether the routes are sound
// enough to follow.
func (sc *Scenario) checkRoutes(c *checker, posts []string) bool {
	n := len(c.errs)
	from := slices.Concat(posts, stageNames())
	to := slices.Concat(posts, RoutePlaces())
	sum := map[string]float64{}
	first := map[string]int{}
	var order []string
	for i, r := range sc.Routes {
		path := fmt.Sprintf("routes[%d]", i)
		fromStage, _, isStage := stagePlaceOf(r.From)
		_, _, toStage := stagePlaceOf(r.To)
		switch {
		case !slices.Contains(from, r.From):
			c.add(path+".from", "%q is neither a post nor %s%s", r.From, orList(stageNames()), text.DidYouMean(r.From, from))
		case isStage && fromStage.missing != nil && fromStage.missing(sc) != "":
			c.add(path+".from", "%s", fromStage.missing(sc))
		}
		switch {
		case !slices.Contains(to, r.To):
			c.add(path+".to", "%q is neither a post nor %s%s", r.To, orList(RoutePlaces()), text.DidYouMean(r.To, to))
		case isStage && toStage && r.To != r.From:
			c.add(path+".to", "%s: not %s", stagesGoBack(), r.To)
		}
		c.share(path+".share", r.Share)
		if _, ok := first[r.From]; !ok {
			first[r.From] = i
			order = append(order, r.From)
		}
		sum[r.From] += r.Share
	}
	for _, f := range order {
		if s := sum[f]; math.Abs(s-1) > routeTol && !math.IsNaN(s) {
			c.add(fmt.Sprintf("routes[%d]", first[f]), "the shares of the routes from %s add up to %v: they must add up to 1 (route the rest to %s)", f, s, backOf(f))
		}
	}
	return len(c.errs) == n
}

// backOf is where those leaving from go when no route says otherwise.
func backOf(from string) string {
	if _, _, ok := stagePlaceOf(from); ok {
		return from
	}
	return orList(append([]string{RouteOut}, stageNames()...))
}

// stagesGoBack says that those a stage sends to the posts go back to that
// stage only: "items from the gate go on to the gate, residents from a
// site to the site".
func stagesGoBack() string {
	var parts []string
	for i, p := range stagePlaces() {
		verb := " to "
		if i == 0 {
			verb = " go on to "
		}
		parts = append(parts, p.reached+verb+p.itself)
	}
	return strings.Join(parts, ", ")
}

// checkOverflow reports full rooms that send arrivals round in a circle:
// an arrival finding each of them full would go round for ever.
func (sc *Scenario) checkOverflow(c *checker) {
	idx := sc.postIndex()
	next := func(j int) (int, bool) {
		if r := sc.Posts[j].Room; r != nil {
			k, ok := idx[r.WhenFull]
			return k, ok
		}
		return 0, false
	}
	for i, p := range sc.Posts {
		// Follow the chain from i for as many steps as there are posts: a
		// circle through i comes back to it; report it at its first post.
		first, j, ok := i, i, true
		for range sc.Posts {
			if j, ok = next(j); !ok || j == i {
				break
			}
			first = min(first, j)
		}
		if ok && j == i && first == i {
			c.add(fmt.Sprintf("posts[%d].room.when_full", i), "full rooms send arrivals round in a circle from %s: end the chain with %s", p.Name, WhenFullLeave)
		}
	}
}

// postIndex maps post names to their positions.
func (sc *Scenario) postIndex() map[string]int {
	idx := map[string]int{}
	for i, p := range sc.Posts {
		if _, dup := idx[p.Name]; !dup {
			idx[p.Name] = i
		}
	}
	return idx
}

// postClasses returns, for each post, who can reach it: those routed from
// each stage (items from the gate, residents from a site), arrivals from
// outside.
func (sc *Scenario) postClasses() []int {
	idx := sc.postIndex()
	out := make([]int, len(sc.Posts))
	var visit func(i, class int)
	visit = func(i, class int) {
		if out[i]&class != 0 {
			return
		}
		out[i] |= class
		for _, j := range sc.nextPosts(i, idx, false) {
			visit(j, class)
		}
	}
	for _, r := range sc.Routes {
		j, ok := idx[r.To]
		if _, i, stage := stagePlaceOf(r.From); ok && r.Share != 0 && stage {
			visit(j, stageClass(i))
		}
	}
	for i, p := range sc.Posts {
		if p.PerDay > 0 {
			visit(i, classVisitor)
		}
	}
	return out
}

// nextPosts returns the posts reachable in one move from post i: by a
// route of positive share and, unless onlyRoutes, by its full room.
func (sc *Scenario) nextPosts(i int, idx map[string]int, onlyRoutes bool) []int {
	var out []int
	for _, r := range sc.Routes {
		if j, ok := idx[r.To]; ok && r.From == sc.Posts[i].Name && r.Share > 0 {
			out = append(out, j)
		}
	}
	if room := sc.Posts[i].Room; room != nil && !onlyRoutes {
		if j, ok := idx[room.WhenFull]; ok {
			out = append(out, j)
		}
	}
	return out
}

// checkNetwork reports routes back to a built-in stage from posts that
// others reach (a resident cannot be put down at the gate), and posts that
// those who reach them can never leave.
func (sc *Scenario) checkNetwork(c *checker) {
	classes := sc.postClasses()
	idx := sc.postIndex()
	for i, r := range sc.Routes {
		j, ok := idx[r.From]
		if !ok {
			continue
		}
		if st, k, stage := stagePlaceOf(r.To); stage && classes[j]&^stageClass(k) != 0 {
			c.add(fmt.Sprintf("routes[%d].to", i), "only %s go on %s, and %s is reached by %s", st.who, st.onTo, r.From, whoReaches(classes[j]&^stageClass(k)))
		}
	}
	// A post can be left when a route of positive share leads out of the
	// posts, it has no route out (back the way they came), or a post it
	// leads to can be left.
	leaves := make([]bool, len(sc.Posts))
	for i, p := range sc.Posts {
		own := false
		for _, r := range sc.Routes {
			if r.From == p.Name {
				own = true
				if _, isPost := idx[r.To]; !isPost && r.Share > 0 {
					leaves[i] = true
				}
			}
		}
		leaves[i] = leaves[i] || !own
	}
	for changed := true; changed; {
		changed = false
		for i := range sc.Posts {
			for _, j := range sc.nextPosts(i, idx, true) {
				if !leaves[i] && leaves[j] {
					leaves[i], changed = true, true
				}
			}
		}
	}
	for i, p := range sc.Posts {
		if !leaves[i] && classes[i] != 0 {
			c.add(fmt.Sprintf("posts[%d]", i), "whoever reaches %s is routed round the posts for ever: route a share out, %s", p.Name, orList(stagesOnTo()))
		}
	}
}

// stagesOnTo are the ways on to the stages: to the gate, to a site.
func stagesOnTo() []string {
	var out []string
	for _, p := range stagePlaces() {
		out = append(out, p.onTo)
	}
	return out
}

// whoReaches says who the classes are.
func whoReaches(classes int) string {
	var who []string
	for i, p := range stagePlaces() {
		if classes&stageClass(i) != 0 {
			who = append(who, p.reached)
		}
	}
	if classes&classVisitor != 0 {
		who = append(who, "arrivals from outside")
	}
	return strings.Join(who, " and ")
}

// staffsPost is whether the pool called name serves at a post.
func (sc *Scenario) staffsPost(name string) bool {
	return slices.ContainsFunc(sc.Posts, func(p Post) bool { return p.Staff == name })
}

// PostArea returns the areas whose KPIs post i can move, comma-separated:
// posts, and the area of each stage whose arrivals reach it (deliveries
// for items from the gate, sampling for residents from a site).
func (sc *Scenario) PostArea(i int) string {
	classes := sc.postClasses()
	area := groupPosts
	for k, p := range stagePlaces() {
		if classes[i]&stageClass(k) != 0 {
			area += "," + p.area
		}
	}
	return area
}
