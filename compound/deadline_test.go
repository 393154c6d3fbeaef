package compound

import (
	"math"
	"testing"
)

// TestDeadlineTally: items at the door within the deadline count for it;
// late, turned away, or still on their way past it count against it; an
// item on its way not yet past it is left out of the share but counts in
// the longest wait.
func TestDeadlineTally(t *testing.T) {
	var d deadlineTally
	if !math.IsNaN(d.share()) || !math.IsNaN(d.longestOrNaN(0)) {
		t.Errorf("nothing decided: share %v, longest %v", d.share(), d.longestOrNaN(0))
	}
	d.delivered(100, 200)
	d.delivered(200, 200)
	d.delivered(300, 200)
	d.turnedAway()
	d.onTheWay(150, 200)
	d.onTheWay(500, 200)
	if d.within != 2 || d.missed != 3 || d.share() != 0.4 || d.longest != 500 {
		t.Errorf("within %d missed %d share %v longest %v, want 2, 3, 0.4, 500", d.within, d.missed, d.share(), d.longest)
	}
}

// TestMedicineDeadline: with a deadline no item can meet, every medicine
// item is past it and none within; with one every item meets, all that
// reached the door are within it; the longest wait is never shorter than
// the longest time to the door of those delivered.
func TestMedicineDeadline(t *testing.T) {
	for _, c := range []struct {
		deadline Duration
		share    float64
	}{{1, 0}, {48 * 3600, 1}} {
		sc := small()
		sc.Kinds = append(sc.Kinds, Kind{Name: "medicine", PerDay: 40, Batch: Const(1), Priority: 3, Deadline: c.deadline})
		if errs := sc.Check(); len(errs) > 0 {
			t.Fatal(errs)
		}
		res := runSmall(t, sc, 2)
		cat := Catalog(sc)
		v := func(name string) float64 { x, _ := res.Value(cat, name); return x }
		arrived, missed := v("medicine.arrived"), v("medicine.deadline_missed")
		if arrived == 0 || v("medicine.within_deadline") != c.share {
			t.Errorf("deadline %s: within %v, want %v (arrived %v)", c.deadline, v("medicine.within_deadline"), c.share, arrived)
		}
		if c.share == 0 && missed != arrived || c.share == 1 && missed != 0 {
			t.Errorf("deadline %s: %v missed of %v", c.deadline, missed, arrived)
		}
		if v("medicine.longest_wait") < v("medicine.door_time.max") {
			t.Errorf("longest wait %v, longest time to the door %v", v("medicine.longest_wait"), v("medicine.door_time.max"))
		}
	}
	for _, k := range Catalog(small()) {
		if k.Name == "express.within_deadline" {
			t.Error("a kind without a deadline has within_deadline")
		}
	}
}
