package reports

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
)

// maxGainKnobs is the most knobs the gains chart shows.
const maxGainKnobs = 15

// gainPale is the opacity of a bar whose gain is within chance.
const gainPale = 0.28

// gainGroup is the share of a row the bars of one knob take.
const gainGroup = 0.78

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

// gainKnobLabel is gainKnobLabel in l's language: in Chinese the knob
// in words (穿防护服人员·19:00–07:00 +1, 下楼时间窗 → 35分钟).
func (l look) gainKnobLabel(k experiment.KnobGain) string {
	if !l.Chinese() {
		return gainKnobLabel(k)
	}
	w := &Words{Printer: l.Printer}
	name := w.KnobNamed(k.Knob.Name)
	switch {
	case k.Knob.TwoWay:
		return name + " " + w.stepText(k)
	case k.Knob.Step > 1:
		return fmt.Sprintf("%s +%d", name, k.Knob.Step)
	}
	return name
}

// gainsChart is what the gains chart shows of a marginal analysis: the KPIs
// whose gains can be shown relative to their base mean, and the knobs, the
// most valuable first, with how many were left out and why.
type gainsChart struct {
	l      look
	m      *experiment.Marginal
	kpis   []gainKPI
	noBase []compound.KPI // KPIs whose base mean is zero: no relative gain
	knobs  []experiment.KnobGain
	// worse: zero-cost knobs whose step improves no KPI either way;
	// dropped: knobs whose gains are all within chance, left out when
	// there are too many; cut: knobs past maxGainKnobs.
	worse, dropped, cut int
}

// gainKPI is a KPI of the chart: j in the analysis' KPIs and each knob's
// gains, and the factor from its unit to a percentage of its base mean.
type gainKPI struct {
	j     int
	scale float64
}

// chooseGains chooses what the gains chart shows: every KPI with a base
// mean that is a number other than zero; the knobs in the analysis' order
// but for the zero-cost knobs whose step either way improves none of them;
// beyond maxGainKnobs, only the knobs with a significant gain; and at most
// maxGainKnobs.
func chooseGains(m *experiment.Marginal) gainsChart {
	g := gainsChart{m: m}
	for j, k := range m.KPIs {
		b, ok := m.Base.KPI(k.Name)
		if !ok || !finite(b.Mean) || b.Mean == 0 {
			g.noBase = append(g.noBase, k)
			continue
		}
		g.kpis = append(g.kpis, gainKPI{j: j, scale: 100 / math.Abs(b.Mean)})
	}
	for _, k := range m.Knobs {
		if k.Knob.TwoWay && !g.improves(k) {
			g.worse++ // not a step anyone would take
			continue
		}
		g.knobs = append(g.knobs, k)
	}
	if len(g.knobs) > maxGainKnobs {
		var keep []experiment.KnobGain
		for _, k := range g.knobs {
			if g.significant(k) {
				keep = append(keep, k)
			}
		}
		g.dropped, g.knobs = len(g.knobs)-len(keep), keep
	}
	if len(g.knobs) > maxGainKnobs {
		g.cut, g.knobs = len(g.knobs)-maxGainKnobs, g.knobs[:maxGainKnobs]
	}
	return g
}

// gain is the gain of k on the chart's KPI c, if it has one.
func (g gainsChart) gain(k experiment.KnobGain, c gainKPI) (experiment.Gain, bool) {
	if c.j >= len(k.Gains) {
		return experiment.Gain{}, false
	}
	return k.Gains[c.j], true
}

// significant reports whether a knob's gain on a KPI shown leaves out zero.
func (g gainsChart) significant(k experiment.KnobGain) bool {
	for _, c := range g.kpis {
		if gn, ok := g.gain(k, c); ok && significantGain(gn) {
			return true
		}
	}
	return false
}

