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

// frontierLine is a reference line across the whole data area: horizontal
// at Y = at, or vertical at X = at. It widens only its own axis to take in
// at. gonum/plot has no such line: a plotter.Line needs both ends, and the
// data's range on the other axis is known only once every plotter is in.
type frontierLine struct {
	at       float64
	vertical bool
	style    draw.LineStyle
}

// Plot implements plot.Plotter.
func (r frontierLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if r.vertical {
		x := trX(r.at)
		c.StrokeLine2(r.style, x, c.Min.Y, x, c.Max.Y)
		return
	}
	y := trY(r.at)
	c.StrokeLine2(r.style, c.Min.X, y, c.Max.X, y)
}

// DataRange implements plot.DataRanger.
func (r frontierLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	if r.vertical {
		return r.at, r.at, math.Inf(1), math.Inf(-1)
	}
	return math.Inf(1), math.Inf(-1), r.at, r.at
}

// Thumbnail implements plot.Thumbnailer: a short horizontal line in the
// line's style.
func (r frontierLine) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(r.style, c.Min.X, y, c.Max.X, y)
}

// frontierMarkerThumb is the legend thumbnail of a marker with an interval
// through it (gonum's error bars have no thumbnail).
type frontierMarkerThumb struct {
	glyph   draw.GlyphStyle
	whisker draw.LineStyle
}

// Thumbnail implements plot.Thumbnailer.
func (m frontierMarkerThumb) Thumbnail(c *draw.Canvas) {
	x, y := (c.Min.X+c.Max.X)/2, (c.Min.Y+c.Max.Y)/2
	h := (c.Max.Y - c.Min.Y) / 2
	c.StrokeLine2(m.whisker, x, y-h, x, y+h)
	c.DrawGlyph(m.glyph, vg.Point{X: x, Y: y})
}

// frontierRing is a thick ring, drawn round the chosen plan so that the dot
// of its evaluation stays visible inside (draw.RingGlyph strokes its ring
// half a point wide, too thin to find the plan).
type frontierRing struct{ width vg.Length }

// DrawGlyph implements draw.GlyphDrawer.
func (r frontierRing) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: r.width})
	c.Stroke(p)
}

// frontierMetColor is the colour of plans that meet every target, and frontierNotMetColor
// of the others.
func frontierMetColor() color.NRGBA    { return color.NRGBA{0x3a, 0x9a, 0x4a, 0xff} }
func frontierNotMetColor() color.NRGBA { return color.NRGBA{0xa0, 0xa0, 0xa0, 0xff} }

// frontierOp writes a target's operator as a reader would.
func frontierOp(op string) string {
	switch op {
	case "<=":
		return "≤"
	case ">=":
		return "≥"
	}
	return op
}

// frontierHigher reports whether a target asks for a KPI at least its
// threshold.
func frontierHigher(op string) bool { return op == ">=" || op == ">" }

// paretoFront returns the plans no other plan beats on both cost and the
// KPI: in order of cost, each the lowest mean (highest when higher is
// better) of any plan costing that much, and better than every cheaper
// one. Points with a mean that is not a number are ignored.
func paretoFront(pts plotter.XYs, higher bool) plotter.XYs {
	sorted := slices.Clone(pts)
	sorted = slices.DeleteFunc(sorted, func(p plotter.XY) bool { return !finite(p.X, p.Y) })
	better := func(a, b float64) bool { return a < b }
	if higher {
		better = func(a, b float64) bool { return a > b }
	}
	slices.SortStableFunc(sorted, func(a, b plotter.XY) int {
		if c := cmp.Compare(a.X, b.X); c != 0 {
			return c
		}
		switch {
		case better(a.Y, b.Y):
			return -1
		case better(b.Y, a.Y):
			return 1
		}
		return 0
	})
	var front plotter.XYs
	for i, p := range sorted {
		if i > 0 && p.X == sorted[i-1].X {
			continue // the best at this cost came first
		}
		if len(front) == 0 || better(p.Y, front[len(front)-1].Y) {
			front = append(front, p)
		}
	}
	return front
}

