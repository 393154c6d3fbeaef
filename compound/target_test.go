package compound

import (
	"strings"
	"testing"
)

// TestTargetUnits: a target's value must be written in its KPI's unit. A
// bare number for a time is refused with the fix (45 could be seconds or
// minutes); a share takes 95% or 0.95; a count takes neither a duration nor
// a percentage; staff-hours take hours, written bare or as a duration.
func TestTargetUnits(t *testing.T) {
	kpis := map[string]KPI{}
	for _, k := range Catalog(&Scenario{Kinds: []Kind{{Name: "takeout", Target: 45 * 60}}, Staff: []Pool{{Name: "crew"}}}) {
		kpis[k.Name] = k
	}
	cases := []struct {
		in    string
		value float64
		bad   string // a part of the error; "" when accepted
	}{
		{in: "takeout.door_time.p95<=45m", value: 2700},
		{in: "takeout.door_time.p95 <= 1h30m", value: 5400},
		{in: "takeout.door_time.p95<=0", value: 0},
		{in: "takeout.door_time.p95<=45", bad: "a duration needs a unit: write 45m (or 45s, 1h)"},
		{in: "takeout.door_time.p95<=1.5", bad: "write 1.5m (or 1.5s, 1h)"},
		{in: "takeout.door_time.p95<=95%", bad: "takeout.door_time.p95 is a time, not a share: write a duration such as 45m"},
		{in: "takeout.within_target>=95%", value: 0.95},
		{in: "takeout.within_target>=0.95", value: 0.95},
		{in: "takeout.within_target>=1", value: 1},
		{in: "takeout.within_target>=95", bad: "a share is from 0 to 1: write 95% (or 0.95)"},
		{in: "takeout.within_target>=120%", bad: "a share is from 0% to 100%"},
		{in: "takeout.within_target>=45m", bad: "takeout.within_target is a share, not a time: write a percentage such as 95% (or 0.95)"},
		{in: "takeout.delivered>=1200", value: 1200},
		{in: "takeout.delivered>=20m", bad: "takeout.delivered is counted in items, not a time: write a number"},
		{in: "takeout.delivered>=95%", bad: "takeout.delivered is counted in items, not a share: write a number"},
		{in: "takeout.throughput>=2h", bad: "takeout.throughput is counted in items/h, not a time: write a number"},
		{in: "staff.crew.hours<=40", value: 40},
		{in: "staff.crew.hours<=90m", value: 1.5},
		{in: "staff.crew.hours<=40%", bad: "staff.crew.hours is in hours, not a share: write a number of hours such as 40 (or a duration, 40h)"},
	}
	for _, c := range cases {
		tg, err := ParseTarget(c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		got, err := tg.ForKPI(kpis[tg.KPI])
		if c.bad != "" {
			if err == nil || !strings.Contains(err.Error(), c.bad) {
				t.Errorf("%q: error %v, want one saying %q", c.in, err, c.bad)
			}
			continue
		}
		if err != nil || got.Value != c.value {
			t.Errorf("%q: value %v (%v), want %v", c.in, got.Value, err, c.value)
		}
		// Fitting again changes nothing: the value is in the KPI's unit.
		if again, err := got.ForKPI(kpis[tg.KPI]); err != nil || again.Value != got.Value {
			t.Errorf("%q fitted twice: %v (%v), want %v", c.in, again.Value, err, got.Value)
		}
	}
}

// TestCheckTargetUnits: Check reports a scenario target written in the
// wrong unit at its place in the list of targets; one on a KPI the
// scenario does not have is left to the commands that check targets.
func TestCheckTargetUnits(t *testing.T) {
	sc := &Scenario{Kinds: []Kind{{Name: "takeout"}},
		Targets: []string{"takeout.door_time.p95 <= 45m", "takeout.door_time.p95 <= 45", "takeout.door_tim.p95 <= 45m"}}
	var got []string
	for _, e := range sc.Check() {
		if strings.HasPrefix(e.Path, "targets") {
			got = append(got, e.Error())
		}
	}
	want := []string{
		`targets[1]: "takeout.door_time.p95 <= 45": a duration needs a unit: write 45m (or 45s, 1h)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
