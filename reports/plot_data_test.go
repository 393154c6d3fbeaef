package reports

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"

	"cordon/experiment"
	"cordon/scenarios"
)

// dataOutcome is baseline over 5 replications, seed 1.
func dataOutcome(t testing.TB) *experiment.Outcome {
	t.Helper()
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(1)
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 5, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// The staging band is the 5th to 95th percentile across replications at
// each grid time, worked out here by hand from the replications' series.
func TestPlotStagingData(t *testing.T) {
	o := dataOutcome(t)
	fig, err := stagingPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	mean, _ := fig.layer("mean")
	lo, _ := fig.layer("low")
	hi, _ := fig.layer("high")
	if len(mean) == 0 || len(lo) != len(mean) || len(hi) != len(mean) {
		t.Fatalf("layers of %d, %d, %d points", len(mean), len(lo), len(hi))
	}
	var reps [][]float64
	step := 0.0
	for _, res := range o.Runs {
		for _, s := range res.Series {
			if s.Name == "busy at staging" {
				reps = append(reps, s.Points)
				step = s.Step
			}
		}
	}
	if len(reps) != 5 {
		t.Fatalf("%d replications have a staging series", len(reps))
	}
	// The grid point where the replications spread most, and two others.
	widest, spread := 0, -1.0
	for i := range reps[0] {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range reps {
			lo, hi = math.Min(lo, r[i]), math.Max(hi, r[i])
		}
		if hi-lo > spread {
			widest, spread = i, hi-lo
		}
	}
	if spread <= 0 {
		t.Fatal("the replications never differ: the test would prove nothing")
	}
	for _, i := range []int{widest, len(reps[0]) / 3, 0} {
		v := make([]float64, 5)
		sum := 0.0
		for r := range reps {
			v[r] = reps[r][i]
			sum += v[r]
		}
		slices.Sort(v)
		// Type 7: position p·(n−1) = 0.2 for the 5th percentile and 3.8
		// for the 95th among 5 values.
		p05 := v[0] + 0.2*(v[1]-v[0])
		p95 := v[3] + 0.8*(v[4]-v[3])
		x := (float64(o.Scenario.Horizon.Start) + float64(i)*step) / 3600
		if !near(lo[i].X, x) || !near(hi[i].X, x) || !near(mean[i].X, x) {
			t.Errorf("point %d at x %v, want clock hour %v", i, lo[i].X, x)
		}
		if !near(lo[i].Y, p05) || !near(hi[i].Y, p95) || !near(mean[i].Y, sum/5) {
			t.Errorf("point %d: band %v..%v mean %v, want %v..%v mean %v (values %v)", i, lo[i].Y, hi[i].Y, mean[i].Y, p05, p95, sum/5, v)
		}
	}
}

// The ECDF of each kind's times to the door climbs to 1 at the largest
// time, pooled over every replication.
func TestPlotDoorTimesData(t *testing.T) {
	o := dataOutcome(t)
	fig, err := doorTimesPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	for k, kind := range o.Scenario.Kinds {
		xys, ok := fig.layer(kind.Name)
		if !ok {
			t.Errorf("no ECDF of %s", kind.Name)
			continue
		}
		longest, shortest, n := 0.0, math.Inf(1), 0
		for _, res := range o.Runs {
			for _, d := range res.DoorTimes[k] {
				longest, shortest = math.Max(longest, d), math.Min(shortest, d)
				n++
			}
		}
		last := xys[len(xys)-1]
		if last.Y != 1 || !near(last.X, longest/60) {
			t.Errorf("%s: the ECDF ends at (%v, %v), want (%v, 1)", kind.Name, last.X, last.Y, longest/60)
		}
		if xys[0].Y != 0 || !near(xys[0].X, shortest/60) {
			t.Errorf("%s: the ECDF starts at (%v, %v), want (%v, 0)", kind.Name, xys[0].X, xys[0].Y, shortest/60)
		}
		for i := 1; i < len(xys); i++ {
			if xys[i].X < xys[i-1].X || xys[i].Y < xys[i-1].Y {
				t.Fatalf("%s: the ECDF goes back at point %d", kind.Name, i)
			}
		}
		if n > ecdfPoints && len(xys) != ecdfPoints+1 {
			t.Errorf("%s: %d points for %d items", kind.Name, len(xys), n)
		}
		if kind.Target > 0 && float64(kind.Target)/60 <= 1.5*longest/60 {
			if tg, ok := fig.layer(kind.Name + " target"); !ok || tg[0].X != float64(kind.Target)/60 {
				t.Errorf("%s: target line %v", kind.Name, tg)
			}
		}
	}
}

// A small ECDF keeps every value; steps of equal values stack.
func TestPlotECDF(t *testing.T) {
	xys := ecdf([]float64{60, 120, 120, 300}, 60)
	want := []struct{ x, y float64 }{{1, 0}, {1, 0.25}, {2, 0.5}, {2, 0.75}, {5, 1}}
	if len(xys) != len(want) {
		t.Fatalf("%v", xys)
	}
	for i, w := range want {
		if xys[i].X != w.x || xys[i].Y != w.y {
			t.Errorf("point %d = %v, want %v", i, xys[i], w)
		}
	}
	if ecdf(nil, 60) != nil {
		t.Error("no values must give no line")
	}
}

// The queues plot sums the zone groups into one line and keeps at most
// eight posts, the longest queues first.
func TestPlotQueuesData(t *testing.T) {
	o := dataOutcome(t)
	all, _, err := queuePosts(o)
	if err != nil {
		t.Fatal(err)
	}
	var zone *postQueue
	for _, q := range all {
		if q.label == "zone volunteers" {
			zone = q
		}
	}
	if zone == nil || zone.groups != len(o.Scenario.Zones) {
		t.Fatalf("zone volunteers line %+v, want %d groups", zone, len(o.Scenario.Zones))
	}
	// Sum by hand at the busiest grid point.
	at := slices.Index(zone.mean, slices.Max(zone.mean))
	sum := 0.0
	for _, res := range o.Runs {
		for _, s := range res.Series {
			if len(s.Name) > len("queue at zone-volunteers/") && s.Name[:len("queue at zone-volunteers/")] == "queue at zone-volunteers/" {
				sum += s.Points[at]
			}
		}
	}
	if !near(zone.mean[at], sum/float64(len(o.Runs))) {
		t.Errorf("zone volunteers at %d = %v, want %v", at, zone.mean[at], sum/float64(len(o.Runs)))
	}
	fig, err := queuesPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fig.layers); n == 0 || n > maxQueueLines {
		t.Errorf("%d lines", n)
	}
	prev := math.Inf(1)
	for _, l := range fig.layers {
		avg := 0.0
		for _, p := range l.xys {
			avg += p.Y
		}
		avg /= float64(len(l.xys))
		if avg > prev+1e-12 {
			t.Errorf("%s (mean %v) after a shorter queue (%v)", l.name, avg, prev)
		}
		prev = avg
	}
}

