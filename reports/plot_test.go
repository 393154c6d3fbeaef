package reports_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// updatePlots rewrites the golden plots: go test ./reports -run Plot -update
var updatePlots = flag.Bool("update", false, "rewrite the golden files in testdata (plots, summary.md, results.json)")

// pngDir, when set, is where the golden plots are also drawn as PNG, for
// looking at a change: go test ./reports -run Plot -png /tmp/plots
var pngDir = flag.String("png", "", "also draw every golden plot as PNG into this folder")

// The size every golden plot is drawn at: the report's.
const (
	goldenWidth  = 9 * vg.Inch
	goldenHeight = 4.5 * vg.Inch
)

// plotOutcome is the fixed small outcome of the golden plots: baseline, 4
// replications, seed 1.
func plotOutcome(t *testing.T, name string, overrides ...scenarios.Override) *experiment.Outcome {
	t.Helper()
	sc, err := scenarios.Resolve(name, overrides...)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(1)
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 4, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// plotComparison is baseline against day-one, 4 replications, seed 1.
func plotComparison(t *testing.T, names ...string) *experiment.Comparison {
	t.Helper()
	var scs []*compound.Scenario
	for _, n := range names {
		sc, err := scenarios.Resolve(n)
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	seed := uint64(1)
	c, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: 4, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// plotSweep is baseline over gate.ground = 10, 20, 40 and transfer.carts =
// 2, 4, 3 replications each, seed 1.
func plotSweep(t *testing.T) *experiment.Sweep {
	t.Helper()
	axes := []experiment.Axis{
		{Path: "gate.ground", Values: []string{"10", "20", "40"}},
		{Path: "transfer.carts", Values: []string{"2", "4"}},
	}
	build := func(values []string) (*compound.Scenario, error) {
		var ov []scenarios.Override
		for i, ax := range axes {
			ov = append(ov, scenarios.Override{Path: ax.Path, Value: values[i]})
		}
		return scenarios.Resolve("baseline", ov...)
	}
	seed := uint64(1)
	s, err := experiment.RunSweep(context.Background(), axes, build, experiment.Options{Replications: 3, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkGolden renders every plot as SVG and compares it with its golden
// file, or rewrites the file under -update.
func checkGolden(t *testing.T, plots []reports.Plot) {
	t.Helper()
	dir := filepath.Join("testdata", "plots")
	for _, p := range plots {
		if p.P == nil || p.Title == "" || p.Caption == "" {
			t.Errorf("plot %q lacks its figure, title or caption", p.Name)
			continue
		}
		w, h := p.Size() // the report's: goldenWidth × goldenHeight, or taller
		if w != goldenWidth || h < goldenHeight {
			t.Errorf("%s: drawn at %v × %v, want %v wide and at least %v tall", p.Name, w, h, goldenWidth, goldenHeight)
		}
		got, err := reports.Render(p.P, "svg", w, h)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		again, err := reports.Render(p.P, "svg", w, h)
		if err != nil || !bytes.Equal(got, again) {
			t.Errorf("%s: drawing the same plot twice gave different SVG", p.Name)
		}
		if *pngDir != "" {
			writePNG(t, p)
		}
		path := filepath.Join(dir, p.Name+".svg")
		if *updatePlots {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./reports -run Plot -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./reports -run Plot -update and look at the change)", p.Name, path)
		}
	}
}

// writePNG draws a golden plot as PNG into -png's folder.
func writePNG(t *testing.T, p reports.Plot) {
	t.Helper()
	w, h := p.Size()
	png, err := reports.Render(p.P, "png", w, h)
	if err != nil {
		t.Fatalf("%s: %v", p.Name, err)
	}
	if err := os.MkdirAll(*pngDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*pngDir, p.Name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPlotRunGolden(t *testing.T) {
	plots, err := reports.RunPlots(plotOutcome(t, "baseline"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range plots {
		names = append(names, p.Name)
	}
	want := "staging queues task-queues door-times utilisation on-duty sampling site-queues bottlenecks"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("run plots %q, want %q", got, want)
	}
	checkGolden(t, plots)
}

func TestPlotDifferencesGolden(t *testing.T) {
	p, err := reports.DifferencesPlot(plotComparison(t, "baseline", "day-one"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "differences" {
		t.Errorf("name %q", p.Name)
	}
	checkGolden(t, []reports.Plot{p})
}

func TestPlotSweepGolden(t *testing.T) {
	kpis := []string{"takeout.door_time.p95", "gate.staging.max"}
	plots, err := reports.SweepPlots(plotSweep(t), kpis)
	if err != nil {
		t.Fatal(err)
	}
	if len(plots) != len(kpis) {
		t.Fatalf("%d plots for %d KPIs", len(plots), len(kpis))
	}
	for i, p := range plots {
		if p.Name != "sweep-"+kpis[i] {
			t.Errorf("plot %d named %q", i, p.Name)
		}
	}
	checkGolden(t, plots)
	if _, err := reports.SweepPlots(plotSweep(t), []string{"no.such.kpi"}); err == nil {
		t.Error("a KPI the sweep does not have must be an error")
	}
}

// Without a sampling round there are no sampling plots.
func TestPlotNoSampling(t *testing.T) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	none := *sc
	none.Sampling = nil
	o, err := experiment.Run(context.Background(), &none, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	plots, err := reports.RunPlots(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		if p.Name == "sampling" || p.Name == "site-queues" {
			t.Errorf("a scenario without sampling has plot %q", p.Name)
		}
		if _, err := reports.Render(p.P, "png", 6*vg.Inch, 3*vg.Inch); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	if len(plots) != 7 {
		t.Errorf("%d plots, want 7", len(plots))
	}
}

// A comparison with no significant difference still gives a chart.
func TestPlotNoDifference(t *testing.T) {
	c := plotComparison(t, "baseline", "baseline")
	if len(c.Significant()) != 0 {
		t.Fatalf("a scenario against itself differs: %+v", c.Significant())
	}
	p, err := reports.DifferencesPlot(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Caption, "within chance") {
		t.Errorf("caption %q", p.Caption)
	}
	for _, format := range []string{"svg", "png"} {
		b, err := reports.Render(p.P, format, goldenWidth, goldenHeight)
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", format, len(b), err)
		}
	}
	svg, _ := reports.Render(p.P, "svg", goldenWidth, goldenHeight)
	if !bytes.Contains(svg, []byte("No significant difference")) {
		t.Error("the empty chart does not say why it is empty")
	}
}

func TestPlotRenderErrors(t *testing.T) {
	plots, err := reports.RunPlots(plotOutcome(t, "baseline"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reports.Render(plots[0].P, "gif", goldenWidth, goldenHeight); err == nil {
		t.Error("gif must be refused")
	}
	if _, err := reports.Render(plots[0].P, "svg", 0, goldenHeight); err == nil {
		t.Error("a zero width must be refused")
	}
	if _, err := reports.Render(nil, "svg", goldenWidth, goldenHeight); err == nil {
		t.Error("no plot must be refused")
	}
	png, err := reports.Render(plots[0].P, "PNG", goldenWidth, goldenHeight)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("png: %v", err)
	}
	if _, err := reports.RunPlots(&experiment.Outcome{}); err == nil {
		t.Error("an empty outcome must be an error")
	}
	if _, err := reports.DifferencesPlot(nil); err == nil {
		t.Error("no comparison must be an error")
	}
}
