package reports

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
)

// siteSeries returns the series "<what> at S" of every testing site, in
// the scenario's order.
func siteSeries(o *experiment.Outcome, what string) ([]repSeries, error) {
	var out []repSeries
	for _, s := range o.Scenario.Sampling.Sites {
		rs, err := seriesOf(o, what+" at "+s.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, rs)
	}
	return out, nil
}

// roundWindow returns the grid points the sampling round spans, from the
// first resident sampled or waiting to the last change, widened by half an
// hour each side: the part of the day the sampling plots show.
func roundWindow(sampled, waiting []repSeries) (from, to int) {
	first, last := -1, -1
	see := func(i int) {
		if first < 0 || i < first {
			first = i
		}
		last = max(last, i)
	}
	for k := range sampled {
		m, w := sampled[k].mean(), waiting[k].mean()
		for i := range m {
			if w[i] > 0 || (i > 0 && m[i] != m[i-1]) || (i == 0 && m[i] > 0) {
				see(i)
			}
		}
	}
	n := sampled[0].len()
	if first < 0 {
		return 0, n - 1
	}
	pad := int(math.Ceil(1800 / sampled[0].Step))
	return max(first-pad, 0), min(last+pad, n-1)
}

// samplingRound is a run's sampling round, site by site: the residents
// sampled so far and those waiting, the grid points the round spans (from
// to to) and their clock hours.
type samplingRound struct {
	l                look
	step             float64 // seconds between points
	sampled, waiting []repSeries
	from, to         int
	x                []float64
}

// roundOf reads the sampling round of a run; what names the figure in an
// error.
func roundOf(l look, o *experiment.Outcome, what string) (samplingRound, error) {
	r := samplingRound{l: l}
	var err error
	if r.sampled, err = siteSeries(o, "sampled"); err != nil {
		return r, fmt.Errorf("%s: %w", what, err)
	}
	if r.waiting, err = siteSeries(o, "waiting"); err != nil {
		return r, fmt.Errorf("%s: %w", what, err)
	}
	r.from, r.to = roundWindow(r.sampled, r.waiting)
	r.x = clockHours(o.Scenario, r.sampled[0].Step, r.sampled[0].len())[r.from : r.to+1]
	r.step = r.sampled[0].Step
	return r, nil
}

// newRoundPlot is a figure of the round, its x axis the round's hours.
func (r samplingRound) newRoundPlot(title, yLabel string) *plot.Plot {
	l := r.l
	p := l.newPlot(title, l.T("time of day"), yLabel)
	clockAxis(p, r.x[0], r.x[len(r.x)-1])
	p.Y.Min, p.Y.Max = 0, 1
	return p
}

// samplingPlot is the residents sampled so far at each site over the
// round, mean over replications.
func samplingPlot(l look, o *experiment.Outcome) (Plot, error) {
	r, err := roundOf(l, o, "sampling plot")
	if err != nil {
		return Plot{}, err
	}
	fig := Plot{Name: "sampling", Title: l.T("Residents sampled at each testing site")}
	p := r.newRoundPlot(fig.Title, l.T("residents sampled (cumulative)"))
	key := l.newSideLegend()
	total := 0.0
	for k, site := range o.Scenario.Sampling.Sites {
		m := r.sampled[k].mean()[r.from : r.to+1]
		xys := xyOf(r.x, m)
		ln, err := line(xys, seriesColor(k), vg.Points(1.6))
		if err != nil {
			return Plot{}, err
		}
		p.Add(ln)
		p.Y.Max = max(p.Y.Max, maxOf(m)*1.05)
		key.Add(l.Aside(l.Post(site.Name), FormatValue("", m[len(m)-1])), ln)
		fig.addLayer(site.Name, xys)
		total += m[len(m)-1]
	}
	p.Add(key)
	fig.P = p
	fig.Caption = l.Sprintf("Residents sampled so far at each testing site during the round, mean over %d replications (%s in all, the figure in the legend is each site's). "+
		"A steeper line is a faster site; a line turns flat when its site has sampled everyone called to it.", o.Replications, FormatValue("", total))
	return fig, nil
}

