package compound

import (
	"math"
	"strings"
	"testing"
)

// TestShortShiftUtilisation: zone volunteers on duty 09:00-09:10 with 20
// minutes at each door finish their runs long after their shift. That time
// is overtime; the utilisation of the pool, of each zone's group and of
// every hour stays a share from 0 to 1 (it was 260%).
func TestShortShiftUtilisation(t *testing.T) {
	sc := small()
	v := &sc.Staff[3]
	v.Count, v.Shifts = 0, []Shift{{From: 9 * 3600, To: 9*3600 + 600, Count: 1}}
	sc.Delivery.Door = Const(1200)
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	res := runSmall(t, sc, 0)
	cat := Catalog(sc)
	over, _ := res.Value(cat, "staff.volunteers.overtime")
	if over <= 0 {
		t.Fatalf("no overtime: the test does not reach work past the shift end")
	}
	for i, k := range cat {
		if strings.HasSuffix(k.Name, ".utilisation") && !isShare(res.Values[i]) {
			t.Errorf("%s = %v, want a share from 0 to 1", k.Name, res.Values[i])
		}
	}
	for _, p := range res.Posts {
		if !isShare(p.Utilisation) {
			t.Errorf("post %s: utilisation %v", p.Name, p.Utilisation)
		}
		for h, u := range p.Hourly {
			if !math.IsNaN(u) && !isShare(u) {
				t.Errorf("post %s, hour %d: utilisation %v", p.Name, h, u)
			}
		}
	}
}

func isShare(v float64) bool { return v >= 0 && v <= 1 }
