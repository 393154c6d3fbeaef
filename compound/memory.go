package compound

import "math"

// What the parts of a replication cost in memory, in bytes, measured on
// the built-in scenarios and at the limits (BenchmarkBuildCapacity,
// TestMemoryEstimates) and rounded up.
const (
	// EntityBytes is what an entity in the compound costs, with its model
	// record and its share of queues and calendar: about 500 B measured
	// for the kernel's (BenchmarkEntityMemory) and as much again for the
	// model's. Options.MaxEntities times it bounds a replication's
	// entities.
	EntityBytes = 1024

	modelBaseBytes = 512 << 10 // streams, flows, maps, the catalog
	postBytes      = 8 << 10   // a post's record, hourly buckets, sampled series (besides the points)
	pointBytes     = 8         // one point of a sampled series or an hourly figure
	unitBytes      = 200       // a unit of a resource and its record
	residentBytes  = 128       // a resident's drawn times and place in its building's call
	itemBytes      = 128       // an item's waits and times kept by the records
	resultSlack    = 1.25      // allocation size classes and slice headers
)

// Memory estimates what one replication of sc needs with opts, in bytes:
// model is the model while it runs, its result included but entities in
// the compound aside (they are bounded by opts.MaxEntities); result is the
// result, kept after the model is gone.
func (sc *Scenario) Memory(opts Options) (model, result int64) {
	step := opts.SeriesStep
	if step <= 0 {
		step = 300
	}
	horizon := float64(max(sc.Horizon.Days, 0)) * day
	points := int64(horizon/step) + 2
	hours := int64(horizon/3600) + 1

	// What is counted: posts, units, entities on rounds, residents, and
	// the items and cards that arrive over the run (no more than the
	// events the run may fire).
	units, agents := int64(sc.Transfer.Carts), int64(sc.Transfer.Carts)
	posts := int64(3) // staging, carts, disinfection
	units += int64(sc.Gate.Slots()) + int64(sc.Disinfection.Space)
	for _, p := range sc.Staff {
		for _, g := range sc.groups(p) {
			n := int64(g.base)
			for _, s := range p.Shifts {
				n = max(n, int64(s.Count))
			}
			units += n
			if p.PerZone {
				agents += max(n, 1)
			}
			posts++
		}
	}
	residents := int64(0)
	if sp := sc.Sampling; sp != nil {
		for _, s := range sp.Sites {
			units += int64(s.Registration + s.Swab)
			posts += 2
		}
		for _, b := range sc.Buildings {
			residents += int64(b.Residents)
		}
		if l := sp.Lab; l != nil { // its post and servers
			posts++
			units += int64(l.Servers)
		}
		residents *= int64(1 + len(sp.Rounds)) // every round holds its residents (or kits) from the start
		// The later rounds' sites keep two series each, not reported.
		posts += int64(len(sp.Sites) * len(sp.Rounds))
	}
	volume := 0.0
	for _, k := range sc.Kinds {
		volume += k.PerDay
	}
	if n := sc.SpecialNeeds; n != nil {
		volume += n.PerDay
	}
	postPosts, postUnits, postVolume := sc.postsCounts()
	posts, units, volume = posts+postPosts, units+postUnits, volume+postVolume
	volume *= float64(sc.Horizon.Days)
	for _, k := range sc.Kinds {
		volume += float64(min(max(k.scheduledItems(), 0), MaxScheduledItems))
	}
	volume += sc.surgeItems()
	if opts.MaxEvents > 0 {
		volume = math.Min(volume, float64(opts.MaxEvents))
	}
	items := int64(math.Min(volume, 1e12))

	// The result: per post its two series and hourly figures, per site
	// two series more, per kind its hourly figures, every KPI, and every
	// item's time to the door.
	series := posts*(2*points+2*hours) + 4*hours*int64(len(sc.Kinds))
	if sp := sc.Sampling; sp != nil {
		series += 2 * points * int64(len(sp.Sites))
	}
	kpis := int64(len(catalogue(sc, false))) // as many as Catalog, without their names
	// Each staff pool's and the medical staff's on duty by hour.
	series += hours * int64(len(sc.Staff)+1)
	resultBytes := float64(pointBytes*(series+kpis+hours+items) + posts*256)
	result = int64(resultBytes * resultSlack)

	// A run of several days keeps each item's time to the door and the
	// households waiting once more, by day.
	perItem := int64(itemBytes)
	if sc.Horizon.Days > 1 {
		perItem += 2 * pointBytes
	}
	model = modelBaseBytes + posts*(postBytes+2*points*pointBytes) + units*unitBytes +
		agents*EntityBytes + residents*residentBytes + items*perItem + result
	return model, result
}

// FiguresMemory is what a replication of sc keeps when only the numbers its
// summaries are made of are kept (no report): every KPI's value and eight
// figures of each post, in bytes.
func (sc *Scenario) FiguresMemory() int64 {
	posts := int64(3) // staging, carts, disinfection
	for _, p := range sc.Staff {
		posts += int64(len(sc.groups(p)))
	}
	if sp := sc.Sampling; sp != nil {
		posts += 2 * int64(len(sp.Sites))
		if sp.Lab != nil {
			posts++
		}
	}
	kpis := int64(len(catalogue(sc, false))) // as many as Catalog, without their names
	return int64(float64(pointBytes*(kpis+8*posts)) * resultSlack)
}

// ExpectedEntities is the entities one replication of sc may well hold at
// once besides its rounds (counted in Memory's model): every resident
// called down, and a margin for items on their way.
func (sc *Scenario) ExpectedEntities() int {
	n := 10_000
	if sc.Sampling != nil {
		for _, b := range sc.Buildings {
			n += max(b.Residents, 0)
		}
	}
	return n
}
