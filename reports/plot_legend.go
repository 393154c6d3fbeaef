package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
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

// sideLegend is the key of a figure: a gonum/plot Legend, and under it
// the colour bar of a heat map, drawn outside the data area in a strip to
// its right, so that it never covers data whatever the data look like.
//
// gonum/plot draws a Plot's own Legend inside the data area; a legend
// outside it is drawn by the caller on a canvas beside the plot's. A
// report's figure is one *plot.Plot (Render draws it, whatever drew it),
// so the key is a plotter of the figure: it reserves its strip as a glyph
// box at the right edge of the data, which makes the plot shrink its data
// area to leave room, and draws the Legend and the bar there.
type sideLegend struct {
	plot.Legend
	bar *plot.Plot // a plotter.ColorBar with its axis, or nil
	l   look
}

// newSideLegend returns an empty key in the report's style.
func (l look) newSideLegend() *sideLegend {
	key := plot.NewLegend()
	key.TextStyle = l.textStyle(legendSize, ink())
	key.Top, key.Left = true, true
	key.Padding = vg.Points(4)
	key.ThumbnailWidth = vg.Points(20)
	return &sideLegend{Legend: key, l: l}
}

// Size of a key's colour bar: its width, and its height at most.
const (
	barWidth  = vg.Length(12)
	barHeight = vg.Length(150)
)

// addColourBar puts the colour bar of cm under the key's entries: values
// from 0 to 1 labelled 0% to 100%, named title along the bar.
func (s *sideLegend) addColourBar(title string, cm palette.ColorMap) {
	l := s.l
	p := plot.New()
	p.HideX()
	p.X.Min, p.X.Max = 0, 1
	p.Y.Label.Text = title
	p.Y.Label.TextStyle = l.textStyle(legendSize, ink())
	p.Y.Label.TextStyle.XAlign, p.Y.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
	p.Y.Label.Padding = vg.Points(4)
	p.Y.Tick.Label = l.textStyle(legendSize, ink())
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.Tick.LineStyle = draw.LineStyle{Color: muted(), Width: vg.Points(0.5)}
	p.Y.Tick.Length = vg.Points(3)
	p.Y.LineStyle = draw.LineStyle{}
	p.Y.Padding, p.X.Padding = 0, 0
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0%"}, {Value: 0.25, Label: "25%"}, {Value: 0.5, Label: "50%"},
		{Value: 0.75, Label: "75%"}, {Value: 1, Label: "100%"}}
	p.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true})
	s.bar = p
}

// barSize is the width and height of the colour bar's plot: its axis and
// a bar barWidth wide.
func (s *sideLegend) barSize() (vg.Length, vg.Length) {
	trial := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 100, Y: barHeight}}}
	data := s.bar.DataCanvas(trial)
	return 100 - (data.Max.X - data.Min.X) + barWidth, barHeight
}

// width is the width of the key's strip.
func (s *sideLegend) width() vg.Length {
	w := s.Legend.Rectangle(draw.Canvas{}).Size().X
	if s.bar != nil {
		bw, _ := s.barSize()
		w = max(w, bw)
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
		w, h := s.barSize()
		h = min(h, (top-lc.Min.Y)*0.75)
		if h > 0 {
			s.bar.Draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x0, Y: top - h}, Max: vg.Point{X: x0 + w, Y: top}}})
		}
	}
}

// GlyphBoxes implements plot.GlyphBoxer: one box as wide as the key at the
// right edge of the data, so that the plot leaves room for it.
func (s *sideLegend) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: gutterGap + s.width() + gutterMargin}}}}
}

// swatch is a legend thumbnail filled with one colour, for bars and cells,
// inset from the entry's edges. plotter.PaletteThumbnailers fills the whole
// entry, and the swatches of a key of many colours (the stages, say) run
// into one strip.
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
