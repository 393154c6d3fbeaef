package compound

import (
	"math"
	"reflect"
	"testing"
)

func TestSmallScenarioIsValid(t *testing.T) {
	if errs := small().Check(); len(errs) > 0 {
		t.Fatalf("small scenario: %v", errs)
	}
}

func runSmall(t *testing.T, sc *Scenario, rep int) *Result {
	t.Helper()
	m, err := Build(sc, rep, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestConservation checks, over several replications and variants, that
// every item and every resident is accounted for: items arrived = delivered
// + still in the pipeline (counted by the kernel: entities on the item flow)
// + turned away; residents = sampled + not yet sampled (entities on the
// residents' flows plus residents of buildings not yet called).
func TestConservation(t *testing.T) {
	variants := map[string]func(*Scenario){
		"as is": func(*Scenario) {},
		"tiny staging, turn away": func(sc *Scenario) {
			sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.WhenFull = 5, 0, "turn-away"
		},
		"tiny staging, impatient couriers": func(sc *Scenario) {
			sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.CourierPatience = 5, 0, 300
		},
		"round late in the day": func(sc *Scenario) { sc.Sampling.Start = 5*3600 + 6*3600 + 23*60 + 3*3600 }, // 17:23
		"one swabber": func(sc *Scenario) {
			sc.Sampling.Sites[0].Swab, sc.Sampling.Sites[1].Swab = 1, 1
		},
	}
	for name, change := range variants {
		t.Run(name, func(t *testing.T) {
			sc := small()
			change(sc)
			if errs := sc.Check(); len(errs) > 0 {
				t.Fatal(errs)
			}
			for rep := range 5 {
				l := runSmall(t, sc, rep).Ledger
				if l.Arrived == 0 || l.Arrived != l.Delivered+l.InPipeline+l.TurnedAway {
					t.Errorf("rep %d: items arrived %d != delivered %d + in pipeline %d + turned away %d",
						rep, l.Arrived, l.Delivered, l.InPipeline, l.TurnedAway)
				}
				if l.Residents != 264 || l.Residents != l.Sampled+l.NotSampled {
					t.Errorf("rep %d: residents %d != sampled %d + not sampled %d", rep, l.Residents, l.Sampled, l.NotSampled)
				}
			}
		})
	}
}

// TestTurnAwayCounted: with 5 staging slots and couriers turned away, items
// are lost at the gate and the KPI says so.
func TestTurnAwayCounted(t *testing.T) {
	sc := small()
	sc.Gate.Ground, sc.Gate.Shelves, sc.Gate.WhenFull = 5, 0, "turn-away"
	res := runSmall(t, sc, 0)
	cat := Catalog(sc)
	away, _ := res.Value(cat, "gate.turned_away")
	if away == 0 || float64(res.Ledger.TurnedAway) != away {
		t.Errorf("turned away %v, ledger %d", away, res.Ledger.TurnedAway)
	}
}

// TestSameSeedSameResult: a replication is a function of (scenario, seed,
// replication) only.
func TestSameSeedSameResult(t *testing.T) {
	a := runSmall(t, small(), 3)
	b := runSmall(t, small(), 3)
	if !reflect.DeepEqual(nanSafe(a.Values), nanSafe(b.Values)) {
		t.Error("two runs of replication 3 differ")
	}
	c := runSmall(t, small(), 4)
	if reflect.DeepEqual(nanSafe(a.Values), nanSafe(c.Values)) {
		t.Error("replications 3 and 4 are identical")
	}
}

// TestScenarioNotChanged: Build and Run leave the scenario as it was, so
// replications can share it.
func TestScenarioNotChanged(t *testing.T) {
	sc := small()
	before := *sc
	runSmall(t, sc, 0)
	if !reflect.DeepEqual(before, *sc) {
		t.Error("running changed the scenario")
	}
}

// TestCommonRandomNumbers: a scenario that differs only in staffing sees
// exactly the same arrivals.
func TestCommonRandomNumbers(t *testing.T) {
	a := small()
	b := small()
	b.Staff[1].Count = 4
	ra, rb := runSmall(t, a, 2), runSmall(t, b, 2)
	cat := Catalog(a)
	for _, k := range []string{"express.arrived", "takeout.arrived", "special_needs.cards"} {
		va, _ := ra.Value(cat, k)
		vb, _ := rb.Value(cat, k)
		if va != vb {
			t.Errorf("%s: %v with 2 suited workers, %v with 4", k, va, vb)
		}
	}
}

// TestEventGuard: a run stopped by the event limit names the longest queue.
func TestEventGuard(t *testing.T) {
	m, err := Build(small(), 0, Options{MaxEvents: 500})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Run()
	if err == nil {
		t.Fatal("no error from a run over its event limit")
	}
	t.Log(err)
}

func nanSafe(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		if math.IsNaN(x) {
			x = -1e300
		}
		out[i] = x
	}
	return out
}
