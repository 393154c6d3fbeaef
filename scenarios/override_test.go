package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/sim/random"
)

func sets(t *testing.T, args ...string) []Override {
	t.Helper()
	var out []Override
	for _, a := range args {
		o, err := ParseOverride(a)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	return out
}

func TestOverrides(t *testing.T) {
	cases := []struct {
		file string
		sets []string
		test func(sc *compound.Scenario) bool
	}{
		{"small", []string{"staff[1].count=5"}, func(sc *compound.Scenario) bool { return sc.Staff[1].Count == 5 }},
		{"small", []string{"staff.sorters.count=4"}, func(sc *compound.Scenario) bool { return sc.Staff[1].Count == 4 }},
		{"small", []string{"buildings.A.residents=20"}, func(sc *compound.Scenario) bool { return sc.Buildings[3].Residents == 20 }},
		{"small", []string{"zones.south.buildings[1]=A"}, func(sc *compound.Scenario) bool { return sc.Zones[1].Buildings[1] == "A" }},
		{"small", []string{"staff.gate-crew.shifts[1].count=2"}, func(sc *compound.Scenario) bool { return sc.Staff[0].Shifts[1].Count == 2 }},
		{"small", []string{"gate.when_full=wait"}, func(sc *compound.Scenario) bool { return sc.Gate.WhenFull == "wait" }},
		{"small", []string{"transfer.trip=5m"}, func(sc *compound.Scenario) bool { return reflect.DeepEqual(sc.Transfer.Trip, compound.Const(300)) }},
		{"small", []string{"gate.intake={dist: gamma, mean: 20s, cv: 0.3}"}, func(sc *compound.Scenario) bool {
			return reflect.DeepEqual(sc.Gate.Intake.Spec, random.Spec{Family: "gamma", Mean: 20, CV: 0.3})
		}},
		{"small", []string{"gate.intake.sd=5s"}, func(sc *compound.Scenario) bool {
			return reflect.DeepEqual(sc.Gate.Intake.Spec, random.Spec{Family: "lognormal", Mean: 40, SD: 5})
		}},
		{"small", []string{"sampling.sites.site-a.swab=6"}, func(sc *compound.Scenario) bool { return sc.Sampling.Sites[0].Swab == 6 }},
		{"small", []string{"deliveries.express.profile[3]=0.5"}, func(sc *compound.Scenario) bool { return sc.Kinds[0].Profile[3] == 0.5 }},
		{"small", []string{"deliveries.takeout.batch=2"}, func(sc *compound.Scenario) bool { return reflect.DeepEqual(sc.Kinds[1].Batch, compound.Const(2)) }},
		{"small", []string{"targets=[]"}, func(sc *compound.Scenario) bool { return len(sc.Targets) == 0 }},
		// A lorry, medicine's deadline and the consumables' prices.
		{"small", []string{`deliveries.express.schedule=[{day: 2, at: "14:00", items: 100}]`}, func(sc *compound.Scenario) bool {
			return reflect.DeepEqual(sc.Kinds[0].Schedule, []compound.Drop{{Day: 2, At: 14 * 3600, Items: 100}})
		}},
		{"small", []string{`deliveries.express.schedule=[{at: "14:00", items: 100}]`, "deliveries.express.schedule[0].items=60"}, func(sc *compound.Scenario) bool {
			return reflect.DeepEqual(sc.Kinds[0].Schedule, []compound.Drop{{Day: 1, At: 14 * 3600, Items: 60}})
		}},
		{"small", []string{"deliveries.takeout.deadline=2h"}, func(sc *compound.Scenario) bool { return sc.Kinds[1].Deadline == 7200 }},
		{"small", []string{"costs.suit=25", "costs.disinfectant_per_item=0.05"}, func(sc *compound.Scenario) bool {
			return sc.Costs.Suit == 25 && sc.Costs.DisinfectantPerItem == 0.05 && sc.Costs.Disinfectant == 10
		}},
		// A mapping on a section or list entry sets the fields it names and
		// keeps the others (a shift moved keeps its count).
		{"small", []string{"staff.gate-crew.shifts[0]={from: 08:00, to: 19:00}"}, func(sc *compound.Scenario) bool {
			return sc.Staff[0].Shifts[0] == compound.Shift{From: 8 * 3600, To: 19 * 3600, Count: 3}
		}},
		{"small", []string{"sampling.calling={interval: 10m}"}, func(sc *compound.Scenario) bool {
			return sc.Sampling.Calling.Interval == 600 && sc.Sampling.Calling.PerWave == 2 && sc.Sampling.Calling.ComeDown.Family == "weibull"
		}},
		{"small", []string{"staff.gate-crew.tasks[0]={priority: 5}"}, func(sc *compound.Scenario) bool {
			return sc.Staff[0].Tasks[0] == compound.Task{Task: "intake", Priority: 5}
		}},
		{"small", []string{"targets[1]=sampling.makespan <= 5h"}, func(sc *compound.Scenario) bool { return sc.Targets[1] == "sampling.makespan <= 5h" }},
		{"small", []string{"garbage="}, func(sc *compound.Scenario) bool { return sc.Garbage == nil }},
		// In order: the last one wins.
		{"small", []string{"staff[1].count=5", "staff.sorters.count=6"}, func(sc *compound.Scenario) bool { return sc.Staff[1].Count == 6 }},
		// Creating fields, sections and default-valued fields.
		{"mini", []string{"gate.when_full=turn-away"}, func(sc *compound.Scenario) bool { return sc.Gate.WhenFull == "turn-away" }},
		{"mini", []string{"clock.start=08:00"}, func(sc *compound.Scenario) bool { return sc.Horizon == compound.Horizon{Start: 8 * 3600, Days: 1} }},
		{"mini", []string{"staff.gate-crew.suit.limit=3h"}, func(sc *compound.Scenario) bool { return *sc.Staff[0].Suit == compound.Suit{Limit: 3 * 3600} }},
		{"mini", []string{"garbage.from=21:00", "garbage.to=23:00", "garbage.per_bag=20s", "staff.volunteers.tasks[0]={task: garbage}", "staff.volunteers.tasks=[{task: delivery}, {task: garbage}]"},
			func(sc *compound.Scenario) bool {
				return reflect.DeepEqual(sc.Garbage, &compound.Garbage{From: 21 * 3600, To: 23 * 3600, BagsPerHousehold: 1, PerBag: compound.Const(20),
					Stairs: compound.Const(0), Walk: compound.Const(0), BinTrip: compound.Const(0), BagsPerTrip: 6})
			}},
		{"mini", []string{"transfer.load.dist=exponential", "transfer.load.mean=3s"}, func(sc *compound.Scenario) bool {
			return reflect.DeepEqual(sc.Transfer.Load.Spec, random.Spec{Family: "exponential", Mean: 3})
		}},
		{"mini", []string{"seed=18446744073709551615"}, func(sc *compound.Scenario) bool { return sc.Seed == 1<<64-1 }},
	}
	for _, c := range cases {
		name := c.file + " " + strings.Join(c.sets, " ")
		sc, err := LoadFile("testdata/valid/"+c.file+".yaml", sets(t, c.sets...)...)
		noInternal(t, err)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !c.test(sc) {
			t.Errorf("%s: not applied", name)
		}
	}
}

// TestOverrideErrors: bad overrides are reported at the override, with the
// file's own errors.
func TestOverrideErrors(t *testing.T) {
	cases := []struct {
		file string
		sets []string
		want string
	}{
		{"small", []string{"staff.gate-crw.count=5"},
			"--set staff.gate-crw.count=5: staff.gate-crw: no pool named gate-crw, did you mean gate-crew? (pools: gate-crew, sorters, volunteers, medics)"},
		{"small", []string{"gate.shelfs=5"},
			"--set gate.shelfs=5: gate.shelfs: unknown field, did you mean shelves? (fields here: open, close, ground, shelves, shelf_slots, containers, container_slots, when_full, courier_patience, intake, pile_intake)"},
		{"small", []string{"transfer.trip=5"},
			"--set transfer.trip=5: transfer.trip: 5 has no unit: write a duration such as 5s"},
		{"small", []string{"staff[1].count=many"},
			"--set staff[1].count=many: staff[1].count: expected a whole number such as 5; got the text \"many\""},
		{"small", []string{"staff[9].count=1"},
			"--set staff[9].count=1: staff[9]: there are 4 pools, staff[0] to staff[3]"},
		{"small", []string{"buildings.9.residents=1"},
			"--set buildings.9.residents=1: buildings.9: no building with id 9, did you mean 1? (buildings: 1, 2, 3, A)"},
		{"small", []string{"targets.first=x"},
			"--set targets.first=x: targets.first: targets is a list of values: select an entry by its position, as targets[0]"},
		{"small", []string{"gate.open.hour=7"},
			"--set gate.open.hour=7: gate.open.hour: gate.open is a single value: it has no field hour"},
		{"small", []string{"zones.north.walk.mean=3m"},
			"--set zones.north.walk.mean=3m: zones.north.walk: is written as the text \"3m\", not as a mapping: set the whole distribution, as --set 'zones.north.walk={dist: lognormal, mean: 40s, sd: 15s}'"},
		{"small", []string{"gate.intake.sdev=3s"},
			"--set gate.intake.sdev=3s: gate.intake.sdev: a distribution has no such field (fields: dist, value, mean, min, max, mode, sd, cv, shape, scale, values, weights)"},
		{"small", []string{"gate.intake.min=3s"},
			"--set gate.intake.min=3s: gate.intake.min: min is not a field of a lognormal distribution, which takes mean, sd"},
		{"small", []string{"gate.intake={dist: lognormal"},
			"--set gate.intake={dist: lognormal: gate.intake: the value is not valid YAML: line 1: did not find expected ',' or '}'"},
		{"small", []string{"staff..count=1"},
			"--set staff..count=1: the path \"staff..count\" has an empty field name: write dotted field names, with [n] or a name to select a list entry, as staff[1].count or staff.gate-crew.count"},
		{"small", []string{"staff[x].count=1"},
			"--set staff[x].count=1: the path \"staff[x].count\" has a bad list position [x]: write dotted field names, with [n] or a name to select a list entry, as staff[1].count or staff.gate-crew.count"},
		{"small", []string{"gate[0]=1"},
			"--set gate[0]=1: gate[0]: gate is not a list"},
		{"small", []string{"staff.gate-crew.shifts[0]={form: 08:00}"},
			"--set staff.gate-crew.shifts[0]={form: 08:00}: staff.gate-crew.shifts[0].form: unknown field (fields here: from, to, count)"},
		// An override that passes decoding but fails the checks points at
		// itself.
		{"small", []string{"staff.sorters.count=-3"},
			"--set staff.sorters.count=-3: staff[1].count: must not be negative, got -3"},
		{"mini", []string{"sampling.start=09:00"},
			"--set sampling.start=09:00: sampling.sites: list at least one testing site"},
		// The file's errors come first, by position, then the overrides'.
		{"mini", []string{"gate.intake=1", "gate.shelfs=1"},
			"--set gate.intake=1: gate.intake: 1 has no unit: write a duration such as 1s\n--set gate.shelfs=1: gate.shelfs: unknown field, did you mean shelves? (fields here: open, close, ground, shelves, shelf_slots, containers, container_slots, when_full, courier_patience, intake, pile_intake)"},
	}
	for _, c := range cases {
		_, err := LoadFile("testdata/valid/"+c.file+".yaml", sets(t, c.sets...)...)
		noInternal(t, err)
		var errs Errors
		if !errors.As(err, &errs) {
			t.Errorf("%v: error %T %v, want Errors", c.sets, err, err)
			continue
		}
		if got := err.Error(); !strings.Contains(got, c.want) {
			t.Errorf("%v:\ngot  %s\nwant %s", c.sets, got, c.want)
		}
	}
}

// TestOverrideAlias: an override changes a value the file shares through
// an alias only where it is set.
func TestOverrideAlias(t *testing.T) {
	data := readFile(t, "testdata/valid/small.yaml")
	text := strings.Replace(string(data), "    walk: 3m\n", "    walk: &walk {dist: uniform, min: 1m, max: 2m}\n", 1)
	text = strings.Replace(text, "    walk: {dist: triangular, min: 2m, mode: 4m, max: 8m}\n", "    walk: *walk\n", 1)
	sc, err := Load("alias.yaml", []byte(text), sets(t, "zones.north.walk.max=5m")...)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Zones[0].Walk.Max != 300 || sc.Zones[1].Walk.Max != 120 {
		t.Errorf("walks max %v and %v, want 300 (set) and 120 (the file's)", sc.Zones[0].Walk.Max, sc.Zones[1].Walk.Max)
	}
}

func TestParseOverride(t *testing.T) {
	good := map[string]Override{
		"gate.intake=30s":        {Path: "gate.intake", Value: "30s"},
		" staff[1].count =5":     {Path: "staff[1].count", Value: "5"},
		"targets[0]=a.p95 <= 5m": {Path: "targets[0]", Value: "a.p95 <= 5m"},
		"x=a=b":                  {Path: "x", Value: "a=b"},
		"garbage=":               {Path: "garbage", Value: ""},
		"gate.intake={dist: gamma, mean: 2s, cv: 1}": {Path: "gate.intake", Value: "{dist: gamma, mean: 2s, cv: 1}"},
	}
	for in, want := range good {
		got, err := ParseOverride(in)
		if err != nil || got != want {
			t.Errorf("ParseOverride(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "gate.intake", "=5", "  =5"} {
		if o, err := ParseOverride(in); err == nil {
			t.Errorf("ParseOverride(%q) = %+v, want an error", in, o)
		}
	}
	if s := (Override{Path: "a.b", Value: "1"}).String(); s != "--set a.b=1" {
		t.Errorf("String() = %q", s)
	}
	if s := (Override{Path: "a.b", Value: "1", Flag: "--vary"}).String(); s != "--vary a.b=1" {
		t.Errorf("String() = %q", s)
	}
}
