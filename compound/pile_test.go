package compound

import (
	"math"
	"strings"
	"testing"

	"cordon/sim/random"
)

// piling is the small scenario with a staging area of 5 places whose
// couriers put what does not fit on a pile outside, checked in 60 s an
// item against 20 s in the staging area.
func piling(t *testing.T) *Scenario {
	t.Helper()
	sc := small()
	sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.WhenFull = 5, 0, WhenFullPile
	sc.Gate.PileIntake = Dist{random.Spec{Family: random.FamilyLogNormal, Mean: 60, SD: 15}}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return sc
}

// TestPileConservesItems: with a pile, every item that arrives is
// delivered or still on its way (on the pile among them), none is turned
// away, and the same arrivals that impatient couriers partly take away
// from a full gate are all kept.
func TestPileConservesItems(t *testing.T) {
	sc := piling(t)
	impatient := small()
	impatient.Gate.Ground, impatient.Gate.Shelves, impatient.Gate.CourierPatience = 5, 0, 300
	cat := Catalog(sc)
	for rep := range 5 {
		m, res := runModel(t, sc, rep, Options{})
		l := res.Ledger
		if l.Arrived == 0 || l.TurnedAway != 0 || l.Arrived != l.Delivered+l.InPipeline {
			t.Errorf("rep %d: items arrived %d, delivered %d, in pipeline %d, turned away %d",
				rep, l.Arrived, l.Delivered, l.InPipeline, l.TurnedAway)
		}
		onPile := int(m.gate.pile.level.Value())
		if onPile < 0 || onPile > l.InPipeline {
			t.Errorf("rep %d: %d items on the pile at the end, %d in the pipeline", rep, onPile, l.InPipeline)
		}
		piled, _ := res.Value(cat, "gate.pile.items")
		most, _ := res.Value(cat, "gate.pile.max")
		lay, _ := res.Value(cat, "gate.pile.time_nonempty")
		if piled == 0 || most == 0 || lay <= 0 || most > piled {
			t.Errorf("rep %d: pile items %v, most %v, time with items %v", rep, piled, most, lay)
		}
		if away, _ := res.Value(cat, "gate.turned_away"); away != 0 {
			t.Errorf("rep %d: %v items turned away with a pile", rep, away)
		}
		// The bottleneck ranking's staging post: nothing turned away, its
		// work waiting on the pile.
		for _, p := range res.Posts {
			if p.Name == "staging" && (p.Blocked != 0 || p.Saturated != lay || p.QueueMax != most) {
				t.Errorf("rep %d: staging post blocked %d, work waiting %v s, longest queue %v; want 0, the pile's %v s and %v",
					rep, p.Blocked, p.Saturated, p.QueueMax, lay, most)
			}
		}
		ri := runSmall(t, impatient, rep).Ledger
		if ri.Arrived != l.Arrived || ri.TurnedAway == 0 {
			t.Errorf("rep %d: impatient couriers: arrived %d (pile: %d), turned away %d: want the same arrivals, some turned away",
				rep, ri.Arrived, l.Arrived, ri.TurnedAway)
		}
	}
}

// TestPileIntakeSlower: the gate crew takes longer over an item from the
// pile than over one from the staging area, by the pile's own intake time;
// with the pile's intake as fast as the staging area's, the difference
// goes.
func TestPileIntakeSlower(t *testing.T) {
	sc := piling(t)
	m, err := Build(sc, 0, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Run(); err != nil {
		t.Fatal(err)
	}
	p := m.gate.pile
	if p.intake.Count() == 0 || p.stagedIntake.Count() == 0 {
		t.Fatalf("items from the pile %d, from staging %d: want both", p.intake.Count(), p.stagedIntake.Count())
	}
	if pile, staged := p.intake.Mean(), p.stagedIntake.Mean(); pile < staged+30 {
		t.Errorf("intake from the pile %.0f s, from staging %.0f s: want the pile's slower by about 40 s", pile, staged)
	}
}

// TestPileIntakeRequired: a pile without its own intake time is refused,
// naming the field.
func TestPileIntakeRequired(t *testing.T) {
	sc := small()
	sc.Gate.WhenFull = WhenFullPile
	errs := sc.Check()
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "gate.pile_intake") {
		t.Errorf("a pile without pile_intake: %v", errs)
	}
}

// TestPileByDay: in a run of two days, the pile's items of each day add up
// to the run's, its most on a day is at most the run's, and its time with
// items likewise adds up.
func TestPileByDay(t *testing.T) {
	sc := piling(t)
	sc.Horizon.Days = 2
	res := runSmall(t, sc, 1)
	v := func(name string) float64 { return value(t, sc, res, name) }
	items, d1, d2 := v("gate.pile.items"), v("gate.pile.items@day1"), v("gate.pile.items@day2")
	if items == 0 || d1 == 0 || d2 == 0 || d1+d2 != items {
		t.Errorf("items on the pile: %v over the run, %v + %v by day", items, d1, d2)
	}
	if most := v("gate.pile.max"); max(v("gate.pile.max@day1"), v("gate.pile.max@day2")) != most {
		t.Errorf("most on the pile %v over the run, %v and %v by day", most, v("gate.pile.max@day1"), v("gate.pile.max@day2"))
	}
	if lay, a, b := v("gate.pile.time_nonempty"), v("gate.pile.time_nonempty@day1"), v("gate.pile.time_nonempty@day2"); math.Abs(lay-(a+b)) > 1e-6*lay {
		t.Errorf("time with items on the pile %v over the run, %v + %v by day", lay, a, b)
	}
}

// TestPileKPIsForEveryGate: a gate whose couriers wait (or turn away) has
// the pile's KPIs too, at zero, for the whole run and each day, so that
// comparing it with a gate that piles shows the pile against nothing.
func TestPileKPIsForEveryGate(t *testing.T) {
	for _, when := range []string{WhenFullWait, WhenFullTurnAway} {
		sc := small()
		sc.Gate.WhenFull = when
		sc.Horizon.Days = 2
		if errs := sc.Check(); len(errs) > 0 {
			t.Fatal(errs)
		}
		_, res := runModel(t, sc, 0, Options{})
		for _, name := range []string{"gate.pile.items", "gate.pile.max", "gate.pile.time_nonempty",
			"gate.pile.max@day1", "gate.pile.time_nonempty@day2"} {
			if v := value(t, sc, res, name); v != 0 {
				t.Errorf("when_full %s: %s = %v, want 0", when, name, v)
			}
		}
	}
}
