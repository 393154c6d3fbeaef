package reports

import (
	"cmp"
	"errors"
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

// maxDifferences is the most bars the comparison chart shows: every
// difference with a verdict up to it, and beyond it those largest in
// minimum effects (a comparison of many scenarios).
const maxDifferences = 80

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

// diffBar is one difference with a verdict, in its KPI's unit.
type diffBar struct {
	label, verdict  string
	mean, low, high float64
	size            float64 // |mean| in minimum effects: what is kept when there are too many
}

// diffPanel is the bars of the KPIs of one unit, largest first.
type diffPanel struct {
	unit string
	bars []diffBar
}

// unitRank orders the panels: times first, then counts, rates, shares and
// staff-hours, and any other unit after them by name.
func unitRank(unit string) int {
	if i := slices.Index([]string{"s", "items", "people", "households", "samples", "tubes", "cards", "items/h", "people/h", "share", "h"}, unit); i >= 0 {
		return i
	}
	return 100
}

// diffAxis is how a panel shows a unit's differences: the factor from the
// unit to the axis, and the axis label. Times are in minutes (hours when a
// bar passes three hours), shares in percentage points.
func diffAxis(l look, unit string, maxAbs float64) (float64, string) {
	switch unit {
	case "s":
		// ticked "−50 min", "1 h 30 min" (durationTicks)
		if maxAbs >= 3*3600 {
			return 1.0 / 3600, l.T("difference in time")
		}
		return 1.0 / 60, l.T("difference in time")
	case "share":
		return 100, l.T("difference in share (percentage points)")
	case "h":
		return 1, l.T("difference (staff-hours)")
	}
	return 1, l.Sprintf("difference (%s)", l.unitWord(unit))
}

// DifferencesPlot is the comparison chart: every difference with a verdict
// (Verdict != none: its 95% interval leaves out zero and it is at least its
// minimum effect) as a horizontal bar with its 95% interval, in the KPI's
// own unit, one panel per unit (times in minutes or hours, counts, rates,
// shares in percentage points), the largest first, coloured by verdict
// (better green, worse red, differs grey). A KPI whose reference mean is
// zero (items turned away, time the staging area was full) is shown like
// any other. At most maxDifferences bars; empty but valid (a note) when
// nothing has a verdict.
func DifferencesPlot(c *experiment.Comparison) (Plot, error) {
	return English().DifferencesPlot(c)
}

// DifferencesPlot is DifferencesPlot in w's language.
func (w *Words) DifferencesPlot(c *experiment.Comparison) (Plot, error) {
	l := w.figures
	if c == nil || len(c.Outcomes) == 0 || c.Outcomes[0] == nil || c.Outcomes[0].Scenario == nil {
		return Plot{}, errors.New("differences plot: no comparison")
	}
	refName := c.Outcomes[0].Scenario.Name
	var others []string
	for _, o := range c.Outcomes[1:] {
		others = append(others, o.Scenario.Name)
	}
	fig := Plot{Name: "differences", Title: l.Sprintf("%s against %s: differences with a verdict", strings.Join(others, ", "), refName)}
	judged := c.Significant()
	if len(judged) == 0 {
		return l.notePlot(fig, l.Sprintf("No significant difference from %s as large as its minimum effect.", refName), l.noDifferenceCaption(c, others)), nil
	}
	panels, cut := diffPanels(l, c, judged, len(others) > 1)
	if err := drawDifferences(l, &fig, panels); err != nil {
		return Plot{}, err
	}
	var b strings.Builder
	effects := (&Words{Printer: l.Printer}).minEffects(c.MinEffects)
	b.WriteString(l.Sprintf("Each bar is a KPI whose difference from %s has a verdict: the mean of the paired differences over the replications "+
		"(common random numbers), there minus %s, in the KPI's own unit (one panel a unit; times in minutes or hours, shares in percentage points), "+
		"with its 95%% interval; green is better, red worse, grey a KPI with no better direction. "+
		"A verdict needs the interval to leave out zero and a difference of at least %s. ", refName, refName, effects))
	b.WriteString(l.Sprintf("%d of %d differences have a verdict", len(judged), len(c.Differences)))
	if cut > 0 {
		b.WriteString(l.Sprintf("; the %d largest (in minimum effects) are shown", maxDifferences))
	}
	if small := smallDifferences(c); small > 0 {
		b.WriteString(l.Sprintf("; %d more are significant but smaller than their minimum effect", small))
	}
	b.WriteString(l.T("."))
	fig.Caption = b.String()
	return fig, nil
}

// smallDifferences counts the differences significant but smaller than
// their minimum effect.
func smallDifferences(c *experiment.Comparison) int {
	small := 0
	for _, d := range c.Differences {
		if d.Small() {
			small++
		}
	}
	return small
}

// noDifferenceCaption says why a comparison's chart is empty.
func (l look) noDifferenceCaption(c *experiment.Comparison, others []string) string {
	refName := c.Outcomes[0].Scenario.Name
	w := &Words{Printer: l.Printer}
	caption := l.Sprintf("Every KPI of %s is within chance of %s's (each paired difference's 95%% interval holds zero)", l.List(others), refName)
	if small := smallDifferences(c); small > 0 {
		caption += l.Sprintf(", or differs by less than its minimum effect (%d KPIs: %s)", small, w.minEffects(c.MinEffects))
	}
	caption += l.T(".")
	sep := " " // between sentences; none after a Chinese full stop
	if l.Chinese() {
		sep = ""
	}
	for _, name := range c.Identical {
		caption += sep + w.identicalLine(name, refName, func(s string) string { return s })
	}
	return caption
}

// drawDifferences draws the panels one above the other as fig's figure,
// with one key for them all, as tall as their bars need.
func drawDifferences(l look, fig *Plot, panels []diffPanel) error {
	rows := 0
	for _, pn := range panels {
		rows += len(pn.bars)
	}
	size := legendSize
	if rows > 24 {
		size = 8
	}
	// The data areas' width, about: the figure less the widest name and
	// the key, for making room for the labels beside the bars.
	names := vg.Length(0)
	for _, pn := range panels {
		for _, b := range pn.bars {
			names = max(names, l.textStyle(size, ink()).Width(b.label))
		}
	}
	width := max(plotWidth-names-vg.Points(150), vg.Points(150))
	st := stack{}
	present := map[string]bool{}
	for _, pn := range panels {
		p, err := diffPanelPlot(l, pn, size, width)
		if err != nil {
			return err
		}
		st.panels = append(st.panels, p)
		st.rows = append(st.rows, len(pn.bars))
		raw := make(plotter.XYs, len(pn.bars))
		for i, b := range pn.bars {
			present[b.verdict] = true
			raw[i] = plotter.XY{X: b.mean, Y: float64(len(pn.bars) - 1 - i)}
		}
		fig.addLayer("differences "+pn.unit, raw) // in the KPI's unit, uncut
	}
	outer := l.newPlot(fig.Title, "", "")
	outer.HideAxes()
	outer.X.Min, outer.X.Max, outer.Y.Min, outer.Y.Max = 0, 1, 0, 1
	outer.X.Padding, outer.Y.Padding = 0, 0
	key := l.newSideLegend()
	for _, v := range []string{experiment.Better, experiment.Worse, experiment.Differs} {
		if present[v] {
			key.Add(l.T(v), swatch{verdictColor(v)})
		}
	}
	key.Add(l.T("95% interval"), whiskerThumb{whiskerStyle()})
	outer.Add(st, key)
	fig.P = outer
	fig.Height = max(plotHeight, st.height()+vg.Points(40))
	return nil
}

// diffPanels groups the differences with a verdict by unit, largest first
// in each; when there are more than maxDifferences it keeps those largest
// in minimum effects, and says how many it left out.
func diffPanels(l look, c *experiment.Comparison, judged []experiment.Difference, named bool) ([]diffPanel, int) {
	var bars []diffBar
	var units []string
	for _, d := range judged {
		label := d.Name
		if k, ok := c.Outcomes[0].KPI(d.Name); ok {
			label = l.KPITitle(k.Name, k.Of, k.Label) // its name is in differences.csv and the page's table
		}
		if named {
			label = d.Scenario + ": " + label
		}
		size := math.Inf(1)
		if d.MinEffect > 0 {
			size = math.Abs(d.Mean) / d.MinEffect
		}
		bars = append(bars, diffBar{label: label, verdict: d.Verdict, mean: d.Mean, low: d.Low, high: d.High, size: size})
		units = append(units, d.Unit)
	}
	keep := make([]bool, len(bars))
	order := make([]int, len(bars))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(bars[b].size, bars[a].size) })
	for i, j := range order {
		keep[j] = i < maxDifferences
	}
	byUnit := map[string]*diffPanel{}
	var panels []*diffPanel
	for i, b := range bars {
		if !keep[i] {
			continue
		}
		pn, ok := byUnit[units[i]]
		if !ok {
			pn = &diffPanel{unit: units[i]}
			byUnit[units[i]] = pn
			panels = append(panels, pn)
		}
		pn.bars = append(pn.bars, b)
	}
	slices.SortStableFunc(panels, func(a, b *diffPanel) int {
		if c := cmp.Compare(unitRank(a.unit), unitRank(b.unit)); c != 0 {
			return c
		}
		return strings.Compare(a.unit, b.unit)
	})
	out := make([]diffPanel, len(panels))
	for i, pn := range panels {
		slices.SortStableFunc(pn.bars, func(a, b diffBar) int { return cmp.Compare(math.Abs(b.mean), math.Abs(a.mean)) })
		out[i] = *pn
	}
	return out, max(0, len(bars)-maxDifferences)
}

