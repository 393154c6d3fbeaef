package experiment_test

import (
	"slices"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

func TestChangeOnRoster(t *testing.T) {
	sc := load(t, "baseline")
	set := "staff.suited-crew.shifts[0].count=1"
	changed, err := scenarios.Resolve("baseline", scenarios.Override{Path: "staff.suited-crew.shifts[0].count", Value: "1"})
	if err != nil {
		t.Fatal(err)
	}
	// No roster: the changed scenario as it is.
	ch, err := experiment.ChangeOnRoster(sc, changed, nil, set, nil)
	if err != nil || ch.Scenario != changed || ch.Roster != nil {
		t.Errorf("no roster: got %+v, %v; want the changed scenario alone", ch, err)
	}
	// A --set count goes onto the roster of the pool it sets.
	roster := sc.PlannedRoster()
	ch, err = experiment.ChangeOnRoster(sc, changed, roster, set, map[string][]int{"suited-crew": {0}})
	if err != nil || !slices.Equal(ch.RosterPools, []string{"suited-crew"}) || ch.Roster == nil {
		t.Errorf("--set on the roster: got pools %v, %v; want suited-crew rewritten", ch.RosterPools, err)
	}
	// --vs: the plans' difference goes onto the roster; a --set that moves
	// a shift cannot, and the error names the flag.
	if ch, err = experiment.ChangeOnRoster(sc, changed, roster, "", nil); err != nil || !slices.Contains(ch.RosterPools, "suited-crew") {
		t.Errorf("--vs on the roster: got pools %v, %v; want suited-crew rewritten", ch.RosterPools, err)
	}
	moved, err := scenarios.Resolve("baseline", scenarios.Override{Path: "staff.suited-crew.shifts[0].from", Value: "09:30"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := experiment.ChangeOnRoster(sc, moved, roster, "staff.suited-crew.shifts[0].from=09:30", nil); err == nil ||
		!strings.HasPrefix(err.Error(), "--set staff.suited-crew.shifts[0].from=09:30: ") {
		t.Errorf("a moved shift: got %v, want an error beginning with its --set", err)
	}
}
