package experiment_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestCompareBaselineDayOne: with common random numbers, day-one's staging
// KPIs differ significantly from the baseline's, and for the worse.
func TestCompareBaselineDayOne(t *testing.T) {
	c, err := experiment.Compare(context.Background(), []*compound.Scenario{load(t, "baseline"), load(t, "day-one")},
		experiment.Options{Replications: 10})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"gate.staging.time_full": experiment.Worse, // from zero
		"gate.courier_wait.mean": experiment.Worse,
		"gate.turned_away":       experiment.Worse, // from zero
		"takeout.time.sorting":   experiment.None,  // 8s → 8s: smaller than a minute
	}
	small := 0
	for _, d := range c.Differences {
		if d.Small() {
			small++
			if d.Verdict != experiment.None || math.Abs(d.Mean) >= d.MinEffect {
				t.Errorf("%s: %s, %v from %v: small but judged", d.Name, d.Verdict, d.Mean, d.MinEffect)
			}
		}
		if v, ok := want[d.Name]; ok {
			if d.Verdict != v {
				t.Errorf("%s: verdict %s (difference %.1f [%.1f, %.1f]), want %s", d.Name, d.Verdict, d.Mean, d.Low, d.High, v)
			}
			delete(want, d.Name)
		}
		// Common random numbers: the same arrivals in both.
		if strings.HasSuffix(d.Name, ".arrived") && (d.Mean != 0 || d.Verdict != experiment.None) {
			t.Errorf("%s differs (%.1f): the scenarios do not share their arrivals", d.Name, d.Mean)
		}
	}
	for k := range want {
		t.Errorf("no difference reported for %s", k)
	}
	if small == 0 {
		t.Errorf("no significant difference smaller than its minimum effect: the test no longer checks the threshold")
	}
}

