package reports

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
	"cordon/experiment"
	"cordon/text"
)

// maxTornadoFactors is the most factors a tornado chart shows.
const maxTornadoFactors = 15

// plannerScale is how the planner's figures show a KPI on an axis:
// durations in minutes, in hours when the largest value is five hours or
// more, in seconds when it is under two minutes (a target of 30s reads
// better than 0.5 min); shares in percent; the rest in their unit.
func plannerScale(unit string, values ...float64) (factor float64, label string) {
	switch unit {
	case "s":
		largest := 0.0
		for _, v := range values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				largest = math.Max(largest, math.Abs(v))
			}
		}
		switch {
		case largest >= 5*3600:
			return 1.0 / 3600, "h"
		case largest < 120:
			return 1, "s"
		}
		return 1.0 / 60, "min"
	case "share":
		return 100, "%"
	}
	return 1, unit
}

// plannerAxisLabel is a KPI's name with its unit in brackets, for an axis.
func plannerAxisLabel(name, unit string) string {
	if unit == "" {
		return name
	}
	return name + " (" + unit + ")"
}

// tornadoRow is one factor of a tornado chart: the KPI's mean with the
// factor scaled down (low) and up (high), against the base, in axis units.
type tornadoRow struct {
	y               float64
	base, low, high float64
}

// tornadoBars draws each row as two bars from the base: to the mean with
// the factor scaled down in one colour, to the mean with it scaled up in
// the other. When both ends lie on the same side of the base, the shorter
// bar is drawn thinner on top of the longer, so both stay visible.
type tornadoBars struct {
	rows        []tornadoRow
	thick       float64 // as a share of a row
	lowC, highC color.Color
}

// Plot implements plot.Plotter.
func (t *tornadoBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	bar := func(y, from, to, thick float64, col color.Color) {
		x0, x1 := trX(math.Min(from, to)), trX(math.Max(from, to))
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: trY(y - thick/2)}, Max: vg.Point{X: x1, Y: trY(y + thick/2)}}
		c.SetColor(col)
		c.Fill(r.Path())
	}
	for _, r := range t.rows {
		type seg struct {
			end float64
			col color.Color
		}
		a, b := seg{r.low, t.lowC}, seg{r.high, t.highC}
		if math.Abs(a.end-r.base) < math.Abs(b.end-r.base) {
			a, b = b, a // the longer first
		}
		bar(r.y, r.base, a.end, t.thick, a.col)
		thick := t.thick
		if (a.end-r.base)*(b.end-r.base) > 0 {
			thick = t.thick * 0.5
		}
		bar(r.y, r.base, b.end, thick, b.col)
	}
}

// DataRange implements plot.DataRanger: every bar end and the base, and
// half a row around the rows.
func (t *tornadoBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, r := range t.rows {
		xmin = math.Min(xmin, math.Min(r.base, math.Min(r.low, r.high)))
		xmax = math.Max(xmax, math.Max(r.base, math.Max(r.low, r.high)))
		ymin, ymax = math.Min(ymin, r.y-0.5), math.Max(ymax, r.y+0.5)
	}
	return xmin, xmax, ymin, ymax
}

