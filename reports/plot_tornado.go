package reports

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
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

// unitWord is an axis' unit in the printer's language: "min" is 分钟.
func (l look) unitWord(unit string) string {
	if k := "axis-unit:" + unit; l.Chinese() && l.Has(k) {
		return l.T(k)
	}
	return unit
}

// plannerAxisLabel is a KPI's label (or name) with its unit in brackets,
// for an axis.
func plannerAxisLabel(name, unit string) string {
	if unit == "" {
		return name
	}
	return name + " (" + unit + ")"
}

// TornadoPlots are one tornado chart per chosen KPI of a sensitivity
// analysis: the factors in the analysis' order (largest swing at the top,
// at most 15), each a bar from the KPI's mean with the factor scaled down
// by Delta to its mean with the factor scaled up, split at the base mean
// (a vertical line) into its two ends, in two colours; the x axis is in
// the KPI's unit (durations in minutes or hours, shares in percent).
// Factors that do not move the KPI at all are left out, and the caption
// says how many; a KPI no factor moves has no chart (an empty chart
// holding one sentence says less than the sensitivity table, which says
// it: Unmoved).
func TornadoPlots(s *experiment.Sensitivity) ([]Plot, error) {
	return English().TornadoPlots(s)
}

// TornadoPlots is TornadoPlots in w's language.
func (w *Words) TornadoPlots(s *experiment.Sensitivity) ([]Plot, error) {
	l := w.figures
	if s == nil || s.Base == nil || len(s.Effects) != len(s.KPIs) {
		return nil, errors.New("tornado plots: no sensitivity analysis")
	}
	out := make([]Plot, 0, len(s.KPIs))
	for i, k := range s.KPIs {
		if Unmoved(s, i) {
			continue
		}
		p, err := tornadoPlot(l, s, k, s.Effects[i])
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

// tornadoChart is what the tornado chart of one KPI shows: its base mean
// and the factors that move it, the largest swing first, and how many were
// left out and why.
type tornadoChart struct {
	l        look
	s        *experiment.Sensitivity
	kpi      compound.KPI
	base     float64
	shown    []experiment.Effect
	still    int // factors that do not move the KPI at all
	unknown  int // factors with no value when scaled
	cut      int // factors past maxTornadoFactors
	down, up string
}

// chooseTornado chooses the factors a KPI's tornado shows: those that move
// it, at most maxTornadoFactors.
func chooseTornado(s *experiment.Sensitivity, kpi compound.KPI, base float64, effects []experiment.Effect) tornadoChart {
	t := tornadoChart{s: s, kpi: kpi, base: base, down: deltaLabel(-1, s.Delta), up: deltaLabel(1, s.Delta)}
	for _, e := range effects {
		switch {
		case !finite(e.Low.Mean, e.High.Mean):
			t.unknown++
		case e.Low.Mean == base && e.High.Mean == base:
			t.still++
		default:
			t.shown = append(t.shown, e)
		}
	}
	if len(t.shown) > maxTornadoFactors {
		t.cut, t.shown = len(t.shown)-maxTornadoFactors, t.shown[:maxTornadoFactors]
	}
	return t
}

// tornadoPlot is the tornado chart of one KPI.
func tornadoPlot(l look, s *experiment.Sensitivity, kpi compound.KPI, effects []experiment.Effect) (Plot, error) {
	fig := Plot{Name: "tornado-" + kpi.Name, Title: l.Sprintf("What moves %s", l.KPITitle(kpi.Name, kpi.Of, kpi.Label))}
	base, ok := s.Base.KPI(kpi.Name)
	if !ok || !finite(base.Mean) {
		return l.notePlot(fig, l.Sprintf("%s has no value in the base run.", kpi.Name),
			l.Sprintf("%s has no mean in the base run, so there is nothing to compare the inputs' effects with.", kpi.Name)), nil
	}
	t := chooseTornado(s, kpi, base.Mean, effects)
	t.l = l
	if len(t.shown) == 0 {
		return l.notePlot(fig, l.Sprintf("No input moves %s by scaling it %s or %s.", kpi.Name, t.down, t.up),
			l.Sprintf("Scaling each volume and service time of the scenario by %s and %s left the mean of %s (%s) where it was, %s.",
				t.down, t.up, kpi.Name, l.KPIDesc(kpi.Name, kpi.Of, kpi.Desc), l.captionValue(kpi.Unit, base.Mean))), nil
	}
	if err := t.draw(&fig); err != nil {
		return Plot{}, err
	}
	fig.Caption = t.caption()
	return fig, nil
}

// draw draws the chart as fig's figure: a row a factor, the largest swing
// at the top, each with two bars from the base mean, to the mean with the
// factor scaled down (the upper bar) and scaled up (the lower), side by
// side as gonum/plot groups bars, so that both show wherever they end.
func (t tornadoChart) draw(fig *Plot) error {
	l := t.l
	vals := []float64{t.base}
	for _, e := range t.shown {
		vals = append(vals, e.Low.Mean, e.High.Mean)
	}
	factor, unit := plannerScale(t.kpi.Unit, vals...)
	if t.kpi.Unit == "s" {
		unit = "" // ticked "1 h 30 min"
	}
	p := l.newPlot(fig.Title, plannerAxisLabel(l.KPILabel(t.kpi.Name, t.kpi.Of, t.kpi.Label), l.unitWord(unit)), "")
	if t.kpi.Unit == "s" {
		p.X.Tick.Marker = durationTicks{l, 1 / factor}
	}
	n := len(t.shown)
	names, bases, lows, highs := make([]string, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var low, high plotter.XYs
	for i, e := range t.shown {
		row := n - 1 - i // the largest swing at the top
		names[row], bases[row] = l.factorName(e.Factor.Name), factor*t.base
		if e.WithinChance() {
			names[row] = l.Sprintf("%s (within chance)", names[row])
		}
		lows[row], highs[row] = factor*(e.Low.Mean-t.base), factor*(e.High.Mean-t.base)
		low = append(low, plotter.XY{X: factor * e.Low.Mean, Y: float64(row)})
		high = append(high, plotter.XY{X: factor * e.High.Mean, Y: float64(row)})
	}
	baseBars, err := plotter.NewBarChart(plotter.Values(bases), 1)
	if err != nil {
		return err
	}
	for _, end := range []struct {
		deltas []float64
		col    color.Color
		offset float64
	}{{lows, seriesColor(0), 0.17}, {highs, seriesColor(1), -0.17}} {
		rb, err := newRowBars(end.deltas, end.col, 0.32)
		if err != nil {
			return err
		}
		rb.StackOn(baseBars) // from the base mean
		rb.offset = end.offset
		p.Add(rb)
	}
	bl, baseXYs, err := rowLine(factor*t.base, n, vg.Points(1.2))
	if err != nil {
		return err
	}
	p.Add(bl)
	// A little room each side of the bars, so the ends do not touch the
	// frame.
	pad := 0.05 * (p.X.Max - p.X.Min)
	if pad == 0 {
		pad = math.Max(math.Abs(p.X.Max)*0.01, 1e-9)
	}
	p.X.Min, p.X.Max = p.X.Min-pad, p.X.Max+pad
	rowAxis(p, names)
	key := l.newSideLegend()
	key.Add(t.down, swatch{seriesColor(0)})
	key.Add(t.up, swatch{seriesColor(1)})
	key.Add(l.Sprintf("base %s", l.value(t.kpi.Unit, t.base)), bl)
	p.Add(key)
	fig.P = p
	fig.addLayer("low", low)
	fig.addLayer("high", high)
	fig.addLayer("base", baseXYs)
	return nil
}

// withinChance counts the factors shown whose change could be chance.
func (t tornadoChart) withinChance() int {
	n := 0
	for _, e := range t.shown {
		if e.WithinChance() {
			n++
		}
	}
	return n
}

// caption says how to read the chart and what it leaves out, in the
// figures' language.
func (t tornadoChart) caption() string {
	k, l := t.kpi, t.l
	var b strings.Builder
	b.WriteString(l.Sprintf("%s: %s. Each pair of bars is one input of the scenario (a volume per day, or a service time with its distribution's shape kept) "+
		"scaled by %s and by %s with everything else as it is: the blue bar runs from the base mean (the vertical line, %s) "+
		"to the mean with that input at %s, the orange bar to the mean at %s; means over %d replications with common random numbers. "+
		"The longest bars, at the top, are the inputs %s is most sensitive to.",
		k.Name, l.KPIDesc(k.Name, k.Of, k.Desc), t.down, t.up, l.captionValue(k.Unit, t.base), t.down, t.up, t.s.Base.Replications, k.Name))
	if t.still > 0 {
		b.WriteString(l.plural(t.still, " 1 input that do not move it at all is left out.", " %d inputs that do not move it at all are left out."))
	}
	if t.unknown > 0 {
		b.WriteString(l.plural(t.unknown, " 1 input with no value when scaled is left out.", " %d inputs with no value when scaled are left out."))
	}
	if n := t.withinChance(); n > 0 {
		if n == 1 {
			b.WriteString(l.Sprintf(" 1 input whose change could be chance (its paired 95%% interval from %s to %s holds zero) is marked so and drawn below the others, whatever its bars' length.", t.down, t.up))
		} else {
			b.WriteString(l.Sprintf(" %d inputs whose change could be chance (its paired 95%% interval from %s to %s holds zero) are marked so and drawn below the others, whatever their bars' length.", n, t.down, t.up))
		}
	}
	if t.cut > 0 {
		b.WriteString(l.Sprintf(" Only the first %d are shown; %d others are not.", maxTornadoFactors, t.cut))
	}
	return b.String()
}

// Unmoved says whether no factor of a sensitivity analysis moves its i-th
// KPI: scaled down or up, every factor leaves the mean where it was.
func Unmoved(s *experiment.Sensitivity, i int) bool {
	base, ok := s.Base.KPI(s.KPIs[i].Name)
	if !ok || !finite(base.Mean) {
		return false
	}
	return len(chooseTornado(s, s.KPIs[i], base.Mean, s.Effects[i]).shown) == 0
}

// factorName is a factor of a sensitivity analysis in words: a path of
// the scenario ("sampling.swab") by its label ("sampling round, swab
// time"), any other name ("residents") as it is.
func (l look) factorName(name string) string {
	return (&Words{Printer: l.Printer}).factorName(experiment.Factor{Name: name})
}
