package reports

import (
	"context"
	"slices"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// plotEventsOutcome is baseline with the building 2 sealed at 10:00 and the
// gate closed from 13:30 to 15:30, two replications.
func plotEventsOutcome(t *testing.T) *experiment.Outcome {
	t.Helper()
	sc, err := scenarios.Resolve("baseline", scenarios.Override{Path: "events",
		Value: `[{day: 1, at: "13:30", close_gate: {for: 2h}}, {day: 1, at: "10:00", seal: {building: "2"}}]`})
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(1)
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestRunPlotsMarkEvents: the run plots whose x axis is the time of day
// mark each event where it begins (or at their left edge when it is in
// force by then), numbered by its place in the timeline, and say in the
// caption what each is; the others are left as they are.
func TestRunPlotsMarkEvents(t *testing.T) {
	plots, err := RunPlots(plotEventsOutcome(t))
	if err != nil {
		t.Fatal(err)
	}
	// The hours each figure's axis shows decide where it marks the events:
	// the sampling round's begin at the round, after the building is sealed.
	want := map[string][]float64{"staging": {10, 13.5}, "queues": {10, 13.5}, "task-queues": {10, 13.5}, "utilisation": {10, 13.5}, "on-duty": {10, 13.5}, "sampling": {-1, 13.5}, "site-queues": {-1, 13.5}}
	for _, p := range plots {
		marks, _ := p.layer("events")
		xs := slices.Clone(want[p.Name])
		if len(xs) > 0 && xs[0] < 0 {
			if xs[0] = p.P.X.Min; xs[0] <= 10 {
				t.Errorf("%s: the axis begins at %v h, not after the seal", p.Name, xs[0])
			}
		}
		if len(marks) != len(xs) {
			t.Errorf("%s: %d events marked, want %d", p.Name, len(marks), len(xs))
			continue
		}
		for i, m := range marks {
			if m.X != xs[i] {
				t.Errorf("%s: event %d marked at %v h, want %v h", p.Name, i+1, m.X, xs[i])
			}
		}
		says := strings.Contains(p.Caption, "2 at 13:30, gate closed for 2h")
		if len(xs) > 0 && !says {
			t.Errorf("%s: the caption does not say what the events are: %s", p.Name, p.Caption)
		}
		if len(xs) == 0 && (says || strings.Contains(p.Caption, "events")) {
			t.Errorf("%s: the caption speaks of events it does not mark: %s", p.Name, p.Caption)
		}
		if len(xs) == 2 && !strings.Contains(p.Caption, "1 at 10:00, building 2 sealed") {
			t.Errorf("%s: the caption does not number the seal first: %s", p.Name, p.Caption)
		}
		if _, err := Render(p.P, "svg", plotWidth, plotHeight); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
}

// TestLimitingPostsMarkEvents: the limiting-posts strip of a marginal
// analysis marks the base scenario's events on its hours, above its top
// row (over it, an event's bar read as one more cell of that post).
func TestLimitingPostsMarkEvents(t *testing.T) {
	o := plotEventsOutcome(t)
	m := &experiment.Marginal{Base: o}
	for h := 7; h < 31; h++ {
		m.Hourly = append(m.Hourly, experiment.HourBottleneck{Hour: float64(h), Post: "gate-crew", Utilisation: 0.5})
	}
	plots, err := MarginalPlots(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		marks, _ := p.layer("events")
		want := 0
		if p.Name == "limiting-posts" {
			want = 2
		}
		if len(marks) != want {
			t.Errorf("%s: %d events marked, want %d", p.Name, len(marks), want)
		}
		if p.Name != "limiting-posts" {
			continue
		}
		top := 0.5 // the strip has one row, 0, whose cells reach up to 0.35
		for _, mk := range marks {
			if mk.Y <= top {
				t.Errorf("an event's mark at %v, over the top row (up to %v)", mk.Y, top)
			}
		}
	}
}
