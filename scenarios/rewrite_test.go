package scenarios

import (
	"reflect"
	"strings"
	"testing"

	"cordon/compound"
)

// TestRewrite writes changes into the baseline and loads the result: the
// same scenario as loading with the overrides, the comments kept.
func TestRewrite(t *testing.T) {
	data, _ := Builtin("baseline")
	ovs := []Override{
		{Path: "staff.suited-crew.shifts[0].count", Value: "6"},
		{Path: "gate.shelves", Value: "12"},
		{Path: "sampling.sites.site-b.swab", Value: "6"},
		{Path: "name", Value: "baseline-plan"},
		{Path: "staff.runners.shifts[0]", Value: "{from: 12:30, to: 22:30}"},
	}
	out, err := Rewrite("baseline.yaml", data, ovs...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load("plan.yaml", out)
	if err != nil {
		t.Fatalf("the rewritten file does not load: %v", err)
	}
	want, err := Load("baseline.yaml", data, ovs...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the rewritten file holds another scenario than the overrides give")
	}
	if runners := got.Staff[6].Shifts[0]; runners != (compound.Shift{From: 12*3600 + 1800, To: 22*3600 + 1800, Count: 4}) {
		t.Errorf("the runners' shift moved to %+v, want 12:30-22:30 with its count of 4", runners)
	}
	if got.Staff[1].Shifts[0].Count != 6 || got.Gate.Shelves != 12 || got.Name != "baseline-plan" {
		t.Errorf("changes missing: %+v %d %s", got.Staff[1].Shifts[0], got.Gate.Shelves, got.Name)
	}
	for _, c := range []string{"# The \"big whites\"", "# Spray, then stand 10-30 minutes", "table 1b"} {
		if !strings.Contains(string(out), c) {
			t.Errorf("the comment %q was lost", c)
		}
	}
	if _, err := Rewrite("baseline.yaml", data, Override{Path: "gate.shelfs", Value: "3"}); err == nil {
		t.Error("a bad override was written")
	}
}