// Utilisation cells are the mean of the zone groups' hours, ignoring
// hours when nobody was on duty.
func TestPlotUtilisationData(t *testing.T) {
	o := dataOutcome(t)
	hours, groups := poolHours(o, "zone-volunteers")
	if groups != len(o.Scenario.Zones) {
		t.Fatalf("%d groups", groups)
	}
	h := 5
	want, reps := 0.0, 0
	for _, res := range o.Runs {
		s, n := 0.0, 0
		for _, p := range res.Posts {
			if len(p.Name) > 16 && p.Name[:16] == "zone-volunteers/" && !math.IsNaN(p.Hourly[h]) {
				s += p.Hourly[h]
				n++
			}
		}
		if n > 0 {
			want += s / float64(n)
			reps++
		}
	}
	if !near(hours[h], want/float64(reps)) {
		t.Errorf("hour %d: %v, want %v", h, hours[h], want/float64(reps))
	}
	mobile, _ := poolHours(o, "mobile-team")
	if !math.IsNaN(mobile[0]) {
		t.Errorf("the mobile team is off duty at 07:00, got %v", mobile[0])
	}
}

// The differences chart shows every difference with a verdict, those
// from a reference of zero too (day-one turns items away and fills its
// staging area where baseline never does), one panel a unit, each bar the
// difference in the KPI's own unit, the largest at the top of its panel.
func TestPlotDifferencesData(t *testing.T) {
	c := baselineAgainstDayOne(t, 10)
	fig, err := DifferencesPlot(c)
	if err != nil {
		t.Fatal(err)
	}
	judged := c.Significant()
	if len(judged) > maxDifferences {
		t.Fatalf("%d differences with a verdict: the test expects them all on the chart", len(judged))
	}
	fromZero := map[string]bool{}
	for _, d := range judged {
		layer, ok := fig.layer("differences " + d.Unit)
		if !ok || !slices.ContainsFunc(layer, func(b plotter.XY) bool { return b.X == d.Mean }) {
			t.Errorf("%s (%s): no bar at %v in its unit's panel", d.Name, d.Unit, d.Mean)
		}
		if base, _ := c.Outcomes[0].KPI(d.Name); base.Mean == 0 {
			fromZero[d.Name] = true
		}
	}
	for _, name := range []string{"gate.turned_away", "gate.staging.time_full"} {
		if !fromZero[name] {
			t.Errorf("%s: no bar from a reference of zero", name)
		}
	}
	for _, unit := range []string{"s", "items", "share"} {
		layer, ok := fig.layer("differences " + unit)
		if !ok {
			t.Errorf("no panel of %s", unit)
		}
		for i := 1; i < len(layer); i++ {
			if math.Abs(layer[i].X) > math.Abs(layer[i-1].X) || layer[i].Y >= layer[i-1].Y {
				t.Errorf("%s: bar %d (%v) out of order after %v", unit, i, layer[i], layer[i-1])
			}
		}
	}
	bars := 0
	for _, l := range fig.layers {
		bars += len(l.xys)
	}
	if bars != len(judged) {
		t.Errorf("%d bars for %d differences with a verdict", bars, len(judged))
	}
	if w, h := fig.Size(); w != plotWidth || h <= plotHeight {
		t.Errorf("drawn at %v × %v: %d bars need a taller figure", w, h, bars)
	}
}

