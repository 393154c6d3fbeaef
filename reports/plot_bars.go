package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// hbar is one horizontal bar from zero to Value on row Y, with an interval
// from Low to High drawn as a whisker (none when they are NaN).
type hbar struct {
	Y, Value  float64
	Low, High float64
	Fill      color.Color
}

// hbars draws horizontal bars whose thickness is a share of a row (so they
// scale with the figure, unlike plotter.BarChart's fixed width), each in its
// own colour.
type hbars struct {
	bars    []hbar
	thick   float64 // bar thickness, as a share of a row
	whisker draw.LineStyle
}

// newHBars returns bars in the report's style.
func newHBars(bars []hbar) *hbars {
	return &hbars{bars: bars, thick: 0.62, whisker: draw.LineStyle{Color: ink(), Width: vg.Points(0.9)}}
}

// Plot implements plot.Plotter.
func (h *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, b := range h.bars {
		x0, x1 := trX(math.Min(0, b.Value)), trX(math.Max(0, b.Value))
		y0, y1 := trY(b.Y-h.thick/2), trY(b.Y+h.thick/2)
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
		c.SetColor(b.Fill)
		c.Fill(r.Path())
		if math.IsNaN(b.Low) || math.IsNaN(b.High) {
			continue
		}
		y, cap := trY(b.Y), (y1-y0)/4
		lo, hi := trX(b.Low), trX(b.High)
		c.StrokeLine2(h.whisker, lo, y, hi, y)
		c.StrokeLine2(h.whisker, lo, y-cap, lo, y+cap)
		c.StrokeLine2(h.whisker, hi, y-cap, hi, y+cap)
	}
}

// DataRange implements plot.DataRanger: zero and every bar and whisker end,
// and half a row around the rows.
func (h *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, b := range h.bars {
		for _, v := range []float64{b.Value, b.Low, b.High} {
			if !math.IsNaN(v) {
				xmin, xmax = math.Min(xmin, v), math.Max(xmax, v)
			}
		}
		ymin, ymax = math.Min(ymin, b.Y-0.5), math.Max(ymax, b.Y+0.5)
	}
	return xmin, xmax, ymin, ymax
}

// xys returns the bars as (value, row) points, for the tests.
func (h *hbars) xys() plotter.XYs {
	out := make(plotter.XYs, len(h.bars))
	for i, b := range h.bars {
		out[i] = plotter.XY{X: b.Value, Y: b.Y}
	}
	return out
}

// whiskerThumb is the legend thumbnail of an interval.
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

// diamond is a filled diamond glyph with a white rim, to stand out on a
// bar.
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
