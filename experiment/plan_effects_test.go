package experiment

import (
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
