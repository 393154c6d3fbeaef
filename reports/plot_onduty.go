package reports

import (
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
)

// onDutyPlot is the staff on duty hour by hour of the run: one line for
// each pool (every zone's group of a zone pool together) and one for the
// testing sites' medical staff, each hour's level the mean over the
// replications of the mean number on duty in the hour, drawn across the
// hour (the results document's on_duty). Its data, one point per hour at
// the hour's start, are the figure's layers, named after the pools.
func onDutyPlot(l look, o *experiment.Outcome) (Plot, error) {
	fig := Plot{Name: "on-duty", Title: l.T("Staff on duty by hour")}
	d := newOnDuty(o)
	if d == nil || len(d.Staff) == 0 {
		return l.notePlot(fig, l.T("Nobody on duty to show."), l.T("The run recorded no staff on duty.")), nil
	}
	zones := map[string]int{}
	for _, p := range o.Scenario.Staff {
		if p.PerZone {
			zones[p.Name] = len(o.Scenario.Zones)
		}
	}
	hours := len(d.Staff[0].PerHour)
	x := clockHours(o.Scenario, d.Step, hours+1)
	p := l.newPlot(fig.Title, l.T("time of day"), l.T("staff on duty"))
	clockAxis(p, x[0], x[hours])
	p.Y.Min, p.Y.Max = 0, 1
	key := l.newSideLegend()
	var b strings.Builder
	b.WriteString(l.Sprintf("How many of each pool's staff are on duty in each hour of the run, and the testing sites' medical staff during the round: the mean number on duty over the hour, mean over %d replications, drawn across the hour; staff resting in a change-over or finishing past the end of their shift are not counted. The legend gives each line's mean over the whole run.",
		o.Replications))
	for i, s := range d.Staff {
		var points, drawn plotter.XYs
		sum, n := 0.0, 0
		for h, v := range s.PerHour {
			if math.IsNaN(float64(v)) {
				continue
			}
			points = append(points, plotter.XY{X: x[h], Y: float64(v)})
			sum += float64(v)
			n++
		}
		if n == 0 {
			continue
		}
		// The last hour's level runs on to its end.
		drawn = append(append(drawn, points...), plotter.XY{X: x[hours], Y: points[n-1].Y})
		ln, err := line(drawn, seriesColor(i), vg.Points(1.3))
		if err != nil {
			return Plot{}, err
		}
		ln.StepStyle = plotter.PostStep
		p.Add(ln)
		p.Y.Max = max(p.Y.Max, maxY(points)*1.05)
		name := l.Post(s.Pool)
		if s.Pool == compound.MedicalStaff {
			name = l.T("medical staff")
		}
		key.Add(l.Sprintf("%s (mean %s)", name, FormatValue("", sum/float64(n))), ln)
		fig.addLayer(s.Pool, points)
		if g := zones[s.Pool]; g > 1 {
			b.WriteString(l.Sprintf(" The %s line sums its %d zone groups.", name, g))
		}
	}
	p.Add(key)
	fig.P = p
	fig.Caption = b.String()
	return fig, nil
}

// maxY returns the largest y of xys.
func maxY(xys plotter.XYs) float64 {
	m := math.Inf(-1)
	for _, pt := range xys {
		m = max(m, pt.Y)
	}
	return m
}
