package experiment

import (
	"fmt"
	"strings"

	"cordon/compound"
)

// postKnobs are the servers of each post that has servers of its own: a
// staff knob at the post's hour cost for the run.
func postKnobs(sc *compound.Scenario) []Knob {
	var ks []Knob
	hours := float64(sc.Horizon.Days) * 24
	for i, p := range sc.Posts {
		if p.Staff != "" {
			continue
		}
		ks = append(ks, Knob{
			Name: p.Name + " servers", Path: fmt.Sprintf("posts.%s.servers", p.Name), Area: sc.PostArea(i),
			Step: 1, Min: 1, Max: max(2*p.Servers, p.Servers+5), UnitCost: p.HourCost * hours, Resource: KnobStaff,
			get: func(s *compound.Scenario) int { return s.Posts[i].Servers },
			set: func(s *compound.Scenario, v int) { s.Posts[i].Servers = v },
		})
	}
	return ks
}

// poolPostArea is the areas of the posts pool staffs, to add to its
// tasks' ("" when it staffs none).
func poolPostArea(sc *compound.Scenario, pool string) string {
	var areas []string
	for i, p := range sc.Posts {
		if p.Staff == pool {
			areas = append(areas, sc.PostArea(i))
		}
	}
	return strings.Join(areas, ",")
}
