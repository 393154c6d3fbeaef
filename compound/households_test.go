package compound

import "testing"

// TestHouseholdsSameDay: a household is served the same day when every item
// for it that arrived that day was at its door before the day ended; an
// item at the door after the day's end, or never, leaves it waiting; each
// day is counted for itself.
func TestHouseholdsSameDay(t *testing.T) {
	hs := newHouseholds(2)
	end := [2]float64{day, 2 * day}
	at := func(h, d int, door float64) *item { return &item{household: h, day: d, atDoor: door} }
	items := []*item{
		at(1, 0, 100), at(1, 0, 200), // household 1, day 1: both home the same day
		at(2, 0, 300), at(2, 0, day+10), // household 2, day 1: one home the next day
		at(3, 0, -1),     // household 3, day 1: never home (-1: not delivered)
		at(1, 1, day+50), // household 1, day 2: home
	}
	for _, it := range items {
		hs.arrived(it)
	}
	for _, it := range items {
		if it.atDoor >= 0 {
			hs.delivered(it, end[it.day])
		}
	}
	hs.tally(1)
	if got := hs.days; len(got) != 2 || got[0] != (householdFigures{waiting: 3, served: 1}) || got[1] != (householdFigures{waiting: 1, served: 1}) {
		t.Errorf("days %+v, want 3 waiting and 1 served on day 1, 1 and 1 on day 2", got)
	}
	if w := hs.whole(); w != (householdFigures{waiting: 4, served: 2}) {
		t.Errorf("whole run %+v, want 4 and 2", w)
	}
}

// TestHouseholdOf: every item's household is one of its building's, the
// one its uniform draw falls in.
func TestHouseholdOf(t *testing.T) {
	m, err := Build(small(), 0, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Buildings of 20, 22, 18, 20, 25 and 15 households.
	for _, c := range []struct {
		b    int
		u    float64
		want int
	}{{0, 0, 0}, {0, 19.99, 19}, {1, 20, 20}, {1, 41.5, 41}, {5, 119.9, 119}, {2, 5, 42 + 5}, {5, 0.5, 105}} {
		if got := m.householdOf(c.b, c.u); got != c.want {
			t.Errorf("householdOf(%d, %v) = %d, want %d", c.b, c.u, got, c.want)
		}
	}
}

// TestHouseholdsKPIs: when every item reaches its door the day it arrives
// (plenty of staff, nothing arriving at night), every household waiting is
// served the same day; the share is never above 1.
func TestHouseholdsKPIs(t *testing.T) {
	sc := quietNights(1)
	res := runSmall(t, sc, 0)
	cat := Catalog(sc)
	share, _ := res.Value(cat, "households.same_day")
	left, _ := res.Value(cat, "households.left_waiting")
	if share != 1 || left != 0 {
		t.Errorf("same day %v, left waiting %v: want everyone served", share, left)
	}
	sc = small()
	sc.Staff[3].Count = 1 // one volunteer a zone: the day's items pile up
	res = runSmall(t, sc, 0)
	cat = Catalog(sc)
	share, _ = res.Value(cat, "households.same_day")
	left, _ = res.Value(cat, "households.left_waiting")
	if !(share > 0 && share < 1) || left == 0 {
		t.Errorf("same day %v, left waiting %v with one volunteer a zone", share, left)
	}
}
