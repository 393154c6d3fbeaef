package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Charts of rows (the bottlenecks, the gains of the knobs, the differences
// of a comparison, where the time went, what moves a KPI) draw their bars
// with gonum/plot's plotter.BarChart laid horizontally, bar i on row i, and
// their intervals with plotter.XErrorBars.

// rowBars is a horizontal plotter.BarChart whose thickness is a share of a
// row, and whose offset from the row's middle (for grouped bars) is in
// rows. BarChart's Width and Offset are lengths, fixed whatever the number
// of rows (from one to eighty here), and a row's height is known only when
// the figure is drawn: rowBars sets them then.
type rowBars struct {
	*plotter.BarChart
	thick, offset float64 // in rows
}

// newRowBars returns bars of values, values[i] on row i (0 for none), in
// one colour, with no outline.
func newRowBars(values []float64, fill color.Color, thick float64) (*rowBars, error) {
	b, err := plotter.NewBarChart(plotter.Values(values), 1)
	if err != nil {
		return nil, err
	}
	b.Horizontal = true
	b.Color = fill
	b.LineStyle = draw.LineStyle{}
	return &rowBars{BarChart: b, thick: thick}, nil
}

// Plot implements plot.Plotter.
func (b *rowBars) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	row := trY(1) - trY(0)
	b.Width, b.Offset = vg.Length(b.thick)*row, vg.Length(b.offset)*row
	b.BarChart.Plot(c, p)
}

// GlyphBoxes implements plot.GlyphBoxer: none, the half row above and
// below the outer rows holds their bars.
func (b *rowBars) GlyphBoxes(*plot.Plot) []plot.GlyphBox { return nil }

// span is an interval at (X, Y) from Lo to Hi, along x or along y.
type span struct{ X, Y, Lo, Hi float64 }

// spans are intervals for plotter.XErrorBars (a bar's interval) and
// plotter.YErrorBars (a point's).
type spans []span

// Len implements plotter.XYer.
func (s spans) Len() int { return len(s) }

// XY implements plotter.XYer.
func (s spans) XY(i int) (float64, float64) { return s[i].X, s[i].Y }

// XError implements plotter.XErrorer.
func (s spans) XError(i int) (float64, float64) { return s[i].X - s[i].Lo, s[i].Hi - s[i].X }

// YError implements plotter.YErrorer.
func (s spans) YError(i int) (float64, float64) { return s[i].Y - s[i].Lo, s[i].Hi - s[i].Y }

// whiskerStyle is the line of the bars' intervals.
func whiskerStyle() draw.LineStyle { return draw.LineStyle{Color: ink(), Width: vg.Points(0.9)} }

// whiskers are the intervals of bars, in st, capped.
func whiskers(s spans, st draw.LineStyle) (*plotter.XErrorBars, error) {
	eb, err := plotter.NewXErrorBars(s)
	if err != nil {
		return nil, err
	}
	eb.LineStyle = st
	eb.CapWidth = vg.Points(5)
	return eb, nil
}

// whiskerThumb is the legend thumbnail of an interval (plotter.XErrorBars
// has none).
type whiskerThumb struct{ st draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (w whiskerThumb) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	x0, x1 := c.Min.X+vg.Points(2), c.Max.X-vg.Points(2)
	h := (c.Max.Y - c.Min.Y) / 4
	c.StrokeLine2(w.st, x0, y, x1, y)
	c.StrokeLine2(w.st, x0, y-h, x0, y+h)
	c.StrokeLine2(w.st, x1, y-h, x1, y+h)
}

// rowAxis makes the y axis of a chart of rows: row i named names[i] (the
// first at the bottom), half a row of room above and below.
func rowAxis(p *plot.Plot, names []string) {
	p.Y.Min, p.Y.Max = -0.5, float64(len(names))-0.5
	p.Y.Tick.Marker = rowTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0
}

// rowTicks labels the rows 0, 1, ... with names, each led by a space:
// gonum/plot makes the y axis exactly as wide as the widest label, and the
// first letter of a label that wide can lose a pixel at the edge of the
// figure.
func rowTicks(names []string) plot.ConstantTicks {
	ticks := nominalTicks(names)
	for i := range ticks {
		ticks[i].Label = " " + ticks[i].Label
	}
	return ticks
}

// rowLine is a vertical line at x across every row of a chart of rows
// (zero, or a base), and its ends.
func rowLine(x float64, rows int, width vg.Length) (*plotter.Line, plotter.XYs, error) {
	xys := plotter.XYs{{X: x, Y: -0.5}, {X: x, Y: float64(rows) - 0.5}}
	l, err := line(xys, ink(), width)
	return l, xys, err
}

// endLabels writes text after the ends of bars, offset points out, in col;
// plotter.Labels makes room for it in the data area.
func (l look) endLabels(xyl plotter.XYLabels, col color.Color, offset vg.Length) (*plotter.Labels, error) {
	labels, err := plotter.NewLabels(xyl)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i] = l.textStyle(legendSize, col)
		labels.TextStyle[i].YAlign = draw.YCenter
	}
	labels.Offset = vg.Point{X: offset}
	return labels, nil
}

// barLabel is a label beside the end of a bar at (x, y): after it, or
// before it when left; faint for a bar within chance.
type barLabel struct {
	x, y  float64
	text  string
	faint bool
}

// newValueLabels writes labels beside their bars' ends, size points tall.
func (l look) newValueLabels(labels []barLabel, size vg.Length) (valueLabels, error) {
	var xyl plotter.XYLabels
	for _, b := range labels {
		xyl.XYs = append(xyl.XYs, plotter.XY{X: b.x, Y: b.y})
		xyl.Labels = append(xyl.Labels, b.text)
	}
	pl, err := plotter.NewLabels(xyl)
	if err != nil {
		return valueLabels{}, err
	}
	for i, b := range labels {
		col := ink()
		if b.faint {
			col = muted()
		}
		st := l.textStyle(size, col)
		st.YAlign = draw.YCenter
		if b.x < 0 {
			st.XAlign = draw.XRight
		}
		pl.TextStyle[i] = st
	}
	return valueLabels{pl}, nil
}

// valueLabels are labels beside bars, written 5 points out from the bar's
// end (before it when right-aligned). plotter.Labels makes room for its
// text with glyph boxes, as the figure's key does for itself at the right
// edge, and the text would run under the key: these figures widen their x
// axis for the labels instead, and valueLabels draws them where they fall.
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

// diamond is a filled diamond glyph with a white rim, to stand out on a
// bar (gonum/plot's glyphs have no rim).
type diamond struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamond) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	shape := func(r vg.Length) vg.Path {
		var p vg.Path
		p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
		p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
		p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
		p.Close()
		return p
	}
	c.SetColor(color.White)
	c.Fill(shape(sty.Radius + vg.Points(1.2)))
	c.SetColor(sty.Color)
	c.Fill(shape(sty.Radius))
}
