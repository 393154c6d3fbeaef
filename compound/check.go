package compound

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cordon/sim/random"
	"cordon/text"
)

// FieldError is a problem with one field of a scenario. Path names the field
// the way it is written in the YAML file, with list positions in brackets:
// "staff[2].shifts[0].from". The loader turns it into file:line:column.
type FieldError struct {
	Path string
	Msg  string
}

func (e FieldError) Error() string { return e.Path + ": " + e.Msg }

// checker collects field errors.
type checker struct {
	errs []FieldError
}

func (c *checker) add(path, format string, a ...any) {
	c.errs = append(c.errs, FieldError{Path: path, Msg: fmt.Sprintf(format, a...)})
}

func (c *checker) nonNegative(path string, v int) {
	if v < 0 {
		c.add(path, "must not be negative, got %d", v)
	}
}

func (c *checker) positive(path string, v int) {
	if v <= 0 {
		c.add(path, "must be at least 1, got %d", v)
	}
}

func (c *checker) share(path string, v float64) {
	if !(v >= 0 && v <= 1) {
		c.add(path, "must be a share from 0 to 1, got %v", v)
	}
}

// cost reports a cost below 0 or above MaxCost.
func (c *checker) cost(path string, v float64) {
	if !(v >= 0 && v <= MaxCost) {
		c.add(path, "must be a cost from 0 to %.0f, got %v", float64(MaxCost), v)
	}
}

func (c *checker) duration(path string, d Duration) {
	if !(d >= 0) || math.IsInf(float64(d), 1) {
		c.add(path, "must be a duration of 0s or more, got %v", float64(d))
	}
}

func (c *checker) dist(path string, d Dist) {
	if d.Family == "" {
		c.add(path, "is missing: give a duration such as 30s or a distribution such as {dist: lognormal, mean: 40s, sd: 15s}")
		return
	}
	if err := d.Validate(); err != nil {
		c.add(path, "%v", err)
	}
}

// buildingRefs checks a list of building references at path ("1-4", "12"):
// each expands, and each building it names is in buildings (ids); known
// is called with the entry's path for each building that is.
func (c *checker) buildingRefs(path string, refs, ids []string, known func(entry, id string)) {
	for j, ref := range refs {
		entry := fmt.Sprintf("%s[%d]", path, j)
		expanded, err := ExpandBuildings(ref)
		if err != nil {
			c.add(entry, "%v", err)
			continue
		}
		for _, id := range expanded {
			if !slices.Contains(ids, id) {
				c.add(entry, "building %q is not in buildings%s", id, text.DidYouMean(id, ids))
				continue
			}
			known(entry, id)
		}
	}
}

// optionalDist checks a distribution that may be left out (none).
func (c *checker) optionalDist(path string, d Dist) {
	if !d.IsNone() {
		c.dist(path, d)
	}
}

// startsInADay reports whether clock.start is a time of day: where it is
// not, that is said at clock.start alone, and nothing is checked against
// it (an event, a delivery or the round "before the run starts").
func (sc *Scenario) startsInADay() bool {
	return sc.Horizon.Start >= 0 && float64(sc.Horizon.Start) <= 24*3600
}

func (c *checker) clock(path string, t Clock, max float64) {
	if !(t >= 0) || float64(t) > max {
		c.add(path, "must be a time of day from 00:00 to %s, got %s", Clock(max), t)
	}
}

func (c *checker) profile(path string, p []float64) {
	if len(p) == 0 {
		return // flat
	}
	if 24%len(p) != 0 {
		c.add(path, "has %d numbers: give 24 (one per hour from 00:00) or a number that divides 24 (1, 2, 3, 4, 6, 8 or 12), each repeated through the day", len(p))
		return
	}
	top, bad := 0.0, false
	for i, v := range p {
		if !(v >= 0) || math.IsInf(v, 1) {
			c.add(fmt.Sprintf("%s[%d]", path, i), "must be a finite number of 0 or more, got %v", v)
			bad = true
			continue
		}
		top = max(top, v)
	}
	if top == 0 && !bad {
		c.add(path, "is all zero: nothing would ever arrive")
	}
}

