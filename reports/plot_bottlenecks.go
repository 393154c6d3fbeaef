package reports

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/experiment"
)

// maxBottlenecks is the most posts the bottleneck chart shows.
const maxBottlenecks = 10

// bottleneckBar is one post of the bottleneck chart: the hours spent
// waiting there with their interval, and what it turned away ("" for
// nothing).
type bottleneckBar struct {
	name            string
	waiting, lo, hi float64
	turnedAway      string
}

// bottleneckBars are the top posts of the ranking, most constraining first.
func bottleneckBars(l look, o *experiment.Outcome) []bottleneckBar {
	top := o.Bottlenecks
	if len(top) > maxBottlenecks {
		top = top[:maxBottlenecks]
	}
	out := make([]bottleneckBar, len(top))
	for i, b := range top {
		out[i] = bottleneckBar{name: fmt.Sprintf("%d. %s", b.Rank, l.Post(b.Post)),
			waiting: zeroIfNaN(b.Waited.Mean), lo: b.Waited.Low, hi: b.Waited.High}
		if b.BlockedShare.Mean > 0 {
			out[i].turnedAway = l.Sprintf("turned away %s", FormatValue("share", b.BlockedShare.Mean))
		}
	}
	return out
}

// bottlenecksPlot is the bottleneck chart: the top posts of the ranking,
// most constraining at the top, with the hours spent waiting at each as a
// bar (and its 95% interval) and the share of arrivals it turned away
// written beside it.
func bottlenecksPlot(l look, o *experiment.Outcome) (Plot, error) {
	fig := Plot{Name: "bottlenecks", Title: l.T("Bottlenecks: where work waits")}
	bars := bottleneckBars(l, o)
	if len(bars) == 0 {
		return l.notePlot(fig, l.T("No post to rank."), l.T("The run has no posts to rank.")), nil
	}
	if err := drawBottlenecks(l, &fig, bars); err != nil {
		return Plot{}, err
	}
	blocked := 0
	for _, b := range bars {
		if b.turnedAway != "" {
			blocked++
		}
	}
	fig.Caption = l.Sprintf("The %d most constraining posts, ranked (top first) by the share of arrivals turned away, then by the hours spent waiting there, "+
		"added over everything that waited (items, residents or tasks: the bar, with its 95%% interval). ", len(bars))
	if blocked > 0 {
		fig.Caption += l.T("Posts that turned work away say how much in red.")
	} else {
		fig.Caption += l.T("No post turned work away.")
	}
	return fig, nil
}

// drawBottlenecks draws the bars, the first at the top, as fig's figure.
func drawBottlenecks(l look, fig *Plot, bars []bottleneckBar) error {
	p := l.newPlot(fig.Title, l.T("hours waited"), "")
	n := len(bars)
	names, waiting := make([]string, n), make([]float64, n)
	var intervals spans
	var waited plotter.XYs
	var notes plotter.XYLabels
	for i, b := range bars {
		y := float64(n - 1 - i) // rank 1 at the top
		names[n-1-i], waiting[n-1-i] = b.name, b.waiting
		waited = append(waited, plotter.XY{X: b.waiting, Y: y})
		if finite(b.lo, b.hi) {
			intervals = append(intervals, span{X: b.waiting, Y: y, Lo: b.lo, Hi: b.hi})
		}
		if b.turnedAway != "" {
			notes.XYs = append(notes.XYs, plotter.XY{X: math.Max(b.waiting, zeroIfNaN(b.hi)), Y: y})
			notes.Labels = append(notes.Labels, b.turnedAway)
		}
	}
	fill := alpha(seriesColor(0), 0.85)
	rb, err := newRowBars(waiting, fill, 0.62)
	if err != nil {
		return err
	}
	wh, err := whiskers(intervals, whiskerStyle())
	if err != nil {
		return err
	}
	p.Add(rb, wh)
	if len(notes.XYs) > 0 {
		l, err := l.endLabels(notes, seriesColor(3), vg.Points(8))
		if err != nil {
			return err
		}
		p.Add(l)
	}
	p.X.Min, p.X.Max = 0, math.Max(1, p.X.Max) // an axis even when nothing waited
	rowAxis(p, names)
	key := l.newSideLegend()
	key.Add(l.T("hours waited"), swatch{fill})
	key.Add(l.T("95% interval"), whiskerThumb{whiskerStyle()})
	p.Add(key)
	fig.P = p
	fig.addLayer("hours waited", waited)
	return nil
}

// zeroIfNaN counts a figure with nothing to measure as zero.
func zeroIfNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