// A few bars that dwarf the rest are cut at the edge of their axis, which
// stops a little past the next; bars of like lengths are not cut.
func TestDifferencesClipLimits(t *testing.T) {
	bar := func(m float64) diffBar { return diffBar{mean: m, low: 0.9 * m, high: 1.1 * m} }
	lo, hi := clipLimits([]diffBar{bar(20000), bar(900), bar(-600), bar(300)})
	if want := 1.3 * 990; !near(hi, want) || !near(lo, -want) {
		t.Errorf("limits [%v, %v], want ±%v", lo, hi, want)
	}
	lo, hi = clipLimits([]diffBar{bar(2000), bar(900), bar(-600), bar(300)})
	if !math.IsInf(lo, -1) || !math.IsInf(hi, 1) {
		t.Errorf("limits [%v, %v] where no bar dwarfs the rest", lo, hi)
	}
	lo, hi = clipLimits([]diffBar{bar(5)})
	if !math.IsInf(lo, -1) || !math.IsInf(hi, 1) {
		t.Errorf("limits [%v, %v] for one bar", lo, hi)
	}
}

// TestPlotStagingFillsItsAxis: on the baseline staging's 680 places are
// five times the most ever put down; the axis stops above the data, which
// take most of its height, and the key gives the capacity instead of a
// line at the top (issue 17).
func TestPlotStagingFillsItsAxis(t *testing.T) {
	o := dataOutcome(t)
	fig, err := stagingPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	hi, _ := fig.layer("high")
	top := 0.0
	for _, xy := range hi {
		top = math.Max(top, xy.Y)
	}
	if top/fig.P.Y.Max < 0.6 {
		t.Errorf("the data reach %.0f of an axis to %.0f: the bottom %.0f%%", top, fig.P.Y.Max, 100*top/fig.P.Y.Max)
	}
	if _, ok := fig.layer("capacity"); ok {
		t.Error("a capacity far above the data is drawn")
	}
	if !strings.Contains(fig.Caption, fmt.Sprint(o.Scenario.Gate.Slots())) {
		t.Errorf("the caption does not give the capacity: %s", fig.Caption)
	}

	// On day one staging fills: its capacity is drawn, at its value.
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(1)
	full, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	fig, err = stagingPlot(English().figures, full)
	if err != nil {
		t.Fatal(err)
	}
	if capXY, ok := fig.layer("capacity"); !ok || capXY[0].Y != float64(sc.Gate.Slots()) {
		t.Errorf("day one: capacity drawn %v at %v, want at %d", ok, capXY, sc.Gate.Slots())
	}
}

