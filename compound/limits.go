package compound

import "fmt"

// Limits on the counts of a scenario. A replication builds its places,
// staff, carts and residents one by one and keeps a result for every
// replication, so each count is bounded where one replication at every
// limit still fits in a few GB: Check refuses larger values. Real compounds
// are far inside them.
const (
	// MaxReplications is the most replications a scenario (or --reps)
	// asks for; each keeps its result, about 200 KB for a day.
	MaxReplications = 1_000_000
	// MaxPlaces is the most places of a space: the disinfection area, and
	// the staging area (ground, shelves × slots and containers × slots) and
	// each of its counts. A place costs about 200 bytes: 200 MB at the limit.
	MaxPlaces = 1_000_000
	// MaxStaff is the most staff in one pool's count, shift, zone group or
	// site post, and the most carts: each is a unit (200 bytes) and, for a
	// cart or a volunteer, an entity on its round (about 1 KB).
	MaxStaff = 100_000
	// MaxStaffOnDuty is the most staff the pools put on duty at once in
	// the whole compound, every zone's group counted (about 1 GB).
	MaxStaffOnDuty = 1_000_000
	// MaxBuildingResidents and MaxResidents are the most residents of one
	// building and of the whole compound: the sampling round draws every
	// resident's times when it is built (about 100 bytes each) and calls a
	// building's residents down at once (about 1 KB each).
	MaxBuildingResidents = 100_000
	MaxResidents         = 1_000_000
)

// Limits on the events of a scenario (events.go).
const (
	// MaxTimelineEvents is the most events a scenario lists: each is a
	// few kernel events, and a street office's timeline has a handful.
	MaxTimelineEvents = 200
	// MaxSurgeTimes is the most a surge multiplies a kind's arrivals by.
	MaxSurgeTimes = 100
	// MaxSurgeExtra is the most extra items one surge brings: each is
	// an entity, and all may be in the compound at once.
	MaxSurgeExtra = 100_000
	// MaxSealRuns is the most runs of a sealed building's crew that go
	// to its doors at once (each an entity on its round).
	MaxSealRuns = 10
)

// atMost reports a count above its limit; why says why there is one.
func (c *checker) atMost(path string, v, limit int, why string) {
	if v > limit {
		c.add(path, "must be at most %d, got %d: %s", limit, v, why)
	}
}

// checkLimits reports counts above their limits.
func (sc *Scenario) checkLimits(c *checker) {
	c.atMost("replications", sc.Replications, MaxReplications, "each replication keeps its result in memory")
	total := 0
	for i, b := range sc.Buildings {
		c.atMost(fmt.Sprintf("buildings[%d].residents", i), b.Residents, MaxBuildingResidents, "the sampling round holds every resident in memory")
		total += min(max(b.Residents, 0), MaxBuildingResidents)
	}
	if total > MaxResidents {
		c.add("buildings", "the buildings house %d residents in all: at most %d", total, MaxResidents)
	}
	for i, z := range sc.Zones {
		c.atMost(fmt.Sprintf("zones[%d].volunteers", i), z.Volunteers, MaxStaff, "each one is built in memory")
	}
	onDuty := 0
	for i, p := range sc.Staff {
		path := fmt.Sprintf("staff[%d]", i)
		c.atMost(path+".count", p.Count, MaxStaff, "each one is built in memory")
		most := 0
		for j, s := range p.Shifts {
			c.atMost(fmt.Sprintf("%s.shifts[%d].count", path, j), s.Count, MaxStaff, "each one is built in memory")
			most = max(most, s.Count)
		}
		for _, g := range sc.groups(p) {
			if len(p.Shifts) == 0 {
				most = g.base
			}
			onDuty += min(max(most, 0), MaxStaff)
		}
	}
	if onDuty > MaxStaffOnDuty {
		c.add("staff", "the pools put up to %d staff on duty at once, every zone's group counted: at most %d", onDuty, MaxStaffOnDuty)
	}
	g := sc.Gate
	for _, f := range []struct {
		path string
		v    int
	}{{"gate.ground", g.Ground}, {"gate.shelves", g.Shelves}, {"gate.shelf_slots", g.ShelfSlots},
		{"gate.containers", g.Containers}, {"gate.container_slots", g.ContainerSlots}} {
		c.atMost(f.path, f.v, MaxPlaces, "each place is built in memory")
	}
	if g.Ground <= MaxPlaces && g.Shelves <= MaxPlaces && g.ShelfSlots <= MaxPlaces &&
		g.Containers <= MaxPlaces && g.ContainerSlots <= MaxPlaces && g.Slots() > MaxPlaces {
		c.add("gate", "the staging area holds %d items (ground + shelves × shelf_slots + containers × container_slots): at most %d", g.Slots(), MaxPlaces)
	}
	c.atMost("transfer.carts", sc.Transfer.Carts, MaxStaff, "each cart and its round is built in memory")
	c.atMost("disinfection.space", sc.Disinfection.Space, MaxPlaces, "each place is built in memory")
	if s := sc.Sampling; s != nil {
		for i, site := range s.Sites {
			path := fmt.Sprintf("sampling.sites[%d]", i)
			c.atMost(path+".registration", site.Registration, MaxStaff, "each one is built in memory")
			c.atMost(path+".swab", site.Swab, MaxStaff, "each one is built in memory")
		}
	}
}
