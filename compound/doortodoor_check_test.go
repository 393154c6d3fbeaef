package compound

import (
	"strings"
	"testing"
)

// TestDoorToDoorNeedsAPool: residents sampled at home need a pool doing
// door-to-door; without one the check says so (the build used to panic on
// the missing pool).
func TestDoorToDoorNeedsAPool(t *testing.T) {
	sc := small()
	sc.Staff = sc.Staff[:len(sc.Staff)-1] // the mobile team
	errs := sc.Check()
	if len(errs) != 1 || errs[0].Path != "sampling.door_to_door" || !strings.Contains(errs[0].Msg, "door-to-door task") {
		t.Fatalf("errors %v, want one at sampling.door_to_door naming the door-to-door task", errs)
	}
	sc.Sampling.DoorToDoor.Share = 0
	if errs := sc.Check(); len(errs) > 0 {
		t.Errorf("no one at home and no mobile team: %v", errs)
	}
}
