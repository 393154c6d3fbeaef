package reports

import (
	"cmp"
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

// frontierLine is a reference line across the whole data area: horizontal at Y
// = at, or vertical at X = at. It widens only its own axis to take in at.
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

// frontierMarkerThumb is the legend thumbnail of a marker with an interval through
// it.
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
// of its evaluation stays visible inside.
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
	if p == nil || len(p.Targets) == 0 {
		return nil, errors.New("frontier plots: no plan")
	}
	out := make([]Plot, 0, len(p.Targets))
	for i := range p.Targets {
		fig, err := frontierPlot(p, i)
		if err != nil {
			return nil, err
		}
		out = append(out, fig)
	}
	return out, nil
}

// frontierPlot is the figure of the plan's i-th target.
func frontierPlot(pl *experiment.Plan, i int) (Plot, error) {
	tr := pl.Targets[i]
	kpi := tr.KPI.KPI
	name := tr.Target.KPI
	title := "Cost against " + name
	fig := Plot{Name: "frontier-" + name, Title: title}

	var met, notMet, all plotter.XYs
	vals := []float64{tr.Value, tr.KPI.Mean, tr.KPI.Low, tr.KPI.High}
	for _, fp := range pl.Frontier {
		if i < len(fp.Means) {
			vals = append(vals, fp.Means[i])
		}
	}
	factor, unit := plannerScale(kpi.Unit, vals...)
	for _, fp := range pl.Frontier {
		if i >= len(fp.Means) || !finite(fp.Cost, fp.Means[i]) {
			continue
		}
		xy := plotter.XY{X: fp.Cost, Y: factor * fp.Means[i]}
		all = append(all, xy)
		if fp.Met {
			met = append(met, xy)
		} else {
			notMet = append(notMet, xy)
		}
	}
	chosen := plotter.XY{X: pl.Cost, Y: factor * tr.KPI.Mean}
	if len(all) == 0 && !finite(chosen.X, chosen.Y) {
		return notePlot(fig, "No plan with a value of "+name+" to show.",
			fmt.Sprintf("The planner evaluated no plan with a mean of %s.", name)), nil
	}

	p := newPlot(title, "plan cost (over the run)", plannerAxisLabel(name, unit))
	key := newSideLegend()
	metLabel, metVerb, missLabel := "meets every target", "meet every target", "misses a target"
	if len(pl.Targets) == 1 {
		metLabel, metVerb, missLabel = "meets the target", "meet the target", "misses the target"
	}
	dots := func(xys plotter.XYs, col color.Color) (*plotter.Scatter, error) {
		if len(xys) == 0 {
			return nil, nil
		}
		s, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.8), Shape: draw.CircleGlyph{}}
		return s, nil
	}
	// Drawn from the back: the reference lines, the chosen plan's
	// interval, the plans (those that meet the targets over those that do
	// not), the front over them (it runs through crowds of plans) and the
	// ring round the chosen plan.
	threshold := frontierLine{at: factor * tr.Value, style: draw.LineStyle{Color: seriesColor(3), Width: vg.Points(1.2), Dashes: dashes()}}
	p.Add(threshold)
	input := frontierLine{at: pl.InputCost, vertical: true,
		style: draw.LineStyle{Color: ink(), Width: vg.Points(1.1), Dashes: []vg.Length{vg.Points(1.2), vg.Points(2.4)}}}
	if finite(pl.InputCost) {
		p.Add(input)
	}
	glyph := draw.GlyphStyle{Color: ink(), Radius: vg.Points(6.5), Shape: frontierRing{width: vg.Points(1.8)}}
	whisker := draw.LineStyle{Color: ink(), Width: vg.Points(1.2)}
	showChosen := finite(chosen.X, chosen.Y)
	if lo, hi := factor*tr.KPI.Low, factor*tr.KPI.High; showChosen && finite(lo, hi) && hi > lo {
		eb, err := plotter.NewYErrorBars(errorBars{x: chosen.X, y: chosen.Y, lo: lo, hi: hi})
		if err != nil {
			return Plot{}, err
		}
		eb.LineStyle = whisker
		eb.CapWidth = vg.Points(8)
		p.Add(eb)
	}
	metDots, err := dots(met, frontierMetColor())
	if err != nil {
		return Plot{}, err
	}
	notMetDots, err := dots(notMet, frontierNotMetColor())
	if err != nil {
		return Plot{}, err
	}
	if notMetDots != nil {
		p.Add(notMetDots)
	}
	if metDots != nil {
		p.Add(metDots)
		key.Add(metLabel, metDots)
	}
	if notMetDots != nil {
		key.Add(missLabel, notMetDots)
	}
	front := paretoFront(all, frontierHigher(tr.Op))
	var frontLine *plotter.Line
	if len(front) > 0 {
		// The staircase runs on to the dearest plan: no dearer plan beat
		// the last step.
		stairs := slices.Clone(front)
		if last, dearest := front[len(front)-1], slices.MaxFunc(all, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) }); dearest.X > last.X {
			stairs = append(stairs, plotter.XY{X: dearest.X, Y: last.Y})
		}
		fl, err := line(stairs, seriesColor(0), vg.Points(1.6))
		if err != nil {
			return Plot{}, err
		}
		fl.StepStyle = plotter.PostStep
		p.Add(fl)
		frontLine = fl
	}
	if frontLine != nil {
		key.Add("Pareto front", frontLine)
	}
	key.Add(fmt.Sprintf("target %s %s", frontierOp(tr.Op), FormatValue(kpi.Unit, tr.Value)), threshold)
	if finite(pl.InputCost) {
		key.Add("input scenario's cost", input)
	}
	if showChosen {
		s, err := plotter.NewScatter(plotter.XYs{chosen})
		if err != nil {
			return Plot{}, err
		}
		s.GlyphStyle = glyph
		p.Add(s)
		label := "chosen plan, 95% interval"
		if !pl.Feasible {
			label = "best plan found, 95% interval"
		}
		key.Add(label, frontierMarkerThumb{glyph: glyph, whisker: whisker})
	}
	p.Add(key)

	// Room round the data: 6% of the cost span each side (the
	// costs of nearby plans can differ by a small share of the total), and
	// the KPI from zero when its values are not far from it.
	xmin, xmax := p.X.Min, p.X.Max
	pad := 0.06 * (xmax - xmin)
	if !(pad > 0) {
		pad = math.Max(0.01*math.Abs(xmax), 1)
	}
	p.X.Min, p.X.Max = xmin-pad, xmax+pad
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
	fig.P = p
	fig.addLayer("met", met)
	fig.addLayer("not met", notMet)
	fig.addLayer("front", front)
	fig.addLayer("target", plotter.XYs{{X: math.NaN(), Y: threshold.at}})
	fig.addLayer("input", plotter.XYs{{X: pl.InputCost, Y: math.NaN()}})
	fig.addLayer("chosen", plotter.XYs{chosen})

	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s. Each dot is a plan the planner evaluated (%d evaluations; a plan evaluated again, with more replications or fresh seeds, shows again), "+
		"at its cost and its mean of %s; green plans %s with 95%% confidence, grey ones do not. ",
		name, kpi.Desc, len(pl.Frontier), name, metVerb)
	if frontierHigher(tr.Op) {
		b.WriteString("The blue staircase is the Pareto front: the highest mean of any plan costing that much or less. ")
	} else {
		b.WriteString("The blue staircase is the Pareto front: the lowest mean of any plan costing that much or less. ")
	}
	fmt.Fprintf(&b, "The dashed red line is the target (%s %s %s), the dotted line the input scenario's cost (%s)",
		name, frontierOp(tr.Op), FormatValue(kpi.Unit, tr.Value), FormatValue("", pl.InputCost))
	if pl.Feasible {
		fmt.Fprintf(&b, "; the ring is the chosen plan, costing %s, with its mean and 95%% interval over %d replications with fresh seeds (%s).",
			FormatValue("", pl.Cost), pl.ConfirmReplications, formatEstimate(kpi.Unit, tr.KPI.Mean, tr.KPI.Low, tr.KPI.High))
	} else {
		fmt.Fprintf(&b, "; no plan within the limits met every target, and the ring is the best found, costing %s (%s).",
			FormatValue("", pl.Cost), formatEstimate(kpi.Unit, tr.KPI.Mean, tr.KPI.Low, tr.KPI.High))
	}
	fig.Caption = b.String()
	return fig, nil
}
