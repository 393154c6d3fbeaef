package compound

import (
	"testing"
)

// TestSiteCalls: fourZones called one building a wave, reversed: each
// building's call goes to its zone's site at its wave's time, with the
// residents not sampled at home and the zone's walk.
func TestSiteCalls(t *testing.T) {
	sc := fourZones(OrderReversed)
	sc.Sampling.DoorToDoor.Share = 0.25
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	every := float64(sc.Sampling.Calling.Interval)
	want := []SiteCall{ // zones as listed; z called first
		{Site: "a", At: 3 * every, Residents: 0.75 * 40, Walk: 60},
		{Site: "b", At: 2 * every, Residents: 0.75 * float64(sc.Buildings[0].Residents), Walk: 60},
		{Site: "a", At: every, Residents: 0.75 * 55, Walk: 60},
		{Site: "a", At: 0, Residents: 0.75 * 33, Walk: 60},
	}
	got := sc.SiteCalls()
	if len(got) != len(want) {
		t.Fatalf("%d calls, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	sc.Sampling = nil
	if got := sc.SiteCalls(); got != nil {
		t.Errorf("no round: %+v, want none", got)
	}
}
