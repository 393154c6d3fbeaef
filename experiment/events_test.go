package experiment_test

import (
	"context"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestGateClosureAtLunchRaisesTakeoutDoorTime: the gate closed for two
// hours over the lunchtime peak of takeout (11:00 to 13:00), its couriers
// waiting, raises the day's mean takeout time to the door against the same
// day without the closure: paired over common random numbers, significant,
// and with the same arrivals in both.
func TestGateClosureAtLunchRaisesTakeoutDoorTime(t *testing.T) {
	closed, err := scenarios.Resolve("baseline", scenarios.Override{Path: "events",
		Value: `[{day: 1, at: "11:00", close_gate: {for: 2h, couriers: wait}}]`})
	if err != nil {
		t.Fatal(err)
	}
	c, err := experiment.Compare(context.Background(), []*compound.Scenario{load(t, "baseline"), closed},
		experiment.Options{Replications: 10})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range c.Differences {
		switch {
		case d.Name == "takeout.door_time.mean":
			found = true
			if d.Verdict != experiment.Worse || !(d.Low > 0) {
				t.Errorf("takeout.door_time.mean: %s, %+.0fs [%+.0f, %+.0f]: want significantly longer", d.Verdict, d.Mean, d.Low, d.High)
			}
		case strings.HasSuffix(d.Name, ".arrived") && (d.Mean != 0 || d.Verdict != experiment.None):
			t.Errorf("%s differs (%.1f): the closure changed the arrivals", d.Name, d.Mean)
		}
	}
	if !found {
		t.Error("no takeout.door_time.mean difference")
	}
}
