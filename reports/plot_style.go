package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/lang"
	"cordon/text"
)

// The look of every figure: Liberation Sans (built into gonum/plot, so the
// output does not depend on the fonts installed), a fixed palette, thin
// light grid lines.
const (
	titleSize  = vg.Length(13)
	labelSize  = vg.Length(11)
	tickSize   = vg.Length(9.5)
	legendSize = vg.Length(9.5)
	noteSize   = vg.Length(11)
)

// sans returns Liberation Sans at size.
func sans(size vg.Length) font.Font {
	return font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, size)
}

// look is how a report's figures are written: the language of their text
// and the fonts it is drawn in (Words).
type look struct {
	*lang.Printer
	fonts plottext.Handler
}

// count writes n with its noun: "1 post", "3 posts"; in Chinese with
// the noun's measure word ("3个岗位").
func (l look) count(n int, one, many string) string {
	if k := "count:" + many; l.Chinese() && l.Has(k) {
		return l.Sprintf(k, n)
	}
	return text.Count(n, one, many)
}

// plural is the sentence of n things in the figure's language: one's
// text, which says 1, for one; many's, a format taking n, for more.
func (l look) plural(n int, one, many string) string {
	if n == 1 {
		return l.T(one)
	}
	return l.Sprintf(many, n)
}

// captionValue writes a KPI value in a caption: in English as
// FormatValue writes it (45m30s), in Chinese in words (45分30秒).
func (l look) captionValue(unit string, v float64) string {
	if l.Chinese() {
		return l.value(unit, v)
	}
	return FormatValue(unit, v)
}

// value writes a KPI value in its unit in the figure's language.
func (l look) value(unit string, v float64) string {
	if unit == "s" {
		return l.Duration(v)
	}
	return FormatValue(unit, v)
}

// knobValue is a value of a knob or a varied path in l's language: as it
// is in English, in words in Chinese (等待（wait）, 5分钟).
func (l look) knobValue(v string) string { return (&Words{Printer: l.Printer}).KnobValue(v) }

// textStyle is plain text in Liberation Sans, or the CJK font that stands
// for it in a Chinese figure.
func (l look) textStyle(size vg.Length, c color.Color) plottext.Style {
	return plottext.Style{Color: c, Font: sans(size), Handler: l.fonts}
}

// seriesColor returns the i-th colour of the palette (Tableau 10, which
// stays distinguishable for the colour-blind in its first colours), cycling
// after ten.
func seriesColor(i int) color.NRGBA {
	p := [...]color.NRGBA{
		{0x4e, 0x79, 0xa7, 0xff}, // blue
		{0xf2, 0x8e, 0x2b, 0xff}, // orange
		{0x59, 0xa1, 0x4f, 0xff}, // green
		{0xe1, 0x57, 0x59, 0xff}, // red
		{0xb0, 0x7a, 0xa1, 0xff}, // purple
		{0x76, 0xb7, 0xb2, 0xff}, // teal
		{0xed, 0xc9, 0x48, 0xff}, // yellow
		{0x9c, 0x75, 0x5f, 0xff}, // brown
		{0xff, 0x9d, 0xa7, 0xff}, // pink
		{0x79, 0x70, 0x6e, 0xff}, // grey
	}
	if i < 0 {
		i = -i
	}
	return p[i%len(p)]
}

// ink is the colour of text.
func ink() color.Color { return color.NRGBA{0x22, 0x22, 0x22, 0xff} }

// muted is the colour of axes, frames and notes: what is not data.
func muted() color.Color { return color.NRGBA{0x66, 0x66, 0x66, 0xff} }

// alpha returns c with its opacity set to a (0..1), for bands.
func alpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(a*255 + 0.5)
	return c
}

// newPlot returns an empty figure with its title and axis labels set in the
// report's style, and thin grid lines behind the data.
func (l look) newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle = l.textStyle(titleSize, ink())
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = vg.Points(10)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = l.textStyle(labelSize, ink())
		a.Label.TextStyle.XAlign = draw.XCenter
		a.Label.TextStyle.YAlign = draw.YBottom
		a.Label.Padding = vg.Points(4)
		a.Tick.Label = l.textStyle(tickSize, ink())
		a.LineStyle = draw.LineStyle{Color: muted(), Width: vg.Points(0.6)}
		a.Tick.LineStyle = draw.LineStyle{Color: muted(), Width: vg.Points(0.6)}
		a.Tick.Length = vg.Points(4)
		a.Tick.Marker = niceTicks{}
		a.Padding = vg.Points(4)
	}
	p.X.Label.Text = xLabel
	p.X.Tick.Label.XAlign = draw.XCenter
	p.X.Tick.Label.YAlign = draw.YTop
	p.Y.Label.Text = yLabel
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	p.Add(grid())
	return p
}

// grid returns thin light grid lines at the major ticks.
func grid() *plotter.Grid {
	g := plotter.NewGrid()
	st := draw.LineStyle{Color: color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}, Width: vg.Points(0.4)}
	g.Vertical, g.Horizontal = st, st
	return g
}

// line returns a solid line through xys in colour c.
func line(xys plotter.XYs, c color.Color, width vg.Length) (*plotter.Line, error) {
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	l.LineStyle = draw.LineStyle{Color: c, Width: width}
	return l, nil
}

// scatter returns a glyph in style at each of xys.
func scatter(xys plotter.XYs, style draw.GlyphStyle) (*plotter.Scatter, error) {
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	s.GlyphStyle = style
	return s, nil
}

// dot is a filled circle of radius r in colour c.
func dot(c color.Color, r vg.Length) draw.GlyphStyle {
	return draw.GlyphStyle{Color: c, Radius: r, Shape: draw.CircleGlyph{}}
}

// dashes is the dash pattern of reference lines (capacities, targets).
func dashes() []vg.Length { return []vg.Length{vg.Points(5), vg.Points(3)} }

// band returns the filled area between lo and hi over x, in colour c.
func band(x, lo, hi []float64, c color.Color) (*plotter.Polygon, plotter.XYs, error) {
	ring := make(plotter.XYs, 0, 2*len(x))
	for i := range x {
		ring = append(ring, plotter.XY{X: x[i], Y: hi[i]})
	}
	for i := len(x) - 1; i >= 0; i-- {
		ring = append(ring, plotter.XY{X: x[i], Y: lo[i]})
	}
	poly, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil, nil, err
	}
	poly.Color = c
	poly.LineStyle.Width = 0
	return poly, ring, nil
}

// xyOf pairs x and y.
func xyOf(x, y []float64) plotter.XYs {
	xys := make(plotter.XYs, len(x))
	for i := range x {
		xys[i] = plotter.XY{X: x[i], Y: y[i]}
	}
	return xys
}
