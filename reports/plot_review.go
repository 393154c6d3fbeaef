package reports

import (
	"errors"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/experiment"
)

// ReviewPlots builds the figures of a review, in report order: the items
// delivered per hour, the mean time to the door by the hour items arrived,
// the backlog at each hour's end and the residents sampled per hour (only
// when the scenario has a sampling round), each the replay's mean with its
// 95% prediction band and the observed figures on the same axes; then where
// each kind's time went, stage by stage.
func ReviewPlots(r *experiment.Review) ([]Plot, error) {
	return English().ReviewPlots(r)
}

// ReviewPlots is ReviewPlots in w's language.
func (w *Words) ReviewPlots(r *experiment.Review) ([]Plot, error) {
	l := w.figures
	if r == nil || r.Replay == nil || r.Replay.Scenario == nil {
		return nil, errors.New("review plots: no replay")
	}
	measures := []reviewMeasure{deliveredMeasure(), doorTimeMeasure(), backlogMeasure()}
	if hasSampling(r) {
		measures = append(measures, sampledMeasure())
	}
	var out []Plot
	for _, m := range measures {
		p, err := besidePlot(l, r, m)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	stages, err := stagesPlot(l, r)
	if err != nil {
		return nil, err
	}
	return append(out, stages), nil
}

// reviewMeasure is one hourly figure of a review as a plot shows it.
type reviewMeasure struct {
	name, title    string
	xLabel, yLabel string
	what           string  // what the figure is, for the caption
	scale          float64 // the figure is divided by it (60: seconds to minutes)
	atEnd          bool    // a level at the hour's end, not a figure over the hour
	window         bool    // show only the hours with something in them, and one each side
	get            func(experiment.ReviewHour) experiment.Beside
}

// deliveredMeasure is the items handed over at the door in each hour.
func deliveredMeasure() reviewMeasure {
	return reviewMeasure{name: "review-delivered", title: "Items delivered per hour",
		xLabel: "time of day", yLabel: "items delivered in the hour", what: "items handed over at the door in each hour", scale: 1,
		get: func(h experiment.ReviewHour) experiment.Beside { return h.Delivered }}
}

// doorTimeMeasure is the mean time to the door of the items that arrived
// in each hour, in minutes.
func doorTimeMeasure() reviewMeasure {
	return reviewMeasure{name: "review-door-time", title: "Mean time to the door by the hour items arrived",
		xLabel: "hour the items arrived (time of day)", yLabel: "mean time to the door (minutes)",
		what: "mean time from the gate to the door of the items that arrived in each hour (all kinds)", scale: 60,
		get: func(h experiment.ReviewHour) experiment.Beside { return h.DoorTime }}
}

// backlogMeasure is the items still on their way at each hour's end:
// arrived, neither delivered nor turned away (items.backlog).
func backlogMeasure() reviewMeasure {
	return reviewMeasure{name: "review-backlog", title: "Backlog at each hour's end (on their way: not delivered, not turned away)",
		xLabel: "time of day", yLabel: "items still on their way", what: "items that had arrived and were neither delivered nor turned away at the end of each hour (items.backlog at the run's end)",
		scale: 1, atEnd: true,
		get: func(h experiment.ReviewHour) experiment.Beside { return h.Backlog }}
}

// sampledMeasure is the residents sampled in each hour, over the round.
func sampledMeasure() reviewMeasure {
	return reviewMeasure{name: "review-sampled", title: "Residents sampled per hour",
		xLabel: "time of day", yLabel: "residents sampled in the hour", what: "residents sampled in each hour of the round", scale: 1,
		window: true, get: func(h experiment.ReviewHour) experiment.Beside { return h.Sampled }}
}

// hourSpan is one hour of a plot: where it starts and ends on the clock
// axis (hours), and where its figure is drawn.
type hourSpan struct {
	from, to, at float64
	b            experiment.Beside
}

// reviewSpans places the hours of a review on the clock axis: a figure over
// the hour at its middle, a level at its end. With window it keeps only the
// hours with something in them, and one hour each side.
func reviewSpans(r *experiment.Review, m reviewMeasure) []hourSpan {
	start := float64(r.Replay.Scenario.Horizon.Start) / 3600
	var spans []hourSpan
	first, last := -1, -1
	for i, h := range r.Hours {
		from := start + h.Start/3600
		s := hourSpan{from: from, to: from + 1, at: from + 0.5, b: m.get(h)}
		if m.atEnd {
			s.at = s.to
		}
		spans = append(spans, s)
		if somethingIn(s.b) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if m.window && first >= 0 {
		spans = spans[max(first-1, 0):min(last+2, len(spans))]
	}
	return spans
}

// besideSeries is what an hourly figure of a review shows, in the
// figure's unit: the replay's mean in runs of hours that have one, with its
// prediction band, and the observed figures, inside and outside the band.
type besideSeries struct {
	runs              []besideRun
	observed, outside plotter.XYs
}

// besideRun is the replay's mean and band over consecutive hours: steps
// over each hour (two points an hour), or a level at each hour's end.
type besideRun struct{ x, mean, lo, hi []float64 }

// besideOf reads the hours of a figure.
func besideOf(spans []hourSpan, m reviewMeasure) besideSeries {
	var bs besideSeries
	for _, run := range finiteRuns(spans) {
		var r besideRun
		for _, s := range run {
			mv, lv, hv := s.b.Simulated.Mean/m.scale, s.b.PredLow/m.scale, s.b.PredHigh/m.scale
			if m.atEnd {
				r.x, r.mean, r.lo, r.hi = append(r.x, s.at), append(r.mean, mv), append(r.lo, lv), append(r.hi, hv)
				continue
			}
			r.x = append(r.x, s.from, s.to)
			r.mean, r.lo, r.hi = append(r.mean, mv, mv), append(r.lo, lv, lv), append(r.hi, hv, hv)
		}
		bs.runs = append(bs.runs, r)
	}
	for _, s := range spans {
		if !finite(s.b.Observed) {
			continue
		}
		pt := plotter.XY{X: s.at, Y: s.b.Observed / m.scale}
		if outside(s.b) {
			bs.outside = append(bs.outside, pt)
		} else {
			bs.observed = append(bs.observed, pt)
		}
	}
	return bs
}

// besidePlot draws an hourly figure of a review: the replay's mean (steps
// over each hour, or a line through the hours' ends for a level) with its
// 95% prediction band, and the observed figures as dots, those outside the
// band as red diamonds.
func besidePlot(l look, r *experiment.Review, m reviewMeasure) (Plot, error) {
	title := l.Sprintf("%s, in the replay", l.T(m.title))
	if r.Observed != nil {
		title = l.Sprintf("%s, observed and replayed", l.T(m.title))
	}
	fig := Plot{Name: m.name, Title: title}
	spans := reviewSpans(r, m)
	if len(spans) == 0 {
		return l.notePlot(fig, l.T("No hour to show."), l.T("The replay has no hours.")), nil
	}
	p := l.newPlot(title, l.T(m.xLabel), l.T(m.yLabel))
	clockAxis(p, spans[0].from, spans[len(spans)-1].to)
	bs := besideOf(spans, m)
	if err := drawReplay(&fig, p, bs.runs); err != nil {
		return Plot{}, err
	}
	key := l.newSideLegend()
	meanKey, err := line(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}}, seriesColor(0), vg.Points(1.6))
	if err != nil {
		return Plot{}, err
	}
	key.Add(l.Sprintf("replay: mean of %d replications", r.Replay.Replications), meanKey)
	key.Add(l.T("95% prediction interval for one day"), swatch{alpha(seriesColor(0), 0.22)})
	if err := drawObserved(l, p, key, bs, r.Observed != nil); err != nil {
		return Plot{}, err
	}
	mean, _ := fig.layer("replay")
	ring, _ := fig.layer("band")
	p.Y.Min, p.Y.Max = 0, 1
	for _, pt := range slices.Concat(mean, ring, bs.observed, bs.outside) {
		p.Y.Max = max(p.Y.Max, pt.Y*1.05)
	}
	p.Add(key)
	fig.P = p
	fig.addLayer("observed", bs.observed)
	fig.addLayer("outside", bs.outside)
	fig.Caption = besideCaption(l, r, m, len(bs.outside))
	return fig, nil
}

