package reports

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"

	"cordon/experiment"
)

// heatGrid is utilisation by row (a staff pool) and column (an hour of the
// run), for plotter.HeatMap: column c spans the hour from x0+c.
type heatGrid struct {
	z  [][]float64 // [row][column]
	x0 float64     // clock time of the first hour, in hours
}

// Dims implements plotter.GridXYZ.
func (g heatGrid) Dims() (c, r int) { return len(g.z[0]), len(g.z) }

// Z implements plotter.GridXYZ.
func (g heatGrid) Z(c, r int) float64 { return g.z[r][c] }

// X implements plotter.GridXYZ: the middle of the hour.
func (g heatGrid) X(c int) float64 { return g.x0 + float64(c) + 0.5 }

// Y implements plotter.GridXYZ.
func (g heatGrid) Y(r int) float64 { return float64(r) }

// heatColours is the colour scale of utilisation, from 0 (idle) to 1
// (busy all the time): ColorBrewer's YlOrRd, pale yellow to dark red, made
// continuous by gonum/plot's moreland luminance map, so that equal steps of
// utilisation are equal steps of lightness.
func heatColours() (palette.ColorMap, error) {
	b, err := brewer.GetPalette(brewer.TypeSequential, "YlOrRd", 9)
	if err != nil {
		return nil, err
	}
	cs := slices.Clone(b.Colors())
	slices.Reverse(cs) // NewLuminance wants the lightness rising
	cm, err := moreland.NewLuminance(cs)
	if err != nil {
		return nil, err
	}
	cm.SetMin(0)
	cm.SetMax(1)
	return palette.Reverse(cm), nil
}

// heatAt is the colour of utilisation u: cm's, its lightest at 0 or
// below (and for no value), its darkest beyond 1 (overtime can take busy
// time past time on duty).
func heatAt(cm palette.ColorMap, u float64) color.Color {
	if math.IsNaN(u) {
		u = 0
	}
	c, err := cm.At(math.Min(math.Max(u, cm.Min()), cm.Max()))
	if err != nil {
		return offDuty()
	}
	return c
}

// heatSteps is cm in n colours from its min to its max, for
// plotter.HeatMap (palette.Reverse's own Palette leaves the middle colour
// of an odd number unset).
func heatSteps(cm palette.ColorMap, n int) palette.Palette {
	out := make([]color.Color, n)
	for i := range out {
		out[i] = heatAt(cm, cm.Min()+(cm.Max()-cm.Min())*float64(i)/float64(n-1))
	}
	return steps(out)
}

// steps is a list of colours as a palette.Palette.
type steps []color.Color

// Colors implements palette.Palette.
func (s steps) Colors() []color.Color { return s }

// offDuty is the colour of hours when nobody of a pool was on duty.
func offDuty() color.Color { return color.NRGBA{0xd4, 0xd4, 0xd4, 0xff} }

// poolHours returns a pool's utilisation by hour, mean over replications;
// a per-zone pool's groups are averaged, hours when nobody was on duty
// (NaN) left out of both means, and NaN where no one was on duty in any.
func poolHours(o *experiment.Outcome, pool string) ([]float64, int) {
	ph := o.Plots.PoolHours(pool)
	if ph == nil {
		return nil, 0
	}
	return ph.Mean(), ph.Groups
}

// utilisationGrid is staff utilisation by pool (a row, the first pool at
// the top) and hour (a column) of a run, and the rows' names.
func utilisationGrid(l look, o *experiment.Outcome) (heatGrid, []string) {
	sc := o.Scenario
	rows := len(sc.Staff)
	hours := 0
	z := make([][]float64, rows)
	names := make([]string, rows)
	for i, pool := range sc.Staff {
		r := rows - 1 - i // the first pool at the top
		var groups int
		z[r], groups = poolHours(o, pool.Name)
		hours = max(hours, len(z[r]))
		names[r] = l.Name(pool.Name)
		if pool.PerZone && groups > 1 {
			names[r] = l.Sprintf("%s (%d zones)", l.Name(pool.Name), groups)
		}
	}
	for r := range z {
		for len(z[r]) < hours {
			z[r] = append(z[r], math.NaN())
		}
	}
	return heatGrid{z: z, x0: float64(sc.Horizon.Start) / 3600}, names
}

// utilisationPlot is staff utilisation by pool and hour as a heat map.
func utilisationPlot(l look, o *experiment.Outcome) (Plot, error) {
	fig := Plot{Name: "utilisation", Title: l.T("Staff utilisation by pool and hour")}
	g, names := utilisationGrid(l, o)
	if len(g.z) == 0 || len(g.z[0]) == 0 {
		return l.notePlot(fig, l.T("No staff pool in this scenario."), l.T("The scenario has no staff pools.")), nil
	}
	cm, err := heatColours()
	if err != nil {
		return Plot{}, err
	}
	p := l.newPlot(fig.Title, l.T("time of day"), "")
	hm := plotter.NewHeatMap(g, heatSteps(cm, 101))
	hm.Min, hm.Max = 0, 1
	hm.NaN = offDuty()
	hm.Overflow = heatAt(cm, 1) // overtime can take busy time past time on duty
	p.Add(hm)
	cols, _ := g.Dims()
	clockAxis(p, g.x0, g.x0+float64(cols))
	rowAxis(p, names)
	p.X.Padding = 0
	key := l.newSideLegend()
	key.Add(l.T("nobody on duty"), swatch{offDuty()})
	key.addColourBar(l.T("busy / on duty"), cm)
	p.Add(key)
	fig.P = p
	for r := range g.z {
		xys := make(plotter.XYs, cols)
		for h := range xys {
			xys[h] = plotter.XY{X: g.X(h), Y: g.z[r][h]}
		}
		fig.addLayer(names[r], xys)
	}
	fig.Caption = l.Sprintf("Each cell is the share of a pool's on-duty time in that hour that its staff were busy, mean over %d replications; "+
		"a per-zone pool is the mean of its zone groups. Dark cells are posts near their limit; grey cells are hours when nobody of the pool was on duty.", o.Replications)
	return fig, nil
}