// diffPanelPlot draws one panel, whose data area is about width wide: its
// bars in the axis' scale, each labelled with its difference in the KPI's
// unit, and a verdict's colour.
func diffPanelPlot(l look, pn diffPanel, size, width vg.Length) (*plot.Plot, error) {
	lo, hi := clipLimits(pn.bars)
	maxAbs := 0.0
	for _, b := range pn.bars {
		maxAbs = math.Max(maxAbs, math.Min(math.Abs(b.mean), hi))
	}
	scale, axis := diffAxis(l, pn.unit, maxAbs)
	p := l.newPlot("", axis, "")
	if pn.unit == "s" {
		p.X.Tick.Marker = durationTicks{l, 1 / scale}
	}
	n := len(pn.bars)
	names := make([]string, n)
	byVerdict := map[string][]float64{}
	var intervals spans
	var labels []barLabel
	var cuts breaks
	for i, r := range pn.bars {
		row := n - 1 - i // the largest at the top
		y := float64(row)
		names[row] = r.label
		if byVerdict[r.verdict] == nil {
			byVerdict[r.verdict] = make([]float64, n)
		}
		v, end := scale*r.mean, scale*r.mean
		if r.mean > hi || r.mean < lo {
			v = scale * math.Min(math.Max(r.mean, lo), hi) // cut at the edge, no interval
			end = v
			cuts = append(cuts, plotter.XY{X: v, Y: y})
		} else if l, h := scale*math.Max(r.low, lo), scale*math.Min(r.high, hi); finite(l, h) {
			intervals = append(intervals, span{X: v, Y: y, Lo: l, Hi: h})
			end = farther(v, l, h)
		}
		byVerdict[r.verdict][row] = v
		labels = append(labels, barLabel{x: end, y: y, text: l.diffLabel(pn.unit, r.mean)})
	}
	for _, verdict := range []string{experiment.Better, experiment.Worse, experiment.Differs} {
		if byVerdict[verdict] == nil {
			continue
		}
		rb, err := newRowBars(byVerdict[verdict], verdictColor(verdict), 0.62)
		if err != nil {
			return nil, err
		}
		p.Add(rb)
	}
	if err := addDiffMarks(l, p, n, intervals, cuts, labels, size, width); err != nil {
		return nil, err
	}
	rowAxis(p, names)
	p.Y.Tick.Label.Font = sans(size)
	return p, nil
}

