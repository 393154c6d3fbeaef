package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// gutterGap is the space between the data area and the key to its right:
// enough for the last tick label of the x axis, centred on the edge; and
// gutterMargin the space left after the key, at the edge of the figure.
const (
	gutterGap    = vg.Length(18)
	gutterMargin = vg.Length(8)
)

// sideLegend is the key of a figure, drawn in a strip it reserves to the
// right of the data area (as a glyph box, so the plot shrinks its data area
// to make room), so that it never covers data whatever the data look like.
// It holds legend entries, a colour bar, or both.
type sideLegend struct {
	plot.Legend
	bar *colourBar
}

// newSideLegend returns an empty key in the report's style.
func newSideLegend() *sideLegend {
	l := plot.NewLegend()
	l.TextStyle = textStyle(legendSize, ink())
	l.Top, l.Left = true, true
	l.Padding = vg.Points(4)
	l.ThumbnailWidth = vg.Points(20)
	return &sideLegend{Legend: l}
}

// width is the width of the key's strip.
func (s *sideLegend) width() vg.Length {
	w := s.Legend.Rectangle(draw.Canvas{}).Size().X
	if s.bar != nil {
		w = max(w, s.bar.width())
	}
	return w
}

// Plot implements plot.Plotter: it draws the key to the right of c.
func (s *sideLegend) Plot(c draw.Canvas, _ *plot.Plot) {
	x0 := c.Max.X + gutterGap
	lc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: x0, Y: c.Min.Y},
		Max: vg.Point{X: x0 + s.width(), Y: c.Max.Y},
	}}
	top := lc.Max.Y
	if h := s.Legend.Rectangle(lc).Size().Y; h > 0 {
		s.Legend.Draw(lc)
		top -= h + vg.Points(14)
	}
	if s.bar != nil {
		s.bar.draw(lc, top)
	}
}

// GlyphBoxes implements plot.GlyphBoxer: one box as wide as the key at the
// right edge of the data, so that the plot leaves room for it.
func (s *sideLegend) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: gutterGap + s.width() + gutterMargin}}}}
}

// swatch is a legend thumbnail filled with one colour, for bars and cells.
type swatch struct{ fill color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	h := c.Max.Y - c.Min.Y
	r := vg.Rectangle{
		Min: vg.Point{X: c.Min.X + vg.Points(3), Y: c.Min.Y + h*0.1},
		Max: vg.Point{X: c.Max.X - vg.Points(3), Y: c.Max.Y - h*0.1},
	}
	c.SetColor(s.fill)
	c.Fill(r.Path())
}

// colourBar is the key of a heat map: its palette from min to max as a
// vertical bar with labelled ticks, and a swatch for cells with no value.
type colourBar struct {
	title    string
	palette  []color.Color // from min to max
	min, max float64
	ticks    []plot.Tick
	nan      color.Color // nil: no swatch
	nanLabel string
}

const (
	barWidth  = vg.Length(12)
	barHeight = vg.Length(150)
)

// width is the width the bar, its labels and its swatch need.
func (b *colourBar) width() vg.Length {
	st := textStyle(legendSize, ink())
	w := st.Width(b.title)
	for _, t := range b.ticks {
		w = max(w, barWidth+vg.Points(6)+st.Width(t.Label))
	}
	if b.nan != nil {
		w = max(w, barWidth+vg.Points(6)+st.Width(b.nanLabel))
	}
	return w
}

// draw draws the bar in c from top down.
func (b *colourBar) draw(c draw.Canvas, top vg.Length) {
	st := textStyle(legendSize, ink())
	st.YAlign = draw.YTop
	c.FillText(st, vg.Point{X: c.Min.X, Y: top}, b.title)
	top -= st.Height(b.title) + vg.Points(6)
	h := min(barHeight, (top-c.Min.Y)*0.75)
	if h <= 0 || len(b.palette) == 0 {
		return
	}
	x0, bottom := c.Min.X, top-h
	n := len(b.palette)
	for i, col := range b.palette {
		r := vg.Rectangle{
			Min: vg.Point{X: x0, Y: bottom + h*vg.Length(i)/vg.Length(n)},
			Max: vg.Point{X: x0 + barWidth, Y: bottom + h*vg.Length(i+1)/vg.Length(n) + 0.1},
		}
		c.SetColor(col)
		c.Fill(r.Path())
	}
	frame := draw.LineStyle{Color: muted(), Width: vg.Points(0.5)}
	c.StrokeLines(frame, []vg.Point{{X: x0, Y: bottom}, {X: x0 + barWidth, Y: bottom},
		{X: x0 + barWidth, Y: top}, {X: x0, Y: top}, {X: x0, Y: bottom}})
	lab := textStyle(legendSize, ink())
	lab.YAlign = draw.YCenter
	for _, t := range b.ticks {
		y := bottom + h*vg.Length((t.Value-b.min)/(b.max-b.min))
		c.StrokeLine2(frame, x0+barWidth, y, x0+barWidth+vg.Points(3), y)
		c.FillText(lab, vg.Point{X: x0 + barWidth + vg.Points(6), Y: y}, t.Label)
	}
	if b.nan != nil {
		y := bottom - vg.Points(22)
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y - barWidth/2}, Max: vg.Point{X: x0 + barWidth, Y: y + barWidth/2}}
		c.SetColor(b.nan)
		c.Fill(r.Path())
		c.StrokeLines(frame, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
		c.FillText(lab, vg.Point{X: x0 + barWidth + vg.Points(6), Y: y}, b.nanLabel)
	}
}
