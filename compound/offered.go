package compound

import (
	"fmt"
	"math"
	"slices"
)

// PostLoad is the work offered to one post, hour by hour of the day, from
// the scenario alone: arrivals per hour times the mean time each needs, in
// units kept busy (Erlangs), as queueing formulas and staffing calculators
// reckon it. Capacity is what the scenario puts on the post in that hour.
type PostLoad struct {
	Post     string
	Pool     string // the staff pool, when the post is one
	Load     [24]float64
	Capacity [24]float64
}

// Utilisation returns the offered load over the capacity in hour h
// (+Inf when work is offered to no one, NaN when neither).
func (p PostLoad) Utilisation(h int) float64 {
	switch {
	case p.Capacity[h] > 0:
		return p.Load[h] / p.Capacity[h]
	case p.Load[h] > 0:
		return math.Inf(1)
	}
	return math.NaN()
}

// Overload is a span of hours over which a post is offered more work than
// it can do.
type Overload struct {
	Post     string
	From, To int // hours of the day, To exclusive
	// Utilisation is the highest in the span of the hours with someone on
	// duty, +Inf when no one is on duty in any of them.
	Utilisation float64
	// Unstaffed is the hours of the span with work offered and no one on
	// duty.
	Unstaffed int
}

func (o Overload) String() string {
	span := fmt.Sprintf("%02d:00–%02d:00", o.From, o.To)
	switch hours := o.To - o.From; {
	case o.Unstaffed == hours:
		return fmt.Sprintf("%s at no one on duty %s", o.Post, span)
	case o.Unstaffed > 0:
		return fmt.Sprintf("%s at %.0f%% of capacity %s, with no one on duty in %d of those %d hours",
			o.Post, 100*o.Utilisation, span, o.Unstaffed, hours)
	}
	return fmt.Sprintf("%s at %.0f%% of capacity %s", o.Post, 100*o.Utilisation, span)
}

// Overloads returns the spans of consecutive hours in which the offered
// load reaches the capacity.
func (p PostLoad) Overloads() []Overload {
	var out []Overload
	for h := 0; h < 24; {
		if u := p.Utilisation(h); !(u >= 1) {
			h++
			continue
		}
		o := Overload{Post: p.Post, From: h}
		for ; h < 24 && p.Utilisation(h) >= 1; h++ {
			if u := p.Utilisation(h); math.IsInf(u, 1) {
				o.Unstaffed++
			} else {
				o.Utilisation = math.Max(o.Utilisation, u)
			}
		}
		o.To = h
		if o.Unstaffed == o.To-o.From {
			o.Utilisation = math.Inf(1)
		}
		out = append(out, o)
	}
	return out
}

// hourWeights spreads a day's volume over the hours by a profile.
func hourWeights(profile []float64) [24]float64 {
	var w [24]float64
	r := hourlyRates(1, profile)
	copy(w[:], r)
	return w
}

