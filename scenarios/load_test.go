package scenarios

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/sim/random"
)

// noInternal fails the test if err holds an internal error: the loader's
// last line of defence against a panic has triggered.
func noInternal(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("internal error: %v", err)
	}
}

func mustLoad(t *testing.T, path string, overrides ...Override) *compound.Scenario {
	t.Helper()
	sc, err := LoadFile(path, overrides...)
	noInternal(t, err)
	if err != nil {
		t.Fatalf("LoadFile(%s): %v", path, err)
	}
	return sc
}

func TestLoadSmall(t *testing.T) {
	sc := mustLoad(t, "testdata/valid/small.yaml")
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	dist := func(s random.Spec) compound.Dist { return compound.Dist{Spec: s} }
	check("name", sc.Name, "small")
	check("description", sc.Description, "A small compound for the loader's tests.\nIt uses every section and most kinds of distribution.\n")
	check("seed", sc.Seed, uint64(7))
	check("replications", sc.Replications, 5)
	check("clock", sc.Horizon, compound.Horizon{Start: 6*3600 + 30*60, Days: 2})
	check("buildings", sc.Buildings, []compound.Building{
		{ID: "1", Households: 20, Residents: 50, Walk: compound.Const(0)}, {ID: "2", Households: 20, Residents: 45, Walk: compound.Const(0)},
		{ID: "3", Households: 10, Residents: 30, Walk: compound.Const(0)}, {ID: "A", Households: 5, Residents: 12, Walk: compound.Const(0)},
	})
	check("zones[0]", sc.Zones[0], compound.Zone{
		Name: "north", Buildings: []string{"1-2"}, Walk: compound.Const(180), Site: "site-a",
		WalkToSite: dist(random.Spec{Family: "uniform", Min: 120, Max: 240}), Volunteers: 4,
	})
	check("zones[1].walk", sc.Zones[1].Walk, dist(random.Spec{Family: "triangular", Min: 120, Mode: 240, Max: 480}))
	check("zones[1].buildings", sc.Zones[1].Buildings, []string{"3", "A"})
	check("zones[1].volunteers", sc.Zones[1].Volunteers, 0)

	crew := sc.Staff[0]
	check("staff[0].shifts", crew.Shifts, []compound.Shift{{From: 7 * 3600, To: 19 * 3600, Count: 3}, {From: 19 * 3600, To: 7 * 3600, Count: 1}})
	check("staff[0].breaks", crew.Breaks, []compound.Break{{At: 12 * 3600, Length: 1800, Count: 1}, {At: 17 * 3600, Length: 900, Count: 2}})
	check("staff[0].suit", crew.Suit, &compound.Suit{Limit: 4 * 3600, Changeover: 1200})
	check("staff[0].tasks", crew.Tasks, []compound.Task{{Task: "intake", Priority: 2}, {Task: "transfer", Priority: 1}})
	check("staff[1].suit", sc.Staff[1].Suit, (*compound.Suit)(nil))
	check("staff[2].per_zone", sc.Staff[2].PerZone, true)
	check("staff[2].tasks[1].priority", sc.Staff[2].Tasks[1].Priority, 0)

	check("gate", sc.Gate, compound.Gate{
		Open: 6 * 3600, Close: 22 * 3600, Ground: 50, Shelves: 4, ShelfSlots: 40, Containers: 1, ContainerSlots: 150,
		WhenFull: "turn-away", CourierPatience: 3600, Intake: dist(random.Spec{Family: "lognormal", Mean: 40, SD: 15}),
	})
	check("deliveries[0]", sc.Kinds[0], compound.Kind{
		Name: "express", PerDay: 300, Profile: []float64{0, 0, 1, 3, 2, 1},
		Batch: dist(random.Spec{Family: "uniform", Min: 5, Max: 15}),
	})
	check("deliveries[1]", sc.Kinds[1], compound.Kind{
		Name: "takeout", PerDay: 120.5, Profile: []float64{1}, Batch: compound.Const(1), Priority: 5, Hot: true, Target: 2700,
	})
	check("transfer", sc.Transfer, compound.Transfer{
		Carts: 2, Capacity: 20, Fill: 600, Trip: dist(random.Spec{Family: "normal", Mean: 240, SD: 60}), Load: compound.Const(0),
	})
	check("disinfection", sc.Disinfection, compound.Disinfection{Space: 100, Dwell: compound.Const(1800)})
	check("sorting", sc.Sorting.Time, dist(random.Spec{Family: "exponential", Mean: 20}))
	check("delivery", sc.Delivery, compound.Delivery{ItemsPerRun: 8, Fill: 900, Door: dist(random.Spec{Family: "gamma", Mean: 90, CV: 0.5})})
	check("sampling", sc.Sampling, &compound.Sampling{
		Start: 8 * 3600, Day: 1,
		Sites:        []compound.Site{{Name: "site-a", Registration: 1, Swab: 2}, {Name: "site-b", Swab: 1}},
		Calling:      compound.Calling{Interval: 1200, PerWave: 2, ComeDown: dist(random.Spec{Family: "weibull", Shape: 1.5, Scale: 300}), Order: compound.OrderListed},
		Registration: compound.Const(15),
		Swab:         dist(random.Spec{Family: "empirical", Values: []float64{20, 30, 45}, Weights: []float64{1, 2, 1}}),
		Pooling:      compound.Pooling{PerTube: 10, TubesPerBox: 50, Every: 1800, Trip: dist(random.Spec{Family: "constant", Value: 2400})},
		DoorToDoor:   compound.DoorToDoor{Share: 0.05, Visit: compound.Const(360)},
	})
	check("garbage", sc.Garbage, &compound.Garbage{From: 21 * 3600, To: 26 * 3600, BagsPerHousehold: 1.5, PerBag: compound.Const(20),
		Stairs: compound.Const(0), Walk: compound.Const(0), BinTrip: compound.Const(0), BagsPerTrip: 6})
	check("special_needs", sc.SpecialNeeds, &compound.SpecialNeeds{
		PerDay: 30, Profile: []float64{1, 2}, Handling: compound.Const(120), TripShare: 0.2, Trip: compound.Const(5400), Target: 7200,
	})
	check("targets", sc.Targets, []string{"takeout.door_time.p95 <= 45m", "sampling.makespan <= 4h"})
}