// siteQueuesPlot is the residents waiting at each site over the round:
// mean and 90% band across replications.
func siteQueuesPlot(l look, o *experiment.Outcome) (Plot, error) {
	r, err := roundOf(l, o, "site queues plot")
	if err != nil {
		return Plot{}, err
	}
	fig := Plot{Name: "site-queues", Title: l.T("Residents waiting at each testing site")}
	p := r.newRoundPlot(fig.Title, l.T("residents waiting"))
	key := l.newSideLegend()
	var bandKey *plotter.Polygon
	for k, site := range o.Scenario.Sampling.Sites {
		rs := r.waiting[k]
		m := rs.mean()[r.from : r.to+1]
		lo, hi := rs.percentile(0.05)[r.from:r.to+1], rs.percentile(0.95)[r.from:r.to+1]
		col := seriesColor(k)
		area, ring, err := band(r.x, lo, hi, alpha(col, 0.18))
		if err != nil {
			return Plot{}, err
		}
		xys := xyOf(r.x, m)
		ln, err := line(xys, col, vg.Points(1.5))
		if err != nil {
			return Plot{}, err
		}
		p.Add(area, ln)
		p.Y.Max = max(p.Y.Max, maxOf(hi, m)*1.05)
		key.Add(l.Post(site.Name), ln)
		fig.addLayer(site.Name, xys)
		fig.addLayer(site.Name+" band", ring)
		if bandKey == nil {
			bandKey = area
		}
	}
	if bandKey != nil {
		grey := *bandKey
		grey.Color = alpha(color.NRGBA{0x80, 0x80, 0x80, 0xff}, 0.3)
		key.Add(l.T("shaded: 5th–95th percentile"), &grey)
	}
	target, hasTarget := queueTarget(o.Scenario)
	if hasTarget {
		txys := plotter.XYs{{X: r.x[0], Y: target.Value}, {X: r.x[len(r.x)-1], Y: target.Value}}
		tl, err := line(txys, ink(), vg.Points(1.1))
		if err != nil {
			return Plot{}, err
		}
		tl.Dashes = dashes()
		p.Add(tl)
		p.Y.Max = max(p.Y.Max, target.Value*1.05)
		key.Add(l.Sprintf("target: at most %s", FormatValue("", target.Value)), tl)
		fig.addLayer("target", txys)
	}
	peak, hasPeak := o.KPI("sampling.queue.peak")
	if hasPeak {
		key.Add(l.Sprintf("longest queue (KPI): %s on average", FormatValue(peak.Unit, peak.Mean)))
	}
	p.Add(key)
	fig.P = p
	var b strings.Builder
	b.WriteString(l.Sprintf("Residents queueing at each testing site (for registration or a swab) during the round: "+
		"the line is the mean over %d replications at points %s apart, the shaded band holds 90%% of the replications at each time (5th to 95th percentile).",
		o.Replications, l.Duration(r.step)))
	if hasTarget {
		b.WriteString(l.Sprintf(" The dashed line is the target %s.", target.Text))
	}
	if hasPeak {
		b.WriteString(l.Sprintf(" The KPI sampling.queue.peak, %s on average, is higher than the lines' peaks: it is each replication's longest queue at any instant, at its own time, "+
			"while the lines average the replications at each point, so peaks that come at different times in different replications are smoothed, and a queue's top between two points is not drawn.",
			FormatValue(peak.Unit, peak.Mean)))
	}
	fig.Caption = b.String()
	return fig, nil
}

// queueTarget is the scenario's target on the longest queue at the
// testing sites (sampling.queue.peak at most some number), if it has one.
func queueTarget(sc *compound.Scenario) (compound.Target, bool) {
	for _, t := range sc.ParsedTargets() {
		if t.KPI == "sampling.queue.peak" && (t.Op == "<=" || t.Op == "<") {
			return t, true
		}
	}
	return compound.Target{}, false
}
