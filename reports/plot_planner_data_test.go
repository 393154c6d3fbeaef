package reports

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// The analyses the data tests check the planner's figures against: day-one
// with the same KPIs and replications as the golden plots, with the
// scenario's own seed, each run once.
var (
	dataMarginal = sync.OnceValues(func() (*experiment.Marginal, error) {
		sc, err := scenarios.Resolve("day-one")
		if err != nil {
			return nil, err
		}
		return experiment.MarginalAnalysis(context.Background(), sc, []string{"gate.turned_away", "express.door_time.p95"},
			experiment.Options{Replications: 4})
	})
	dataSensitivity = sync.OnceValues(func() (*experiment.Sensitivity, error) {
		sc, err := scenarios.Resolve("day-one")
		if err != nil {
			return nil, err
		}
		return experiment.Analyse(context.Background(), sc, []string{"takeout.door_time.p95", "sampling.makespan"}, 0.2,
			experiment.Options{Replications: 3})
	})
	dataPlan = sync.OnceValues(func() (*experiment.Plan, error) {
		sc, err := scenarios.LoadFile("../scenarios/validation/mmc.yaml")
		if err != nil {
			return nil, err
		}
		t, err := compound.ParseTarget("sampling.wait.mean <= 30s")
		if err != nil {
			return nil, err
		}
		return experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
			Options: experiment.Options{Replications: 4}, Targets: []compound.Target{t}, Confirm: 8})
	})
)

// rowLabels returns the labels of a figure's rows, from the bottom row (0)
// up.
func rowLabels(t *testing.T, fig Plot) []string {
	t.Helper()
	ticks, ok := fig.P.Y.Tick.Marker.(plot.ConstantTicks)
	if !ok {
		t.Fatalf("%s: the rows are not labelled", fig.Name)
	}
	out := make([]string, len(ticks))
	for i, tk := range ticks {
		if tk.Value != float64(i) {
			t.Fatalf("%s: row label %d at %v", fig.Name, i, tk.Value)
		}
		out[i] = strings.TrimSpace(tk.Label)
	}
	return out
}

// Each bar is the gain of one more step as a percentage of the base mean,
// the analysis' own relative gain; knobs are in the analysis' order, the
// first at the top; with more than 15 knobs only those with a significant
// gain are drawn, with fewer every knob, the gains within chance pale.
func TestPlotGainsData(t *testing.T) {
	m, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	significant := func(k experiment.KnobGain) bool {
		return slices.ContainsFunc(k.Gains, significantGain)
	}
	for _, n := range []int{len(m.Knobs), 10} {
		t.Run(fmt.Sprint(n, " knobs"), func(t *testing.T) {
			mm := *m
			mm.Knobs = m.Knobs[:n]
			fig, err := GainsPlot(&mm)
			if err != nil {
				t.Fatal(err)
			}
			// A zero-cost knob whose step either way improves nothing is
			// left out (the caption says so).
			want := slices.DeleteFunc(slices.Clone(mm.Knobs), func(k experiment.KnobGain) bool {
				return k.Knob.TwoWay && !slices.ContainsFunc(k.Gains, experiment.Gain.Improves)
			})
			if n > maxGainKnobs {
				want = slices.DeleteFunc(slices.Clone(want), func(k experiment.KnobGain) bool { return !significant(k) })
				if len(want) == n || len(want) == 0 { // n: none dropped
					t.Fatalf("%d of %d knobs significant: the test would prove nothing", len(want), n)
				}
			} else if slices.IndexFunc(want, significant) < 0 || !slices.ContainsFunc(want, func(k experiment.KnobGain) bool { return !significant(k) }) {
				t.Fatal("the first knobs should mix significant and insignificant gains")
			}
			rows := rowLabels(t, fig)
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d", len(rows), len(want))
			}
			pale, _ := fig.layer("within chance")
			var wantPale int
			for j, kpi := range mm.KPIs {
				bars, ok := fig.layer(kpi.Name)
				if !ok || len(bars) != len(want) {
					t.Fatalf("%s: %d bars for %d knobs", kpi.Name, len(bars), len(want))
				}
				for i, k := range want {
					row := float64(len(want) - 1 - i)
					if rows[len(want)-1-i] != gainKnobLabel(k) {
						t.Errorf("row %v is %q, want %q", row, rows[len(want)-1-i], gainKnobLabel(k))
					}
					g := k.Gains[j]
					if !near(bars[i].X, 100*g.Relative) || math.Abs(bars[i].Y-row) >= 0.5 {
						t.Errorf("%s, %s: bar at (%v, %v), want %v%% on row %v", k.Knob.Name, kpi.Name, bars[i].X, bars[i].Y, 100*g.Relative, row)
					}
					isPale := slices.Contains(pale, bars[i])
					if isPale == significantGain(g) {
						t.Errorf("%s, %s: pale %v for a gain of %v [%v, %v]", k.Knob.Name, kpi.Name, isPale, g.Mean, g.Low, g.High)
					}
					if !significantGain(g) {
						wantPale++
					}
				}
			}
			if len(pale) != wantPale {
				t.Errorf("%d pale bars, want %d", len(pale), wantPale)
			}
		})
	}
}

