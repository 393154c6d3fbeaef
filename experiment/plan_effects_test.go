package experiment

import (
	"slices"
	"testing"

	"cordon/compound"
	"cordon/sim/stats"
)

// TestSideEffectsLeaveOutWhatThePlanBuys: staff-hours (of a pool, of
// everyone, of the medical staff), suits, disinfectant and money go up
// with what a plan adds; they are its cost, not a side effect. A door time
// made worse is one.
func TestSideEffectsLeaveOutWhatThePlanBuys(t *testing.T) {
	kpis := []compound.KPI{
		{Name: "staff.crew.hours", Unit: "h", Better: "lower"},
		{Name: "staff.hours", Unit: "h", Better: "lower"},
		{Name: "sampling.staff_hours", Unit: "h", Better: "lower"},
		{Name: "sampling.site.a.staff_hours@day1", Unit: "h", Better: "lower", Day: 1},
		{Name: "staff.crew.suits", Unit: "suits", Better: "lower"},
		{Name: "consumables.suits", Unit: "suits", Better: "lower"},
		{Name: "consumables.disinfectant", Unit: "litres", Better: "lower"},
		{Name: "cost.total", Unit: "cost", Better: "lower"},
		{Name: "express.door_time.p95", Unit: "s", Better: "lower"},
	}
	outcome := func(v float64) *Outcome {
		o := &Outcome{}
		for _, k := range kpis {
			o.KPIs = append(o.KPIs, KPIResult{KPI: k, Summary: stats.Summarize([]float64{v, v + 1, v + 2, v + 3}, Level)})
		}
		return o
	}
	got, err := sideEffects(outcome(1000), outcome(5000))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "express.door_time.p95" {
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		t.Errorf("side effects %v, want express.door_time.p95 alone", names)
	}
}

// TestSideEffectsSayADayOnce: a day's KPI that is the whole run's in
// every replication (something that happens on that day alone) is not
// listed again beside the whole run's; a day's that differs is, and so is
// a day's whose whole-run KPI is not made worse.
func TestSideEffectsSayADayOnce(t *testing.T) {
	kpis := []compound.KPI{
		{Name: "gate.pile.time_nonempty", Unit: "s", Better: "lower"},
		{Name: "gate.pile.time_nonempty@day1", Unit: "s", Better: "lower", Day: 1},
		{Name: "gate.pile.time_nonempty@day2", Unit: "s", Better: "lower", Day: 2},
		{Name: "express.door_time.p95", Unit: "s", Better: "lower"},
		{Name: "express.door_time.p95@day1", Unit: "s", Better: "lower", Day: 1},
		{Name: "express.door_time.p95@day2", Unit: "s", Better: "lower", Day: 2},
	}
	// The pile lies on day 1 alone; the door time is worse on both days,
	// differently.
	values := map[string][2][]float64{
		"gate.pile.time_nonempty":      {{600, 700, 800, 900}, {1600, 1700, 1850, 1900}},
		"gate.pile.time_nonempty@day1": {{600, 700, 800, 900}, {1600, 1700, 1850, 1900}},
		"gate.pile.time_nonempty@day2": {{0, 0, 0, 0}, {0, 0, 0, 0}},
		"express.door_time.p95":        {{3000, 3100, 3200, 3300}, {3900, 4000, 4150, 4200}},
		"express.door_time.p95@day1":   {{3100, 3200, 3300, 3400}, {4000, 4100, 4250, 4300}},
		"express.door_time.p95@day2":   {{2900, 3000, 3100, 3200}, {3800, 3900, 4050, 4100}},
	}
	outcome := func(i int) *Outcome {
		o := &Outcome{}
		for _, k := range kpis {
			o.KPIs = append(o.KPIs, KPIResult{KPI: k, Summary: stats.Summarize(values[k.Name][i], Level)})
		}
		return o
	}
	got, err := sideEffects(outcome(0), outcome(1))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
	}
	want := []string{"gate.pile.time_nonempty", "express.door_time.p95", "express.door_time.p95@day1", "express.door_time.p95@day2"}
	if !slices.Equal(names, want) {
		t.Errorf("side effects %v, want %v", names, want)
	}
}