// OfferedLoad works out the load offered to every post hour by hour of the
// day, from the volumes and the mean service times of a scenario that
// passed Check. Flows that depend on the simulation (queues moving work to
// later hours) are not followed: each item's work counts in the hour it
// arrives, the reckoning a staffing calculator makes.
func (sc *Scenario) OfferedLoad() []PostLoad {
	var out []PostLoad
	// Items arriving per hour, all kinds together.
	var items [24]float64
	for _, k := range sc.Kinds {
		w := hourWeights(k.Profile)
		for h := range items {
			items[h] += k.PerDay * w[h]
		}
		// A scheduled drop's items, in the hour it comes, spread over the
		// days (the load of a day on average).
		for _, d := range k.Schedule {
			items[int(float64(d.At)/3600)%24] += float64(d.Items) / float64(max(sc.Horizon.Days, 1))
		}
	}
	// add is the load on the pool that does task.
	add := func(task string, perItem float64, arrivals [24]float64) {
		pl := PostLoad{Load: perHour(arrivals, perItem)}
		if p := sc.doer(task); p != nil {
			pl.Post, pl.Pool = postName(p, p.Name, task), p.Name
			pl.Capacity = hourlyCapacity(p, p.Count)
		}
		out = append(out, pl)
	}
	add(TaskIntake, sc.Gate.Intake.MeanValue(), items)
	// A cart trip carries a load in and comes back: per item, the round trip
	// shared by a full cart and its loading.
	t := sc.Transfer
	perItem := (2*t.Trip.MeanValue())/float64(max(t.Capacity, 1)) + t.Load.MeanValue()
	add(TaskTransfer, perItem, items)
	out = append(out,
		PostLoad{Post: "carts", Load: perHour(items, perItem), Capacity: flat(t.Carts)},
		PostLoad{Post: "disinfection", Load: perHour(items, sc.Disinfection.Dwell.MeanValue()), Capacity: flat(sc.Disinfection.Space)})
	add(TaskSorting, sc.Sorting.Time.MeanValue(), items)
	// Delivery: per zone, a run of up to items_per_run walks out and back.
	if p := sc.doer(TaskDelivery); p != nil {
		households := 0.0
		for _, b := range sc.Buildings {
			households += float64(b.Households)
		}
		for _, z := range sc.Zones {
			share := 0.0
			for _, b := range sc.zoneBuildings(z) {
				share += float64(b.Households) / math.Max(households, 1)
			}
			per := 2*z.Walk.MeanValue()/float64(max(sc.Delivery.ItemsPerRun, 1)) + sc.Delivery.Door.MeanValue()
			var zoneItems [24]float64
			for h := range zoneItems {
				zoneItems[h] = items[h] * share
			}
			out = append(out, PostLoad{Post: postName(p, p.Name+"/"+z.Name, TaskDelivery), Pool: p.Name,
				Load: perHour(zoneItems, per), Capacity: hourlyCapacity(p, zoneBase(*p, z))})
		}
	}
	if n := sc.SpecialNeeds; n != nil {
		w := hourWeights(n.Profile)
		var cards [24]float64
		for h := range cards {
			cards[h] = n.PerDay * w[h]
		}
		add(TaskSpecialNeeds, n.Handling.MeanValue()+n.TripShare*meanOr0(n.Trip), cards)
	}
	out = append(out, sc.samplingLoad()...)
	return out
}

// postName names the load of pool p's task on the post called name: the
// name alone, or "name (task)" when the pool does another task besides
// garbage (whose round is not reckoned here), so that the pre-check's lines
// for the pool tell its tasks apart.
func postName(p *Pool, name, task string) string {
	for _, t := range p.Tasks {
		if t.Task != task && t.Task != TaskGarbage {
			return name + " (" + task + ")"
		}
	}
	return name
}

// perHour is the load, in units kept busy, of arrivals per hour that each
// need perItem seconds.
func perHour(arrivals [24]float64, perItem float64) [24]float64 {
	var l [24]float64
	for h := range l {
		l[h] = arrivals[h] * perItem / 3600
	}
	return l
}

// flat is a capacity of n in every hour.
func flat(n int) [24]float64 {
	var c [24]float64
	for h := range c {
		c[h] = float64(n)
	}
	return c
}

// hourlyCapacity is the staff a pool (or a zone group of base) has on duty
// in each hour of the day, on average over the hour: a shift of ten minutes
// is a sixth of a worker in its hour.
func hourlyCapacity(p *Pool, base int) [24]float64 {
	// The times of day at which the count changes.
	var cuts []float64
	cut := func(c float64) { cuts = append(cuts, math.Mod(c, day)) }
	for _, s := range p.Shifts {
		cut(float64(s.From))
		cut(float64(s.To))
	}
	for _, b := range p.Breaks {
		cut(float64(b.At))
		cut(float64(b.At) + float64(b.Length))
	}
	var c [24]float64
	for h := range c {
		from, to := float64(h)*3600, float64(h+1)*3600
		edges := []float64{from, to}
		for _, x := range cuts {
			if x > from && x < to {
				edges = append(edges, x)
			}
		}
		slices.Sort(edges)
		for i := 0; i+1 < len(edges); i++ {
			c[h] += float64(capacityAt(*p, base, edges[i])) * (edges[i+1] - edges[i]) / 3600
		}
	}
	return c
}

// zoneBuildings returns the buildings zone z names, in the order it names
// them.
func (sc *Scenario) zoneBuildings(z Zone) []Building {
	var out []Building
	for _, ref := range z.Buildings {
		ids, _ := ExpandBuildings(ref)
		for _, id := range ids {
			for _, b := range sc.Buildings {
				if b.ID == id {
					out = append(out, b)
				}
			}
		}
	}
	return out
}

