package experiment_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/stats"
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

// progressCheck records a progress function's reports and checks that the
// count of work done never goes back nor passes the total.
type progressCheck struct {
	t           *testing.T
	done, total int
}

func (p *progressCheck) report(done, total int) {
	if done < p.done || done > total {
		p.t.Errorf("progress %d of %d after %d of %d", done, total, p.done, p.total)
	}
	p.done, p.total = done, total
}

// TestMarginalBaselineCallingPlan: on the baseline's targets, the calling
// plan is the lever. A zero-cost step of it ranks first, above the swab
// stations; for the queue peak it buys more than any unit bought; its row
// shows both ways; and the step, re-run on fresh seeds, still cuts the
// peak. The progress reports count every replication of every stage.
func TestMarginalBaselineCallingPlan(t *testing.T) {
	sc := load(t, "baseline")
	pc := &progressCheck{t: t}
	m, err := experiment.MarginalAnalysis(context.Background(), sc, experiment.HeadlineKPIs(sc),
		experiment.Options{Replications: 8, Progress: pc.report})
	if err != nil {
		t.Fatal(err)
	}
	if pc.done != m.Units || pc.total != m.Units {
		t.Errorf("progress ended at %d of %d, the analysis ran %d replications", pc.done, pc.total, m.Units)
	}
	if m.Screen != experiment.ScreenReplications || !m.Confirmed {
		t.Errorf("screen %d (confirmed %v), want %d", m.Screen, m.Confirmed, experiment.ScreenReplications)
	}
	top := m.Knobs[0]
	if top.Knob.Arranges != experiment.ArrangesCalling || top.Knob.UnitCost != 0 {
		t.Errorf("first: %s %s (cost %v), want a step of the calling plan", top.Knob.Name, top.StepText(), top.Knob.UnitCost)
	}
	var peak experiment.Finding
	for _, f := range m.Findings {
		if f.KPI.Name == "sampling.queue.peak" {
			peak = f
		}
	}
	lever := peak.Lever()
	if lever == nil || lever != peak.Free || lever.Knob.Arranges != experiment.ArrangesCalling {
		t.Fatalf("the queue peak's lever is %+v, want a zero-cost step of the calling plan", lever)
	}
	if g := peak.GainOf(lever); !(g.Low > 10) || lever.Replications != 8 {
		t.Errorf("%s %s cuts the peak by %.1f [%.1f, %.1f] over %d replications, want a confirmed cut of more than 10",
			lever.Knob.Name, lever.StepText(), g.Mean, g.Low, g.High, lever.Replications)
	}
	if p := peak.Post; p != nil && peak.GainOf(p).Mean >= peak.GainOf(lever).Mean {
		t.Errorf("%s buys %.1f, more than the calling plan", p.Knob.Name, peak.GainOf(p).Mean)
	}
	for _, k := range m.Knobs {
		if k.Knob.Path == "sampling.calling.come_down.max" && (k.Other == nil || k.Other.To+k.To != 2*k.From) {
			t.Errorf("the come-down window's row does not show both ways: %d → %d, other %+v", k.From, k.To, k.Other)
		}
	}
	// On fresh seeds the step still cuts the peak.
	fresh := uint64(4242)
	outs := make([]*experiment.Outcome, 2)
	for i, s := range []*compound.Scenario{sc, lever.Knob.With(sc, lever.To)} {
		if outs[i], err = experiment.Run(context.Background(), s, experiment.Options{Replications: 8, Seed: &fresh}); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := outs[0].KPI("sampling.queue.peak")
	a, _ := outs[1].KPI("sampling.queue.peak")
	d, _ := stats.Paired(a.Values, b.Values, experiment.Level)
	if !(d.Low > 10) {
		t.Errorf("on fresh seeds %s %s cuts the peak by %.1f [%.1f, %.1f]", lever.Knob.Name, lever.StepText(), d.Mean, d.Low, d.High)
	}
}

// TestMarginalFixedDelays: in a compound with staff and carts to spare,
// no unit bought moves the time to the door: the analysis says the fixed
// delays set it, led by the disinfection dwell (halving the 20-minute
// dwell saves its 10 minutes), which fresh seeds confirm.
func TestMarginalFixedDelays(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml",
		scenarios.Override{Path: "staff.gate-crew.count", Value: "6"}, scenarios.Override{Path: "staff.volunteers.count", Value: "6"},
		scenarios.Override{Path: "transfer.carts", Value: "4"})
	if err != nil {
		t.Fatal(err)
	}
	pc := &progressCheck{t: t}
	m, err := experiment.MarginalAnalysis(context.Background(), sc, []string{"express.door_time.mean"}, experiment.Options{Replications: 10, Progress: pc.report})
	if err != nil {
		t.Fatal(err)
	}
	if pc.done != m.Units || pc.total != m.Units {
		t.Errorf("progress ended at %d of %d, the analysis ran %d replications", pc.done, pc.total, m.Units)
	}
	f := m.Findings[0]
	if f.SetBy != experiment.SetByDelays || f.Post != nil {
		t.Fatalf("set by %q (best unit %+v), want fixed delays", f.SetBy, f.Post)
	}
	var dwell experiment.Trial
	for _, tr := range f.Trials {
		if tr.Change == "disinfection dwell halved" {
			dwell = tr
		}
	}
	if !dwell.Delay || math.Abs(dwell.Gain.Mean-600) > 30 || !dwell.Gain.Improves() {
		t.Errorf("dwell halved: %+v, want about 600 s saved", dwell.Gain.Summary)
	}
	fresh := uint64(99)
	half := *sc
	half.Disinfection.Dwell = compound.Const(600)
	base, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 10, Seed: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	halved, err := experiment.Run(context.Background(), &half, experiment.Options{Replications: 10, Seed: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := base.KPI("express.door_time.mean")
	a, _ := halved.KPI("express.door_time.mean")
	if d, _ := stats.Paired(a.Values, b.Values, experiment.Level); !(d.Low > 500) {
		t.Errorf("on fresh seeds halving the dwell saves %.0f [%.0f, %.0f] s", d.Mean, d.Low, d.High)
	}
}
