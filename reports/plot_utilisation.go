package reports

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

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

// heatPalette is the heat map's colour scale, from pale yellow (idle) to
// dark red (busy all the time), interpolated in n steps.
type heatPalette struct{ n int }

// Colors implements palette.Palette.
func (h heatPalette) Colors() []color.Color {
	anchors := [...]color.NRGBA{
		{0xff, 0xff, 0xcc, 0xff}, {0xff, 0xed, 0xa0, 0xff}, {0xfe, 0xd9, 0x76, 0xff},
		{0xfe, 0xb2, 0x4c, 0xff}, {0xfd, 0x8d, 0x3c, 0xff}, {0xfc, 0x4e, 0x2a, 0xff},
		{0xe3, 0x1a, 0x1c, 0xff}, {0xbd, 0x00, 0x26, 0xff}, {0x80, 0x00, 0x26, 0xff},
	}
	out := make([]color.Color, h.n)
	for i := range out {
		t := float64(i) / float64(h.n-1) * float64(len(anchors)-1)
		k := min(int(t), len(anchors)-2)
		f := t - float64(k)
		a, b := anchors[k], anchors[k+1]
		mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
		out[i] = color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
	}
	return out
}

// offDuty is the colour of hours when nobody of a pool was on duty.
func offDuty() color.Color { return color.NRGBA{0xd4, 0xd4, 0xd4, 0xff} }

// poolHours returns a pool's utilisation by hour, mean over replications;
// a per-zone pool's groups are averaged, hours when nobody was on duty
// (NaN) left out of both means, and NaN where no one was on duty in any.
func poolHours(o *experiment.Outcome, pool string) ([]float64, int) {
	var sum []float64
	var n []int
	groups := 0
	for r, res := range o.Runs {
		var rsum []float64
		var rn []int
		for _, post := range res.Posts {
			if post.Name != pool && !strings.HasPrefix(post.Name, pool+"/") {
				continue
			}
			if r == 0 {
				groups++
			}
			for len(rsum) < len(post.Hourly) {
				rsum, rn = append(rsum, 0), append(rn, 0)
			}
			for h, u := range post.Hourly {
				if !math.IsNaN(u) {
					rsum[h] += u
					rn[h]++
				}
			}
		}
		for len(sum) < len(rsum) {
			sum, n = append(sum, 0), append(n, 0)
		}
		for h := range rsum {
			if rn[h] > 0 {
				sum[h] += rsum[h] / float64(rn[h])
				n[h]++
			}
		}
	}
	out := make([]float64, len(sum))
	for h := range out {
		out[h] = math.NaN()
		if n[h] > 0 {
			out[h] = sum[h] / float64(n[h])
		}
	}
	return out, groups
}

// utilisationPlot is staff utilisation by pool and hour as a heat map.
func utilisationPlot(o *experiment.Outcome) (Plot, error) {
	sc := o.Scenario
	const title = "Staff utilisation by pool and hour"
	fig := Plot{Name: "utilisation", Title: title}
	p := newPlot(title, "time of day", "")

	rows := len(sc.Staff)
	hours := 0
	z := make([][]float64, rows)
	names := make([]string, rows)
	for i, pool := range sc.Staff {
		r := rows - 1 - i // the first pool at the top
		var groups int
		z[r], groups = poolHours(o, pool.Name)
		hours = max(hours, len(z[r]))
		names[r] = pool.Name
		if pool.PerZone && groups > 1 {
			names[r] = fmt.Sprintf("%s (%d zones)", pool.Name, groups)
		}
	}
	if rows == 0 || hours == 0 {
		return notePlot(fig, "No staff pool in this scenario.", "The scenario has no staff pools."), nil
	}
	for r := range z {
		for len(z[r]) < hours {
			z[r] = append(z[r], math.NaN())
		}
	}
	x0 := float64(sc.Horizon.Start) / 3600
	g := heatGrid{z: z, x0: x0}
	pal := heatPalette{n: 101}
	hm := plotter.NewHeatMap(g, pal)
	hm.Min, hm.Max = 0, 1
	hm.NaN = offDuty()
	hm.Overflow = pal.Colors()[pal.n-1] // overtime can take busy time past time on duty
	p.Add(hm)
	p.X.Min, p.X.Max = x0, x0+float64(hours)
	p.X.Tick.Marker = newClockTicks(x0, float64(hours))
	p.Y.Min, p.Y.Max = -0.5, float64(rows)-0.5
	p.Y.Tick.Marker = nominalTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding, p.X.Padding = 0, 0

	key := newSideLegend()
	key.bar = &colourBar{
		title: "busy / on duty", palette: pal.Colors(), min: 0, max: 1, nan: offDuty(), nanLabel: "nobody on duty",
		ticks: []plot.Tick{{Value: 0, Label: "0%"}, {Value: 0.25, Label: "25%"}, {Value: 0.5, Label: "50%"},
			{Value: 0.75, Label: "75%"}, {Value: 1, Label: "100%"}},
	}
	p.Add(key)
	fig.P = p
	for r := range z {
		xys := make(plotter.XYs, hours)
		for h := range xys {
			xys[h] = plotter.XY{X: g.X(h), Y: z[r][h]}
		}
		fig.addLayer(names[r], xys)
	}
	fig.Caption = fmt.Sprintf("Each cell is the share of a pool's on-duty time in that hour that its staff were busy, mean over %d replications; "+
		"a per-zone pool is the mean of its zone groups. Dark cells are posts near their limit; grey cells are hours when nobody of the pool was on duty.", len(o.Runs))
	return fig, nil
}
