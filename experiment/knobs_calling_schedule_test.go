package experiment_test

import (
	"context"
	"slices"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/stats"
)

// callingSchedule replaces small.yaml's waves by an explicit schedule:
// both zones called at 08:00, to site-a.
var callingSchedule = []scenarios.Override{
	{Path: "sampling.calling.interval", Value: "0s"},
	{Path: "sampling.calling.per_wave", Value: "0"},
	{Path: "sampling.calling.schedule", Value: `[{buildings: ["1-2"], at: "08:00", site: site-a}, {buildings: ["3", A], at: "08:00", site: site-a}]`},
}

// TestCallScheduleKnobs: an explicit calling schedule makes each call's
// time and site a zero-cost knob, in place of the interval, buildings per
// wave and order; sending the second call to the other site shortens the
// queue at the sites, at no cost.
func TestCallScheduleKnobs(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml", callingSchedule...)
	if err != nil {
		t.Fatal(err)
	}
	ks := experiment.Knobs(sc)
	byPath := func(p string) (experiment.Knob, bool) {
		i := slices.IndexFunc(ks, func(k experiment.Knob) bool { return k.Path == p })
		if i < 0 {
			return experiment.Knob{}, false
		}
		return ks[i], true
	}
	for _, p := range []string{"sampling.calling.interval", "sampling.calling.per_wave", "sampling.calling.order"} {
		if _, ok := byPath(p); ok {
			t.Errorf("a knob %s with a schedule", p)
		}
	}
	at, ok := byPath("sampling.calling.schedule[1].at")
	if !ok || at.Resource != experiment.KnobSchedule || at.Arranges != experiment.ArrangesCalling || at.Value(sc) != 8*60 || at.Min != 8*60 {
		t.Fatalf("the second call's time: %+v", at)
	}
	if got := at.Text(8*60 + 30); got != "08:30" {
		t.Errorf("08:30 written %q", got)
	}
	site, ok := byPath("sampling.calling.schedule[1].site")
	if !ok || site.Value(sc) != 0 {
		t.Fatalf("the second call's site: %+v", site)
	}
	other := site.With(sc, 1)
	if experiment.Cost(other) != experiment.Cost(sc) || experiment.Cost(at.With(sc, 9*60)) != experiment.Cost(sc) {
		t.Error("moving a call costs something")
	}
	opt := experiment.Options{Replications: 10}
	a, err := experiment.Run(context.Background(), sc, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.Run(context.Background(), other, opt)
	if err != nil {
		t.Fatal(err)
	}
	pa, _ := a.KPI("sampling.queue.peak")
	pb, _ := b.KPI("sampling.queue.peak")
	d, err := stats.Paired(pa.Values, pb.Values, experiment.Level)
	if err != nil || !(d.High < 0) { // there minus here
		t.Errorf("queue peak %.1f with both calls to site-a, %.1f with the second to site-b: %+v %v", pa.Mean, pb.Mean, d, err)
	}
}
