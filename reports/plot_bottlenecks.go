package reports

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/experiment"
)

// maxBottlenecks is the most posts the bottleneck chart shows.
const maxBottlenecks = 10

// bottlenecksPlot is the bottleneck chart: the top posts of the ranking,
// most constraining at the top, with the share of the time work waited for
// each as a bar (and its 95% interval), its utilisation as a marker and the
// share of arrivals it turned away written beside it.
func bottlenecksPlot(o *experiment.Outcome) (Plot, error) {
	const title = "Bottlenecks: where work waits"
	fig := Plot{Name: "bottlenecks", Title: title}
	top := o.Bottlenecks
	if len(top) == 0 {
		return notePlot(fig, "No post to rank.", "The run has no posts to rank."), nil
	}
	if len(top) > maxBottlenecks {
		top = top[:maxBottlenecks]
	}
	p := newPlot(title, "share of time (%)", "")
	n := len(top)
	names := make([]string, n)
	bars := make([]hbar, n)
	util := make(plotter.XYs, n)
	var notes plotter.XYLabels
	blocked := 0
	for i, b := range top {
		y := float64(n - 1 - i) // rank 1 at the top
		names[n-1-i] = fmt.Sprintf("%d. %s", b.Rank, b.Post)
		bars[i] = hbar{Y: y, Value: 100 * b.Saturation.Mean, Low: 100 * b.Saturation.Low, High: 100 * b.Saturation.High,
			Fill: alpha(seriesColor(0), 0.85)}
		util[i] = plotter.XY{X: 100 * zeroIfNaN(b.Utilisation.Mean), Y: y}
		if b.BlockedShare.Mean > 0 {
			blocked++
			end := math.Max(math.Max(bars[i].Value, bars[i].High), util[i].X)
			notes.XYs = append(notes.XYs, plotter.XY{X: end, Y: y})
			notes.Labels = append(notes.Labels, "turned away "+FormatValue("share", b.BlockedShare.Mean))
		}
	}
	hb := newHBars(bars)
	sc, err := plotter.NewScatter(util)
	if err != nil {
		return Plot{}, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: seriesColor(1), Radius: vg.Points(4.5), Shape: diamond{}}
	p.Add(hb, sc)
	if len(notes.XYs) > 0 {
		l, err := plotter.NewLabels(notes)
		if err != nil {
			return Plot{}, err
		}
		for i := range l.TextStyle {
			st := textStyle(legendSize, seriesColor(3))
			st.YAlign = draw.YCenter
			l.TextStyle[i] = st
		}
		l.Offset = vg.Point{X: vg.Points(8)}
		p.Add(l)
	}
	p.X.Min, p.X.Max = 0, math.Max(100, p.X.Max) // overtime can take utilisation past 100%
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Marker = nominalTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0

	key := newSideLegend()
	key.Add("work waiting", swatch{alpha(seriesColor(0), 0.85)})
	key.Add("95% interval", whiskerThumb{hb.whisker})
	key.Add("utilisation", sc)
	p.Add(key)
	fig.P = p
	fig.addLayer("saturation", hb.xys())
	fig.addLayer("utilisation", util)

	fig.Caption = fmt.Sprintf("The %d most constraining posts, ranked (top first) by the share of arrivals turned away, then by the share of the time they were open "+
		"during which work was waiting for them (the bar, with its 95%% interval), then by utilisation (the diamond: busy over on-duty time). ", n)
	if blocked > 0 {
		fig.Caption += "Posts that turned work away say how much in red."
	} else {
		fig.Caption += "No post turned work away."
	}
	return fig, nil
}

// zeroIfNaN counts a figure with nothing to measure as zero.
func zeroIfNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