// improves reports whether the step improves a KPI shown significantly.
func (g gainsChart) improves(k experiment.KnobGain) bool {
	for _, c := range g.kpis {
		if gn, ok := g.gain(k, c); ok && gn.Improves() {
			return true
		}
	}
	return false
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
	return English().GainsPlot(m)
}

// GainsPlot is GainsPlot in w's language.
func (w *Words) GainsPlot(m *experiment.Marginal) (Plot, error) {
	l := w.figures
	if m == nil || m.Base == nil {
		return Plot{}, errors.New("gains plot: no marginal analysis")
	}
	fig := Plot{Name: "gains", Title: l.T("What one step of each knob buys")}
	if len(m.Knobs) == 0 || len(m.KPIs) == 0 {
		return l.notePlot(fig, l.T("No knob to step."), l.T("The analysis has no knob that can take one more step, or no KPI to measure it by.")), nil
	}
	g := chooseGains(m)
	g.l = l
	shown := make([]compound.KPI, len(g.kpis))
	for i, c := range g.kpis {
		shown[i] = m.KPIs[c.j]
	}
	switch {
	case len(g.kpis) == 0:
		return l.notePlot(fig, l.T("No relative gain to show: every KPI's base mean is zero."),
			l.Sprintf("Gains are shown relative to the base run, where the mean of %s is zero.", g.kpiWords(g.noBase, "join: list"))), nil
	case len(g.knobs) == 0:
		return l.notePlot(fig, l.T("No knob buys a significant gain."),
			l.Sprintf("None of the %d knobs' next step changes %s beyond chance (every 95%% interval holds zero).",
				len(m.Knobs), g.kpiWords(shown, "join: or"))), nil
	}
	if err := g.draw(&fig); err != nil {
		return Plot{}, err
	}
	fig.Caption = g.caption()
	return fig, nil
}

// draw draws the chart as fig's figure: a group of bars a row, one knob
// each, the first at the top and the first KPI at the top of its group.
func (g gainsChart) draw(fig *Plot) error {
	l := g.l
	p := l.newPlot(fig.Title, l.Sprintf("gain of one step (%% of the base mean; right is better)"), "")
	n, slot := len(g.knobs), gainGroup/float64(len(g.kpis))
	names := make([]string, n)
	for i, k := range g.knobs {
		names[n-1-i] = l.gainKnobLabel(k)
	}
	var labels []barLabel
	var pale plotter.XYs
	for c, kpi := range g.kpis {
		bars := g.kpiBars(kpi, gainGroup/2-slot*(float64(c)+0.5))
		if err := bars.add(p, seriesColor(kpi.j), slot*0.86); err != nil {
			return err
		}
		labels = append(labels, bars.labels...)
		pale = append(pale, bars.paleXYs...)
		fig.addLayer(g.m.KPIs[kpi.j].Name, bars.xys)
	}
	zero, _, err := rowLine(0, n, vg.Points(0.8))
	if err != nil {
		return err
	}
	p.Add(zero)
	if err := g.label(fig, p, labels); err != nil {
		return err
	}
	rowAxis(p, names)
	p.Add(g.key(len(pale) > 0))
	fig.P = p
	fig.addLayer("within chance", pale)
	return nil
}

// label writes the gains beside their bars, widening the x axis for
// them: every gain while they are few enough to read, and with many, the
// significant ones (a chart of many bars, as cordon bottlenecks draws,
// had none).
func (g gainsChart) label(fig *Plot, p *plot.Plot, labels []barLabel) error {
	l := g.l
	room := 0.03
	bars := len(g.knobs) * len(g.kpis)
	if bars > 16 {
		labels = slices.DeleteFunc(slices.Clone(labels), func(b barLabel) bool { return b.faint })
	}
	if len(labels) > 0 {
		size := legendSize
		if bars > 8 {
			size = 8
		}
		vl, err := l.newValueLabels(labels, size)
		if err != nil {
			return err
		}
		p.Add(vl)
		room = 0.12
		for _, b := range labels {
			fig.addText(b.text)
		}
	}
	span := math.Max(p.X.Max-p.X.Min, 1)
	p.X.Min -= room * span * b2f(p.X.Min < 0)
	p.X.Max += room * span * b2f(p.X.Max > 0)
	return nil
}

