package reports

import (
	"context"
	"math"
	"testing"

	"gonum.org/v1/plot/plotter"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// dataReview is day-one's log (replication 0) reviewed through day-one
// with ten shelves at the gate, with its observations, over 4
// replications: some observed figures fall outside their bands.
func dataReview(t *testing.T) *experiment.Review {
	t.Helper()
	_, roomy, log := dayOneLog(t)
	r, err := experiment.ReviewDay(context.Background(), roomy, log.Arrivals, nil, experiment.ObservedOf(log), experiment.ReviewAsk{},
		experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// dayOneLog is day-one, day-one with ten shelves at the gate, and
// day-one's log of replication 0: what the review tests replay.
func dayOneLog(t *testing.T) (sc, roomy *compound.Scenario, log *compound.Log) {
	t.Helper()
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	roomy, err = scenarios.Resolve("day-one", scenarios.Override{Path: "gate.shelves", Value: "10"})
	if err != nil {
		t.Fatal(err)
	}
	log, _, err = experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	return sc, roomy, log
}

// plotNamed returns the plot called name.
func plotNamed(t *testing.T, plots []Plot, name string) Plot {
	t.Helper()
	for _, p := range plots {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no plot %q", name)
	return Plot{}
}

// hasXY reports whether xys holds the point (x, y).
func hasXY(xys plotter.XYs, x, y float64) bool {
	for _, p := range xys {
		if near(p.X, x) && near(p.Y, y) {
			return true
		}
	}
	return false
}

// TestPlotReviewHourlyData: each hourly figure draws, for every hour on
// the clock axis, the replay's mean (a step over the hour, or a point at
// its end for the backlog), the band's edges at the prediction interval,
// and the observed figure at the hour's middle (or end), in the outside
// layer exactly when it is outside its interval.
func TestPlotReviewHourlyData(t *testing.T) {
	r := dataReview(t)
	plots, err := ReviewPlots(r)
	if err != nil {
		t.Fatal(err)
	}
	start := float64(r.Replay.Scenario.Horizon.Start) / 3600
	cases := []struct {
		name  string
		scale float64
		atEnd bool
		get   func(experiment.ReviewHour) experiment.Beside
	}{
		{"review-delivered", 1, false, func(h experiment.ReviewHour) experiment.Beside { return h.Delivered }},
		{"review-door-time", 60, false, func(h experiment.ReviewHour) experiment.Beside { return h.DoorTime }},
		{"review-backlog", 1, true, func(h experiment.ReviewHour) experiment.Beside { return h.Backlog }},
	}
	for _, c := range cases {
		p := plotNamed(t, plots, c.name)
		mean, _ := p.layer("replay")
		ring, _ := p.layer("band")
		observed, _ := p.layer("observed")
		out, _ := p.layer("outside")
		outside, drawn := 0, 0
		for _, h := range r.Hours {
			b := c.get(h)
			from := start + h.Start/3600
			at := from + 0.5
			if c.atEnd {
				at = from + 1
			}
			if !math.IsNaN(b.Simulated.Mean) {
				m := b.Simulated.Mean / c.scale
				if c.atEnd && !hasXY(mean, at, m) || !c.atEnd && !(hasXY(mean, from, m) && hasXY(mean, from+1, m)) {
					t.Errorf("%s at %v: the replay's mean %v is not drawn", c.name, from, m)
				}
				edge := from // the band's corners over an hour, or at its end
				if c.atEnd {
					edge = at
				}
				if !math.IsNaN(b.PredLow) && !(hasXY(ring, edge, b.PredHigh/c.scale) && hasXY(ring, edge, b.PredLow/c.scale)) {
					t.Errorf("%s at %v: the band does not reach [%v, %v]", c.name, from, b.PredLow, b.PredHigh)
				}
			}
			if math.IsNaN(b.Observed) {
				continue
			}
			drawn++
			o := b.Observed / c.scale
			if b.Inside() {
				if !hasXY(observed, at, o) {
					t.Errorf("%s at %v: observed %v inside its interval is not drawn as observed", c.name, from, o)
				}
				continue
			}
			outside++
			if !hasXY(out, at, o) {
				t.Errorf("%s at %v: observed %v outside its interval is not drawn as outside", c.name, from, o)
			}
		}
		if len(observed)+len(out) != drawn || len(out) != outside {
			t.Errorf("%s: %d observed and %d outside drawn, want %d and %d", c.name, len(observed), len(out), drawn-outside, outside)
		}
		if c.name == "review-backlog" && outside == 0 {
			t.Errorf("%s: the misjudged day has no figure outside its band", c.name)
		}
	}

	// The residents sampled are shown over the round only, an hour each side.
	p := plotNamed(t, plots, "review-sampled")
	first, last := -1, -1
	for i, h := range r.Hours {
		if h.Sampled.Simulated.Mean > 0 || h.Sampled.Observed > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		t.Fatal("no resident sampled")
	}
	if want := start + float64(first-1); !near(p.P.X.Min, want) {
		t.Errorf("sampled: x from %v, want %v", p.P.X.Min, want)
	}
	if want := start + float64(last+2); !near(p.P.X.Max, want) {
		t.Errorf("sampled: x to %v, want %v", p.P.X.Max, want)
	}
}

// TestPlotReviewStagesData: each kind's bar is its stages end to end, in
// minutes, and ends at its mean time to the door.
func TestPlotReviewStagesData(t *testing.T) {
	r := dataReview(t)
	p, err := stagesPlot(English().figures, r)
	if err != nil {
		t.Fatal(err)
	}
	totals, _ := p.layer("total")
	if len(totals) != len(r.Stages) {
		t.Fatalf("%d totals for %d kinds", len(totals), len(r.Stages))
	}
	for i, ks := range r.Stages {
		y := float64(len(r.Stages) - 1 - i)
		at := 0.0
		for _, st := range ks.Stages {
			at += st.Time.Mean / 60
			ends, _ := p.layer(st.Name)
			if !hasXY(ends, at, y) {
				t.Errorf("%s: stage %s does not end at %v min", ks.Kind, st.Name, at)
			}
		}
		if math.Abs(at-ks.Total.Mean/60) > 1e-6*ks.Total.Mean || !near(totals[i].X, at) || totals[i].Y != y {
			t.Errorf("%s: the stages end at %v min, the total %v at %v, the time to the door %v", ks.Kind, at, totals[i].X, totals[i].Y, ks.Total.Mean/60)
		}
	}
	empty, err := stagesPlot(English().figures, &experiment.Review{Replay: r.Replay})
	if err != nil || empty.P == nil || empty.Caption == "" {
		t.Errorf("a review with no stages: %v", err)
	}
}