// farther is the end of a bar of value v with its interval [l, h]: the
// interval's end on the bar's side when it lies beyond v.
func farther(v, l, h float64) float64 {
	if v < 0 {
		return math.Min(v, l)
	}
	return math.Max(v, h)
}

// addDiffMarks adds what a panel draws over its bars: their intervals,
// the marks of bars cut at the edge, the zero line and the labels, and
// widens the x axis for the labels: the widest on each side, as a share of
// the data area (about width wide), beyond the bars of that side.
func addDiffMarks(l look, p *plot.Plot, n int, intervals spans, cuts breaks, labels []barLabel, size, width vg.Length) error {
	if len(intervals) > 0 {
		wh, err := whiskers(intervals, whiskerStyle())
		if err != nil {
			return err
		}
		p.Add(wh)
	}
	zero, _, err := rowLine(0, n, vg.Points(0.8))
	if err != nil {
		return err
	}
	vl, err := l.newValueLabels(labels, size)
	if err != nil {
		return err
	}
	p.Add(zero, cuts, vl)
	var roomL, roomR vg.Length
	for i, l := range labels {
		w := vl.l.TextStyle[i].Width(l.text) + vg.Points(10)
		if l.x < 0 {
			roomL = max(roomL, w)
		} else {
			roomR = max(roomR, w)
		}
	}
	xmin, xmax := p.X.Min, p.X.Max
	span := xmax - xmin
	if !(span > 0) {
		span = 1
	}
	fl, fr := float64(roomL/width), float64(roomR/width)
	if fl+fr > 0.8 {
		fl, fr = 0.8*fl/(fl+fr), 0.8*fr/(fl+fr)
	}
	whole := span / (1 - fl - fr)
	p.X.Min, p.X.Max = xmin-fl*whole, xmax+fr*whole
	return nil
}