// FrontierPlots are the planner's cost against KPI figures, one per
// target: every plan the search evaluated as a dot (green when it meets
// every target with 95% confidence, grey when not) at its cost and the
// target KPI's mean, the Pareto front as a staircase (the best mean of any
// plan costing that much or less), the target's threshold as a dashed
// line, the input scenario's cost as a dotted line and the chosen plan as
// a large ring with its 95% interval.
func FrontierPlots(p *experiment.Plan) ([]Plot, error) {
	return English().FrontierPlots(p)
}

// FrontierPlots is FrontierPlots in w's language.
func (w *Words) FrontierPlots(p *experiment.Plan) ([]Plot, error) {
	l := w.figures
	if p == nil || len(p.Targets) == 0 {
		return nil, errors.New("frontier plots: no plan")
	}
	out := make([]Plot, 0, len(p.Targets))
	for i := range p.Targets {
		fig, err := frontierPlot(l, p, i)
		if err != nil {
			return nil, err
		}
		out = append(out, fig)
	}
	return out, nil
}

// frontierChart is what the frontier of one target shows, in the axis'
// unit: every plan the search evaluated at its cost and mean of the
// target's KPI (meeting every target or not), their Pareto front, and the
// chosen plan.
type frontierChart struct {
	l                 look
	pl                *experiment.Plan
	tr                experiment.TargetResult
	factor            float64 // from the KPI's unit to the axis'
	unit              string
	met, notMet, all  plotter.XYs
	front             plotter.XYs
	chosen            plotter.XY
	metWord, missWord string // "meets every target", "misses a target"
}

// chooseFrontier gathers the figures of the plan's i-th target.
func chooseFrontier(pl *experiment.Plan, i int) frontierChart {
	tr := pl.Targets[i]
	vals := []float64{tr.Value, tr.KPI.Mean, tr.KPI.Low, tr.KPI.High}
	for _, fp := range pl.Frontier {
		if i < len(fp.Means) {
			vals = append(vals, fp.Means[i])
		}
	}
	c := frontierChart{pl: pl, tr: tr, metWord: "meets every target", missWord: "misses a target"}
	if len(pl.Targets) == 1 {
		c.metWord, c.missWord = "meets the target", "misses the target"
	}
	c.factor, c.unit = plannerScale(tr.KPI.Unit, vals...)
	if tr.KPI.Unit == "s" {
		c.unit = "" // ticked "1 h 30 min"
	}
	for _, fp := range pl.Frontier {
		if i >= len(fp.Means) || !finite(fp.Cost, fp.Means[i]) {
			continue
		}
		xy := plotter.XY{X: fp.Cost, Y: c.factor * fp.Means[i]}
		c.all = append(c.all, xy)
		if fp.Met {
			c.met = append(c.met, xy)
		} else {
			c.notMet = append(c.notMet, xy)
		}
	}
	c.front = paretoFront(c.all, frontierHigher(tr.Op))
	c.chosen = plotter.XY{X: pl.Cost, Y: c.factor * tr.KPI.Mean}
	return c
}

// frontierPlot is the figure of the plan's i-th target.
func frontierPlot(l look, pl *experiment.Plan, i int) (Plot, error) {
	c := chooseFrontier(pl, i)
	c.l = l
	name := c.tr.Target.KPI
	k := c.tr.KPI
	fig := Plot{Name: "frontier-" + name, Title: l.Sprintf("Cost against %s", l.KPITitle(k.Name, k.Of, k.Label))}
	if len(c.all) == 0 && !finite(c.chosen.X, c.chosen.Y) {
		return l.notePlot(fig, l.Sprintf("No plan with a value of %s to show.", name),
			l.Sprintf("The planner evaluated no plan with a mean of %s.", name)), nil
	}
	if err := c.draw(&fig); err != nil {
		return Plot{}, err
	}
	fig.Caption = c.caption()
	return fig, nil
}

