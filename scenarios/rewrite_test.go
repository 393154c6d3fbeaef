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
	for _, c := range []string{"# The \"big whites\"", "# Spray, then stand 10-30 minutes", "sources: \"swab time\""} {
		if !strings.Contains(string(out), c) {
			t.Errorf("the comment %q was lost", c)
		}
	}
	if _, err := Rewrite("baseline.yaml", data, Override{Path: "gate.shelfs", Value: "3"}); err == nil {
		t.Error("a bad override was written")
	}
}

// TestRewriteChanged: each changed line says it was changed and what it
// was, in place of its own comment (written for the old value); a line
// holding several changes names each field; lines not changed keep their
// comments.
func TestRewriteChanged(t *testing.T) {
	data, _ := Builtin("baseline")
	out, err := RewriteChanged("baseline.yaml", data,
		Change{Override: Override{Path: "gate.shelves", Value: "12"}, By: "plan", Was: "8"},
		Change{Override: Override{Path: "staff.suited-crew.shifts[0].count", Value: "6"}, By: "plan", Was: "4"},
		Change{Override: Override{Path: "sampling.sites.site-b.swab", Value: "6"}, By: "plan", Was: "5"},
		Change{Override: Override{Path: "sampling.sites.site-b.registration", Value: "3"}, By: "plan", Was: "2"},
		Change{Override: Override{Path: "transfer.carts", Value: "5"}, By: "--set"},
		Change{Override: Override{Path: "delivery.door", Value: "2m"}, By: "plan", Was: "{dist: lognormal, mean: 90s, sd: 40s}"},
		Change{Override: Override{Path: "gate.ground", Value: "70"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, line := range []string{
		"  shelves: 12 # changed by plan: was 8\n",
		`      - {from: "07:00", to: "19:00", count: 6} # changed by plan: count was 4` + "\n",
		"    - {name: site-b, registration: 3, swab: 6} # changed by plan: swab was 5, registration was 2\n",
		"  carts: 5 # changed by --set\n",
		"  door: 2m # changed by plan: was {dist: lognormal, mean: 90s, sd: 40s}\n",
		"  ground: 70\n",
		"  intake: {dist: lognormal, mean: 20s, sd: 8s} # check the address, label the zone (assumption)\n",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("the rewritten file has no line %q", line)
		}
	}
	if strings.Contains(text, "up the building and hand over (assumption)") {
		t.Error("the changed line delivery.door kept its old comment")
	}
}