func (c *checker) unique(path string, names []string, what string) {
	seen := map[string]int{}
	for i, n := range names {
		p := fmt.Sprintf("%s[%d].name", path, i)
		if path == "buildings" {
			p = fmt.Sprintf("%s[%d].id", path, i)
		}
		switch {
		case strings.TrimSpace(n) == "":
			c.add(p, "%s must have a name", what)
		case seen[n] > 0:
			c.add(p, "%s %q is defined twice (also %s[%d])", what, n, path, seen[n]-1)
		default:
			seen[n] = i + 1
		}
	}
}

// kpiName reports a name that would make KPI names ambiguous or collide: a
// name with a dot (KPI names are dotted, kind.figure, staff.POOL.figure,
// sampling.site.SITE.figure) or an @ (a day's KPI is KPI@dayN), and for a
// kind of delivery a name of a KPI group (a kind called items would make
// items.delivered its own and the total of every kind).
func (c *checker) kpiName(path, name, what string, isKind bool) {
	groups := KPIGroups()
	reserved := ""
	if isKind {
		reserved = " and none of the reserved names " + strings.Join(groups, ", ")
	}
	switch {
	case strings.Contains(name, "."):
		c.add(path, "%s name %q has a dot: KPI names are dotted (%s); give a name without a dot%s", what, name, kpiPattern(what), reserved)
	case strings.Contains(name, "@"):
		c.add(path, "%s name %q has an @: a day's KPI is named with @ (%s@day2); give a name without an @", what, name, kpiPattern(what))
	case isKind && slices.Contains(groups, name):
		c.add(path, "%q is a reserved name: its KPIs would be taken for the %s KPIs of the whole compound; give a name without a dot%s", name, name, reserved)
	}
}

// kpiPattern is how a name of what appears in KPI names.
func kpiPattern(what string) string {
	switch what {
	case "pool":
		return "staff.POOL.utilisation"
	case "site":
		return "sampling.site.SITE.makespan"
	case "post":
		return "posts.POST.wait.mean"
	}
	return "KIND.delivered"
}

