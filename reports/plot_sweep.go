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
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
	"cordon/experiment"
)

// axisScale places an axis's values on the x axis: at their numbers when
// every value is a number or every value a duration (in minutes), at 0, 1,
// ... with the values as labels otherwise.
type axisScale struct {
	x       []float64
	numeric bool
	minutes bool
}

// scaleAxis reads an axis's values.
func scaleAxis(values []string) axisScale {
	s := axisScale{x: make([]float64, len(values)), numeric: true}
	for i, v := range values {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			s.numeric = false
			break
		}
		s.x[i] = f
	}
	if !s.numeric {
		s.numeric, s.minutes = true, true
		for i, v := range values {
			d, err := compound.ParseDuration(v)
			if err != nil {
				s.numeric, s.minutes = false, false
				break
			}
			s.x[i] = float64(d) / 60
		}
	}
	if !s.numeric {
		for i := range s.x {
			s.x[i] = float64(i)
		}
	}
	return s
}

// spaced reports whether the values are few and far enough apart to mark
// each of them on the axis.
func (s axisScale) spaced() bool {
	if len(s.x) > 12 || len(s.x) < 2 {
		return false
	}
	x := slices.Clone(s.x)
	slices.Sort(x)
	span := x[len(x)-1] - x[0]
	for i := 1; i < len(x); i++ {
		if x[i]-x[i-1] < span/15 {
			return false
		}
	}
	return span > 0
}

// ticks marks each value.
func (s axisScale) ticks() plot.ConstantTicks {
	out := make(plot.ConstantTicks, len(s.x))
	for i, v := range s.x {
		out[i] = plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 6, 64)}
	}
	return out
}

// kpiScale is how a KPI is shown on a y axis: durations in minutes, shares
// in percent, the rest in their unit.
func kpiScale(unit string) (factor float64, label string) {
	switch unit {
	case "s":
		return 1.0 / 60, "min"
	case "share":
		return 100, "%"
	}
	return 1, unit
}

// SweepPlots are one figure per chosen KPI: the KPI's mean against the
// first axis's values with the 95% CI as a band, one line per value of the
// second axis if there is one (the legend names it "path=value"; with more
// axes, one line per combination of the others); the x axis is numeric
// when every value parses as a number or a duration (durations shown in
// minutes), categorical otherwise.
func SweepPlots(s *experiment.Sweep, kpis []string) ([]Plot, error) {
	return English().SweepPlots(s, kpis)
}

