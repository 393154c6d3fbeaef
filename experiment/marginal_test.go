package experiment_test

import (
	"context"
	"strings"
	"testing"

	"cordon/experiment"
)

// TestMarginalDayOne: on day one, where the staging area turns couriers
// away, one more shelf or container buys the most on the items turned away,
// and its gain is significant; one more swabber buys nothing there.
func TestMarginalDayOne(t *testing.T) {
	sc := load(t, "day-one")
	m, err := experiment.MarginalAnalysis(context.Background(), sc, []string{"gate.turned_away", "express.door_time.p95"},
		experiment.Options{Replications: 8})
	if err != nil {
		t.Fatal(err)
	}
	top := m.Knobs[0]
	if top.Knob.Name != "shelves" && top.Knob.Name != "containers" {
		t.Errorf("top knob %s (score %.2f), want more staging", top.Knob.Name, top.Score)
	}
	if g := top.Gains[0]; !(g.Low > 0) {
		t.Errorf("%s: gain on turned away %.1f [%.1f, %.1f], want significant", top.Knob.Name, g.Mean, g.Low, g.High)
	}
	swabKnob := false
	for _, kg := range m.Knobs {
		if kg.Knob.Name == "site-a swab" {
			swabKnob = true
			if kg.Gains[0].Mean != 0 || kg.Score != 0 {
				t.Errorf("a swabber changes the gate: %+v", kg.Gains[0])
			}
		}
	}
	if !swabKnob {
		t.Error("no knob named site-a swab")
	}
	// Hour by hour: at 11:00, the lunchtime deliveries, the staging area
	// limits the work; at 14:00, in the sampling round, a site's swabbers.
	if len(m.Hourly) != 24 {
		t.Fatalf("%d hours", len(m.Hourly))
	}
	at := func(clock float64) experiment.HourBottleneck {
		for _, h := range m.Hourly {
			if h.Hour == clock {
				return h
			}
		}
		t.Fatalf("no hour at %v", clock)
		return experiment.HourBottleneck{}
	}
	if h := at(11); h.Post != "staging" {
		t.Errorf("at 11:00 %s limits, want staging", h.Post)
	}
	if h := at(14); !strings.HasSuffix(h.Post, " swab") {
		t.Errorf("at 14:00 %s limits, want a site's swabbers", h.Post)
	}
}
