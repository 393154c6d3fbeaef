package compound

import (
	"math"
	"strings"
	"testing"
)

// TestStability: the small scenario keeps up everywhere; with an intake of
// half an hour per item its gate crew cannot, and the message names the post
// and the hours.
func TestStability(t *testing.T) {
	sc := small()
	if ins := sc.Stability(); len(ins) != 0 {
		t.Fatalf("the small scenario is reported unstable: %v", ins)
	}
	// Intake: 150 + 60 items a day at 20 s is 1.2 unit-hours; with a mean
	// intake of 30 minutes it is 105 unit-hours against the gate crew's 35.5
	// a day: unstable, and overloaded in the busy hours.
	sc.Gate.Intake = Const(1800)
	ins := sc.Stability()
	if len(ins) != 1 || ins[0].Post != "gate" || ins[0].Load <= ins[0].Capacity {
		t.Fatalf("instabilities %v, want the gate crew", ins)
	}
	msg := ins[0].String()
	if !strings.HasPrefix(msg, "unstable: gate at ") || !strings.Contains(msg, "% of capacity") || !strings.Contains(msg, ":00–") {
		t.Errorf("message %q", msg)
	}
	t.Log(msg)
}

// TestStabilityShortShift: zone volunteers on duty 09:00-09:10 with 20
// minutes at each door cannot keep up, but someone is on duty: the
// capacity is the ten minutes on duty (a sixth of a unit-hour, in the 09:00
// hour), and the message does not say no one is on duty all day.
func TestStabilityShortShift(t *testing.T) {
	sc := small()
	v := &sc.Staff[3]
	v.Count, v.Shifts = 0, []Shift{{From: 9 * 3600, To: 9*3600 + 600, Count: 1}}
	sc.Delivery.Door = Const(1200)
	var north *Instability
	ins := sc.Stability()
	for i := range ins {
		if ins[i].Post == "volunteers/north" {
			north = &ins[i]
		}
	}
	if north == nil {
		t.Fatalf("instabilities %v, want volunteers/north", ins)
	}
	if math.Abs(north.Capacity-1.0/6) > 1e-9 {
		t.Errorf("capacity %v unit-hours, want 1/6 (ten minutes on duty)", north.Capacity)
	}
	msg := north.String()
	if strings.Contains(msg, "at no one on duty") || !strings.Contains(msg, "% of capacity") {
		t.Errorf("message %q: someone is on duty 09:00-09:10", msg)
	}
	if got := north.Explain(); !strings.Contains(got, "its capacity 0.17") {
		t.Errorf("explanation %q, want the capacity of 0.17 unit-hours", got)
	}
	t.Log(north.Explain())
}

// TestPreCheckNamesTheTask: a pool doing several tasks has a line per task
// in the pre-check, each labelled with its task (the small scenario's
// workers take special-needs cards and run samples to the lab; both lines
// said "workers").
func TestPreCheckNamesTheTask(t *testing.T) {
	sc := small()
	seen := map[string]bool{}
	for _, p := range sc.OfferedLoad() {
		if seen[p.Post] {
			t.Errorf("two lines for post %q", p.Post)
		}
		seen[p.Post] = true
	}
	for _, want := range []string{"workers (special-needs)", "workers (lab-run)", "gate", "volunteers/north"} {
		if !seen[want] {
			t.Errorf("no line for %q (lines %v)", want, seen)
		}
	}
	sc.SpecialNeeds.Handling = Const(20 * 3600)
	ins := sc.Stability()
	if len(ins) != 1 || ins[0].Post != "workers (special-needs)" {
		t.Errorf("instabilities %v, want workers (special-needs)", ins)
	}
}
