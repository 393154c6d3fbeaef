package compound

import (
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
