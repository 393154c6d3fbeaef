package scenarios_test

import (
	"testing"

	"cordon/scenarios"
)

// TestPathsSetAsListed: every path Paths lists for the built-ins is one
// --set accepts, and setting it to the value listed gives the same
// scenario back.
func TestPathsSetAsListed(t *testing.T) {
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		paths := scenarios.Paths(sc)
		if len(paths) < 50 {
			t.Errorf("%s: only %d paths", b.Name, len(paths))
		}
		seen := map[string]bool{}
		var sets []scenarios.Override
		for _, p := range paths {
			if seen[p.Path] {
				t.Errorf("%s: %s listed twice", b.Name, p.Path)
			}
			seen[p.Path] = true
			sets = append(sets, scenarios.Override{Path: p.Path, Value: p.Value})
		}
		again, err := scenarios.Resolve(b.Name, sets...)
		if err != nil {
			t.Fatalf("%s: setting every path to its listed value: %v", b.Name, err)
		}
		if got, want := scenarios.Paths(again), paths; len(got) != len(want) {
			t.Errorf("%s: %d paths after, %d before", b.Name, len(got), len(want))
		} else {
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s: %+v became %+v", b.Name, want[i], got[i])
				}
			}
		}
	}
	for _, want := range []string{"gate.shelves", "staff.suited-crew.shifts[0].count", "deliveries.express.per_day", "sampling.calling.come_down", "zones.zone-1.walk"} {
		sc, _ := scenarios.Resolve("baseline")
		found := false
		for _, p := range scenarios.Paths(sc) {
			found = found || p.Path == want
		}
		if !found {
			t.Errorf("baseline: no path %s", want)
		}
	}
}
