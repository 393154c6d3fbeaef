package compound

import (
	"fmt"
	"strings"
	"testing"
)

// TestCheckRefusesCountsAboveLimits: every count a replication builds unit
// by unit, or keeps a result for, is refused one above its limit, on the
// field that gives it, and accepted at the limit.
func TestCheckRefusesCountsAboveLimits(t *testing.T) {
	cases := []struct {
		path string
		set  func(sc *Scenario, n int)
		max  int
	}{
		{"replications", func(sc *Scenario, n int) { sc.Replications = n }, MaxReplications},
		{"disinfection.space", func(sc *Scenario, n int) { sc.Disinfection.Space = n }, MaxPlaces},
		{"gate.ground", func(sc *Scenario, n int) { sc.Gate.Ground, sc.Gate.Shelves = n, 0 }, MaxPlaces},
		{"gate.shelves", func(sc *Scenario, n int) { sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.ShelfSlots = 0, n, 1 }, MaxPlaces},
		{"gate.shelf_slots", func(sc *Scenario, n int) { sc.Gate.Ground, sc.Gate.ShelfSlots = 0, n }, MaxPlaces},
		{"gate.containers", func(sc *Scenario, n int) {
			sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.Containers, sc.Gate.ContainerSlots = 0, 0, n, 1
		}, MaxPlaces},
		{"gate.container_slots", func(sc *Scenario, n int) {
			sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.Containers, sc.Gate.ContainerSlots = 0, 0, 1, n
		}, MaxPlaces},
		{"gate", func(sc *Scenario, n int) { sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.ShelfSlots = n-1000, 1, 1000 }, MaxPlaces},
		{"transfer.carts", func(sc *Scenario, n int) { sc.Transfer.Carts = n }, MaxStaff},
		{"staff[1].count", func(sc *Scenario, n int) { sc.Staff[1].Count = n }, MaxStaff},
		{"staff[0].shifts[0].count", func(sc *Scenario, n int) { sc.Staff[0].Shifts[0].Count = n }, MaxStaff},
		{"zones[0].volunteers", func(sc *Scenario, n int) { sc.Zones[0].Volunteers = n }, MaxStaff},
		{"sampling.sites[0].swab", func(sc *Scenario, n int) { sc.Sampling.Sites[0].Swab = n }, MaxStaff},
		{"sampling.sites[0].registration", func(sc *Scenario, n int) { sc.Sampling.Sites[0].Registration = n }, MaxStaff},
		{"staff", func(sc *Scenario, n int) {
			// Ten more zones, nine of MaxStaff volunteers and one of the
			// rest: the other pools have 11 on duty at their peak.
			zones := widen(sc, 10)
			for _, z := range zones {
				z.Volunteers = MaxStaff
			}
			zones[9].Volunteers = n - 9*MaxStaff - 11
		}, MaxStaffOnDuty},
		{"buildings[1].residents", func(sc *Scenario, n int) { sc.Buildings[1].Residents = n }, MaxBuildingResidents},
		{"buildings", func(sc *Scenario, n int) {
			widen(sc, 10)
			left := n
			for i := range sc.Buildings {
				sc.Buildings[i].Residents = min(left-(len(sc.Buildings)-1-i), MaxBuildingResidents)
				left -= sc.Buildings[i].Residents
			}
		}, MaxResidents},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			at := small()
			c.set(at, c.max)
			if errs := at.Check(); len(errs) > 0 {
				t.Fatalf("at the limit %d: %v", c.max, errs)
			}
			over := small()
			c.set(over, c.max+1)
			errs := over.Check()
			found := false
			for _, e := range errs {
				if e.Path == c.path && strings.Contains(e.Msg, "at most") {
					found = true
				}
			}
			if !found {
				t.Errorf("one above the limit %d: got %v, want an error on %s saying at most", c.max, errs, c.path)
			}
		})
	}
}

// widen adds n zones of one building each (one household, one resident) to
// sc and returns them.
func widen(sc *Scenario, n int) []*Zone {
	first := len(sc.Zones)
	for i := range n {
		id := fmt.Sprintf("w%d", i)
		sc.Buildings = append(sc.Buildings, Building{ID: id, Households: 1, Residents: 1, Walk: Const(0)})
		sc.Zones = append(sc.Zones, Zone{Name: id, Buildings: []string{id}, Walk: Const(60), Site: "a", WalkToSite: Const(60)})
	}
	var out []*Zone
	for i := first; i < len(sc.Zones); i++ {
		out = append(out, &sc.Zones[i])
	}
	return out
}