// TestLoadMiniDefaults loads a scenario that leaves out every field it can.
func TestLoadMiniDefaults(t *testing.T) {
	sc := mustLoad(t, "testdata/valid/mini.yaml")
	if sc.Seed != 1 || sc.Replications != 30 {
		t.Errorf("seed, replications = %d, %d, want the defaults 1, 30", sc.Seed, sc.Replications)
	}
	if sc.Horizon != (compound.Horizon{Start: 7 * 3600, Days: 1}) {
		t.Errorf("clock = %+v, want the defaults 07:00, 1 day (clock is absent)", sc.Horizon)
	}
	g := sc.Gate
	if g.Open != 0 || g.Close != 24*3600 || g.ShelfSlots != 40 || g.ContainerSlots != 150 || g.WhenFull != "wait" || g.CourierPatience != 0 {
		t.Errorf("gate = %+v, want the defaults", g)
	}
	if !reflect.DeepEqual(sc.Kinds[0].Batch, compound.Const(1)) {
		t.Errorf("batch = %+v, want the default constant 1", sc.Kinds[0].Batch)
	}
	if !reflect.DeepEqual(sc.Transfer.Load, compound.Const(0)) {
		t.Errorf("transfer.load = %+v, want the default constant 0", sc.Transfer.Load)
	}
	if sc.Sampling != nil || sc.Garbage != nil || sc.SpecialNeeds != nil {
		t.Errorf("absent sections are not nil: %v %v %v", sc.Sampling, sc.Garbage, sc.SpecialNeeds)
	}
	if !reflect.DeepEqual(sc.Zones[0].Walk, compound.Const(180)) {
		t.Errorf("walk = %+v", sc.Zones[0].Walk)
	}
}