// draw draws the chart as fig's figure, from the back: the reference
// lines, the chosen plan's interval, the plans (those that meet the targets
// over those that do not), the front over them (it runs through crowds of
// plans) and the ring round the chosen plan.
func (c frontierChart) draw(fig *Plot) error {
	l := c.l
	k := c.tr.KPI
	p := l.newPlot(fig.Title, l.T("plan cost (over the run)"), plannerAxisLabel(l.KPILabel(k.Name, k.Of, k.Label), l.unitWord(c.unit)))
	if k.Unit == "s" {
		p.Y.Tick.Marker = durationTicks{l, 1 / c.factor}
	}
	key := l.newSideLegend()
	threshold, input := c.references(p)
	chosen, err := c.addChosen(p)
	if err != nil {
		return err
	}
	if err := c.addPlans(p, key); err != nil {
		return err
	}
	if err := c.addFront(p, key); err != nil {
		return err
	}
	target := FormatValue(c.tr.KPI.Unit, c.tr.Value)
	if c.l.Chinese() {
		target = c.l.value(c.tr.KPI.Unit, c.tr.Value) // 45分钟
	}
	key.Add(c.l.Sprintf("target %s %s", frontierOp(c.tr.Op), target), threshold)
	if input != nil {
		key.Add(c.l.T("input scenario's cost"), input)
	}
	if chosen != nil {
		label := "chosen plan, 95% interval"
		if !c.pl.Feasible {
			label = "best plan found, 95% interval"
		}
		key.Add(c.l.T(label), chosen)
	}
	p.Add(key)
	frontierRange(p)
	fig.P = p
	fig.addLayer("met", c.met)
	fig.addLayer("not met", c.notMet)
	fig.addLayer("front", c.front)
	fig.addLayer("target", plotter.XYs{{X: math.NaN(), Y: threshold.at}})
	fig.addLayer("input", plotter.XYs{{X: c.pl.InputCost, Y: math.NaN()}})
	fig.addLayer("chosen", plotter.XYs{c.chosen})
	return nil
}

// references draws the target's threshold (dashed) and the input
// scenario's cost (dotted), when it has one.
func (c frontierChart) references(p *plot.Plot) (threshold, input *frontierLine) {
	threshold = &frontierLine{at: c.factor * c.tr.Value, style: draw.LineStyle{Color: seriesColor(3), Width: vg.Points(1.2), Dashes: dashes()}}
	p.Add(threshold)
	if finite(c.pl.InputCost) {
		input = &frontierLine{at: c.pl.InputCost, vertical: true,
			style: draw.LineStyle{Color: ink(), Width: vg.Points(1.1), Dashes: []vg.Length{vg.Points(1.2), vg.Points(2.4)}}}
		p.Add(input)
	}
	return threshold, input
}

// addChosen draws the chosen plan's interval, and returns the key's
// thumbnail of the plan (nil when it has no figures to show); its ring is
// drawn last, by addFront.
func (c frontierChart) addChosen(p *plot.Plot) (plot.Thumbnailer, error) {
	if !finite(c.chosen.X, c.chosen.Y) {
		return nil, nil
	}
	whisker := draw.LineStyle{Color: ink(), Width: vg.Points(1.2)}
	if lo, hi := c.factor*c.tr.KPI.Low, c.factor*c.tr.KPI.High; finite(lo, hi) && hi > lo {
		eb, err := plotter.NewYErrorBars(spans{{X: c.chosen.X, Y: c.chosen.Y, Lo: lo, Hi: hi}})
		if err != nil {
			return nil, err
		}
		eb.LineStyle = whisker
		eb.CapWidth = vg.Points(8)
		p.Add(eb)
	}
	return frontierMarkerThumb{glyph: chosenGlyph(), whisker: whisker}, nil
}

// chosenGlyph is the ring round the chosen plan.
func chosenGlyph() draw.GlyphStyle {
	return draw.GlyphStyle{Color: ink(), Radius: vg.Points(6.5), Shape: frontierRing{width: vg.Points(1.8)}}
}

// addPlans draws every plan evaluated as a dot, green when it meets every
// target, grey when not.
func (c frontierChart) addPlans(p *plot.Plot, key *sideLegend) error {
	var dots [2]*plotter.Scatter
	for i, set := range []struct {
		xys plotter.XYs
		col color.Color
	}{{c.notMet, frontierNotMetColor()}, {c.met, frontierMetColor()}} {
		if len(set.xys) == 0 {
			continue
		}
		s, err := scatter(set.xys, dot(set.col, vg.Points(2.8)))
		if err != nil {
			return err
		}
		p.Add(s)
		dots[i] = s
	}
	if dots[1] != nil {
		key.Add(c.l.T(c.metWord), dots[1])
	}
	if dots[0] != nil {
		key.Add(c.l.T(c.missWord), dots[0])
	}
	return nil
}

