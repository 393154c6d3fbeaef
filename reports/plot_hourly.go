package reports

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
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
// the heat palette and framed so that neighbouring hours and pale cells
// stay visible.
type hourCells struct {
	cells   []hourCell
	rows    int
	x0, x1  float64 // the hours the strip covers
	palette []color.Color
	frame   draw.LineStyle
	track   color.Color
	thick   float64 // cell height, as a share of a row
}

// colour returns the fill of a utilisation: the palette from 0 to 100%,
// its darkest beyond (overtime can take busy time past time on duty).
func (h *hourCells) colour(u float64) color.Color {
	n := len(h.palette)
	if math.IsNaN(u) || u <= 0 {
		return h.palette[0]
	}
	i := int(math.Round(u * float64(n-1)))
	return h.palette[min(i, n-1)]
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
		c.SetColor(h.colour(cell.util))
		c.Fill(r.Path())
		c.StrokeLines(h.frame, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
	}
}

// DataRange implements plot.DataRanger.
func (h *hourCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return h.x0, h.x1, -0.5, float64(h.rows) - 0.5
}

// HourlyPlot shows, for each hour of the run, the post that limits work
// (Marginal.Hourly) as a strip chart: clock time on x, one row per post
// that limits some hour (in order of first appearance, the first at the
// top), and for each hour one filled cell on its limiting post's row,
// shaded by that post's utilisation in the hour.
func HourlyPlot(m *experiment.Marginal) (Plot, error) {
	if m == nil {
		return Plot{}, errors.New("limiting-posts plot: no marginal analysis")
	}
	const title = "Which post limits work, hour by hour"
	fig := Plot{Name: "limiting-posts", Title: title}
	if len(m.Hourly) == 0 {
		return notePlot(fig, "No hour to show.", "The base run has no posts, so no hour has a post that limits it."), nil
	}

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
		names[rows-1-i] = name // the first to appear at the top
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	hc := &hourCells{
		rows: rows, palette: heatPalette{n: 101}.Colors(), thick: 0.7,
		frame: draw.LineStyle{Color: muted(), Width: vg.Points(0.5)},
		track: color.NRGBA{0xf0, 0xf0, 0xf0, 0xff},
	}
	var cells, util plotter.XYs
	for _, h := range m.Hourly {
		y := float64(rows - 1 - rowOf[h.Post])
		hc.cells = append(hc.cells, hourCell{x: h.Hour, y: y, util: h.Utilisation})
		x0, x1 = math.Min(x0, h.Hour), math.Max(x1, h.Hour+1)
		cells = append(cells, plotter.XY{X: h.Hour + 0.5, Y: y})
		util = append(util, plotter.XY{X: h.Hour + 0.5, Y: h.Utilisation})
	}
	hc.x0, hc.x1 = x0, x1

	p := newPlot(title, "time of day", "")
	p.Add(hc)
	p.X.Min, p.X.Max = x0, x1
	p.X.Tick.Marker = newClockTicks(x0, x1-x0)
	p.Y.Min, p.Y.Max = -0.5, float64(rows)-0.5
	p.Y.Tick.Marker = plannerRowTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding, p.X.Padding = 0, 0

	key := newSideLegend()
	key.bar = &colourBar{
		title: "utilisation of the post", palette: hc.palette, min: 0, max: 1,
		ticks: []plot.Tick{{Value: 0, Label: "0%"}, {Value: 0.25, Label: "25%"}, {Value: 0.5, Label: "50%"},
			{Value: 0.75, Label: "75%"}, {Value: 1, Label: "100%"}},
	}
	p.Add(key)
	fig.P = p
	fig.addLayer("cells", cells)
	fig.addLayer("utilisation", util)

	reps := 0
	if m.Base != nil {
		reps = m.Base.Replications
	}
	fig.Caption = fmt.Sprintf("Each hour of the run has one filled cell, on the row of the post that limits work in it (mean over %d replications of the base run): "+
		"of the posts at least half busy, the one with the most work waiting; when none is, the one with the most work waiting (a post with nobody on duty "+
		"and work piling up, shown at 0%%); when nothing waits anywhere, the busiest. Read down a column for the post that limits that hour, along a row for "+
		"the hours a post limits; the darker the cell, the busier the post.", reps)
	return fig, nil
}