// TestCompareWithItself: a scenario compared with itself differs in no KPI.
func TestCompareWithItself(t *testing.T) {
	c, err := experiment.Compare(context.Background(), []*compound.Scenario{load(t, "baseline"), load(t, "baseline")},
		experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Significant(); len(s) > 0 {
		t.Errorf("%d differences, first %s %s", len(s), s[0].Name, s[0].Verdict)
	}
	if len(c.Differences) != len(compound.Catalog(load(t, "baseline"))) {
		t.Errorf("%d differences, want one per KPI", len(c.Differences))
	}
	if !reflect.DeepEqual(c.Identical, []string{"baseline"}) {
		t.Errorf("identical %q, want the baseline", c.Identical)
	}
}

// TestCompareIdentical: a scenario that differs from the first only in
// what no replication reads (name, description, targets) is said to be
// identical; one with a change is not, nor one with other prices: every
// run reports what it cost.
func TestCompareIdentical(t *testing.T) {
	base := load(t, "../scenarios/testdata/valid/mini.yaml")
	renamed := *base
	renamed.Name, renamed.Description, renamed.Targets = "renamed", "the same", []string{"express.delivered >= 1"}
	changed := *base
	changed.Name = "changed"
	changed.Gate.Ground++
	repriced := *base
	repriced.Name = "repriced"
	repriced.Costs.Suit++
	c, err := experiment.Compare(context.Background(), []*compound.Scenario{base, &renamed, &changed, &repriced}, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Identical, []string{"renamed"}) {
		t.Errorf("identical %q, want [renamed]", c.Identical)
	}
}

func TestParseAxis(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		bad  bool
	}{
		{in: "gate.ground=10,20,40", want: []string{"10", "20", "40"}},
		{in: "gate.when_full=wait, turn-away", want: []string{"wait", "turn-away"}},
		{in: "staff.suited-crew.count=2..5", want: []string{"2", "3", "4", "5"}},
		{in: "x=1..2:0.5", want: []string{"1", "1.5", "2"}},
		{in: "transfer.fill=5m..20m:5m", want: []string{"5m", "10m", "15m", "20m"}},
		{in: "x=5..1", bad: true},
		{in: "x=1..5:0", bad: true},
		{in: "x=10m..30m", bad: true}, // a range of durations needs a step
		{in: "x=a..b", bad: true},     // neither numbers, durations nor times of day
		// Times of day, by a duration: an event's time swept.
		{in: "events[0].at=10:00..12:00:30m", want: []string{"10:00", "10:30", "11:00", "11:30", "12:00"}},
		{in: "x=10:00..12:00", bad: true},    // a range of times needs a step
		{in: "x=10:00..09:00:1h", bad: true}, // backwards
		{in: "x=10:00..12:00:10", bad: true}, // the step is a duration
		{in: "x=10:00..25:99:1h", bad: true}, // not a time of day
		{in: "x=1..1000000", bad: true},
		{in: "x=", bad: true},
		{in: "=1,2", bad: true},
		{in: "x=1,,2", bad: true},
		{in: "x=a..b", bad: true},
		// Values may be YAML mappings and lists, with commas inside.
		{in: "staff.runners.shifts[0]={from: 12:00, to: 22:00},{from: 12:30, to: 22:30}",
			want: []string{"{from: 12:00, to: 22:00}", "{from: 12:30, to: 22:30}"}},
		{in: `x=[1, 2], "a,b", 'c,d'`, want: []string{"[1, 2]", `"a,b"`, "'c,d'"}},
		{in: "x={a: 1", bad: true},
		{in: "x=a}, b", bad: true},
	}
	for _, c := range cases {
		a, err := experiment.ParseAxis(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("%q: no error, got %v", c.in, a.Values)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(a.Values, c.want) {
			t.Errorf("%q: %v %v, want %v", c.in, a.Values, err, c.want)
		}
	}
}

func TestGridOrder(t *testing.T) {
	g := experiment.Grid([]experiment.Axis{{Path: "a", Values: []string{"1", "2"}}, {Path: "b", Values: []string{"x", "y", "z"}}})
	want := [][]string{{"1", "x"}, {"1", "y"}, {"1", "z"}, {"2", "x"}, {"2", "y"}, {"2", "z"}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("grid %v", g)
	}
}

// TestSweepSameForAnyWorkers: a 2 × 2 sweep gives the same numbers with one
// worker and with three, and every point sees the same arrivals.
func TestSweepSameForAnyWorkers(t *testing.T) {
	axes := []experiment.Axis{{Path: "gate.ground", Values: []string{"20", "60"}}, {Path: "transfer.carts", Values: []string{"2", "4"}}}
	build := func(vals []string) (*compound.Scenario, error) {
		return scenarios.Resolve("day-one", scenarios.Override{Path: axes[0].Path, Value: vals[0]},
			scenarios.Override{Path: axes[1].Path, Value: vals[1]})
	}
	run := func(workers int) *experiment.Sweep {
		s, err := experiment.RunSweep(context.Background(), axes, build, experiment.Options{Replications: 3, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := run(1), run(3)
	for i := range a.Points {
		for j, k := range a.Points[i].Outcome.KPIs {
			if !reflect.DeepEqual(nanSafe(k.Values), nanSafe(b.Points[i].Outcome.KPIs[j].Values)) {
				t.Fatalf("point %v, %s: %v with one worker, %v with three", a.Points[i].Values, k.Name, k.Values, b.Points[i].Outcome.KPIs[j].Values)
			}
		}
		arr, _ := a.Points[i].Outcome.KPI("express.arrived")
		arr0, _ := a.Points[0].Outcome.KPI("express.arrived")
		if !reflect.DeepEqual(arr.Values, arr0.Values) {
			t.Errorf("point %v sees other arrivals than point %v", a.Points[i].Values, a.Points[0].Values)
		}
	}
	ground20, _ := a.Points[0].Outcome.KPI("gate.staging.max")
	ground60, _ := a.Points[2].Outcome.KPI("gate.staging.max")
	if ground20.Mean > 20 || ground60.Mean <= 20 {
		t.Errorf("staging peaks %v and %v: the override did not reach the points", ground20.Mean, ground60.Mean)
	}
}

// TestTargets: a target met, one missed with its margin, and one naming no
// KPI (an error naming the nearest).
func TestTargets(t *testing.T) {
	out := run(t, load(t, "baseline"), 5)
	ts := func(s ...string) []compound.Target {
		var r []compound.Target
		for _, x := range s {
			tg, err := compound.ParseTarget(x)
			if err != nil {
				t.Fatal(err)
			}
			r = append(r, tg)
		}
		return r
	}
	got, err := experiment.CheckTargets(out, ts("sampling.not_sampled <= 0", "sampling.makespan <= 1h"))
	if err != nil {
		t.Fatal(err)
	}
	if !got[0].Met || got[1].Met || got[1].Margin >= 0 || experiment.AllMet(got) {
		t.Errorf("targets %+v", got)
	}
	mk, _ := out.KPI("sampling.makespan")
	if got[1].Margin != 3600-mk.Mean {
		t.Errorf("margin %v, want %v", got[1].Margin, 3600-mk.Mean)
	}
	if _, err := experiment.CheckTargets(out, ts("sampling.makespam <= 4h")); err == nil || !strings.Contains(err.Error(), "sampling.makespan") {
		t.Errorf("unknown KPI: %v", err)
	}
}