// SweepPlots is SweepPlots in w's language.
func (w *Words) SweepPlots(s *experiment.Sweep, kpis []string) ([]Plot, error) {
	l := w.figures
	if s == nil || len(s.Axes) == 0 || len(s.Points) == 0 {
		return nil, errors.New("sweep plots: an empty sweep")
	}
	out := make([]Plot, 0, len(kpis))
	for _, name := range kpis {
		p, err := sweepPlot(l, s, name)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// sweepLine is the points of a sweep that share the values of every axis
// but the first.
type sweepLine struct {
	label string      // "transfer.carts=2": the layer's name
	parts [][2]string // the other axes' paths and values

	points []experiment.SweepPoint
	at     []int // index of each point's value on the first axis
}

// sweepLines groups the points of a sweep by the values of the axes after
// the first, in the order they first appear.
func sweepLines(s *experiment.Sweep) []*sweepLine {
	first := s.Axes[0]
	var lines []*sweepLine
	byKey := map[string]*sweepLine{}
	for _, pt := range s.Points {
		var parts []string
		var pairs [][2]string
		for i, a := range s.Axes[1:] {
			if i+1 < len(pt.Values) {
				parts = append(parts, a.Path+"="+pt.Values[i+1])
				pairs = append(pairs, [2]string{a.Path, pt.Values[i+1]})
			}
		}
		key := strings.Join(parts, ", ")
		l, ok := byKey[key]
		if !ok {
			l = &sweepLine{label: key, parts: pairs}
			byKey[key] = l
			lines = append(lines, l)
		}
		at := -1
		for i, v := range first.Values {
			if len(pt.Values) > 0 && v == pt.Values[0] {
				at = i
				break
			}
		}
		if at >= 0 {
			l.points = append(l.points, pt)
			l.at = append(l.at, at)
		}
	}
	return lines
}

// sweepSeries is one line of a sweep's figure, in the axes' units, in the
// order of x: the KPI's mean at each point with its interval (the mean
// itself where it has none).
type sweepSeries struct {
	label           string
	key             string // the label in words, for the legend
	x, mean, lo, hi []float64
}

// seriesOfLine reads the line's points of the KPI called name: x from the
// first axis' scale, the KPI in the axis' unit (factor), points with no
// mean left out.
func seriesOfLine(l *sweepLine, name string, ax axisScale, factor float64) sweepSeries {
	sr := sweepSeries{label: l.label, key: l.label}
	if sr.label == "" {
		sr.label = "mean, 95% interval"
	}
	for j, pt := range l.points {
		k, ok := pt.Outcome.KPI(name)
		if !ok || !finite(k.Mean) {
			continue
		}
		low, high := k.Low, k.High
		if math.IsNaN(low) || math.IsNaN(high) {
			low, high = k.Mean, k.Mean
		}
		sr.x = append(sr.x, ax.x[l.at[j]])
		sr.mean, sr.lo, sr.hi = append(sr.mean, factor*k.Mean), append(sr.lo, factor*low), append(sr.hi, factor*high)
	}
	sortByX(sr.x, sr.mean, sr.lo, sr.hi)
	return sr
}

// sweepKPI finds the KPI called name in a sweep.
func sweepKPI(s *experiment.Sweep, name string) (compound.KPI, error) {
	for _, pt := range s.Points {
		if k, ok := pt.Outcome.KPI(name); ok {
			return k.KPI, nil
		}
	}
	return compound.KPI{}, fmt.Errorf("sweep plots: no KPI %q in the sweep", name)
}

// sweepPlot is the figure of one KPI over a sweep.
func sweepPlot(l look, s *experiment.Sweep, name string) (Plot, error) {
	kpi, err := sweepKPI(s, name)
	if err != nil {
		return Plot{}, err
	}
	first := s.Axes[0]
	ax := scaleAxis(first.Values)
	factor, unit := kpiScale(kpi.Unit)
	if kpi.Unit == "s" {
		unit = "" // the ticks say "1 h 30 min"
	}
	xLabel := l.PathLabel(first.Path)
	if ax.minutes {
		xLabel = l.Sprintf("%s (minutes)", xLabel)
	}
	fig := Plot{Name: "sweep-" + name, Title: l.Sprintf("%s against %s", l.KPITitle(kpi.Name, kpi.Of, kpi.Label), l.PathLabel(first.Path))}
	p := l.newPlot(fig.Title, xLabel, plannerAxisLabel(l.KPILabel(kpi.Name, kpi.Of, kpi.Label), l.unitWord(unit)))
	if kpi.Unit == "s" {
		p.Y.Tick.Marker = durationTicks{l, 1 / factor}
	}
	switch {
	case !ax.numeric:
		ticks := make([]string, len(first.Values))
		for i, v := range first.Values {
			ticks[i] = l.knobValue(v)
		}
		p.X.Tick.Marker = nominalTicks(ticks)
		p.X.Min, p.X.Max = -0.3, float64(len(first.Values))-0.7
	case ax.spaced():
		p.X.Tick.Marker = ax.ticks()
	}
	lines := sweepLines(s)
	key := l.newSideLegend()
	shade := 0.2
	if len(lines) > 1 {
		shade = 0.12 // overlapping bands stay readable
	}
	// One line: its interval is a band. Several: overlapping bands would
	// blend into one muddy fill, so each point's interval is a whisker,
	// the lines' whiskers set a little apart.
	dodge := 0.0
	if len(lines) > 1 {
		width := p.X.Max - p.X.Min
		if ax.numeric {
			width = ax.x[len(ax.x)-1] - ax.x[0]
		}
		dodge = math.Max(width, 1) * 0.012
	}
	for i, ln := range lines {
		sr := seriesOfLine(ln, name, ax, factor)
		if len(sr.x) == 0 {
			continue
		}
		if len(ln.parts) > 0 {
			var words []string
			for _, pv := range ln.parts {
				words = append(words, l.PathLabel(pv[0])+" = "+l.knobValue(pv[1]))
			}
			sr.key = strings.Join(words, "; ")
		} else {
			sr.key = l.T(sr.label)
		}
		off := dodge * (float64(i) - float64(len(lines)-1)/2)
		if err := drawSweepSeries(&fig, p, key, sr, seriesColor(i), shade, len(lines) > 1, off); err != nil {
			return Plot{}, err
		}
	}
	p.Add(key)
	p.Y.Max += 0.04 * (p.Y.Max - p.Y.Min) // room above the whiskers' caps
	if p.Y.Min > 0 && p.Y.Min < 0.5*p.Y.Max {
		p.Y.Min = 0 // start at zero when the values are not far from it
	}
	fig.P = p
	if len(lines) > 1 {
		fig.Caption = l.Sprintf("%s (%s): %s. The mean over %d replications at each point of the sweep (common random numbers), "+
			"with its 95%% confidence interval as a whisker. One line per value of %s; the x axis is %s.",
			l.KPITitle(kpi.Name, kpi.Of, kpi.Label), name, l.KPIDesc(kpi.Name, kpi.Of, kpi.Desc), s.Points[0].Outcome.Replications,
			strings.Join(axisPaths(s.Axes[1:]), ", "), first.Path)
	} else {
		fig.Caption = l.Sprintf("%s (%s): %s. The mean over %d replications at each point of the sweep (common random numbers), "+
			"with its 95%% confidence interval as the shaded band; the x axis is %s.",
			l.KPITitle(kpi.Name, kpi.Of, kpi.Label), name, l.KPIDesc(kpi.Name, kpi.Of, kpi.Desc), s.Points[0].Outcome.Replications, first.Path)
	}
	return fig, nil
}

// drawSweepSeries draws one line of a sweep: the mean through dots, the
// interval as a band (as a bar for a single point, whose band would not
// show), named in the key.
// With whiskers the interval is drawn as error bars at each point, moved
// off along x (in data units) to keep several lines' apart.
func drawSweepSeries(fig *Plot, p *plot.Plot, key *sideLegend, sr sweepSeries, col color.NRGBA, shade float64, whiskers bool, off float64) error {
	xys := xyOf(sr.x, sr.mean)
	ml, err := line(xys, col, vg.Points(1.6))
	if err != nil {
		return err
	}
	dots, err := scatter(xys, dot(col, vg.Points(2.6)))
	if err != nil {
		return err
	}
	area, ring, err := band(sr.x, sr.lo, sr.hi, alpha(col, shade))
	if err != nil {
		return err
	}
	if !whiskers {
		p.Add(area)
	}
	p.Add(ml, dots)
	if whiskers || len(sr.x) == 1 {
		var ivs spans
		for i := range sr.x {
			ivs = append(ivs, span{X: sr.x[i] + off, Y: sr.mean[i], Lo: sr.lo[i], Hi: sr.hi[i]})
		}
		eb, err := plotter.NewYErrorBars(ivs)
		if err != nil {
			return err
		}
		eb.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1)}
		eb.CapWidth = vg.Points(5)
		p.Add(eb)
		key.Add(sr.key, ml, dots)
	} else {
		key.Add(sr.key, area, ml, dots)
	}
	fig.addLayer(sr.label, xys)
	fig.addLayer(sr.label+" band", ring)
	return nil
}

// axisPaths returns the axes' paths.
func axisPaths(axes []experiment.Axis) []string {
	out := make([]string, len(axes))
	for i, a := range axes {
		out[i] = a.Path
	}
	return out
}

// sortByX sorts the points of a line by x, keeping the columns together.
func sortByX(x []float64, cols ...[]float64) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
			for _, c := range cols {
				c[j], c[j-1] = c[j-1], c[j]
			}
		}
	}
}