// Check reports every problem with the scenario, in the order of its fields.
// A scenario that passes Check builds and runs.
func (sc *Scenario) Check() []FieldError {
	c := &checker{}
	if strings.TrimSpace(sc.Name) == "" {
		c.add("name", "is missing: give the scenario a short name, such as my-compound (it names the report folder and heads the summary)")
	}
	if sc.Replications < 1 {
		c.add("replications", "must be at least 1, got %d", sc.Replications)
	}
	c.clock("clock.start", sc.Horizon.Start, 24*3600)
	if sc.Horizon.Days < 1 || sc.Horizon.Days > MaxDays {
		c.add("clock.days", "must be from 1 to %d, got %d", MaxDays, sc.Horizon.Days)
	}
	sc.checkCompound(c)
	pools := sc.checkStaff(c)
	sc.checkGate(c)
	sc.checkFlows(c, pools)
	sc.checkSampling(c)
	sc.checkLimits(c)
	if g := sc.Garbage; g != nil {
		c.clock("garbage.from", g.From, 48*3600)
		c.clock("garbage.to", g.To, 48*3600)
		if !(g.BagsPerHousehold >= 0) || math.IsInf(g.BagsPerHousehold, 1) || g.BagsPerHousehold > MaxBagsPerHousehold {
			c.add("garbage.bags_per_household", "must be a number from 0 to %d, got %v", MaxBagsPerHousehold, g.BagsPerHousehold)
		}
		c.dist("garbage.per_bag", g.PerBag)
		c.optionalDist("garbage.stairs", g.Stairs)
		c.optionalDist("garbage.walk", g.Walk)
		c.optionalDist("garbage.bin_trip", g.BinTrip)
		if g.BagsPerTrip < 0 || g.BagsPerTrip > MaxBagsPerTrip || (g.BagsPerTrip == 0 && !g.BinTrip.IsNone()) {
			c.add("garbage.bags_per_trip", "must be a whole number from 1 to %d, got %d", MaxBagsPerTrip, g.BagsPerTrip)
		}
		c.needTask(pools, TaskGarbage, "garbage")
	}
	if n := sc.SpecialNeeds; n != nil {
		if !(n.PerDay >= 0) {
			c.add("special_needs.per_day", "must be 0 or more, got %v", n.PerDay)
		}
		c.profile("special_needs.profile", n.Profile)
		c.dist("special_needs.handling", n.Handling)
		c.share("special_needs.trip_share", n.TripShare)
		if n.TripShare > 0 {
			c.dist("special_needs.trip", n.Trip)
		}
		c.duration("special_needs.target", n.Target)
		c.needTask(pools, TaskSpecialNeeds, "special_needs")
	}
	sc.checkEvents(c)
	sc.checkPosts(c)
	for _, f := range []struct {
		path string
		v    float64
	}{{"costs.shelf", sc.Costs.Shelf}, {"costs.container", sc.Costs.Container}, {"costs.cart", sc.Costs.Cart},
		{"costs.disinfection_slot", sc.Costs.DisinfectionSlot}, {"costs.medical", sc.Costs.Medical},
		{"costs.suit", sc.Costs.Suit}, {"costs.disinfectant", sc.Costs.Disinfectant}} {
		c.cost(f.path, f.v)
	}
	if v := sc.Costs.DisinfectantPerItem; !(v >= 0 && v <= MaxDisinfectantPerItem) {
		c.add("costs.disinfectant_per_item", "must be a number of litres from 0 to %d, got %v", MaxDisinfectantPerItem, v)
	}
	sc.checkTargets(c)
	sc.checkFloors(c)
	return c.errs
}

// needTask reports a section whose task no pool does.
func (c *checker) needTask(pools map[string]string, task, path string) {
	if _, ok := pools[task]; !ok {
		c.add(path, "no staff pool does the %s task: add it to the tasks of a pool in staff", task)
	}
}

func (sc *Scenario) checkCompound(c *checker) {
	if len(sc.Buildings) == 0 {
		c.add("buildings", "list at least one building")
	}
	ids := make([]string, len(sc.Buildings))
	for i, b := range sc.Buildings {
		ids[i] = b.ID
		c.nonNegative(fmt.Sprintf("buildings[%d].households", i), b.Households)
		c.nonNegative(fmt.Sprintf("buildings[%d].residents", i), b.Residents)
		c.dist(fmt.Sprintf("buildings[%d].walk", i), b.Walk)
		if b.Residents >= 0 && b.Residents < b.Households {
			c.add(fmt.Sprintf("buildings[%d].residents", i), "%d residents cannot fill %d households", b.Residents, b.Households)
		}
	}
	c.unique("buildings", ids, "building")
	if len(sc.Zones) == 0 {
		c.add("zones", "list at least one zone")
	}
	names := make([]string, len(sc.Zones))
	zoneOf := map[string]string{}
	for i, z := range sc.Zones {
		names[i] = z.Name
		path := fmt.Sprintf("zones[%d]", i)
		if len(z.Buildings) == 0 {
			c.add(path+".buildings", "list the buildings the zone serves")
		}
		c.buildingRefs(path+".buildings", z.Buildings, ids, func(bp, id string) {
			if zoneOf[id] != "" {
				c.add(bp, "building %q is already in zone %q: every building is in exactly one zone", id, zoneOf[id])
				return
			}
			zoneOf[id] = z.Name
		})
		c.dist(path+".walk", z.Walk)
		c.nonNegative(path+".volunteers", z.Volunteers)
	}
	c.unique("zones", names, "zone")
	for i, id := range ids {
		if id != "" && zoneOf[id] == "" {
			c.add(fmt.Sprintf("buildings[%d]", i), "building %q is in no zone: every building is in exactly one zone", id)
		}
	}
}

