package reports

import (
	"errors"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/experiment"
)

// hourCell is one hour of the limiting-posts strip: the hour starting at
// x (clock hours) on row y, shaded by the post's utilisation.
type hourCell struct {
	x, y, util float64
}

// hourCells draws the limiting-posts strip: a light track along each row,
// and each hour's cell on the row of the post that limits it, filled by
// the heat colours and framed, so that neighbouring hours and pale cells
// stay visible. A plotter.HeatMap fills every cell of its grid edge to
// edge: the strip's rows would run into each other, and a pale cell into
// the track.
type hourCells struct {
	cells  []hourCell
	rows   int
	x0, x1 float64 // the hours the strip covers
	heat   palette.ColorMap
	frame  draw.LineStyle
	track  color.Color
	thick  float64 // cell height, as a share of a row
}

// Plot implements plot.Plotter.
func (h *hourCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for r := range h.rows {
		y := float64(r)
		t := vg.Rectangle{Min: vg.Point{X: trX(h.x0), Y: trY(y - h.thick/2)}, Max: vg.Point{X: trX(h.x1), Y: trY(y + h.thick/2)}}
		c.SetColor(h.track)
		c.Fill(t.Path())
	}
	for _, cell := range h.cells {
		r := vg.Rectangle{
			Min: vg.Point{X: trX(cell.x), Y: trY(cell.y - h.thick/2)},
			Max: vg.Point{X: trX(cell.x + 1), Y: trY(cell.y + h.thick/2)},
		}
		if math.IsNaN(cell.util) {
			c.SetColor(offDuty()) // nobody on duty: work waits for a team off duty
		} else {
			c.SetColor(heatAt(h.heat, cell.util))
		}
		c.Fill(r.Path())
		c.StrokeLines(h.frame, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
	}
}

// DataRange implements plot.DataRanger.
func (h *hourCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return h.x0, h.x1, -0.5, float64(h.rows) - 0.5
}

// limitingCells are the cells of the strip, one an hour, and the names of
// its rows: the posts that limit some hour, in order of first appearance,
// the first at the top.
func limitingCells(m *experiment.Marginal) ([]hourCell, []string) {
	var posts []string
	rowOf := map[string]int{}
	for _, h := range m.Hourly {
		if _, ok := rowOf[h.Post]; !ok {
			rowOf[h.Post] = len(posts)
			posts = append(posts, h.Post)
		}
	}
	rows := len(posts)
	names := make([]string, rows)
	for i, name := range posts {
		names[rows-1-i] = name
	}
	cells := make([]hourCell, len(m.Hourly))
	for i, h := range m.Hourly {
		cells[i] = hourCell{x: h.Hour, y: float64(rows - 1 - rowOf[h.Post]), util: h.Utilisation}
	}
	return cells, names
}

// HourlyPlot shows, for each hour of the run, the post that limits work
// (Marginal.Hourly) as a strip chart: clock time on x, one row per post
// that limits some hour (in order of first appearance, the first at the
// top), and for each hour one filled cell on its limiting post's row,
// shaded by that post's utilisation in the hour.
func HourlyPlot(m *experiment.Marginal) (Plot, error) {
	return English().HourlyPlot(m)
}

// HourlyPlot is HourlyPlot in w's language.
func (w *Words) HourlyPlot(m *experiment.Marginal) (Plot, error) {
	l := w.figures
	if m == nil {
		return Plot{}, errors.New("limiting-posts plot: no marginal analysis")
	}
	fig := Plot{Name: "limiting-posts", Title: l.T("Which post limits work, hour by hour")}
	if len(m.Hourly) == 0 {
		return l.notePlot(fig, l.T("No hour to show."), l.T("The base run has no posts, so no hour has a post that limits it.")), nil
	}
	cm, err := heatColours()
	if err != nil {
		return Plot{}, err
	}
	cells, names := limitingCells(m)
	for i, n := range names {
		names[i] = l.Post(n)
	}
	hc := &hourCells{cells: cells, rows: len(names), heat: cm, thick: 0.7, x0: math.Inf(1), x1: math.Inf(-1),
		frame: draw.LineStyle{Color: muted(), Width: vg.Points(0.5)}, track: color.NRGBA{0xf0, 0xf0, 0xf0, 0xff}}
	var centres, util plotter.XYs
	for _, c := range cells {
		hc.x0, hc.x1 = math.Min(hc.x0, c.x), math.Max(hc.x1, c.x+1)
		centres = append(centres, plotter.XY{X: c.x + 0.5, Y: c.y})
		util = append(util, plotter.XY{X: c.x + 0.5, Y: c.util})
	}
	p := l.newPlot(fig.Title, l.T("time of day"), "")
	p.Add(hc)
	clockAxis(p, hc.x0, hc.x1)
	rowAxis(p, names)
	p.X.Padding = 0
	key := l.newSideLegend()
	key.addColourBar(l.T("utilisation of the post"), cm)
	for _, c := range cells {
		if math.IsNaN(c.util) {
			key.Add(l.T("nobody on duty"), swatch{offDuty()})
			break
		}
	}
	p.Add(key)
	fig.P = p
	fig.addLayer("cells", centres)
	fig.addLayer("utilisation", util)
	reps := 0
	if m.Base != nil {
		reps = m.Base.Replications
	}
	fig.Caption = l.Sprintf("Each hour of the run has one filled cell, on the row of the post that limits work in it (mean over %d replications of the base run): "+
		"of the posts at least half busy, the one with the most work waiting; when none is, the one with the most work waiting (a post with nobody on duty "+
		"and work piling up, shown grey); when nothing waits anywhere, the busiest. Read down a column for the post that limits that hour, along a row for "+
		"the hours a post limits; the darker the cell, the busier the post.", reps)
	return fig, nil
}
