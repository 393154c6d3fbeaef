package scenarios

import (
	"strings"
	"testing"

	"cordon/compound"
)

// refusal is a change to testdata/valid/mini.yaml that the loader must
// refuse with one error, at a position, naming the field.
type refusal struct {
	name     string
	old, new string // the text replaced in mini.yaml, and its replacement
	at       string // the start of the error: "mini.yaml:19:12: deliveries[0].name: "
	says     []string
}

// checkRefusals loads each edited file and checks its error.
func checkRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	base := string(readFile(t, "testdata/valid/mini.yaml"))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("mini.yaml has no %q", c.old)
			}
			_, err := Load("mini.yaml", []byte(strings.Replace(base, c.old, c.new, 1)))
			noInternal(t, err)
			if err == nil {
				t.Fatal("accepted")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.at) || strings.Count(msg, "\n") > 0 {
				t.Errorf("error %q, want one line starting %q", msg, c.at)
			}
			for _, s := range c.says {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not say %q", msg, s)
				}
			}
		})
	}
}

// TestNamesThatWouldCollide: a kind named after a KPI group (its KPIs would
// be the group's: items.delivered the total of every kind) or with a dot,
// and a pool with a dot, are refused, the error listing the reserved names;
// a kind or a pool with an @ (a day's KPI is KPI@dayN) is refused too.
func TestNamesThatWouldCollide(t *testing.T) {
	reserved := "items, gate, households, sampling, garbage, special_needs, posts, staff, consumables, cost"
	checkRefusals(t, []refusal{
		{"kind items", "{name: express,", "{name: items,", "mini.yaml:19:12: deliveries[0].name: ", []string{`"items"`, reserved}},
		{"kind gate", "{name: express,", "{name: gate,", "mini.yaml:19:12: deliveries[0].name: ", []string{`"gate"`, reserved}},
		{"kind staff", "{name: express,", "{name: staff,", "mini.yaml:19:12: deliveries[0].name: ", []string{reserved}},
		{"kind with a dot", "{name: express,", "{name: staff.volunteers,", "mini.yaml:19:12: deliveries[0].name: ", []string{"dot", reserved}},
		{"pool with a dot", "name: gate-crew", "name: gate.crew", "mini.yaml:8:11: staff[0].name: ", []string{"dot"}},
		{"kind cost", "{name: express,", "{name: cost,", "mini.yaml:19:12: deliveries[0].name: ", []string{`"cost"`, reserved}},
		{"kind with an @", "{name: express,", "{name: express@day2,", "mini.yaml:19:12: deliveries[0].name: ", []string{"@", "express@day2"}},
		{"pool with an @", "name: gate-crew", "name: gate@crew", "mini.yaml:8:11: staff[0].name: ", []string{"has an @"}},
	})
}

// TestProfilesRefused: a profile that cannot be a relative volume (all
// zero, negative, not finite) is refused at the number or the list.
func TestProfilesRefused(t *testing.T) {
	with := func(p string) string { return "per_day: 100, profile: " + p + "}" }
	checkRefusals(t, []refusal{
		{"all zero", "per_day: 100}", with("[0, 0]"), "mini.yaml:19:35: deliveries[0].profile: ", []string{"all zero"}},
		{"negative", "per_day: 100}", with("[1, -1]"), "mini.yaml:19:48: deliveries[0].profile[1]: ", []string{"-1"}},
		{"NaN", "per_day: 100}", with("[.nan, 1]"), "mini.yaml:19:45: deliveries[0].profile[0]: ", []string{"finite"}},
		{"infinite", "per_day: 100}", with("[1, .inf]"), "mini.yaml:19:48: deliveries[0].profile[1]: ", []string{"finite"}},
		{"too large", "per_day: 100}", with("[1e400]"), "mini.yaml:19:45: deliveries[0].profile[0]: ", []string{"finite"}},
	})
}

// TestProfilesOfAnyScale: profiles of the largest and the smallest floats
// load, and a run gets the day's items (it got none, or failed on +Inf).
func TestProfilesOfAnyScale(t *testing.T) {
	base := string(readFile(t, "testdata/valid/mini.yaml"))
	for _, p := range []string{"[1e307, 1e307]", "[5e-324]", "[1.7976931348623157e308, 0, 0]"} {
		sc, err := Load("mini.yaml", []byte(strings.Replace(base, "per_day: 100}", "per_day: 100, profile: "+p+"}", 1)))
		if err != nil {
			t.Fatalf("profile %s: %v", p, err)
		}
		m, err := compound.Build(sc, 0, compound.Options{})
		if err != nil {
			t.Fatalf("profile %s: %v", p, err)
		}
		res, err := m.Run()
		if err != nil {
			t.Fatalf("profile %s: %v", p, err)
		}
		if n, _ := res.Value(compound.Catalog(sc), "express.arrived"); n < 50 {
			t.Errorf("profile %s: %v items arrived, want about 100", p, n)
		}
	}
}

// TestBatchesRefused: a constant batch is a whole number of items, one or
// more.
func TestBatchesRefused(t *testing.T) {
	with := func(b string) string { return "per_day: 100, batch: " + b + "}" }
	checkRefusals(t, []refusal{
		{"half an item", "per_day: 100}", with("{dist: constant, value: 0.5}"), "mini.yaml:19:35: deliveries[0].batch: ", []string{"whole number", "0.5"}},
		{"two and a half", "per_day: 100}", with("2.5"), "mini.yaml:19:42: deliveries[0].batch: ", []string{"whole number", "2.5"}},
		{"none", "per_day: 100}", with("0"), "mini.yaml:19:42: deliveries[0].batch: ", []string{"whole number"}},
	})
}

// TestCostsRefused: each cost is from 0 to compound.MaxCost, refused at its
// value (a shelf of 1e308 made plan print a cost of +Inf).
func TestCostsRefused(t *testing.T) {
	checkRefusals(t, []refusal{
		{"shelf", "door: 1m}", "door: 1m}\ncosts: {shelf: 1e308}", "mini.yaml:24:16: costs.shelf: ", []string{"from 0 to 1000000000", "1e+308"}},
		{"medical", "door: 1m}", "door: 1m}\ncosts: {medical: 1000000001}", "mini.yaml:24:18: costs.medical: ", []string{"from 0 to 1000000000"}},
		{"hour", "count: 2\n    tasks: [{task: intake}", "count: 2\n    hour_cost: 2e9\n    tasks: [{task: intake}", "mini.yaml:10:16: staff[0].hour_cost: ", []string{"from 0 to 1000000000"}},
	})
}

// TestNameRequired: a scenario has a name (the summary began ": 2
// replications" without one); empty, null or left out, it is refused.
func TestNameRequired(t *testing.T) {
	checkRefusals(t, []refusal{
		{"empty", "name: mini", `name: ""`, "mini.yaml:1:7: name: ", []string{"name"}},
		{"blank", "name: mini", `name: "  "`, "mini.yaml:1:7: name: ", []string{"name"}},
		{"null", "name: mini", "name: null", "mini.yaml:1:7: name: ", []string{"name"}},
		{"tilde", "name: mini", "name: ~", "mini.yaml:1:7: name: ", []string{"name"}},
		{"left out", "name: mini\n", "", "mini.yaml:1:1: name: ", []string{"name"}},
	})
}
