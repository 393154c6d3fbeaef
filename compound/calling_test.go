package compound

import (
	"math"
	"slices"
	"testing"
)

// fourZones returns small() with four zones of one building each, called
// one a wave: zones w (site a, 40 residents), x (site b, 44), y (site a,
// 55) and z (site a, 33).
func fourZones(order string) *Scenario {
	sc := small()
	sc.Buildings[3].Residents = 40
	sc.Zones = []Zone{
		{Name: "w", Buildings: []string{"4"}, Walk: Const(60), Site: "a", WalkToSite: Const(60)},
		{Name: "x", Buildings: []string{"1"}, Walk: Const(60), Site: "b", WalkToSite: Const(60)},
		{Name: "y", Buildings: []string{"5"}, Walk: Const(60), Site: "a", WalkToSite: Const(60)},
		{Name: "z", Buildings: []string{"6"}, Walk: Const(60), Site: "a", WalkToSite: Const(60)},
	}
	sc.Buildings = []Building{sc.Buildings[0], sc.Buildings[3], sc.Buildings[4], sc.Buildings[5]}
	sc.Sampling.Calling.PerWave = 1
	sc.Sampling.Calling.Order = order
	return sc
}

func TestCallOrder(t *testing.T) {
	for _, c := range []struct {
		order string
		want  []int
	}{
		{"", []int{0, 1, 2, 3}},
		{OrderListed, []int{0, 1, 2, 3}},
		{OrderReversed, []int{3, 2, 1, 0}},
		{OrderSitesInTurn, []int{0, 1, 2, 3}}, // a, b, a, then a alone
		{OrderLargestFirst, []int{2, 1, 0, 3}},
	} {
		sc := fourZones(c.order)
		if errs := sc.Check(); len(errs) > 0 {
			t.Fatalf("%s: %v", c.order, errs)
		}
		if got := sc.CallOrder(); !slices.Equal(got, c.want) {
			t.Errorf("%s: call order %v, want %v", c.order, got, c.want)
		}
	}
	// Sites in turn interleaves zones listed site by site.
	sc := fourZones(OrderSitesInTurn)
	sc.Zones[1].Site, sc.Zones[2].Site = "a", "b" // a, a, b, a
	if got, want := sc.CallOrder(), []int{0, 2, 1, 3}; !slices.Equal(got, want) {
		t.Errorf("sites in turn over a, a, b, a: %v, want %v", got, want)
	}
	if sc.Sampling.Calling.Order = "random"; len(sc.Check()) == 0 {
		t.Error("an unknown calling order passes the check")
	}
}

// TestCallOrderInTheRun checks that the order decides when each zone is
// called: with waves three hours apart, zone x (alone at site b) is called
// in the second wave as listed and in the third reversed; and that its
// residents' times do not depend on the order: site b's round moves by
// exactly the three hours.
func TestCallOrderInTheRun(t *testing.T) {
	run := func(order string) *Result {
		sc := fourZones(order)
		sc.Sampling.Calling.Interval = 3 * 3600
		sc.Sampling.Start = 8 * 3600
		sc.Sampling.DoorToDoor.Share = 0
		m, err := Build(sc, 0, Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Run()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	cat := Catalog(fourZones(OrderListed))
	value := func(r *Result, name string) float64 {
		v, ok := r.Value(cat, name)
		if !ok {
			t.Fatalf("no KPI %s", name)
		}
		return v
	}
	listed, reversed := run(OrderListed), run(OrderReversed)
	// Listed: x is called in the second wave (3h); reversed, in the third (6h).
	bListed, bReversed := value(listed, "sampling.site.b.makespan"), value(reversed, "sampling.site.b.makespan")
	if !(bListed > 3*3600 && bListed < 4*3600) || !(bReversed > 6*3600 && bReversed < 7*3600) {
		t.Errorf("site b's makespan %v listed, %v reversed: want within the hour after its wave, at 3h and at 6h", bListed, bReversed)
	}
	if d := bReversed - bListed; math.Abs(d-3*3600) > 1e-6 {
		t.Errorf("site b's round moves by %vs with the order, want exactly 3h: its residents' times should not depend on the order", d)
	}
}
