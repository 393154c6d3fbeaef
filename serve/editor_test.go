package serve

import (
	"slices"
	"testing"

	"cordon/scenarios"
)

// TestFormHoldsEveryValue: the editor of every built-in scenario holds
// every value scenarios.Paths lists, once, with what the schema says of
// it, in the planner's groups; and finds each by the path the loader's
// errors write.
func TestFormHoldsEveryValue(t *testing.T) {
	si, err := newSchemaInfo()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		f := newForm(sc, si, fieldWords{})
		var got []string
		var groups []string
		for _, g := range f.Groups {
			groups = append(groups, g.Key)
			for _, sec := range g.Sections {
				for _, fl := range sec.Fields {
					got = append(got, fl.Path)
					if fl.Desc == "" {
						t.Errorf("%s: %s has no description from the schema", b.Name, fl.Path)
					}
					if fl.Label == "" {
						t.Errorf("%s: %s has no label", b.Name, fl.Path)
					}
				}
			}
		}
		var want []string
		for _, p := range scenarios.Paths(sc) {
			want = append(want, p.Path)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the form holds %d values, scenarios.Paths lists %d", b.Name, len(got), len(want))
		}
		if i, j := slices.Index(groups, "gate"), slices.Index(groups, "crews"); i < 0 || j < 0 || i > j || groups[len(groups)-1] == "other" {
			t.Errorf("%s: groups %v: want the gate before the crews, and nothing left over", b.Name, groups)
		}
	}
	sc, _ := scenarios.Resolve("baseline")
	f := newForm(sc, si, fieldWords{})
	for index, path := range map[string]string{
		"staff[1].shifts[0].count":  "staff.suited-crew.shifts[0].count",
		"sampling.sites[2].swab":    "sampling.sites.site-c.swab",
		"deliveries[1].per_day":     "deliveries.takeout.per_day",
		"buildings[51].households":  "buildings.52.households",
		"zones[0].walk":             "zones.zone-1.walk",
		"gate.shelves":              "gate.shelves",
		"staff[0].breaks[1].length": "staff.gate-crew.breaks[1].length",
	} {
		if fl := f.byIndex[index]; fl == nil || fl.Path != path {
			t.Errorf("the field at %s: %v, want %s", index, fl, path)
		}
	}
	fl := f.byPath["staff.suited-crew.shifts[0].count"]
	if fl.Label != "shift 1 (07:00–19:00) · count" || fl.Min != "0" || fl.Max == "" || fl.Desc != "staff on duty" {
		t.Errorf("the suited crew's day shift: label %q, limits %s to %s, description %q", fl.Label, fl.Min, fl.Max, fl.Desc)
	}
	if fl := f.byPath["gate.when_full"]; !slices.Equal(fl.Choices, []string{"wait", "turn-away", "pile"}) {
		t.Errorf("gate.when_full offers %v, want wait, turn-away and pile", fl.Choices)
	}
	if fl := f.nearest("gate.intake.mean"); fl == nil || fl.Path != "gate.intake" {
		t.Errorf("an error in a distribution's field goes beside %v, want gate.intake", fl)
	}
}