// The strip has one filled cell per hour, on the row of that hour's
// limiting post, the rows in order of first appearance from the top.
func TestPlotLimitingPostsData(t *testing.T) {
	m, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	fig, err := HourlyPlot(m)
	if err != nil {
		t.Fatal(err)
	}
	cells, _ := fig.layer("cells")
	util, _ := fig.layer("utilisation")
	if len(m.Hourly) < 24 || len(cells) != len(m.Hourly) || len(util) != len(m.Hourly) {
		t.Fatalf("%d cells and %d utilisations for %d hours", len(cells), len(util), len(m.Hourly))
	}
	rows := rowLabels(t, fig)
	var order []string
	words := English().figures
	for _, h := range m.Hourly {
		if !slices.Contains(order, words.Post(h.Post)) {
			order = append(order, words.Post(h.Post))
		}
	}
	if len(order) < 2 || len(rows) != len(order) {
		t.Fatalf("rows %q for posts %q", rows, order)
	}
	for i, post := range order {
		if rows[len(rows)-1-i] != post {
			t.Errorf("row %d from the top is %q, want %q", i, rows[len(rows)-1-i], post)
		}
	}
	perHour := map[float64]int{}
	for i, h := range m.Hourly {
		c := cells[i]
		perHour[c.X]++
		if c.X != h.Hour+0.5 || c.Y != math.Round(c.Y) || rows[int(c.Y)] != words.Post(h.Post) {
			t.Errorf("hour %v: cell at (%v, %v), want on the row of %s", h.Hour, c.X, c.Y, h.Post)
		}
		if util[i].Y != h.Utilisation && !(math.IsNaN(util[i].Y) && math.IsNaN(h.Utilisation)) {
			t.Errorf("hour %v: shaded for %v, want %v", h.Hour, util[i].Y, h.Utilisation)
		}
	}
	for x, n := range perHour {
		if n != 1 {
			t.Errorf("%d cells in the hour at %v", n, x)
		}
	}
	if fig.P.X.Min != m.Hourly[0].Hour || fig.P.X.Max != m.Hourly[len(m.Hourly)-1].Hour+1 {
		t.Errorf("x from %v to %v", fig.P.X.Min, fig.P.X.Max)
	}
}

