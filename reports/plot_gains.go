package reports

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/experiment"
	"cordon/text"
)

// maxGainKnobs is the most knobs the gains chart shows.
const maxGainKnobs = 15

// gainPale is the opacity of a bar whose gain is within chance.
const gainPale = 0.28

// significantGain reports whether a gain's 95% interval leaves out zero.
func significantGain(g experiment.Gain) bool { return g.Low > 0 || g.High < 0 }

// gainKnobLabel names a knob on the chart, with its step when one step is
// more than one unit ("disinfection places +10") and the value a zero-cost
// knob moves to ("come-down window → 35m").
func gainKnobLabel(k experiment.KnobGain) string {
	switch {
	case k.Knob.TwoWay:
		return k.Knob.Name + " " + k.StepText()
	case k.Knob.Step > 1:
		return fmt.Sprintf("%s +%d", k.Knob.Name, k.Knob.Step)
	}
	return k.Knob.Name
}

// GainsPlot is the marginal analysis' bar chart: for each knob, in the
// analysis' order (most valuable at the top), one bar per chosen KPI, in
// the KPI's colour, for the gain of one more step as a percentage of the
// KPI's mean in the base run (right of zero is better), with its 95%
// interval as a whisker. Gains within chance (their interval holds zero)
// are pale, so a knob whose gains all are is greyed out; when there are
// more than 15 knobs such knobs are left out, and at most 15 are shown. A
// zero-cost knob whose step either way improves no KPI is left out.
// KPIs whose base mean is zero have no relative gain and are named in the
// caption instead.
func GainsPlot(m *experiment.Marginal) (Plot, error) {
	if m == nil || m.Base == nil {
		return Plot{}, errors.New("gains plot: no marginal analysis")
	}
	const title = "What one step of each knob buys"
	fig := Plot{Name: "gains", Title: title}
	if len(m.Knobs) == 0 || len(m.KPIs) == 0 {
		return notePlot(fig, "No knob to step.", "The analysis has no knob that can take one more step, or no KPI to measure it by."), nil
	}

	// The KPIs that can be shown relative to their base mean.
	var cols []int // index into m.KPIs
	var scale []float64
	var noBase []string
	for j, k := range m.KPIs {
		b, ok := m.Base.KPI(k.Name)
		if !ok || !finite(b.Mean) || b.Mean == 0 {
			noBase = append(noBase, k.Name)
			continue
		}
		cols = append(cols, j)
		scale = append(scale, 100/math.Abs(b.Mean))
	}
	if len(cols) == 0 {
		return notePlot(fig, "No relative gain to show: every KPI's base mean is zero.",
			fmt.Sprintf("Gains are shown relative to the base run, where the mean of %s is zero.", strings.Join(noBase, ", "))), nil
	}
	anySignificant := func(k experiment.KnobGain) bool {
		for _, j := range cols {
			if j < len(k.Gains) && significantGain(k.Gains[j]) {
				return true
			}
		}
		return false
	}
	// A zero-cost knob whose steps improve nothing either way is not a
	// step anyone would take: it is left out.
	var knobs []experiment.KnobGain
	worse := 0
	for _, k := range m.Knobs {
		if k.Knob.TwoWay && !improvesAny(k, cols) {
			worse++
			continue
		}
		knobs = append(knobs, k)
	}
	dropped, cut := 0, 0
	if len(knobs) > maxGainKnobs {
		var keep []experiment.KnobGain
		for _, k := range knobs {
			if anySignificant(k) {
				keep = append(keep, k)
			} else {
				dropped++
			}
		}
		knobs = keep
	}
	if len(knobs) > maxGainKnobs {
		cut = len(knobs) - maxGainKnobs
		knobs = knobs[:maxGainKnobs]
	}
	if len(knobs) == 0 {
		return notePlot(fig, "No knob buys a significant gain.",
			fmt.Sprintf("None of the %d knobs' next step changes %s beyond chance (every 95%% interval holds zero).",
				len(m.Knobs), strings.Join(gainKPINames(m, cols), " or "))), nil
	}

	p := newPlot(title, "gain of one step (% of the base mean; right is better)", "")
	n, K := len(knobs), len(cols)
	const group = 0.78 // the share of a row the bars of a knob take
	slot := group / float64(K)
	var solid, pale []hbar
	var paleXYs plotter.XYs
	var labels plotter.XYLabels
	var left, faint []bool
	names := make([]string, n)
	layers := make([]plotter.XYs, K)
	greyed := 0
	for i, k := range knobs {
		row := float64(n - 1 - i) // the most valuable at the top
		names[n-1-i] = gainKnobLabel(k)
		if !anySignificant(k) {
			greyed++
		}
		for c, j := range cols {
			if j >= len(k.Gains) {
				continue
			}
			g := k.Gains[j]
			y := row + group/2 - slot*(float64(c)+0.5) // the first KPI on top
			bar := hbar{Y: y, Value: scale[c] * g.Mean, Low: scale[c] * g.Low, High: scale[c] * g.High, Fill: seriesColor(j)}
			if !finite(bar.Value) {
				continue
			}
			layers[c] = append(layers[c], plotter.XY{X: bar.Value, Y: y})
			sig := significantGain(g)
			if sig {
				solid = append(solid, bar)
			} else {
				bar.Fill = alpha(seriesColor(j), gainPale)
				pale = append(pale, bar)
				paleXYs = append(paleXYs, plotter.XY{X: bar.Value, Y: y})
			}
			end := bar.Value
			if finite(bar.Low, bar.High) {
				if bar.Value < 0 {
					end = math.Min(end, bar.Low)
				} else {
					end = math.Max(end, bar.High)
				}
			}
			labels.XYs = append(labels.XYs, plotter.XY{X: end, Y: y})
			labels.Labels = append(labels.Labels, fmt.Sprintf("%+.0f%%", bar.Value))
			left, faint = append(left, bar.Value < 0), append(faint, !sig)
		}
	}
	thick := slot * 0.86
	var plotters []*hbars
	if len(pale) > 0 {
		hb := newHBars(pale)
		hb.thick = thick
		hb.whisker.Color = muted()
		plotters = append(plotters, hb)
	}
	hb := newHBars(solid)
	hb.thick = thick
	if len(solid) > 0 {
		plotters = append(plotters, hb)
	}
	xmin, xmax := 0.0, 0.0
	for _, h := range plotters {
		p.Add(h)
		a, b, _, _ := h.DataRange()
		xmin, xmax = math.Min(xmin, a), math.Max(xmax, b)
	}
	zero := plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(n) - 0.5}}
	zl, err := line(zero, ink(), vg.Points(0.8))
	if err != nil {
		return Plot{}, err
	}
	p.Add(zl)
	// Values beside the bars while they are few enough to read, with room
	// for them each side.
	span := math.Max(xmax-xmin, 1)
	if n*K <= 16 && len(labels.XYs) > 0 {
		lab, err := plotter.NewLabels(labels)
		if err != nil {
			return Plot{}, err
		}
		size := legendSize
		if n*K > 8 {
			size = 8
		}
		for i := range lab.TextStyle {
			col := ink()
			if faint[i] {
				col = muted()
			}
			st := textStyle(size, col)
			st.YAlign = draw.YCenter
			if left[i] {
				st.XAlign = draw.XRight
			}
			lab.TextStyle[i] = st
		}
		p.Add(valueLabels{lab})
		p.X.Min, p.X.Max = xmin-0.12*span*b2f(xmin < 0), xmax+0.12*span*b2f(xmax > 0)
	} else {
		p.X.Min, p.X.Max = xmin-0.03*span*b2f(xmin < 0), xmax+0.03*span*b2f(xmax > 0)
	}
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Marker = plannerRowTicks(names)
	p.Y.Tick.Length = vg.Points(3)
	p.Y.Padding = 0

	key := newSideLegend()
	for _, j := range cols {
		key.Add(m.KPIs[j].Name, swatch{seriesColor(j)})
	}
	if len(pale) > 0 {
		key.Add("pale: within chance", swatch{alpha(seriesColor(9), gainPale)})
	}
	key.Add("95% interval", whiskerThumb{hb.whisker})
	p.Add(key)
	fig.P = p
	for c, j := range cols {
		fig.addLayer(m.KPIs[j].Name, layers[c])
	}
	fig.addLayer("within chance", paleXYs)

	var b strings.Builder
	fmt.Fprintf(&b, "Each group of bars is one knob, the most valuable at the top (the analysis' ranking by the sum of its significant relative gains): "+
		"for each KPI, the mean gain of one more step of the knob (for a zero-cost knob, the better of a step either way, named with the value it moves to) "+
		"over %d paired replications (common random numbers), "+
		"as a percentage of the KPI's mean in the base run, with its 95%% interval; right of zero is better", m.Base.Replications)
	if m.Screen > 0 {
		fmt.Fprintf(&b, " (%d for a zero-cost step only screened)", m.Screen)
	}
	var neutral []string
	for _, j := range cols {
		if m.KPIs[j].Better == "" {
			neutral = append(neutral, m.KPIs[j].Name)
		}
	}
	if len(neutral) > 0 {
		fmt.Fprintf(&b, " (for %s, which is no better either way, right is an increase)", strings.Join(neutral, " and "))
	}
	b.WriteString(". Pale bars are gains within chance (their interval holds zero)")
	if greyed > 0 {
		fmt.Fprintf(&b, "; %s whose gains are all within chance %s greyed out", text.Count(greyed, "knob", "knobs"), text.IsAre(greyed))
	}
	b.WriteString(".")
	if dropped > 0 {
		fmt.Fprintf(&b, " Of %d knobs, %d whose gains are all within chance are left out.", len(m.Knobs)-worse, dropped)
	}
	if cut > 0 {
		fmt.Fprintf(&b, " Only the %d most valuable knobs are shown; %d more are not.", maxGainKnobs, cut)
	}
	if worse > 0 {
		fmt.Fprintf(&b, " Also left out: %s whose step either way improves none of the KPIs (the tables list %s).",
			text.Count(worse, "zero-cost knob", "zero-cost knobs"), plannerThem(worse))
	}
	if len(noBase) > 0 {
		fmt.Fprintf(&b, " Not shown, as its mean in the base run is zero and a gain has no relative size: %s.", strings.Join(noBase, ", "))
	}
	fig.Caption = b.String()
	return fig, nil
}

// plannerRowTicks labels the rows 0, 1, ... with names, each led by a
// space: gonum/plot makes the y axis exactly as wide as the widest label,
// and the first letter of a label that wide can lose a pixel at the edge
// of the figure.
func plannerRowTicks(names []string) plot.ConstantTicks {
	ticks := nominalTicks(names)
	for i := range ticks {
		ticks[i].Label = " " + ticks[i].Label
	}
	return ticks
}

// improvesAny reports whether the step improves one of the KPIs at cols
// significantly.
func improvesAny(k experiment.KnobGain, cols []int) bool {
	for _, j := range cols {
		if j < len(k.Gains) && k.Gains[j].Improves() {
			return true
		}
	}
	return false
}

// plannerThem is "it" or "them".
func plannerThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// gainKPINames returns the names of the KPIs at cols.
func gainKPINames(m *experiment.Marginal, cols []int) []string {
	out := make([]string, len(cols))
	for i, j := range cols {
		out[i] = m.KPIs[j].Name
	}
	return out
}