// checkStaff checks the pools and returns which pool does each task.
func (sc *Scenario) checkStaff(c *checker) map[string]string {
	names := make([]string, len(sc.Staff))
	doer := map[string]string{}
	for i, p := range sc.Staff {
		names[i] = p.Name
		path := fmt.Sprintf("staff[%d]", i)
		c.kpiName(path+".name", p.Name, "pool", false)
		c.nonNegative(path+".count", p.Count)
		if len(p.Shifts) > 0 && p.Count > 0 {
			c.add(path+".count", "give either count or shifts, not both")
		}
		checkShifts(c, path, p.Shifts)
		checkMaxHours(c, path, p)
		for j, b := range p.Breaks {
			bp := fmt.Sprintf("%s.breaks[%d]", path, j)
			c.clock(bp+".at", b.At, 48*3600)
			c.duration(bp+".length", b.Length)
			c.positive(bp+".count", b.Count)
		}
		if p.Suit != nil {
			if p.Suit.Limit <= 0 {
				c.add(path+".suit.limit", "must be longer than 0s")
			}
			c.duration(path+".suit.changeover", p.Suit.Changeover)
		}
		if len(p.Tasks) == 0 && !sc.staffsPost(p.Name) {
			c.add(path+".tasks", "list the tasks the pool does (or name it as a post's staff)")
		}
		c.cost(path+".hour_cost", p.HourCost)
		for j, t := range p.Tasks {
			tp := fmt.Sprintf("%s.tasks[%d].task", path, j)
			switch {
			case !slices.Contains(Tasks(), t.Task):
				c.add(tp, "unknown task %q%s (tasks: %s)", t.Task, text.DidYouMean(t.Task, Tasks()), strings.Join(Tasks(), ", "))
			case doer[t.Task] != "":
				c.add(tp, "the %s task is already done by pool %q: each task has one pool", t.Task, doer[t.Task])
			default:
				doer[t.Task] = p.Name
			}
		}
		if p.PerZone {
			for _, t := range p.Tasks {
				if t.Task != TaskDelivery && t.Task != TaskGarbage {
					c.add(path+".per_zone", "a zone pool does delivery and garbage only, not %s", t.Task)
				}
			}
		}
	}
	c.unique("staff", names, "pool")
	for _, t := range []string{TaskIntake, TaskTransfer, TaskSorting, TaskDelivery} {
		c.needTask(doer, t, "staff")
	}
	if p := doer[TaskDelivery]; p != "" {
		for i, pool := range sc.Staff {
			if pool.Name == p && !pool.PerZone {
				c.add(fmt.Sprintf("staff[%d].per_zone", i), "the pool doing delivery must be a zone pool (per_zone: true)")
			}
		}
	}
	return doer
}

