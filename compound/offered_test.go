package compound

import (
	"math"
	"testing"
)

// TestStaffHours: the small scenario's gate pool has 2 on 07:00-19:00 and 1
// on 19:00-07:00 with a 30-minute break of one at 12:00: over the run (one
// day from 07:00) that is 2×12 + 1×12 − 0.5 = 35.5 staff-hours; the zone
// pool of 2 per zone in 2 zones, all day, is 96.
func TestStaffHours(t *testing.T) {
	sc := small()
	if h := sc.StaffHours(0); h != 35.5 {
		t.Errorf("gate: %v staff-hours, want 35.5", h)
	}
	if h := sc.StaffHours(3); h != 96 {
		t.Errorf("volunteers: %v staff-hours, want 96", h)
	}
}

// TestOfferedLoad: the small scenario's intake load at 10:00. Express: 150 a
// day with profile weight 2 of 22 in that hour = 13.636 items; takeout: 60
// a day with the 12-number profile, 10:00 in slot 5 of weight 1, each slot
// covering two hours, so 1 of 20 over the day = 3 items. Intake mean 20 s:
// load = 16.636 × 20 / 3600 = 0.0924 Erlangs against 2 on duty.
func TestOfferedLoad(t *testing.T) {
	sc := small()
	var intake PostLoad
	for _, p := range sc.OfferedLoad() {
		if p.Post == "gate" {
			intake = p
		}
	}
	want := (150*2.0/22 + 60*1.0/20) * 20 / 3600
	if math.Abs(intake.Load[10]-want) > 1e-9 || intake.Capacity[10] != 2 || intake.Capacity[20] != 1 {
		t.Errorf("intake at 10:00: load %v capacity %v (at 20:00 %v), want %v against 2 and 1",
			intake.Load[10], intake.Capacity[10], intake.Capacity[20], want)
	}
	if len(intake.Overloads()) != 0 {
		t.Errorf("overloads %v", intake.Overloads())
	}
	// One swabber in all for the round: overloaded while residents come.
	sc.Sampling.Sites[0].Swab = 1
	sc.Sampling.Sites[1].Swab = 1
	sc.Sampling.Calling.Interval = 60
	found := false
	for _, p := range sc.OfferedLoad() {
		if p.Post == "a swab" && len(p.Overloads()) > 0 {
			found = true
			t.Log(p.Overloads()[0])
		}
	}
	if !found {
		t.Error("one swabber for a fast round is not reported overloaded")
	}
}
