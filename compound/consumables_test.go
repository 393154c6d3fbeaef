package compound

import (
	"math"
	"testing"
)

// TestSuitsCounted: an idle suited pool of 2 with a 4-hour suit limit and
// a 30-minute change-over puts on a suit at 0, 4h30, 9h, 13h30, 18h and
// 22h30 each: 12 in a day; the round's 5 medical workers one each; the
// run's suits are the two. Without a suit limit a pool counts none.
func TestSuitsCounted(t *testing.T) {
	sc := small()
	for i := range sc.Kinds {
		sc.Kinds[i].PerDay = 0 // no item: the suited crew is idle
	}
	sc.Costs.Suit = 30
	res := runSmall(t, sc, 0)
	cat := Catalog(sc)
	v := func(name string) float64 { x, _ := res.Value(cat, name); return x }
	if got := v("staff.suited.suits"); got != 12 {
		t.Errorf("staff.suited.suits = %v, want 12", got)
	}
	if got := v("consumables.suits"); got != 12+5 {
		t.Errorf("consumables.suits = %v, want 17", got)
	}
	for _, k := range cat {
		if k.Name == "staff.gate.suits" {
			t.Error("a pool without a suit limit counts suits")
		}
	}
	if got, want := v("cost.consumables"), 17*sc.Costs.Suit; got != want {
		t.Errorf("cost.consumables = %v, want %v", got, want)
	}
}

// TestDisinfectantCounted: every item put in the disinfection area is
// sprayed once: when every item has gone through, the litres are the
// items delivered times the amount per item.
func TestDisinfectantCounted(t *testing.T) {
	sc := quietNights(1)
	sc.Costs.DisinfectantPerItem = 0.05
	sc.Costs.Disinfectant = 12
	res := runSmall(t, sc, 0)
	cat := Catalog(sc)
	v := func(name string) float64 { x, _ := res.Value(cat, name); return x }
	litres := float64(res.Ledger.Delivered) * 0.05
	if res.Ledger.InPipeline != 0 || res.Ledger.TurnedAway != 0 || math.Abs(v("consumables.disinfectant")-litres) > 1e-9 {
		t.Errorf("disinfectant %v litres, want %v (ledger %+v)", v("consumables.disinfectant"), litres, res.Ledger)
	}
	want := v("consumables.suits")*sc.Costs.Suit + litres*12
	if math.Abs(v("cost.consumables")-want) > 1e-6 {
		t.Errorf("cost.consumables %v, want %v", v("cost.consumables"), want)
	}
	if got := v("cost.total"); math.Abs(got-(v("cost.staff")+v("cost.equipment")+v("cost.consumables"))) > 1e-6 {
		t.Errorf("cost.total %v is not the sum of its parts", got)
	}
}

// TestRunCostIsPlannedCost: a run's staff and equipment cost, rounded to
// the cent, is what the planner reckons for the scenario.
func TestRunCostIsPlannedCost(t *testing.T) {
	for _, days := range []int{1, 2} {
		sc := small()
		sc.Horizon.Days = days
		sc.Costs = Costs{Shelf: 300, Container: 1500, Cart: 200, DisinfectionSlot: 20, Medical: 800, Suit: 30, Disinfectant: 10, DisinfectantPerItem: 0.02}
		for i := range sc.Staff {
			sc.Staff[i].HourCost = 40 + float64(i)
		}
		res := runSmall(t, sc, 0)
		cat := Catalog(sc)
		staff, _ := res.Value(cat, "cost.staff")
		equipment, _ := res.Value(cat, "cost.equipment")
		if got, want := math.Round((staff+equipment)*100)/100, sc.PlannedCost(); got != want || want == 0 {
			t.Errorf("%d days: cost.staff + cost.equipment = %v, planned %v", days, got, want)
		}
	}
}

// TestSealedBuildingVisitsUseSuits: each visit of the crew to a sealed
// building (a run with items to its doors, a resident swabbed at home, a
// night's bags) takes a fresh suit, on top of the suited pools' and the
// medical staff's.
func TestSealedBuildingVisitsUseSuits(t *testing.T) {
	sc := withEvents(t, Event{Day: 1, At: clockOf(t, "10:00"), Seal: &Seal{Building: "2"}})
	cat := Catalog(sc)
	medical := 0
	for _, s := range sc.Sampling.Sites {
		medical += s.Registration + s.Swab
	}
	for rep := range 2 {
		m, res, _ := runLogged(t, sc, rep)
		v := func(name string) float64 { x, _ := res.Value(cat, name); return x }
		s := m.seals[0]
		if s.runs == 0 || s.swabbed == 0 || s.collected == 0 {
			t.Fatalf("rep %d: %d runs, %d swabbed, %d nights: the test checks nothing", rep, s.runs, s.swabbed, s.collected)
		}
		want := v("staff.suited.suits") + float64(medical+s.runs+s.swabbed+s.collected)
		if got := v("consumables.suits"); got != want {
			t.Errorf("rep %d: consumables.suits = %v, want %v (%d runs, %d swabbed, %d nights)", rep, got, want, s.runs, s.swabbed, s.collected)
		}
	}
}