func meanOr0(d Dist) float64 {
	if d.Family == "" {
		return 0
	}
	return d.MeanValue()
}

// samplingLoad is the load of the round on each site's stations and on the
// door-to-door team, spread over the hours the residents are called in.
func (sc *Scenario) samplingLoad() []PostLoad {
	sp := sc.Sampling
	if sp == nil {
		return nil
	}
	residents := map[string]float64{}
	buildings := 0
	plan, last := sc.callPlan(sp, func(string) bool { return true }), 0.0
	for zi, z := range sc.Zones {
		for k, b := range sc.zoneBuildings(z) {
			site := z.Site
			if k < len(plan[zi]) { // (each id once, after Check)
				site = plan[zi][k].site
				last = math.Max(last, plan[zi][k].at)
			}
			residents[site] += float64(b.Residents)
			buildings++
		}
	}
	// Residents arrive over the calling plan, spread by the come-down time
	// (a uniform spread of mean m covers 2m).
	waves := math.Ceil(float64(buildings) / float64(max(sp.Calling.PerWave, 1)))
	calling := waves * float64(sp.Calling.Interval)
	if len(sp.Calling.Schedule) > 0 {
		calling = last // the last call
	}
	span := math.Max(calling+2*sp.Calling.ComeDown.MeanValue(), 3600)
	from := float64(sp.Start)
	var hours [24]float64 // share of the round's arrivals in each clock hour
	for h := range hours {
		lo, hi := math.Max(float64(h)*3600, from), math.Min(float64(h+1)*3600, from+span)
		if hi > lo {
			hours[h] = (hi - lo) / span
		}
	}
	var out []PostLoad
	total := 0.0
	for _, s := range sp.Sites {
		n := residents[s.Name] * (1 - sp.DoorToDoor.Share)
		total += residents[s.Name]
		swab := PostLoad{Post: s.Name + " swab"}
		reg := PostLoad{Post: s.Name + " registration"}
		for h := range hours {
			perHour := n * hours[h] // residents arriving in hour h
			swab.Load[h] = perHour * sp.Swab.MeanValue() / 3600
			if hours[h] > 0 {
				swab.Capacity[h] = float64(s.Swab)
				reg.Capacity[h] = float64(s.Registration)
			}
			if s.Registration > 0 {
				reg.Load[h] = perHour * sp.Registration.MeanValue() / 3600
			}
		}
		out = append(out, swab)
		if s.Registration > 0 {
			out = append(out, reg)
		}
	}
	if p := sc.doer(TaskLabRun); p != nil {
		// A box leaves each site at least every pooling interval, or when
		// full: trips per hour, each a runner's round trip.
		runs := PostLoad{Post: postName(p, p.Name, TaskLabRun), Pool: p.Name, Capacity: hourlyCapacity(p, p.Count)}
		perBox := float64(sp.Pooling.PerTube * sp.Pooling.TubesPerBox)
		for h := range hours {
			if hours[h] == 0 {
				continue
			}
			trips := 0.0
			for _, s := range sp.Sites {
				trips += math.Max(3600/float64(sp.Pooling.Every), residents[s.Name]*hours[h]/perBox)
			}
			runs.Load[h] = trips * sp.Pooling.Trip.MeanValue() / 3600
		}
		out = append(out, runs)
	}
	if sp.DoorToDoor.Share > 0 {
		if p := sc.doer(TaskDoorToDoor); p != nil {
			home := PostLoad{Post: postName(p, p.Name, TaskDoorToDoor), Pool: p.Name, Capacity: hourlyCapacity(p, p.Count)}
			for h := range hours {
				home.Load[h] = total * sp.DoorToDoor.Share * hours[h] * sp.DoorToDoor.Visit.MeanValue() / 3600
			}
			out = append(out, home)
		}
	}
	return out
}

// StaffHours returns the staff-hours a pool is rostered for over the run
// (every zone's group counted for a zone pool), from its count or shifts
// less its breaks.
func (sc *Scenario) StaffHours(pool int) float64 {
	p := sc.Staff[pool]
	tl := sc.timeline()
	total := 0.0
	for _, g := range sc.groups(p) {
		total = dutySeconds(total, sc.groupChanges(p, g, tl), tl.horizon)
	}
	return total / 3600
}
