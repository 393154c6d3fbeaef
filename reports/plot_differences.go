package reports

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/experiment"
)

// maxDifferences is the most differences the comparison chart shows.
const maxDifferences = 25

// verdictColor is the colour of a verdict: better green, worse red,
// differs (no better direction) grey.
func verdictColor(v string) color.NRGBA {
	switch v {
	case experiment.Better:
		return color.NRGBA{0x3a, 0x9a, 0x4a, 0xff}
	case experiment.Worse:
		return color.NRGBA{0xd6, 0x3c, 0x3e, 0xff}
	}
	return color.NRGBA{0x8c, 0x8c, 0x8c, 0xff}
}

// relDiff is one significant difference relative to the reference mean, in
// percent.
type relDiff struct {
	label, verdict  string
	mean, low, high float64
}

// DifferencesPlot is the comparison chart: for each scenario after the
// first, each significant difference (Verdict != none) as a horizontal bar
// with its 95% CI, expressed as a relative change against the first
// scenario's mean (percent), coloured by verdict (better green, worse red,
// differs grey); at most the 25 largest by |relative change|; empty but
// valid (a note) when none. A difference whose reference mean is zero has
// no relative change and is named in the caption instead.
func DifferencesPlot(c *experiment.Comparison) (Plot, error) {
	if c == nil || len(c.Outcomes) == 0 || c.Outcomes[0] == nil || c.Outcomes[0].Scenario == nil {
		return Plot{}, errors.New("differences plot: no comparison")
	}
	ref := c.Outcomes[0]
	refName := ref.Scenario.Name
	var others []string
	for _, o := range c.Outcomes[1:] {
		others = append(others, o.Scenario.Name)
	}
	title := fmt.Sprintf("%s against %s: significant differences", strings.Join(others, ", "), refName)
	fig := Plot{Name: "differences", Title: title}

	var rows []relDiff
	var noBase []string
	sig := c.Significant()
	for _, d := range sig {
		base, ok := ref.KPI(d.Name)
		label := d.Name
		if len(others) > 1 {
			label = d.Scenario + ": " + d.Name
		}
		if !ok || base.Mean == 0 || math.IsNaN(base.Mean) || math.IsInf(base.Mean, 0) {
			noBase = append(noBase, label)
			continue
		}
		s := 100 / math.Abs(base.Mean)
		rows = append(rows, relDiff{label: label, verdict: d.Verdict, mean: s * d.Mean, low: s * d.Low, high: s * d.High})
	}
	slices.SortStableFunc(rows, func(a, b relDiff) int {
		switch x, y := math.Abs(a.mean), math.Abs(b.mean); {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	cut := 0
	if len(rows) > maxDifferences {
		cut = len(rows) - maxDifferences
		rows = rows[:maxDifferences]
	}
	if len(rows) == 0 {
		note := fmt.Sprintf("No significant difference from %s at the 95%% level.", refName)
		caption := fmt.Sprintf("Every KPI of %s is within chance of %s's (each paired difference's 95%% interval holds zero).", strings.Join(others, ", "), refName)
		if len(noBase) > 0 {
			note = fmt.Sprintf("No relative difference to show: %s has a mean of zero where they differ.", refName)
			caption = fmt.Sprintf("Significant differences where %s's mean is zero, so no relative change: %s.", refName, strings.Join(noBase, ", "))
		}
		return notePlot(fig, note, caption), nil
	}

	p := newPlot(title, fmt.Sprintf("change against %s's mean (%%)", refName), "")
	n := len(rows)
	names := make([]string, n)
	bars := make([]hbar, n)
	var ends plotter.XYLabels
	var left []bool
	present := map[string]bool{}
	for i, r := range rows {
		y := float64(n - 1 - i) // the largest at the top
		names[n-1-i] = r.label
		bars[i] = hbar{Y: y, Value: r.mean, Low: r.low, High: r.high, Fill: verdictColor(r.verdict)}
		present[r.verdict] = true
		end := math.Max(r.mean, r.high)
		if r.mean < 0 {
			end = math.Min(r.mean, r.low)
		}
		ends.XYs = append(ends.XYs, plotter.XY{X: end, Y: y})
		ends.Labels = append(ends.Labels, fmt.Sprintf("%+.0f%%", r.mean))
		left = append(left, r.mean < 0)
	}
	hb := newHBars(bars)
	zero := plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(n) - 0.5}}
	zl, err := line(zero, ink(), vg.Points(0.8))
	if err != nil {
		return Plot{}, err
	}
	lab, err := plotter.NewLabels(ends)
	if err != nil {
		return Plot{}, err
	}
	size := legendSize
	if n > 14 {
		size = 8
	}
	for i := range lab.TextStyle {
		st := textStyle(size, ink())
		st.YAlign = draw.YCenter
		if left[i] {
			st.XAlign = draw.XRight
		}
		lab.TextStyle[i] = st
	}
	p.Add(hb, zl)
	// Room for the value labels: a tenth of the span each side.
	xmin, xmax, _, _ := hb.DataRange()
	span := math.Max(xmax-xmin, 1)
	p.X.Min, p.X.Max = xmin-0.12*span*b2f(xmin < 0), xmax+0.12*span*b2f(xmax > 0)
	p.Add(valueLabels{lab})
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Marker = nominalTicks(names)
	p.Y.Tick.Label.Font = sans(size)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0

	key := newSideLegend()
	for _, v := range []string{experiment.Better, experiment.Worse, experiment.Differs} {
		if present[v] {
			key.Add(v, swatch{verdictColor(v)})
		}
	}
	key.Add("95% interval", whiskerThumb{hb.whisker})
	p.Add(key)
	fig.P = p
	fig.addLayer("differences", hb.xys())

	var b strings.Builder
	fmt.Fprintf(&b, "Each bar is a KPI that differs significantly from %s: the mean of the paired differences over the replications "+
		"(common random numbers) as a percentage of %s's mean, with its 95%% interval; green is better, red worse, grey a KPI with no better direction. ",
		refName, refName)
	fmt.Fprintf(&b, "%d of %d differences are significant", len(sig), len(c.Differences))
	if cut > 0 {
		fmt.Fprintf(&b, "; the %d largest are shown", maxDifferences)
	}
	b.WriteString(".")
	if len(noBase) > 0 {
		fmt.Fprintf(&b, " Not shown, as %s's mean is zero: %s.", refName, strings.Join(noBase, ", "))
	}
	fig.Caption = b.String()
	return fig, nil
}

// valueLabels are labels beside bars; unlike plotter.Labels they do not
// widen the axes (the figure leaves room for them) and are drawn even at
// the edge of the data area.
type valueLabels struct{ l *plotter.Labels }

// Plot implements plot.Plotter.
func (v valueLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, s := range v.l.Labels {
		st := v.l.TextStyle[i]
		off := vg.Points(5)
		if st.XAlign == draw.XRight {
			off = -off
		}
		c.FillText(st, vg.Point{X: trX(v.l.XYs[i].X) + off, Y: trY(v.l.XYs[i].Y)}, s)
	}
}

// b2f is 1 for true, 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
