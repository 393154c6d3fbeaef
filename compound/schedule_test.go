package compound

import (
	"strings"
	"testing"
)

// TestLorryArrivesOnTime: a lorry of 100 reserve packs scheduled at 14:00
// on day 1 arrives at 14:00 in every replication, exactly 100 items at
// that time and no other item of its kind; on day 2 of a run of two days
// a second one does the same, a day later.
func TestLorryArrivesOnTime(t *testing.T) {
	sc := small()
	sc.Horizon.Days = 2
	sc.Kinds = append(sc.Kinds, Kind{Name: "reserve", Batch: Const(1),
		Schedule: []Drop{{Day: 1, At: 14 * 3600, Items: 100}, {Day: 2, At: 14 * 3600, Items: 60}}})
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	at1, at2 := sc.timeline().at(0, 14*3600), sc.timeline().at(1, 14*3600)
	cat := Catalog(sc)
	for rep := range 5 {
		log := &Log{}
		m, err := Build(sc, rep, Options{Log: log})
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Run()
		if err != nil {
			t.Fatal(err)
		}
		n1, n2 := 0, 0
		for _, a := range log.Arrivals {
			switch {
			case a.Kind != 2:
			case a.At == at1:
				n1++
			case a.At == at2:
				n2++
			default:
				t.Errorf("rep %d: a reserve item arrived at %s", rep, Clock(sc.timeline().clockOf(a.At)))
			}
		}
		if n1 != 100 || n2 != 60 {
			t.Errorf("rep %d: %d items at 14:00 on day 1 and %d on day 2, want 100 and 60", rep, n1, n2)
		}
		for name, want := range map[string]float64{"reserve.arrived": 160, "reserve.arrived@day1": 100, "reserve.arrived@day2": 60} {
			if v, _ := res.Value(cat, name); v != want {
				t.Errorf("rep %d: %s = %v, want %v", rep, name, v, want)
			}
		}
		if l := res.Ledger; l.Arrived != l.Delivered+l.InPipeline+l.TurnedAway {
			t.Errorf("rep %d: ledger %+v does not add up", rep, l)
		}
	}
}

// TestLorryLeavesRandomItemsAlone: the items of a lorry draw from streams
// of their own, so the kind's random items arrive as they did without it
// and draw the same service times.
func TestLorryLeavesRandomItemsAlone(t *testing.T) {
	sc := small()
	with := small()
	with.Kinds[0].Schedule = []Drop{{Day: 1, At: 14 * 3600, Items: 50}}
	logs := [2]*Log{{}, {}}
	for i, s := range []*Scenario{sc, with} {
		m, err := Build(s, 0, Options{Log: logs[i]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.Run(); err != nil {
			t.Fatal(err)
		}
	}
	at := sc.timeline().at(0, 14*3600)
	var without, others []LoggedArrival
	for _, a := range logs[0].Arrivals {
		without = append(without, LoggedArrival{At: a.At, Kind: a.Kind, Building: a.Building})
	}
	lorry := 0
	for _, a := range logs[1].Arrivals {
		if a.Kind == 0 && a.At == at && strings.HasPrefix(a.ID, "express-") && lorry < 50 {
			lorry++
			continue
		}
		others = append(others, LoggedArrival{At: a.At, Kind: a.Kind, Building: a.Building})
	}
	if lorry != 50 || len(others) != len(without) {
		t.Fatalf("%d lorry items; %d other arrivals, %d without the lorry", lorry, len(others), len(without))
	}
	for i := range others {
		if others[i] != without[i] {
			t.Fatalf("arrival %d: %+v with the lorry, %+v without", i, others[i], without[i])
		}
	}
}

// TestScheduleChecked: a drop off the run's days, before its start, after
// its end, or with no items or too many, is refused at its field.
func TestScheduleChecked(t *testing.T) {
	for _, c := range []struct {
		drop Drop
		path string
		says string
	}{
		{Drop{Day: 0, At: 14 * 3600, Items: 1}, "deliveries[0].schedule[0].day", "from 1 to 1"},
		{Drop{Day: 2, At: 14 * 3600, Items: 1}, "deliveries[0].schedule[0].day", "from 1 to 1"},
		{Drop{Day: 1, At: 6 * 3600, Items: 1}, "deliveries[0].schedule[0].at", "before the run starts"},
		{Drop{Day: 1, At: 25 * 3600, Items: 1}, "deliveries[0].schedule[0].at", "00:00 to 24:00"},
		{Drop{Day: 1, At: 14 * 3600, Items: 0}, "deliveries[0].schedule[0].items", "at least 1"},
		{Drop{Day: 1, At: 14 * 3600, Items: MaxDropItems + 1}, "deliveries[0].schedule[0].items", "at most"},
	} {
		sc := small()
		sc.Kinds[0].Schedule = []Drop{c.drop}
		errs := sc.Check()
		if len(errs) != 1 || errs[0].Path != c.path || !strings.Contains(errs[0].Msg, c.says) {
			t.Errorf("%+v: %v, want one error at %s saying %q", c.drop, errs, c.path, c.says)
		}
	}
	sc := small()
	sc.Horizon.Start = 0
	sc.Kinds[0].Schedule = []Drop{{Day: 1, At: 24 * 3600, Items: 1}}
	if errs := sc.Check(); len(errs) != 1 || !strings.Contains(errs[0].Msg, "after the run ends") {
		t.Errorf("a drop at the run's end: %v", errs)
	}
	sc = small()
	for range MaxScheduledItems/MaxDropItems + 1 {
		sc.Kinds[0].Schedule = append(sc.Kinds[0].Schedule, Drop{Day: 1, At: 14 * 3600, Items: MaxDropItems})
	}
	if errs := sc.Check(); len(errs) != 1 || errs[0].Path != "deliveries" {
		t.Errorf("drops bringing too many items in all: %v", errs)
	}
}
