package reports

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
	"cordon/experiment"
)

// segment is one piece of a stacked horizontal bar: from From to To on row
// Y.
type segment struct {
	Y, From, To float64
	Fill        color.Color
}

// hstack draws stacked horizontal bars, a thin white line between pieces,
// their thickness a share of a row (like hbars).
type hstack struct {
	segs  []segment
	thick float64
	edge  draw.LineStyle
}

// Plot implements plot.Plotter.
func (h *hstack) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, s := range h.segs {
		r := vg.Rectangle{Min: vg.Point{X: trX(s.From), Y: trY(s.Y - h.thick/2)}, Max: vg.Point{X: trX(s.To), Y: trY(s.Y + h.thick/2)}}
		c.SetColor(s.Fill)
		c.Fill(r.Path())
		c.StrokeLine2(h.edge, r.Max.X, r.Min.Y, r.Max.X, r.Max.Y)
	}
}

// DataRange implements plot.DataRanger: zero to the longest bar, and half
// a row around the rows.
func (h *hstack) DataRange() (xmin, xmax, ymin, ymax float64) {
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, s := range h.segs {
		xmax = math.Max(xmax, s.To)
		ymin, ymax = math.Min(ymin, s.Y-0.5), math.Max(ymax, s.Y+0.5)
	}
	return 0, xmax, ymin, ymax
}

// stagesPlot is where each kind's time to the door went in the replay: one
// stacked bar per kind (the first at the top), one piece per stage in the
// order an item goes through them, its length the mean time in the stage;
// the mean time to the door is written at the end of the bar.
func stagesPlot(r *experiment.Review) (Plot, error) {
	const title = "Where the time went: mean time in each stage, by kind"
	fig := Plot{Name: "review-stages", Title: title}
	if len(r.Stages) == 0 {
		return notePlot(fig, "No item delivered in the replay.", "No item was delivered in the replay, so there is no time to split into stages."), nil
	}
	p := newPlot(title, "mean time (minutes)", "")
	stages := compound.Stages()
	colourOf := func(name string) color.Color {
		for i, st := range stages {
			if st.Name == name {
				return alpha(seriesColor(i), 0.9)
			}
		}
		return muted()
	}
	n := len(r.Stages)
	names := make([]string, n)
	hs := &hstack{thick: 0.6, edge: draw.LineStyle{Color: color.White, Width: vg.Points(1)}}
	var totals plotter.XYLabels
	ends := map[string]plotter.XYs{}
	longest := 0.0
	for i, ks := range r.Stages {
		y := float64(n - 1 - i)
		names[n-1-i] = ks.Kind
		at := 0.0
		for _, st := range ks.Stages {
			t := zeroIfNaN(st.Time.Mean) / 60
			hs.segs = append(hs.segs, segment{Y: y, From: at, To: at + t, Fill: colourOf(st.Name)})
			at += t
			ends[st.Name] = append(ends[st.Name], plotter.XY{X: at, Y: y})
		}
		longest = math.Max(longest, at)
		totals.XYs = append(totals.XYs, plotter.XY{X: at, Y: y})
		totals.Labels = append(totals.Labels, FormatValue("s", ks.Total.Mean)+" to the door")
	}
	p.Add(hs)
	l, err := plotter.NewLabels(totals)
	if err != nil {
		return Plot{}, err
	}
	for i := range l.TextStyle {
		st := textStyle(legendSize, ink())
		st.YAlign = draw.YCenter
		l.TextStyle[i] = st
	}
	l.Offset = vg.Point{X: vg.Points(6)}
	p.Add(l)
	p.X.Min, p.X.Max = 0, math.Max(longest, 1)*1.18
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Marker = nominalTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0

	key := newSideLegend()
	var descs []string
	for _, st := range stages {
		if _, ok := ends[st.Name]; !ok {
			continue
		}
		key.Add(st.Name, swatch{colourOf(st.Name)})
		descs = append(descs, fmt.Sprintf("%s (%s)", st.Name, st.Desc))
		fig.addLayer(st.Name, ends[st.Name])
	}
	p.Add(key)
	fig.P = p
	fig.addLayer("total", totals.XYs)
	fig.Caption = fmt.Sprintf("For each kind, its items' mean time from the gate to the door in the replay (mean of %d replications), split into the stages they go through, "+
		"left to right in order: the longer a piece, the more of the time went there. The stages: %s.", r.Replay.Replications, strings.Join(descs, ", "))
	return fig, nil
}
