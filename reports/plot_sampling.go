package reports

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"

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

// samplingPlot is the residents sampled so far at each site over the
// round, mean over replications.
func samplingPlot(o *experiment.Outcome) (Plot, error) {
	sampled, err := siteSeries(o, "sampled")
	if err != nil {
		return Plot{}, fmt.Errorf("sampling plot: %w", err)
	}
	waiting, err := siteSeries(o, "waiting")
	if err != nil {
		return Plot{}, fmt.Errorf("sampling plot: %w", err)
	}
	from, to := roundWindow(sampled, waiting)
	const title = "Residents sampled at each testing site"
	fig := Plot{Name: "sampling", Title: title}
	p := newPlot(title, "time of day", "residents sampled (cumulative)")
	x := clockHours(o.Scenario, sampled[0].Step, sampled[0].len())[from : to+1]
	p.X.Min, p.X.Max = x[0], x[len(x)-1]
	p.X.Tick.Marker = newClockTicks(math.Floor(x[0]), x[len(x)-1]-x[0])
	p.Y.Min, p.Y.Max = 0, 1
	key := newSideLegend()
	total := 0.0
	for k, site := range o.Scenario.Sampling.Sites {
		m := sampled[k].mean()[from : to+1]
		xys := xyOf(x, m)
		l, err := line(xys, seriesColor(k), vg.Points(1.6))
		if err != nil {
			return Plot{}, err
		}
		p.Add(l)
		p.Y.Max = max(p.Y.Max, maxOf(m)*1.05)
		key.Add(fmt.Sprintf("%s (%s)", site.Name, FormatValue("", m[len(m)-1])), l)
		fig.addLayer(site.Name, xys)
		total += m[len(m)-1]
	}
	p.Add(key)
	fig.P = p
	fig.Caption = fmt.Sprintf("Residents sampled so far at each testing site during the round, mean over %d replications (%s in all, the figure in the legend is each site's). "+
		"A steeper line is a faster site; a line turns flat when its site has sampled everyone called to it.", len(o.Runs), FormatValue("", total))
	return fig, nil
}

// siteQueuesPlot is the residents waiting at each site over the round:
// mean and 90% band across replications.
func siteQueuesPlot(o *experiment.Outcome) (Plot, error) {
	sampled, err := siteSeries(o, "sampled")
	if err != nil {
		return Plot{}, fmt.Errorf("site queues plot: %w", err)
	}
	waiting, err := siteSeries(o, "waiting")
	if err != nil {
		return Plot{}, fmt.Errorf("site queues plot: %w", err)
	}
	from, to := roundWindow(sampled, waiting)
	const title = "Residents waiting at each testing site"
	fig := Plot{Name: "site-queues", Title: title}
	p := newPlot(title, "time of day", "residents waiting")
	x := clockHours(o.Scenario, waiting[0].Step, waiting[0].len())[from : to+1]
	p.X.Min, p.X.Max = x[0], x[len(x)-1]
	p.X.Tick.Marker = newClockTicks(math.Floor(x[0]), x[len(x)-1]-x[0])
	p.Y.Min, p.Y.Max = 0, 1
	key := newSideLegend()
	for k, site := range o.Scenario.Sampling.Sites {
		rs := waiting[k]
		m := rs.mean()[from : to+1]
		lo, hi := rs.percentile(0.05)[from:to+1], rs.percentile(0.95)[from:to+1]
		col := seriesColor(k)
		area, ring, err := band(x, lo, hi, alpha(col, 0.18))
		if err != nil {
			return Plot{}, err
		}
		xys := xyOf(x, m)
		l, err := line(xys, col, vg.Points(1.5))
		if err != nil {
			return Plot{}, err
		}
		p.Add(area, l)
		p.Y.Max = max(p.Y.Max, maxOf(hi, m)*1.05)
		key.Add(site.Name, area, l)
		fig.addLayer(site.Name, xys)
		fig.addLayer(site.Name+" band", ring)
	}
	p.Add(key)
	fig.P = p
	fig.Caption = fmt.Sprintf("Residents queueing at each testing site (for registration or a swab) during the round: "+
		"the line is the mean over %d replications, the shaded band holds 90%% of the replications at each time (5th to 95th percentile).", len(o.Runs))
	return fig, nil
}