// addFront draws the Pareto front as a staircase, running on to the
// dearest plan (no dearer plan beat its last step), then the ring round
// the chosen plan.
func (c frontierChart) addFront(p *plot.Plot, key *sideLegend) error {
	if len(c.front) > 0 {
		stairs := slices.Clone(c.front)
		if last, dearest := c.front[len(c.front)-1], slices.MaxFunc(c.all, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) }); dearest.X > last.X {
			stairs = append(stairs, plotter.XY{X: dearest.X, Y: last.Y})
		}
		fl, err := line(stairs, seriesColor(0), vg.Points(1.6))
		if err != nil {
			return err
		}
		fl.StepStyle = plotter.PostStep
		p.Add(fl)
		key.Add(c.l.T("Pareto front"), fl)
	}
	if !finite(c.chosen.X, c.chosen.Y) {
		return nil
	}
	s, err := scatter(plotter.XYs{c.chosen}, chosenGlyph())
	if err != nil {
		return err
	}
	p.Add(s)
	return nil
}

// frontierRange leaves room round the data: 6% of the cost span each side
// (the costs of nearby plans can differ by a small share of the total),
// and the KPI from zero when its values are not far from it.
func frontierRange(p *plot.Plot) {
	pad := 0.06 * (p.X.Max - p.X.Min)
	if !(pad > 0) {
		pad = math.Max(0.01*math.Abs(p.X.Max), 1)
	}
	p.X.Min, p.X.Max = p.X.Min-pad, p.X.Max+pad
	if p.Y.Min > 0 && p.Y.Min < 0.5*p.Y.Max {
		p.Y.Min = 0
	}
	if ypad := 0.05 * (p.Y.Max - p.Y.Min); ypad > 0 {
		if p.Y.Min != 0 {
			p.Y.Min -= ypad
		}
		p.Y.Max += ypad
	} else {
		p.Y.Min, p.Y.Max = p.Y.Min-1, p.Y.Max+1
	}
}

// caption says how to read the chart, in the figures' language.
func (c frontierChart) caption() string {
	pl, tr, kpi, name, l := c.pl, c.tr, c.tr.KPI.KPI, c.tr.Target.KPI, c.l
	wd := &Words{Printer: l.Printer}
	metVerb := l.T("frontier: meet every target")
	if len(pl.Targets) == 1 {
		metVerb = l.T("frontier: meet the target")
	}
	var b strings.Builder
	b.WriteString(l.Sprintf("%s: %s. Each dot is a plan the planner evaluated (%d evaluations; a plan evaluated again, with more replications or fresh seeds, shows again), "+
		"at its cost and its mean of %s; green plans %s with 95%% confidence, grey ones do not. ",
		name, l.KPIDesc(kpi.Name, kpi.Of, kpi.Desc), len(pl.Frontier), name, metVerb))
	if frontierHigher(tr.Op) {
		b.WriteString(l.T("The blue staircase is the Pareto front: the highest mean of any plan costing that much or less. "))
	} else {
		b.WriteString(l.T("The blue staircase is the Pareto front: the lowest mean of any plan costing that much or less. "))
	}
	b.WriteString(l.Sprintf("The dashed red line is the target (%s %s %s), the dotted line the input scenario's cost (%s)",
		name, frontierOp(tr.Op), l.captionValue(kpi.Unit, tr.Value), FormatValue("", pl.InputCost)))
	estimate := wd.estimate(kpi.Unit, tr.KPI.Mean, tr.KPI.Low, tr.KPI.High)
	if pl.Feasible {
		b.WriteString(l.Sprintf("; the ring is the chosen plan, costing %s, with its mean and 95%% interval over %d replications with fresh seeds (%s).",
			FormatValue("", pl.Cost), pl.ConfirmReplications, estimate))
	} else {
		b.WriteString(l.Sprintf("; no plan within the limits met every target, and the ring is the best found, costing %s (%s).",
			FormatValue("", pl.Cost), estimate))
	}
	return b.String()
}
