package scenarios_test

import (
	"testing"

	"cordon/scenarios"
)

// TestPlaceOf: where each step's fit goes in a scenario.
func TestPlaceOf(t *testing.T) {
	for step, want := range map[string]scenarios.Place{
		"gate.intake":                {Reach: scenarios.PlaceMapping, Field: "intake"},
		"sampling.calling.come_down": {Reach: scenarios.PlaceMapping, Field: "come_down"},
		"special_needs.trip":         {Reach: scenarios.PlaceMapping, Field: "trip"},
		"zones.walk":                 {Reach: scenarios.PlaceEach, Each: "zones[i].walk", Entry: "zone", Field: "walk"},
		"deliveries.dwell":           {Reach: scenarios.PlaceEach, Each: "deliveries[i].dwell", Entry: "kind", Field: "dwell"},
		"zones.zone-3.walk":          {Reach: scenarios.PlaceEntry, Entry: "zone", Field: "walk"},
		"zones[2].walk_to_site":      {Reach: scenarios.PlaceEntry, Entry: "zone", Field: "walk_to_site"},
		"deliveries.batch":           {}, // a count
		"deliveries.takeout.batch":   {},
		"gate":                       {},
		"gate.ground":                {}, // not a distribution
		"gate.intake.mean":           {},
		"gate[0].intake":             {},
		"zones[x].walk":              {},
		"zones.zone-3.buildings":     {},
		"lift.ride":                  {},
		"":                           {},
		"gate..intake":               {},
	} {
		if got := scenarios.PlaceOf(step); got != want {
			t.Errorf("%q: %+v, want %+v", step, got, want)
		}
	}
}
