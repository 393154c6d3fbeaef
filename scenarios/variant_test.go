package scenarios

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseVariant: a variant is a name and values set as --set sets them,
// split at the commas outside brackets, braces and quotes; errors name the
// variant and say what to write.
func TestParseVariant(t *testing.T) {
	v, err := ParseVariant("slow: gate.intake={dist: gamma, mean: 40s, cv: 0.5}, staff.suited-crew.shifts[0].count=4, targets=['a <= 5m', \"b, c\"]")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range v.Overrides {
		got = append(got, o.Path+"="+o.Value+" ("+o.Flag+")")
	}
	want := []string{
		"gate.intake={dist: gamma, mean: 40s, cv: 0.5} (--variant slow:)",
		"staff.suited-crew.shifts[0].count=4 (--variant slow:)",
		"targets=['a <= 5m', \"b, c\"] (--variant slow:)",
	}
	if v.Name != "slow" || !reflect.DeepEqual(got, want) {
		t.Errorf("%q %q, want slow %q", v.Name, got, want)
	}
	if d := v.Describe("baseline"); d != "baseline with gate.intake={dist: gamma, mean: 40s, cv: 0.5}, staff.suited-crew.shifts[0].count=4, targets=['a <= 5m', \"b, c\"]" {
		t.Errorf("description %q", d)
	}
	for in, msg := range map[string]string{
		"gate.shelves=8":          "name the variant first",
		": gate.shelves=8":        "the name before ':' is empty",
		"x:":                      "no value set",
		"x: gate.shelves=8,":      "an empty value between commas",
		"x: gate.shelves":         "gate.shelves: write path=value",
		"x: gate.shelves=8,, a=1": "an empty value between commas",
	} {
		_, err := ParseVariant(in)
		if err == nil || !strings.Contains(err.Error(), msg) || !strings.HasPrefix(err.Error(), "--variant ") {
			t.Errorf("%q: error %v, want one saying %q", in, err, msg)
		}
	}
}
