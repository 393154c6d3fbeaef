package reports

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
)

// ecdfPoints is the most points an ECDF line keeps: enough for a smooth
// step at any sensible figure size, few enough to keep the SVG small.
const ecdfPoints = 400

// ecdf returns the empirical distribution function of sorted values (x in
// the values' unit divided by scale) as the corners of a step line: it
// starts at (x₁, 0) and reaches 1 at the largest value. Beyond ecdfPoints
// values it keeps evenly spaced ranks, always the first and the last.
func ecdf(sorted []float64, scale float64) plotter.XYs {
	return ecdfAt(len(sorted), func(r int) float64 { return sorted[r] }, scale)
}

// ecdfAt is ecdf of n values whose r-th smallest is at(r).
func ecdfAt(n int, at func(r int) float64, scale float64) plotter.XYs {
	if n == 0 {
		return nil
	}
	ranks := make([]int, 0, min(n, ecdfPoints))
	if n <= ecdfPoints {
		for i := range n {
			ranks = append(ranks, i)
		}
	} else {
		for k := range ecdfPoints {
			ranks = append(ranks, int(math.Round(float64(k)*float64(n-1)/float64(ecdfPoints-1))))
		}
	}
	xys := plotter.XYs{{X: at(0) / scale, Y: 0}}
	for _, r := range ranks {
		xys = append(xys, plotter.XY{X: at(r) / scale, Y: float64(r+1) / float64(n)})
	}
	return xys
}

// kindTimes returns the ECDF of kind k's times to the door over every
// replication, pooled, in minutes (nil when none was delivered).
func kindTimes(o *experiment.Outcome, k int) plotter.XYs {
	d := o.Plots.DoorTimes(k)
	if d == nil {
		return nil
	}
	return ecdfAt(d.Len(), d.At, 60)
}

// longestDoorTime returns the longest time to the door of any kind, in
// minutes (0 when none was delivered).
func longestDoorTime(o *experiment.Outcome) float64 {
	longest := 0.0
	for k := range o.Scenario.Kinds {
		if d := o.Plots.DoorTimes(k); d != nil && d.Len() > 0 {
			longest = max(longest, d.At(d.Len()-1)/60)
		}
	}
	return longest
}

// doorTimesPlot is the time to the door by kind as an ECDF over every
// replication's delivered items, with each kind's target. A target far
// beyond every delivery (12 hours against two) would squeeze the curves
// into a corner: targets are drawn up to half as far again as the longest
// time, and the others named in the key and the caption.
func doorTimesPlot(l look, o *experiment.Outcome) (Plot, error) {
	fig := Plot{Name: "door-times", Title: l.T("Time from the gate to the door, by kind")}
	p := l.newPlot(fig.Title, l.T("time to the door (minutes)"), l.T("share of items delivered within x"))
	key := l.newSideLegend()
	longest := longestDoorTime(o)
	p.X.Min, p.X.Max = 0, max(longest, 1)
	p.Y.Min, p.Y.Max = 0, 1
	var offScale, none []string
	for k, kind := range o.Scenario.Kinds {
		xys := kindTimes(o, k)
		if len(xys) == 0 {
			none = append(none, kind.Name)
			continue
		}
		target, drawn := float64(kind.Target)/60, kind.Target > 0 && float64(kind.Target)/60 <= longest*1.5
		if kind.Target > 0 && !drawn {
			offScale = append(offScale, l.Aside(l.Name(kind.Name), l.Duration(float64(kind.Target))))
		}
		if err := drawKindTimes(l, &fig, p, key, kind, xys, seriesColor(k), drawn); err != nil {
			return Plot{}, err
		}
		if drawn {
			p.X.Max = max(p.X.Max, target)
		}
	}
	p.X.Max *= 1.02
	p.Add(key)
	fig.P = p
	var b strings.Builder
	b.WriteString(l.Sprintf("For each kind, the share of delivered items (all %d replications pooled) that reached the door within the time on the x axis; "+
		"a curve further left is faster, and where it crosses a dashed line of its colour is the share within that kind's target.", o.Replications))
	if len(offScale) > 0 {
		b.WriteString(l.Sprintf(" Targets far beyond the longest time are not drawn: %s; every delivered item met them.", l.List(offScale)))
	}
	if len(none) > 0 {
		b.WriteString(l.Sprintf(" No item delivered: %s.", l.List(none)))
	}
	fig.Caption = b.String()
	return fig, nil
}

// drawKindTimes draws a kind's ECDF, and its target as a dashed line of
// the same colour when drawn; the key names the kind with its target, an
// note when the target is beyond the right edge.
func drawKindTimes(l look, fig *Plot, p *plot.Plot, key *sideLegend, kind compound.Kind, xys plotter.XYs, col color.Color, drawn bool) error {
	ln, err := line(xys, col, vg.Points(1.5))
	if err != nil {
		return err
	}
	ln.StepStyle = plotter.PostStep
	p.Add(ln)
	fig.addLayer(kind.Name, xys)
	label := l.Name(kind.Name)
	if kind.Target > 0 {
		target := l.Duration(float64(kind.Target))
		label = l.Sprintf("%s, target %s", label, target)
		if !drawn {
			// beyond the right edge: every item met it
			label = l.Sprintf("%s, target %s (off the axis, all met)", l.Name(kind.Name), target)
		}
	}
	key.Add(label, ln)
	if !drawn {
		return nil
	}
	target := float64(kind.Target) / 60
	txys := plotter.XYs{{X: target, Y: 0}, {X: target, Y: 1}}
	tl, err := line(txys, col, vg.Points(1.1))
	if err != nil {
		return err
	}
	tl.Dashes = dashes()
	p.Add(tl)
	fig.addLayer(kind.Name+" target", txys)
	return nil
}
