package compound

import (
	"math"
	"slices"
	"testing"

	"cordon/sim/random"
)

// TestGarbageRestCountsStairsWalkAndBinTrips: a building's collection
// besides its bags is one walk to it, the stairs once a household, and a
// trip to the bins each time the volunteer's hands are full (rounded up),
// none without bags.
func TestGarbageRestCountsStairsWalkAndBinTrips(t *testing.T) {
	c := func(v float64) random.Dist {
		d, err := random.Constant(v).New(nil)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	gr := &garbageRound{spec: &Garbage{BagsPerTrip: 6}, stairs: c(30), walk: c(90), binTrip: c(120)}
	for _, tc := range []struct {
		households, bags int
		want             float64
	}{
		{10, 13, 90 + 10*30 + 3*120},
		{10, 12, 90 + 10*30 + 2*120},
		{4, 0, 90 + 4*30},
		{1, 1, 90 + 30 + 120},
	} {
		if got := gr.rest(tc.households, tc.bags); got != tc.want {
			t.Errorf("rest(%d households, %d bags) = %v, want %v", tc.households, tc.bags, got, tc.want)
		}
	}
	if got := (&garbageRound{spec: &Garbage{}}).rest(10, 13); got != 0 {
		t.Errorf("without stairs, walk or bin trips: rest = %v, want 0", got)
	}
}

// TestGarbageRestLeftOutDrawsNothing: a scenario that gives the stairs,
// walk and bin trips as 0s runs exactly as one that leaves them out, and
// giving them makes the night's round finish later, with every other draw
// of the run unchanged (their streams are their own): the deliveries of the
// day are the same.
func TestGarbageRestLeftOutDrawsNothing(t *testing.T) {
	without := runSmall(t, small(), 1)
	zero := small()
	zero.Garbage.Stairs, zero.Garbage.Walk, zero.Garbage.BinTrip, zero.Garbage.BagsPerTrip = Const(0), Const(0), Const(0), 6
	if got := runSmall(t, zero, 1); !sameBits(got.Values, without.Values) || got.Ledger != without.Ledger {
		t.Errorf("stairs, walk and bin trips of 0s changed the run")
	}
	with := small()
	with.Garbage.Stairs = Dist{random.Spec{Family: random.FamilyTriangular, Min: 20, Mode: 40, Max: 90}}
	with.Garbage.Walk, with.Garbage.BinTrip, with.Garbage.BagsPerTrip = Const(60), Const(150), 6
	if errs := with.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	got := runSmall(t, with, 1)
	cat := Catalog(with)
	before, _ := without.Value(cat, "garbage.done_after")
	after, _ := got.Value(cat, "garbage.done_after")
	if !(after > before) {
		t.Errorf("garbage.done_after %v with stairs, walk and bin trips, %v without: want later", after, before)
	}
	if got.Ledger.Arrived != without.Ledger.Arrived || got.Ledger.Residents != without.Ledger.Residents {
		t.Errorf("arrivals %d with the garbage round's rest, %d without: another stream moved", got.Ledger.Arrived, without.Ledger.Arrived)
	}
}

// sameBits reports whether two lists of values are the same, bit for bit
// (NaN where the other has NaN).
func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}