// drawReplay draws the replay's runs of hours: the band where it is a
// number, then the mean; fig records them as its layers "replay" and
// "band".
func drawReplay(fig *Plot, p *plot.Plot, runs []besideRun) error {
	blue := seriesColor(0)
	var meanAll, ringAll plotter.XYs
	for _, r := range runs {
		for _, span := range finiteSpans(r.lo, r.hi) {
			i, j := span[0], span[1]
			area, ring, err := band(r.x[i:j], r.lo[i:j], r.hi[i:j], alpha(blue, 0.22))
			if err != nil {
				return err
			}
			p.Add(area)
			ringAll = append(ringAll, ring...)
		}
		xys := xyOf(r.x, r.mean)
		l, err := line(xys, blue, vg.Points(1.6))
		if err != nil {
			return err
		}
		p.Add(l)
		meanAll = append(meanAll, xys...)
	}
	fig.addLayer("replay", meanAll)
	fig.addLayer("band", ringAll)
	return nil
}

// drawObserved draws the observed figures, orange dots inside the band and
// red diamonds outside, naming them in the key (the dots whenever anything
// was observed, the diamonds when there are any).
func drawObserved(l look, p *plot.Plot, key *sideLegend, bs besideSeries, observed bool) error {
	for _, d := range []struct {
		xys   plotter.XYs
		label string
		style draw.GlyphStyle
	}{
		{bs.observed, "observed", dot(seriesColor(1), vg.Points(3))},
		{bs.outside, "observed, outside the interval", draw.GlyphStyle{Color: seriesColor(3), Radius: vg.Points(4.5), Shape: diamond{}}},
	} {
		if len(d.xys) == 0 && (!observed || d.label != "observed") {
			continue
		}
		sc, err := scatter(d.xys, d.style)
		if err != nil {
			return err
		}
		if len(d.xys) > 0 {
			p.Add(sc)
		}
		key.Add(l.T(d.label), sc)
	}
	return nil
}