// clipLimits are where a panel's axis stops when a few bars dwarf the
// rest (the staging area full for 5h34m beside door times a few minutes
// longer): when one of the three longest bars (with their intervals) is
// more than five times as long as the next, the axis stops a little past
// the next, on both sides of zero, and the longer bars are cut there (and
// marked). No limit: ±Inf.
func clipLimits(bars []diffBar) (lo, hi float64) {
	var ext []float64
	for _, b := range bars {
		ext = append(ext, math.Max(math.Abs(b.mean), math.Max(math.Abs(b.low), math.Abs(b.high))))
	}
	slices.SortFunc(ext, func(a, b float64) int { return cmp.Compare(b, a) })
	for k := 0; k < min(3, len(ext)-1); k++ {
		if ext[k] > 5*ext[k+1] {
			return -1.3 * ext[k+1], 1.3 * ext[k+1]
		}
	}
	return math.Inf(-1), math.Inf(1)
}

// breaks marks bars cut at the edge of their axis: two white strokes
// across the bar near its end (gonum/plot has no broken bar).
type breaks plotter.XYs

// Plot implements plot.Plotter.
func (b breaks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	st := draw.LineStyle{Color: color.White, Width: vg.Points(1.6)}
	for _, pt := range b {
		x, y := trX(pt.X), trY(pt.Y)
		h := (trY(pt.Y+0.31) - trY(pt.Y-0.31)) / 2
		dir := vg.Length(1)
		if pt.X < 0 {
			dir = -1
		}
		for _, off := range []vg.Length{vg.Points(9), vg.Points(14)} {
			x0 := x - dir*off
			c.StrokeLine2(st, x0-vg.Points(2), y-h, x0+vg.Points(2), y+h)
		}
	}
}

// diffLabel writes a difference beside its bar: in the KPI's unit, shares
// in percentage points as their axis is.
func (l look) diffLabel(unit string, v float64) string {
	if unit == "s" {
		return l.Difference(v)
	}
	if unit != "share" {
		return formatDiff(unit, v)
	}
	s := l.Sprintf("%.1f points", 100*math.Abs(v))
	switch {
	case v < 0:
		return "−" + s
	case v > 0:
		return "+" + s
	}
	return s
}

// Panel sizes of a stack: the height of a bar's row, and what a panel
// takes besides its rows (its x axis, the axis' label and the gap below).
const (
	stackRow   = vg.Length(15)
	stackExtra = vg.Length(50)
)

// stack draws panels one above the other in the data area of a figure,
// each as tall as its rows, with their data areas aligned left and right
// so that the zero lines of panels with the same range line up. gonum's
// plot.Align aligns plots the same way but in tiles of one size.
type stack struct {
	panels []*plot.Plot
	rows   []int
}

// height is what the panels need at the usual row height.
func (s stack) height() vg.Length {
	h := vg.Length(0)
	for _, r := range s.rows {
		h += stackExtra + vg.Length(r)*stackRow
	}
	return h
}

// Plot implements plot.Plotter.
func (s stack) Plot(c draw.Canvas, _ *plot.Plot) {
	total := 0
	for _, r := range s.rows {
		total += r
	}
	c.Min.X += vg.Points(6) // a margin for the names at the left edge
	row := (c.Max.Y - c.Min.Y - vg.Length(len(s.rows))*stackExtra) / vg.Length(max(total, 1))
	canvases := make([]draw.Canvas, len(s.panels))
	top := c.Max.Y
	for i, r := range s.rows {
		h := stackExtra + vg.Length(r)*row
		canvases[i] = draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: top - h}, Max: vg.Point{X: c.Max.X, Y: top}}}
		top -= h
	}
	// The width of a panel's y labels sets where its data start: move each
	// panel's edges so that every data area starts and ends where the
	// narrowest does (twice, as the padding depends on the width).
	for range 2 {
		lo, hi := vg.Length(math.Inf(-1)), vg.Length(math.Inf(1))
		data := make([]draw.Canvas, len(s.panels))
		for i, p := range s.panels {
			data[i] = p.DataCanvas(canvases[i])
			lo, hi = max(lo, data[i].Min.X), min(hi, data[i].Max.X)
		}
		for i := range s.panels {
			canvases[i].Min.X += lo - data[i].Min.X
			canvases[i].Max.X -= data[i].Max.X - hi
		}
	}
	for i, p := range s.panels {
		p.Draw(canvases[i])
	}
}

// b2f is 1 for true, 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