// TornadoPlots are one tornado chart per chosen KPI of a sensitivity
// analysis: the factors in the analysis' order (largest swing at the top,
// at most 15), each a bar from the KPI's mean with the factor scaled down
// by Delta to its mean with the factor scaled up, split at the base mean
// (a vertical line) into its two ends, in two colours; the x axis is in
// the KPI's unit (durations in minutes or hours, shares in percent).
// Factors that do not move the KPI at all are left out, and the caption
// says how many.
func TornadoPlots(s *experiment.Sensitivity) ([]Plot, error) {
	if s == nil || s.Base == nil || len(s.Effects) != len(s.KPIs) {
		return nil, errors.New("tornado plots: no sensitivity analysis")
	}
	out := make([]Plot, 0, len(s.KPIs))
	for i, k := range s.KPIs {
		p, err := tornadoPlot(s, k, s.Effects[i])
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// deltaLabel writes a scaling of the factors as "−20%" or "+20%".
func deltaLabel(sign, delta float64) string {
	pct := fmt.Sprintf("%g%%", math.Round(1000*delta)/10)
	if sign < 0 {
		return "−" + pct
	}
	return "+" + pct
}

// tornadoPlot is the tornado chart of one KPI.
func tornadoPlot(s *experiment.Sensitivity, kpi compound.KPI, effects []experiment.Effect) (Plot, error) {
	title := "What moves " + kpi.Name
	fig := Plot{Name: "tornado-" + kpi.Name, Title: title}
	down, up := deltaLabel(-1, s.Delta), deltaLabel(1, s.Delta)
	base, ok := s.Base.KPI(kpi.Name)
	if !ok || !finite(base.Mean) {
		return notePlot(fig, fmt.Sprintf("%s has no value in the base run.", kpi.Name),
			fmt.Sprintf("%s has no mean in the base run, so there is nothing to compare the inputs' effects with.", kpi.Name)), nil
	}
	var shown []experiment.Effect
	still, unknown := 0, 0
	for _, e := range effects {
		switch {
		case !finite(e.Low.Mean, e.High.Mean):
			unknown++
		case e.Low.Mean == base.Mean && e.High.Mean == base.Mean:
			still++
		default:
			shown = append(shown, e)
		}
	}
	cut := 0
	if len(shown) > maxTornadoFactors {
		cut = len(shown) - maxTornadoFactors
		shown = shown[:maxTornadoFactors]
	}
	if len(shown) == 0 {
		return notePlot(fig, fmt.Sprintf("No input moves %s by scaling it %s or %s.", kpi.Name, down, up),
			fmt.Sprintf("Scaling each volume and service time of the scenario by %s and %s left the mean of %s (%s) where it was, %s.",
				down, up, kpi.Name, kpi.Desc, FormatValue(kpi.Unit, base.Mean))), nil
	}

	vals := []float64{base.Mean}
	for _, e := range shown {
		vals = append(vals, e.Low.Mean, e.High.Mean)
	}
	factor, unit := plannerScale(kpi.Unit, vals...)
	p := newPlot(title, plannerAxisLabel(kpi.Name, unit), "")
	n := len(shown)
	names := make([]string, n)
	tb := &tornadoBars{thick: 0.62, lowC: seriesColor(0), highC: seriesColor(1)}
	var low, high plotter.XYs
	for i, e := range shown {
		y := float64(n - 1 - i) // the largest swing at the top
		names[n-1-i] = e.Factor.Name
		r := tornadoRow{y: y, base: factor * base.Mean, low: factor * e.Low.Mean, high: factor * e.High.Mean}
		tb.rows = append(tb.rows, r)
		low = append(low, plotter.XY{X: r.low, Y: y})
		high = append(high, plotter.XY{X: r.high, Y: y})
	}
	p.Add(tb)
	baseXYs := plotter.XYs{{X: factor * base.Mean, Y: -0.5}, {X: factor * base.Mean, Y: float64(n) - 0.5}}
	bl, err := line(baseXYs, ink(), vg.Points(1.2))
	if err != nil {
		return Plot{}, err
	}
	p.Add(bl)
	// A little room each side of the bars, so the ends do not touch the
	// frame.
	xmin, xmax, _, _ := tb.DataRange()
	pad := 0.05 * (xmax - xmin)
	if pad == 0 {
		pad = math.Max(math.Abs(xmax)*0.01, 1e-9)
	}
	p.X.Min, p.X.Max = xmin-pad, xmax+pad
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Marker = plannerRowTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0

	key := newSideLegend()
	key.Add(down, swatch{tb.lowC})
	key.Add(up, swatch{tb.highC})
	key.Add("base "+FormatValue(kpi.Unit, base.Mean), bl)
	p.Add(key)
	fig.P = p
	fig.addLayer("low", low)
	fig.addLayer("high", high)
	fig.addLayer("base", baseXYs)

	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s. Each bar is one input of the scenario (a volume per day, or a service time with its distribution's shape kept) "+
		"scaled by %s and by %s with everything else as it is: the blue part runs from the base mean (the vertical line, %s) "+
		"to the mean with that input at %s, the orange part to the mean at %s; means over %d replications with common random numbers. "+
		"The longest bars, at the top, are the inputs %s is most sensitive to.",
		kpi.Name, kpi.Desc, down, up, FormatValue(kpi.Unit, base.Mean), down, up, s.Base.Replications, kpi.Name)
	if still > 0 {
		fmt.Fprintf(&b, " %s that do not move it at all %s left out.", text.Count(still, "input", "inputs"), text.IsAre(still))
	}
	if unknown > 0 {
		fmt.Fprintf(&b, " %s with no value when scaled %s left out.", text.Count(unknown, "input", "inputs"), text.IsAre(unknown))
	}
	if cut > 0 {
		fmt.Fprintf(&b, " Only the %d largest swings are shown; %d smaller ones are not.", maxTornadoFactors, cut)
	}
	fig.Caption = b.String()
	return fig, nil
}