// TestPlotQueuesOneUnit: the queues figure draws items waiting at the
// posts of the delivery flow, the task queues figure tasks waiting at the
// other pools; neither draws the testing sites, whose residents have a
// figure of their own (issue 17: six tangled lines on an axis of "items,
// residents or tasks").
func TestPlotQueuesOneUnit(t *testing.T) {
	o := dataOutcome(t)
	items, err := queuesPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	tasks, err := taskQueuesPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := items.P.Y.Label.Text; got != "items waiting" {
		t.Errorf("queues y axis %q", got)
	}
	if got := tasks.P.Y.Label.Text; got != "tasks waiting" {
		t.Errorf("task queues y axis %q", got)
	}
	names := func(fig Plot) []string {
		var out []string
		for _, l := range fig.layers {
			out = append(out, l.name)
		}
		return out
	}
	for _, n := range append(names(items), names(tasks)...) {
		if strings.HasPrefix(n, "site-") {
			t.Errorf("a testing site drawn: %s", n)
		}
	}
	if !slices.Contains(names(tasks), "runners") || slices.Contains(names(items), "runners") {
		t.Errorf("runners (special-needs tasks) in items %v, tasks %v", names(items), names(tasks))
	}
	if !slices.Contains(names(items), "gate-crew") {
		t.Errorf("gate crew (intake of items) not in items: %v", names(items))
	}
	if !strings.Contains(items.Caption, "site queues") {
		t.Errorf("the caption does not say where the sites went: %s", items.Caption)
	}
}

// TestPlotStagingCapacityFollowsEvents: on two-days the entrance is
// reorganised at 18:00 on day one (event 1), from 20 places to 680: the
// dashed capacity steps up there, the key and the caption give both, and
// the data still fill the axis (the line leaves it at the top). Before,
// the line stayed at 20 all run, under day two's hundred items.
func TestPlotStagingCapacityFollowsEvents(t *testing.T) {
	sc, err := scenarios.Resolve("two-days")
	if err != nil {
		t.Fatal(err)
	}
	steps := sc.StagingCapacity()
	if len(steps) != 2 || steps[0].Capacity != sc.Gate.Slots() || steps[1].Capacity <= steps[0].Capacity {
		t.Fatalf("two-days' staging capacity %v: want its slots, then more from the reorganisation", steps)
	}
	seed := uint64(1)
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	fig, err := stagingPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	at := (float64(sc.Horizon.Start) + steps[1].At) / 3600
	lo, hi := float64(steps[0].Capacity), float64(steps[1].Capacity)
	capXY, _ := fig.layer("capacity")
	if want := []plotter.XY{{X: fig.P.X.Min, Y: lo}, {X: at, Y: lo}, {X: at, Y: hi}, {X: fig.P.X.Max, Y: hi}}; !slices.Equal(capXY, want) {
		t.Errorf("capacity drawn %v, want %v", capXY, want)
	}
	if want := fmt.Sprintf("capacity, %d items, %d from event 1;", steps[0].Capacity, steps[1].Capacity); !strings.Contains(fig.Caption, want) {
		t.Errorf("the caption does not say %q: %s", want, fig.Caption)
	}
	if fig.P.Y.Max >= hi {
		t.Errorf("the axis goes to %v, to hold a capacity of %v far above the data", fig.P.Y.Max, hi)
	}
}