// key is the chart's key: the KPIs' colours, pale bars when there are any,
// and the interval.
func (g gainsChart) key(pale bool) *sideLegend {
	l := g.l
	key := l.newSideLegend()
	for _, c := range g.kpis {
		k := g.m.KPIs[c.j]
		key.Add(l.KPITitle(k.Name, k.Of, k.Label), swatch{seriesColor(c.j)})
	}
	if pale {
		key.Add(l.T("pale: within chance"), swatch{alpha(seriesColor(9), gainPale)})
	}
	key.Add(l.T("95% interval"), whiskerThumb{whiskerStyle()})
	return key
}

// caption says how to read the chart and what it leaves out, in the
// figures' language: the KPIs by their codes in English, by their labels
// in Chinese.
func (g gainsChart) caption() string {
	m, l := g.m, g.l
	var b strings.Builder
	b.WriteString(l.Sprintf("Each group of bars is one knob, the most valuable at the top (the analysis' ranking by the sum of its significant relative gains): "+
		"for each KPI, the mean gain of one more step of the knob (for a zero-cost knob, the better of a step either way, named with the value it moves to) "+
		"over %d paired replications (common random numbers), "+
		"as a percentage of the KPI's mean in the base run, with its 95%% interval; right of zero is better", m.Base.Replications))
	switch {
	case m.Screen > 0 && m.BoughtScreened:
		b.WriteString(l.Sprintf(" (%d for a step only screened)", m.Screen))
	case m.Screen > 0:
		b.WriteString(l.Sprintf(" (%d for a zero-cost step only screened)", m.Screen))
	}
	var neutral []string
	for _, c := range g.kpis {
		if k := m.KPIs[c.j]; k.Better == "" {
			neutral = append(neutral, g.kpiWord(k))
		}
	}
	if len(neutral) > 0 {
		b.WriteString(l.Sprintf(" (for %s, which is no better either way, right is an increase)", strings.Join(neutral, l.T("join: and"))))
	}
	b.WriteString(l.T(". Pale bars are gains within chance (their interval holds zero)"))
	if greyed := g.greyed(); greyed > 0 {
		b.WriteString(l.plural(greyed, "; 1 knob whose gains are all within chance is greyed out", "; %d knobs whose gains are all within chance are greyed out"))
	}
	b.WriteString(l.T("."))
	b.WriteString(g.leftOut())
	return b.String()
}

// leftOut says which knobs and KPIs the chart leaves out.
func (g gainsChart) leftOut() string {
	l := g.l
	var b strings.Builder
	if g.dropped > 0 {
		b.WriteString(l.Sprintf(" Of %d knobs, %d whose gains are all within chance are left out.", len(g.m.Knobs)-g.worse, g.dropped))
	}
	if g.cut > 0 {
		b.WriteString(l.Sprintf(" Only the %d most valuable knobs are shown; %d more are not.", maxGainKnobs, g.cut))
	}
	if g.worse > 0 {
		b.WriteString(l.plural(g.worse, " Also left out: 1 zero-cost knob whose step either way improves none of the KPIs (the tables list it).",
			" Also left out: %d zero-cost knobs whose step either way improves none of the KPIs (the tables list them)."))
	}
	if n := len(g.m.NotRun); n > 0 {
		b.WriteString(l.plural(n, " Not run: 1 step reckoned to improve none of the KPIs (the tables list it, with why).",
			" Not run: %d steps reckoned to improve none of the KPIs (the tables list them, with why)."))
	}
	if len(g.noBase) > 0 {
		b.WriteString(l.Sprintf(" Not shown, as its mean in the base run is zero and a gain has no relative size: %s.", g.kpiWords(g.noBase, "join: list")))
	}
	return b.String()
}