// Each tornado bar runs from the KPI's mean with the factor scaled down to
// its mean scaled up, in the analysis' order from the top, around the base
// mean; factors that do not move the KPI are left out.
func TestPlotTornadoData(t *testing.T) {
	s, err := dataSensitivity()
	if err != nil {
		t.Fatal(err)
	}
	plots, err := TornadoPlots(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, fig := range plots {
		kpi := s.KPIs[i]
		if dt, ok := fig.P.X.Tick.Marker.(durationTicks); kpi.Unit != "s" || !ok || dt.perUnit != 60 {
			t.Fatalf("%s in %q: the test expects minutes", kpi.Name, fig.P.X.Label.Text)
		}
		base, _ := s.Base.KPI(kpi.Name)
		var want []experiment.Effect
		for _, e := range s.Effects[i] {
			if e.Low.Mean != base.Mean || e.High.Mean != base.Mean {
				want = append(want, e)
			}
		}
		if len(want) == 0 || len(want) == len(s.Effects[i]) {
			t.Fatalf("%s: %d of %d factors move it: the test would prove nothing", kpi.Name, len(want), len(s.Effects[i]))
		}
		still := len(s.Effects[i]) - len(want)
		want = want[:min(len(want), maxTornadoFactors)]
		low, _ := fig.layer("low")
		high, _ := fig.layer("high")
		bl, _ := fig.layer("base")
		rows := rowLabels(t, fig)
		if len(low) != len(want) || len(high) != len(want) || len(rows) != len(want) {
			t.Fatalf("%s: %d, %d bars and %d rows for %d factors", kpi.Name, len(low), len(high), len(rows), len(want))
		}
		for k, e := range want {
			row := float64(len(want) - 1 - k)
			name := English().figures.factorName(e.Factor.Name)
			if e.WithinChance() {
				name += " (within chance)"
			}
			if rows[int(row)] != name {
				t.Errorf("%s: row %v is %q, want %q", kpi.Name, row, rows[int(row)], name)
			}
			if !near(low[k].X, e.Low.Mean/60) || !near(high[k].X, e.High.Mean/60) || low[k].Y != row || high[k].Y != row {
				t.Errorf("%s, %s: ends %v and %v, want %v and %v (minutes)", kpi.Name, e.Factor.Name, low[k], high[k], e.Low.Mean/60, e.High.Mean/60)
			}
			if k > 0 && e.WithinChance() == want[k-1].WithinChance() && e.Swing > want[k-1].Swing {
				t.Errorf("%s: %s swings more than the factor above it", kpi.Name, e.Factor.Name)
			}
			if k > 0 && !e.WithinChance() && want[k-1].WithinChance() {
				t.Errorf("%s: %s, beyond chance, drawn below a factor within chance", kpi.Name, e.Factor.Name)
			}
		}
		if len(bl) != 2 || !near(bl[0].X, base.Mean/60) || bl[1].X != bl[0].X {
			t.Errorf("%s: base line %v, want at %v", kpi.Name, bl, base.Mean/60)
		}
		if !strings.Contains(fig.Caption, fmt.Sprintf("%d inputs that do not move it", still)) {
			t.Errorf("%s: caption %q", kpi.Name, fig.Caption)
		}
	}
}

// The front of a "<=" target is the lowest KPI for its cost: it never rises
// with cost, and no evaluated plan beats a point of it on both counts.
func TestPlotFrontierData(t *testing.T) {
	pl, err := dataPlan()
	if err != nil {
		t.Fatal(err)
	}
	plots, err := FrontierPlots(pl)
	if err != nil {
		t.Fatal(err)
	}
	fig := plots[0]
	tr := pl.Targets[0]
	if dt, ok := fig.P.Y.Tick.Marker.(durationTicks); tr.Op != "<=" || !ok || dt.perUnit != 1 {
		t.Fatalf("target %q, axis %q: the test expects a <= target in seconds", tr.Text, fig.P.Y.Label.Text)
	}
	front, _ := fig.layer("front")
	met, _ := fig.layer("met")
	notMet, _ := fig.layer("not met")
	all := append(slices.Clone(met), notMet...)
	if len(all) != len(pl.Frontier) || len(met) == 0 || len(notMet) == 0 {
		t.Fatalf("%d met and %d not met of %d plans", len(met), len(notMet), len(pl.Frontier))
	}
	for _, fp := range pl.Frontier {
		xy := plotter.XY{X: fp.Cost, Y: fp.Means[0]}
		in := notMet
		if fp.Met {
			in = met
		}
		if !slices.Contains(in, xy) {
			t.Errorf("plan %v (met %v) not drawn as such", xy, fp.Met)
		}
	}
	checkFront(t, front, all, false)
	if got, _ := fig.layer("chosen"); len(got) != 1 || got[0].X != pl.Cost || got[0].Y != tr.KPI.Mean {
		t.Errorf("chosen plan at %v, want (%v, %v)", got, pl.Cost, tr.KPI.Mean)
	}
	if got, _ := fig.layer("target"); got[0].Y != tr.Value {
		t.Errorf("target at %v, want %v", got[0].Y, tr.Value)
	}
	if got, _ := fig.layer("input"); got[0].X != pl.InputCost {
		t.Errorf("input cost at %v, want %v", got[0].X, pl.InputCost)
	}
}

// checkFront checks a Pareto front against the points it was drawn from.
func checkFront(t *testing.T, front, all plotter.XYs, higher bool) {
	t.Helper()
	if len(front) == 0 {
		t.Fatal("no front")
	}
	better := func(a, b float64) bool { return a < b }
	if higher {
		better = func(a, b float64) bool { return a > b }
	}
	for i, f := range front {
		if !slices.Contains(all, f) {
			t.Errorf("front point %v is no plan", f)
		}
		if i > 0 && (f.X <= front[i-1].X || !better(f.Y, front[i-1].Y)) {
			t.Errorf("front point %v after %v: the front must get dearer and better", f, front[i-1])
		}
		for _, p := range all {
			if p.X <= f.X && better(p.Y, f.Y) {
				t.Errorf("plan %v beats front point %v", p, f)
			}
		}
	}
	for _, p := range all {
		// Every plan is matched or beaten by the front at its cost.
		i := slices.IndexFunc(front, func(f plotter.XY) bool { return f.X > p.X }) - 1
		if i == -2 {
			i = len(front) - 1
		}
		if i < 0 || better(p.Y, front[i].Y) {
			t.Errorf("plan %v is better than the front at its cost", p)
		}
	}
}

// The front keeps the best plan at each cost, for both directions, and
// ignores plans without a value.
func TestPlotParetoFront(t *testing.T) {
	pts := plotter.XYs{{X: 3, Y: 5}, {X: 1, Y: 9}, {X: 2, Y: 9.5}, {X: 2, Y: 7}, {X: 1, Y: 8}, {X: 4, Y: 6}, {X: 5, Y: math.NaN()}, {X: 6, Y: 2}}
	low := paretoFront(pts, false)
	if want := (plotter.XYs{{X: 1, Y: 8}, {X: 2, Y: 7}, {X: 3, Y: 5}, {X: 6, Y: 2}}); !slices.Equal(low, want) {
		t.Errorf("lowest front %v, want %v", low, want)
	}
	high := paretoFront(pts, true)
	if want := (plotter.XYs{{X: 1, Y: 9}, {X: 2, Y: 9.5}}); !slices.Equal(high, want) {
		t.Errorf("highest front %v, want %v", high, want)
	}
	finite := slices.DeleteFunc(slices.Clone(pts), func(p plotter.XY) bool { return math.IsNaN(p.Y) })
	checkFront(t, low, finite, false)
	checkFront(t, high, finite, true)
}

// A ">=" target's front is the highest KPI for its cost.
func TestPlotFrontierHigher(t *testing.T) {
	pl, err := dataPlan()
	if err != nil {
		t.Fatal(err)
	}
	// The same plans against a made-up target on the share sampled, which
	// the search did not look at: a figure all the same.
	share := experiment.KPIResult{KPI: compound.KPI{Name: "sampling.share", Unit: "share", Better: "higher", Desc: "share sampled"}}
	share.Mean, share.Low, share.High = 0.9, 0.88, 0.92
	p := *pl
	p.Targets = []experiment.TargetResult{{Target: compound.Target{KPI: "sampling.share", Op: ">=", Value: 0.85, Text: "sampling.share >= 85%"}, KPI: share}}
	p.Frontier = nil
	for i, fp := range pl.Frontier {
		p.Frontier = append(p.Frontier, experiment.FrontierPoint{Cost: fp.Cost + float64(i%3)*100, Met: fp.Met, Means: []float64{0.8 + 0.01*float64(i)}})
	}
	plots, err := FrontierPlots(&p)
	if err != nil {
		t.Fatal(err)
	}
	fig := plots[0]
	front, _ := fig.layer("front")
	met, _ := fig.layer("met")
	notMet, _ := fig.layer("not met")
	all := append(slices.Clone(met), notMet...)
	checkFront(t, front, all, true)
	if !strings.HasSuffix(fig.P.Y.Label.Text, "(%)") {
		t.Errorf("axis %q: shares must show in percent", fig.P.Y.Label.Text)
	}
	for _, fp := range p.Frontier {
		if !slices.ContainsFunc(all, func(xy plotter.XY) bool { return xy.X == fp.Cost && near(xy.Y, 100*fp.Means[0]) }) {
			t.Errorf("no dot at (%v, %v%%)", fp.Cost, 100*fp.Means[0])
		}
	}
	if got, _ := fig.layer("target"); !near(got[0].Y, 85) {
		t.Errorf("target at %v%%, want 85%%", got[0].Y)
	}
	if !strings.Contains(fig.Caption, "highest mean") {
		t.Errorf("caption %q", fig.Caption)
	}
}

// TestPlotGainsLabels: no bar is labelled "+0%" or "-0%" (a step that
// changed nothing says so, a gain under half a percent has a decimal),
// and a chart of many bars still labels its significant gains (issue 17:
// the bottlenecks version had no label at all).
func TestPlotGainsLabels(t *testing.T) {
	base, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	// Each KPI three times over: a chart of many bars, as cordon
	// bottlenecks draws with its KPIs.
	m := *base
	m.KPIs = slices.Concat(base.KPIs, base.KPIs, base.KPIs)
	m.Knobs = slices.Clone(base.Knobs)
	for i, k := range m.Knobs {
		m.Knobs[i].Gains = slices.Concat(k.Gains, k.Gains, k.Gains)
	}
	fig, err := GainsPlot(&m)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.KPIs) * len(rowLabels(t, fig)); n <= 16 {
		t.Fatalf("%d bars: the test wants a chart of many", n)
	}
	if len(fig.texts) == 0 {
		t.Fatal("a chart of many bars has no label")
	}
	for _, s := range fig.texts {
		if s == "+0%" || s == "-0%" || s == "−0%" {
			t.Errorf("label %q", s)
		}
	}
	for v, want := range map[[3]float64]string{{0, 0, 0}: "no change", {0.3, -1, 2}: "+0.3%", {-15.4, -20, -10}: "−15%", {100, -30, 230}: "+100%"} {
		if got := English().figures.gainText(v[0], v[1], v[2]); got != want {
			t.Errorf("gainText(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestPlotTornadoNoEmptyChart: a KPI that no input moves (the most in
// staging, capped by its capacity on day one) gets no chart, rather than
// an empty one holding one sentence; the others keep theirs (issue 17).
func TestPlotTornadoNoEmptyChart(t *testing.T) {
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	s, err := experiment.Analyse(context.Background(), sc, []string{"gate.staging.max", "takeout.door_time.p95"}, 0.2,
		experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !Unmoved(s, 0) || Unmoved(s, 1) {
		t.Fatalf("unmoved: %v, %v; the test wants the first KPI still and the second moved", Unmoved(s, 0), Unmoved(s, 1))
	}
	moved := 0
	for i := range s.KPIs {
		if !Unmoved(s, i) {
			moved++
		}
	}
	plots, err := TornadoPlots(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(plots) != moved {
		t.Errorf("%d charts for %d KPIs that an input moves", len(plots), moved)
	}
	for _, p := range plots {
		if len(p.layers) == 0 {
			t.Errorf("%s: a chart with nothing drawn", p.Name)
		}
	}
}