// TestNullIsAbsent: a field written with no value takes its default.
func TestNullIsAbsent(t *testing.T) {
	data := readFile(t, "testdata/valid/mini.yaml")
	data = append(data, "seed:\nclock: ~\nsampling: null\n"...)
	sc, err := Load("null.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Seed != 1 || sc.Horizon.Start != 7*3600 || sc.Sampling != nil {
		t.Errorf("seed %d, clock %+v, sampling %v: want the defaults", sc.Seed, sc.Horizon, sc.Sampling)
	}
}

// TestBuiltinsLoad loads every built-in scenario: each passes Check.
func TestBuiltinsLoad(t *testing.T) {
	for _, b := range Builtins() {
		sc, err := Resolve(b.Name)
		noInternal(t, err)
		if err != nil {
			t.Errorf("built-in %s: %v", b.Name, err)
			continue
		}
		if b.Summary == "" {
			t.Errorf("built-in %s has no description", b.Name)
		}
		if sc.Name == "" {
			t.Errorf("built-in %s has no name", b.Name)
		}
	}
}

func TestBuiltin(t *testing.T) {
	infos := Builtins()
	for i := 1; i < len(infos); i++ {
		if infos[i-1].Name >= infos[i].Name {
			t.Errorf("Builtins not sorted: %s before %s", infos[i-1].Name, infos[i].Name)
		}
	}
	for _, b := range infos {
		if _, ok := Builtin(b.Name); !ok {
			t.Errorf("Builtin(%q) not found", b.Name)
		}
	}
	for _, name := range []string{"", "README", "README.md", "../load", "builtin/baseline", ".hidden", "no-such-scenario"} {
		if _, ok := Builtin(name); ok {
			t.Errorf("Builtin(%q) found", name)
		}
	}
}

func TestResolve(t *testing.T) {
	if _, err := Resolve("testdata/valid/small.yaml"); err != nil {
		t.Errorf("Resolve(file): %v", err)
	}
	_, err := Resolve("no/such/file.yaml")
	if err == nil || !errors.Is(err, errNotExist()) {
		t.Errorf("Resolve(missing file) = %v, want a not-exist error", err)
	}
	_, err = Resolve("missing.yml")
	if err == nil || !errors.Is(err, errNotExist()) {
		t.Errorf("Resolve(missing .yml) = %v, want a not-exist error", err)
	}
	names := builtinNames()
	_, err = Resolve("no-such-scenario")
	if err == nil || (len(names) > 0 && !strings.Contains(err.Error(), names[0])) {
		t.Errorf("Resolve(unknown) = %v, want an error listing the built-ins %v", err, names)
	}
	if len(names) == 0 {
		return
	}
	sc, err := Resolve(names[0])
	if err != nil || sc == nil {
		t.Errorf("Resolve(%s) = %v", names[0], err)
	}
	typo := names[0][:len(names[0])-1]
	_, err = Resolve(typo)
	if err == nil || !strings.Contains(err.Error(), "did you mean "+names[0]+"?") {
		t.Errorf("Resolve(%q) = %v, want a suggestion of %s", typo, err, names[0])
	}
}