// kpiWord names a KPI in the caption: by its code in English, by its
// label in Chinese.
func (g gainsChart) kpiWord(k compound.KPI) string {
	if g.l.Chinese() {
		return g.l.KPILabel(k.Name, k.Of, k.Label)
	}
	return k.Name
}

// kpiWords names KPIs in the caption, joined by the catalogue's joiner
// join ("join: list", "join: or").
func (g gainsChart) kpiWords(kpis []compound.KPI, join string) string {
	words := make([]string, len(kpis))
	for i, k := range kpis {
		words[i] = g.kpiWord(k)
	}
	return strings.Join(words, g.l.T(join))
}

// gainBars are one KPI's bars of the gains chart, in percent of its base
// mean, each on its knob's row moved by offset (rows): solid where the gain
// is significant, pale where it is within chance.
type gainBars struct {
	offset         float64
	solid, pale    []float64 // by row, 0 for none
	solidIv, paleI spans
	xys, paleXYs   plotter.XYs
	labels         []barLabel
}

// kpiBars are the bars of the chart's KPI c.
func (g gainsChart) kpiBars(c gainKPI, offset float64) gainBars {
	n := len(g.knobs)
	b := gainBars{offset: offset, solid: make([]float64, n), pale: make([]float64, n)}
	for i, k := range g.knobs {
		gn, ok := g.gain(k, c)
		v, lo, hi := c.scale*gn.Mean, c.scale*gn.Low, c.scale*gn.High
		if !ok || !finite(v) {
			continue
		}
		row := n - 1 - i
		pt := plotter.XY{X: v, Y: float64(row) + offset}
		b.xys = append(b.xys, pt)
		values, iv := b.solid, &b.solidIv
		if !significantGain(gn) {
			values, iv = b.pale, &b.paleI
			b.paleXYs = append(b.paleXYs, pt)
		}
		values[row] = v
		end := v
		if finite(lo, hi) {
			*iv = append(*iv, span{X: v, Y: pt.Y, Lo: lo, Hi: hi})
			end = math.Max(v, hi)
			if v < 0 {
				end = math.Min(v, lo)
			}
		}
		b.labels = append(b.labels, barLabel{x: end, y: pt.Y, text: g.l.gainText(v, lo, hi), faint: !significantGain(gn)})
	}
	return b
}

// add draws the bars in col (pale ones in its pale shade) as thick as
// thick rows, with their intervals.
func (b gainBars) add(p *plot.Plot, col color.NRGBA, thick float64) error {
	for _, set := range []struct {
		values  []float64
		iv      spans
		fill    color.Color
		whisker color.Color
	}{
		{b.pale, b.paleI, alpha(col, gainPale), muted()},
		{b.solid, b.solidIv, col, ink()},
	} {
		rb, err := newRowBars(set.values, set.fill, thick)
		if err != nil {
			return err
		}
		rb.offset = b.offset
		p.Add(rb)
		if len(set.iv) == 0 {
			continue
		}
		st := whiskerStyle()
		st.Color = set.whisker
		wh, err := whiskers(set.iv, st)
		if err != nil {
			return err
		}
		p.Add(wh)
	}
	return nil
}

// gainText writes a gain in percent beside its bar: "+15%", "−1%",
// "+0.3%" for a gain under half a percent, and "no change" when the step
// changed nothing in any replication (not "+0%").
func (l look) gainText(v, lo, hi float64) string {
	if v == 0 && lo == 0 && hi == 0 {
		return l.T("no change")
	}
	prec := 0
	if math.Abs(v) < 0.5 {
		prec = 1
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', prec, 64) + "%"
	if v < 0 {
		return "−" + s
	}
	return "+" + s
}

// greyed is the number of knobs shown whose gains are all within chance.
func (g gainsChart) greyed() int {
	n := 0
	for _, k := range g.knobs {
		if !g.significant(k) {
			n++
		}
	}
	return n
}