// checkShifts checks one pool's shifts: counts, times, and no two shifts
// covering the same time of day.
func checkShifts(c *checker, path string, shifts []Shift) {
	type span struct{ from, to float64 }
	var spans []span
	for j, s := range shifts {
		sp := fmt.Sprintf("%s.shifts[%d]", path, j)
		c.clock(sp+".from", s.From, 24*3600)
		c.clock(sp+".to", s.To, 48*3600)
		c.nonNegative(sp+".count", s.Count)
		from, to := float64(s.From), float64(s.To)
		if to == from {
			c.add(sp+".to", "a shift must not end when it starts (%s)", s.From)
			continue
		}
		if to < from {
			to += 24 * 3600
		}
		if to-from > 24*3600 {
			c.add(sp+".to", "a shift lasts at most 24h")
		}
		spans = append(spans, span{from, to})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	for i := range spans {
		for j := i + 1; j < len(spans); j++ {
			a, b := spans[i], spans[j]
			// Compare on a 24-hour circle: b against a, and against a a day later.
			if b.from < a.to || b.to > a.from+24*3600 {
				c.add(path+".shifts", "shifts overlap: %s-%s and %s-%s; give the staff on duty at each time in one shift",
					Clock(a.from), Clock(a.to), Clock(b.from), Clock(b.to))
			}
		}
	}
}

func (sc *Scenario) checkGate(c *checker) {
	g := sc.Gate
	c.clock("gate.open", g.Open, 24*3600)
	c.clock("gate.close", g.Close, 48*3600)
	switch {
	case g.Close <= g.Open:
		c.add("gate.close", "must be after gate.open (%s)", g.Open)
	case g.Close-g.Open > 24*3600:
		c.add("gate.close", "must be at most 24h after gate.open (%s): the gate opens every day", g.Open)
	}
	c.nonNegative("gate.ground", g.Ground)
	c.nonNegative("gate.shelves", g.Shelves)
	c.nonNegative("gate.shelf_slots", g.ShelfSlots)
	c.nonNegative("gate.containers", g.Containers)
	c.nonNegative("gate.container_slots", g.ContainerSlots)
	if g.Slots() < 1 && min(g.Ground, g.Shelves, g.ShelfSlots, g.Containers, g.ContainerSlots) >= 0 {
		// (A negative count is said above; the sum would only repeat it.)
		c.add("gate", "the staging area holds nothing: give ground, shelves or containers")
	}
	if !slices.Contains(WhenFullActions(), g.WhenFull) {
		c.add("gate.when_full", "must be one of %s, got %q", strings.Join(WhenFullActions(), ", "), g.WhenFull)
	}
	c.duration("gate.courier_patience", g.CourierPatience)
	c.dist("gate.intake", g.Intake)
	// A pile needs its own intake (it is not checked as fast as the
	// staging area); given without a pile, it is checked all the same, so
	// that a sweep of when_full may keep it.
	if g.WhenFull == WhenFullPile || g.PileIntake.Family != "" {
		c.dist("gate.pile_intake", g.PileIntake)
	}
}

func (sc *Scenario) checkFlows(c *checker, pools map[string]string) {
	if len(sc.Kinds) == 0 {
		c.add("deliveries", "list at least one kind of delivery")
	}
	names := make([]string, len(sc.Kinds))
	for i, k := range sc.Kinds {
		names[i] = k.Name
		path := fmt.Sprintf("deliveries[%d]", i)
		c.kpiName(path+".name", k.Name, "kind", true)
		if !(k.PerDay >= 0) || math.IsInf(k.PerDay, 1) {
			c.add(path+".per_day", "must be a number of 0 or more, got %v", k.PerDay)
		}
		c.profile(path+".profile", k.Profile)
		c.dist(path+".batch", k.Batch)
		switch b := k.Batch; {
		case b.Family == random.FamilyConstant && !(b.Value >= 1 && b.Value == math.Trunc(b.Value)):
			c.add(path+".batch", "a drop brings a whole number of items, 1 or more, got %v", b.Value)
		case b.Family != "" && b.Validate() == nil && b.MeanValue() < 0.5:
			c.add(path+".batch", "a drop brings at least one item; the mean is %v", b.MeanValue())
		}
		c.duration(path+".target", k.Target)
		c.duration(path+".deadline", k.Deadline)
		if k.Dwell.Family != "" {
			c.dist(path+".dwell", k.Dwell)
		}
		sc.checkSchedule(c, path, k)
	}
	c.unique("deliveries", names, "kind")
	sc.checkScheduleTotal(c)
	t := sc.Transfer
	c.positive("transfer.carts", t.Carts)
	c.positive("transfer.capacity", t.Capacity)
	c.duration("transfer.fill", t.Fill)
	c.dist("transfer.trip", t.Trip)
	c.dist("transfer.load", t.Load)
	c.positive("disinfection.space", sc.Disinfection.Space)
	c.dist("disinfection.dwell", sc.Disinfection.Dwell)
	c.dist("sorting.time", sc.Sorting.Time)
	c.positive("delivery.items_per_run", sc.Delivery.ItemsPerRun)
	c.duration("delivery.fill", sc.Delivery.Fill)
	c.dist("delivery.door", sc.Delivery.Door)
}

func (sc *Scenario) checkSampling(c *checker) {
	s := sc.Sampling
	if s == nil {
		return
	}
	c.clock("sampling.start", s.Start, 24*3600)
	if s.Day < 1 || s.Day > sc.Horizon.Days {
		c.add("sampling.day", "must be a day of the run, from 1 to %d, got %d", sc.Horizon.Days, s.Day)
	} else if s.Day == 1 && sc.startsInADay() && s.Start < sc.Horizon.Start {
		c.add("sampling.start", "%s is before the run starts (clock.start %s)", s.Start, sc.Horizon.Start)
	}
	if len(s.Sites) == 0 {
		c.add("sampling.sites", "list at least one testing site")
	}
	names := make([]string, len(s.Sites))
	for i, site := range s.Sites {
		names[i] = site.Name
		path := fmt.Sprintf("sampling.sites[%d]", i)
		c.kpiName(path+".name", site.Name, "site", false)
		c.nonNegative(path+".registration", site.Registration)
		c.positive(path+".swab", site.Swab)
	}
	c.unique("sampling.sites", names, "site")
	for i, z := range sc.Zones {
		path := fmt.Sprintf("zones[%d]", i)
		if !slices.Contains(names, z.Site) {
			c.add(path+".site", "testing site %q is not in sampling.sites%s", z.Site, text.DidYouMean(z.Site, names))
		}
		c.dist(path+".walk_to_site", z.WalkToSite)
	}
	if len(s.Calling.Schedule) > 0 {
		sc.checkCallingSchedule(c, names)
	} else {
		if s.Calling.Interval <= 0 {
			c.add("sampling.calling.interval", "must be longer than 0s")
		}
		c.positive("sampling.calling.per_wave", s.Calling.PerWave)
	}
	c.dist("sampling.calling.come_down", s.Calling.ComeDown)
	if o := s.Calling.Order; o != "" && !slices.Contains(CallingOrders(), o) {
		c.add("sampling.calling.order", "must be one of %s, got %q", strings.Join(CallingOrders(), ", "), o)
	}
	if anyRegistration(s.Sites) {
		c.dist("sampling.registration", s.Registration)
	}
	c.dist("sampling.swab", s.Swab)
	c.positive("sampling.pooling.per_tube", s.Pooling.PerTube)
	c.positive("sampling.pooling.tubes_per_box", s.Pooling.TubesPerBox)
	if s.Pooling.Every <= 0 {
		c.add("sampling.pooling.every", "must be longer than 0s")
	}
	c.dist("sampling.pooling.trip", s.Pooling.Trip)
	c.share("sampling.door_to_door.share", s.DoorToDoor.Share)
	if s.DoorToDoor.Share > 0 {
		c.dist("sampling.door_to_door.visit", s.DoorToDoor.Visit)
		if sc.doer(TaskDoorToDoor) == nil {
			c.add("sampling.door_to_door", "no staff pool does the %s task: add it to the tasks of a pool in staff", TaskDoorToDoor)
		}
	}
	sc.checkLab(c)
	sc.checkNoShows(c)
	sc.checkRounds(c)
}

func anyRegistration(sites []Site) bool {
	for _, s := range sites {
		if s.Registration > 0 {
			return true
		}
	}
	return false
}

// ExpandBuildings turns a building reference into building ids: "7" is
// building 7 and "1-4" buildings 1, 2, 3 and 4.
func ExpandBuildings(ref string) ([]string, error) {
	lo, hi, isRange := strings.Cut(ref, "-")
	if !isRange {
		return []string{ref}, nil
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(lo))
	b, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || a > b || b-a > 10000 {
		return nil, fmt.Errorf("%q is not a range of building numbers such as 1-4", ref)
	}
	out := make([]string, 0, b-a+1)
	for i := a; i <= b; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out, nil
}
