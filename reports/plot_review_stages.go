package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
	"cordon/experiment"
)

// stagesPlot is where each kind's time to the door went in the replay: one
// stacked bar per kind (the first at the top), one piece per stage in the
// order an item goes through them, its length the mean time in the stage;
// the mean time to the door is written at the end of the bar.
func stagesPlot(l look, r *experiment.Review) (Plot, error) {
	fig := Plot{Name: "review-stages", Title: l.T("Where the time went: mean time in each stage, by kind")}
	if len(r.Stages) == 0 {
		return l.notePlot(fig, l.T("No item delivered in the replay."), l.T("No item was delivered in the replay, so there is no time to split into stages.")), nil
	}
	p := l.newPlot(fig.Title, l.T("mean time"), "")
	p.X.Tick.Marker = durationTicks{l, 60}
	n := len(r.Stages)
	names := make([]string, n)
	minutes := map[string][]float64{} // by stage, each kind's minutes on its row
	ends := map[string]plotter.XYs{}
	var totals plotter.XYLabels
	for i, ks := range r.Stages {
		row := n - 1 - i
		names[row] = l.Name(ks.Kind)
		at := 0.0
		for _, st := range ks.Stages {
			if minutes[st.Name] == nil {
				minutes[st.Name] = make([]float64, n)
			}
			t := zeroIfNaN(st.Time.Mean) / 60
			minutes[st.Name][row] = t
			at += t
			ends[st.Name] = append(ends[st.Name], plotter.XY{X: at, Y: float64(row)})
		}
		totals.XYs = append(totals.XYs, plotter.XY{X: at, Y: float64(row)})
		totals.Labels = append(totals.Labels, l.Sprintf("%s to the door", l.Duration(ks.Total.Mean)))
	}
	key := l.newSideLegend()
	var below *plotter.BarChart
	var descs []string
	for i, st := range compound.Stages() {
		if minutes[st.Name] == nil {
			continue
		}
		fill := alpha(seriesColor(i), 0.9)
		rb, err := newRowBars(minutes[st.Name], fill, 0.6)
		if err != nil {
			return Plot{}, err
		}
		rb.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(1)}
		if below != nil {
			rb.StackOn(below) // in the order an item goes through them
		}
		below = rb.BarChart
		p.Add(rb)
		key.Add(l.Stage(st.Name), swatch{fill})
		descs = append(descs, l.Aside(l.Stage(st.Name), l.T(st.Desc)))
		fig.addLayer(st.Name, ends[st.Name])
	}
	if err := addTotals(l, p, totals); err != nil {
		return Plot{}, err
	}
	rowAxis(p, names)
	p.Add(key)
	fig.P = p
	fig.addLayer("total", totals.XYs)
	fig.Caption = l.Sprintf("For each kind, its items' mean time from the gate to the door in the replay (mean of %d replications), split into the stages they go through, "+
		"left to right in order: the longer a piece, the more of the time went there. The stages: %s.", r.Replay.Replications, l.List(descs))
	return fig, nil
}

// addTotals writes each kind's mean time to the door at the end of its
// bar, with room for it.
func addTotals(l look, p *plot.Plot, totals plotter.XYLabels) error {
	labels, err := l.endLabels(totals, ink(), vg.Points(6))
	if err != nil {
		return err
	}
	longest := 0.0
	for _, xy := range totals.XYs {
		longest = math.Max(longest, xy.X)
	}
	p.Add(labels)
	p.X.Min, p.X.Max = 0, math.Max(longest, 1)*1.18
	return nil
}
