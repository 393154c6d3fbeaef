package reports_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// The planner's analyses the golden plots are drawn from, each run once:
// day-one's marginal analysis on two KPIs (4 replications) and its
// sensitivity to ±20% on two (3 replications), and the cheapest plan for
// the validation scenario's sampling wait (4 replications, 8 to confirm),
// all with seed 1.
var (
	plannerMarginal = sync.OnceValues(func() (*experiment.Marginal, error) {
		sc, err := scenarios.Resolve("day-one")
		if err != nil {
			return nil, err
		}
		seed := uint64(1)
		return experiment.MarginalAnalysis(context.Background(), sc, []string{"gate.turned_away", "express.door_time.p95"},
			experiment.Options{Replications: 4, Seed: &seed})
	})
	plannerSensitivity = sync.OnceValues(func() (*experiment.Sensitivity, error) {
		sc, err := scenarios.Resolve("day-one")
		if err != nil {
			return nil, err
		}
		seed := uint64(1)
		return experiment.Analyse(context.Background(), sc, []string{"takeout.door_time.p95", "sampling.makespan"}, 0.2,
			experiment.Options{Replications: 3, Seed: &seed})
	})
	plannerPlan = sync.OnceValues(func() (*experiment.Plan, error) {
		sc, err := scenarios.LoadFile("../scenarios/validation/mmc.yaml")
		if err != nil {
			return nil, err
		}
		t, err := compound.ParseTarget("sampling.wait.mean <= 30s")
		if err != nil {
			return nil, err
		}
		seed := uint64(1)
		return experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
			Options: experiment.Options{Replications: 4, Seed: &seed}, Targets: []compound.Target{t}, Confirm: 8})
	})
)

// plannerFixture returns what an analysis above gave, failing the test on
// an error.
func plannerFixture[T any](t *testing.T, run func() (T, error)) T {
	t.Helper()
	v, err := run()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestPlotGainsGolden(t *testing.T) {
	m := plannerFixture(t, plannerMarginal)
	if len(m.Knobs) <= 15 {
		t.Fatalf("%d knobs: the golden should show knobs left out", len(m.Knobs))
	}
	p, err := reports.GainsPlot(m)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "gains" {
		t.Errorf("name %q", p.Name)
	}
	if !strings.Contains(p.Caption, "are left out") {
		t.Errorf("the caption does not say knobs are left out: %q", p.Caption)
	}
	// With ten knobs, none is left out for being within chance: those are
	// greyed (a zero-cost knob that improves nothing either way is still
	// left out, and the caption says so).
	few := *m
	few.Knobs = m.Knobs[:10]
	greyed, err := reports.GainsPlot(&few)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(greyed.Caption, "greyed out") || strings.Contains(greyed.Caption, "are left out") {
		t.Errorf("caption %q", greyed.Caption)
	}
	greyed.Name = "gains-greyed"
	checkGolden(t, []reports.Plot{p, greyed})
}

func TestPlotLimitingPostsGolden(t *testing.T) {
	p, err := reports.HourlyPlot(plannerFixture(t, plannerMarginal))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "limiting-posts" {
		t.Errorf("name %q", p.Name)
	}
	checkGolden(t, []reports.Plot{p})
}

func TestPlotTornadoGolden(t *testing.T) {
	s := plannerFixture(t, plannerSensitivity)
	plots, err := reports.TornadoPlots(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(plots) != len(s.KPIs) {
		t.Fatalf("%d plots for %d KPIs", len(plots), len(s.KPIs))
	}
	for i, p := range plots {
		if want := "tornado-" + s.KPIs[i].Name; p.Name != want {
			t.Errorf("plot %d named %q, want %q", i, p.Name, want)
		}
		if want := "What moves " + s.KPIs[i].Title(); p.Title != want {
			t.Errorf("plot %d titled %q, want %q", i, p.Title, want)
		}
	}
	checkGolden(t, plots)
}

func TestPlotFrontierGolden(t *testing.T) {
	pl := plannerFixture(t, plannerPlan)
	plots, err := reports.FrontierPlots(pl)
	if err != nil {
		t.Fatal(err)
	}
	if len(plots) != 1 {
		t.Fatalf("%d plots for one target", len(plots))
	}
	if p := plots[0]; p.Name != "frontier-sampling.wait.mean" || p.Title != "Cost against wait at a site, mean" {
		t.Errorf("plot %q titled %q", p.Name, p.Title)
	}
	checkGolden(t, plots)
}

// Analyses with nothing to draw give a figure that says why; no analysis
// at all is an error.
func TestPlotPlannerEmpty(t *testing.T) {
	if _, err := reports.GainsPlot(nil); err == nil {
		t.Error("gains: no analysis must be an error")
	}
	if _, err := reports.HourlyPlot(nil); err == nil {
		t.Error("limiting posts: no analysis must be an error")
	}
	if _, err := reports.FrontierPlots(nil); err == nil {
		t.Error("frontier: no plan must be an error")
	}
	if _, err := reports.FrontierPlots(&experiment.Plan{}); err == nil {
		t.Error("frontier: a plan without targets must be an error")
	}
	if _, err := reports.TornadoPlots(nil); err == nil {
		t.Error("tornado: no analysis must be an error")
	}

	m := plannerFixture(t, plannerMarginal)
	s := plannerFixture(t, plannerSensitivity)
	none := &experiment.Marginal{Base: m.Base, KPIs: m.KPIs}
	still := *s
	still.Effects = make([][]experiment.Effect, len(s.Effects))
	for i := range s.Effects {
		base, _ := s.Base.KPI(s.KPIs[i].Name)
		for _, e := range s.Effects[i] {
			e.Low, e.High = base, base
			still.Effects[i] = append(still.Effects[i], e)
		}
	}
	gains, err := reports.GainsPlot(none)
	if err != nil {
		t.Fatal(err)
	}
	hourly, err := reports.HourlyPlot(none)
	if err != nil {
		t.Fatal(err)
	}
	tornado, err := reports.TornadoPlots(&still)
	if err != nil {
		t.Fatal(err)
	}
	plots := append([]reports.Plot{gains, hourly}, tornado...)
	for _, p := range plots {
		svg, err := reports.Render(p.P, "svg", goldenWidth, goldenHeight)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if p.Caption == "" || !bytes.Contains(svg, []byte("No ")) {
			t.Errorf("%s: the empty figure does not say why (caption %q)", p.Name, p.Caption)
		}
		if _, err := reports.Render(p.P, "png", goldenWidth, goldenHeight); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
}