func TestErrorFormat(t *testing.T) {
	cases := []struct {
		e    Error
		want string
	}{
		{Error{File: "a.yaml", Line: 3, Column: 5, Path: "gate.intake", Msg: "bad"}, "a.yaml:3:5: gate.intake: bad"},
		{Error{File: "a.yaml", Line: 3, Column: 5, Msg: "bad"}, "a.yaml:3:5: bad"},
		{Error{File: "--set x=1", Path: "x", Msg: "bad"}, "--set x=1: x: bad"},
		{Error{File: "a.yaml", Line: 3, Msg: "bad"}, "a.yaml:3: bad"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	errs := Errors{cases[0].e, cases[1].e}
	if got, want := errs.Error(), cases[0].want+"\n"+cases[1].want; got != want {
		t.Errorf("Errors.Error() = %q, want %q", got, want)
	}
}

// TestLoadErrorsType: Load's error is Errors, sorted by position, and the
// scenario is nil.
func TestLoadErrorsType(t *testing.T) {
	sc, err := Load("x.yaml", []byte("gate: {shelfs: 1}\nreplication: 3\nclock: {start: 7am}\n"))
	var errs Errors
	if sc != nil || !errors.As(err, &errs) {
		t.Fatalf("Load = %v, %T; want nil, Errors", sc, err)
	}
	if len(errs) != 3 {
		t.Fatalf("got %d errors, want 3:\n%v", len(errs), err)
	}
	for i := 1; i < len(errs); i++ {
		if errs[i-1].Line > errs[i].Line {
			t.Errorf("errors not sorted by line:\n%v", err)
		}
	}
}

// TestTooManyErrors: the errors stop at maxErrors, with a last line saying
// how many more there are.
func TestTooManyErrors(t *testing.T) {
	var b strings.Builder
	for i := range maxErrors + 50 {
		b.WriteString("x" + strings.Repeat("y", i%7) + "z" + itoa(i) + ": 1\n")
	}
	_, err := Load("many.yaml", []byte(b.String()))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatal(err)
	}
	if len(errs) != maxErrors+1 || !strings.Contains(errs[maxErrors].Msg, "50 more errors") {
		t.Errorf("got %d errors, last %v", len(errs), errs[len(errs)-1])
	}
}

// TestScalarForms: the YAML spellings of times, numbers and booleans.
func TestScalarForms(t *testing.T) {
	data := string(readFile(t, "testdata/valid/mini.yaml"))
	extra := "clock: {start: 07:30, days: 0x2}\nseed: 1_000\nreplications: \"12\"\n" +
		"special_needs: {per_day: 1e2, handling: 1h30m, trip_share: \"0.5\", trip: 2m, target: 1.5h}\n"
	data = strings.Replace(data, "per_zone: true", "per_zone: True", 1) + extra
	data = strings.Replace(data, "staff:\n", "staff:\n  - {name: helpers, count: 1, tasks: [{task: special-needs}]}\n", 1)
	sc, err := Load("forms.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Horizon.Start != 7*3600+30*60 || sc.Horizon.Days != 2 || sc.Seed != 1000 || sc.Replications != 12 || !sc.Staff[2].PerZone {
		t.Errorf("clock %+v, seed %d, replications %d, per_zone %v", sc.Horizon, sc.Seed, sc.Replications, sc.Staff[2].PerZone)
	}
	n := sc.SpecialNeeds
	if n.PerDay != 100 || !reflect.DeepEqual(n.Handling, compound.Const(5400)) || n.TripShare != 0.5 || n.Target != 5400 {
		t.Errorf("special_needs %+v", n)
	}
}

// TestEveryProblemInOnePass: a bound broken in one place is said beside a
// typo in another, sorted by line, without a check that only repeats the
// typo (issue: shelves: -3 showed only once the other errors were fixed).
func TestEveryProblemInOnePass(t *testing.T) {
	data := readFile(t, "testdata/valid/mini.yaml")
	bad := strings.Replace(string(data), "gate:\n  ground: 100", "gate:\n  ground: 100\n  shelves: -3", 1)
	bad = strings.Replace(bad, "disinfection: {space: 50, dwell: 20m}", "disinfection: {spaec: 50, dwell: 20m}", 1)
	_, err := Load("mini.yaml", []byte(bad))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Path)
	}
	if want := []string{"gate.shelves", "disinfection.spaec"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q:\n%v", got, want, err)
	}
}
