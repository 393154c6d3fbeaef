package reports

import (
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
	"cordon/experiment"
)

// dayLine is one kind's 95th percentile of the time to the door, day by
// day, in minutes: the mean over the replications and its 95% interval;
// days without a figure (no item of the kind delivered) left out.
type dayLine struct {
	kind  int
	label string
	pts   spans // X: the day, Y: the mean, Lo and Hi: the interval
}

// dayLines chooses what the figure of the days shows: each kind's
// KIND.door_time.p95@dayN, and the number of days of the run.
func dayLines(o *experiment.Outcome) ([]dayLine, int) {
	days := 0
	lines := make([]dayLine, len(o.Scenario.Kinds))
	index := map[string]int{}
	for i, k := range o.Scenario.Kinds {
		lines[i] = dayLine{kind: i, label: k.Name}
		index[k.Name+".door_time.p95"] = i
	}
	for _, k := range o.KPIs {
		days = max(days, k.Day)
		base, d := compound.WholeRun(k.Name)
		i, ok := index[base]
		if !ok || d == 0 || !finite(k.Mean) {
			continue
		}
		lo, hi := k.Mean, k.Mean
		if finite(k.Low) && finite(k.High) {
			lo, hi = k.Low, k.High
		}
		lines[i].pts = append(lines[i].pts, span{X: float64(d), Y: k.Mean / 60, Lo: lo / 60, Hi: hi / 60})
	}
	return lines, days
}

// daysPlot is the time to the door by kind on each day of a run of
// several days: a day axis, so that day 1 and day 3 are seen apart.
func daysPlot(l look, o *experiment.Outcome) (Plot, error) {
	fig := Plot{Name: "days", Title: l.T("Time to the door by day, 95th percentile")}
	p := l.newPlot(fig.Title, l.T("day of the run"), l.T("time to the door, 95th percentile (minutes)"))
	lines, days := dayLines(o)
	names := make([]string, days+1)
	for d := 1; d <= days; d++ {
		names[d] = l.Sprintf("day %d", d)
	}
	p.X.Tick.Marker = nominalTicks(names)
	p.X.Min, p.X.Max = 0.6, float64(days)+0.4
	p.Y.Min = 0
	key := l.newSideLegend()
	for _, dl := range lines {
		if len(dl.pts) == 0 {
			continue
		}
		col := seriesColor(dl.kind)
		xys := make(plotter.XYs, len(dl.pts))
		for i, s := range dl.pts {
			xys[i] = plotter.XY{X: s.X, Y: s.Y}
			p.Y.Max = max(p.Y.Max, s.Hi*1.05)
		}
		ml, err := line(xys, col, vg.Points(1.4))
		if err != nil {
			return Plot{}, err
		}
		dots, err := scatter(xys, dot(col, vg.Points(2.6)))
		if err != nil {
			return Plot{}, err
		}
		eb, err := plotter.NewYErrorBars(dl.pts)
		if err != nil {
			return Plot{}, err
		}
		eb.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1)}
		eb.CapWidth = vg.Points(5)
		p.Add(ml, dots, eb)
		key.Add(l.Name(dl.label), ml, dots)
		fig.addLayer(dl.label, xys)
	}
	p.Add(key)
	fig.P = p
	fig.Caption = l.Sprintf("For each kind, the 95th percentile of the time from the gate to the door of the items that arrived on each day "+
		"(KIND.door_time.p95@dayN), mean over %d replications with its 95%% confidence interval; a day with no item of a kind delivered has no point.", o.Replications)
	return fig, nil
}