// besideCaption says how to read an hourly figure of a review.
func besideCaption(l look, r *experiment.Review, m reviewMeasure, outsideCount int) string {
	shape := l.T("the blue steps are the replay's mean over each hour")
	if m.atEnd {
		shape = l.T("the blue line is the replay's mean at each hour's end")
	}
	c := l.Sprintf("The %s: %s (%d replications of the logged arrivals), the shaded band the 95%% prediction interval for one day, where the figure of a day should fall when the model is right about it.",
		l.T(m.what), shape, r.Replay.Replications)
	if r.Observed == nil {
		return c + l.T(" Nothing was observed to set beside it.")
	}
	c += l.T(" The orange dots are the observed figures")
	if outsideCount > 0 {
		return c + l.Sprintf("; the %d red diamonds fall outside the band.", outsideCount)
	}
	return c + l.T(", all inside the band.")
}

// finiteRuns splits hours into runs of consecutive hours whose replay mean
// is a number (the mean time to the door is none in an hour with no
// arrivals), so that lines and bands break over the gaps.
func finiteRuns(spans []hourSpan) [][]hourSpan {
	var out [][]hourSpan
	var cur []hourSpan
	for _, s := range spans {
		if !finite(s.b.Simulated.Mean) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, s)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// finiteSpans returns the index ranges [i, j) over which both lo and hi
// are numbers, two points or more long: where a band can be drawn.
func finiteSpans(lo, hi []float64) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(lo); i++ {
		ok := i < len(lo) && finite(lo[i]) && finite(hi[i])
		switch {
		case ok && start < 0:
			start = i
		case !ok && start >= 0:
			if i-start >= 2 {
				out = append(out, [2]int{start, i})
			}
			start = -1
		}
	}
	return out
}
