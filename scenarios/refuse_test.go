package scenarios

import (
	"strings"
	"testing"
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
// and a pool with a dot, are refused, the error listing the reserved names.
func TestNamesThatWouldCollide(t *testing.T) {
	reserved := "items, gate, sampling, garbage, special_needs, staff"
	checkRefusals(t, []refusal{
		{"kind items", "{name: express,", "{name: items,", "mini.yaml:19:12: deliveries[0].name: ", []string{`"items"`, reserved}},
		{"kind gate", "{name: express,", "{name: gate,", "mini.yaml:19:12: deliveries[0].name: ", []string{`"gate"`, reserved}},
		{"kind staff", "{name: express,", "{name: staff,", "mini.yaml:19:12: deliveries[0].name: ", []string{reserved}},
		{"kind with a dot", "{name: express,", "{name: staff.volunteers,", "mini.yaml:19:12: deliveries[0].name: ", []string{"dot", reserved}},
		{"pool with a dot", "name: gate-crew", "name: gate.crew", "mini.yaml:8:11: staff[0].name: ", []string{"dot"}},
	})
}
