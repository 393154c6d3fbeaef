package reports

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"cordon/compound"
)

// markEvents marks the scenario's events on a figure whose x axis is the
// time of day of the run (a clockAxis): a dotted line where each begins,
// numbered at the top by its place in the timeline (the same number in
// every figure), a bar at the top while it lasts (from the left edge for
// one in force when the hours shown begin), and the caption says what
// each number is. Figures with another x axis, and events outside the
// hours shown, are left as they are.
func markEvents(l look, fig *Plot, sc *compound.Scenario) error {
	p := fig.P
	if p == nil || len(sc.Events) == 0 {
		return nil
	}
	if _, ok := p.X.Tick.Marker.(clockTicks); !ok {
		return nil
	}
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	rowH, barH, labelW := 0.07*(y1-y0), 0.025*(y1-y0), 0.03*(x1-x0)
	start := float64(sc.Horizon.Start)
	var marks plotter.XYs
	var labels, said []string
	var free []float64 // from which hour each row of labels and bars is free
	for i, e := range sc.Timeline() {
		at, end := (start+e.Time)/3600, min((start+e.End)/3600, x1)
		if at > x1 || (at < x0 && end <= x0) {
			continue // not in the hours shown
		}
		x := max(at, x0) // one in force when they begin: its bar from the left
		// Each event's number and bar in the first row free at its time,
		// so that events close together or overlapping stay apart.
		row := 0
		for row < len(free) && free[row] > x {
			row++
		}
		if row == len(free) {
			free = append(free, 0)
		}
		free[row] = max(end, x+labelW)
		top := y1 - float64(row)*rowH
		if end > x {
			bar, _, err := band([]float64{x, end}, []float64{top - barH, top - barH}, []float64{top, top}, alpha(eventColor(), 0.3))
			if err != nil {
				return err
			}
			bar.LineStyle.Width = 0
			p.Add(bar)
		}
		if at >= x0 {
			l, err := line(plotter.XYs{{X: x, Y: y0}, {X: x, Y: y1}}, eventColor(), vg.Points(0.9))
			if err != nil {
				return err
			}
			l.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2)}
			p.Add(l)
		}
		n := fmt.Sprint(i + 1)
		marks = append(marks, plotter.XY{X: x, Y: top - barH})
		labels = append(labels, n)
		when := e.At.String()
		switch {
		case sc.Horizon.Days > 1 && l.Chinese():
			when = fmt.Sprintf("第%d天%s", e.Day, when)
		case sc.Horizon.Days > 1:
			when = fmt.Sprintf("day %d %s", e.Day, when)
		}
		if l.Chinese() {
			said = append(said, fmt.Sprintf("%s：%s，%s", n, when, l.Event(e.Event)))
		} else {
			said = append(said, fmt.Sprintf("%s at %s, %s", n, when, e.What))
		}
	}
	if len(marks) == 0 {
		return nil
	}
	lb, err := plotter.NewLabels(plotter.XYLabels{XYs: marks, Labels: labels})
	if err != nil {
		return err
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i] = l.textStyle(tickSize, eventColor())
		lb.TextStyle[i].YAlign = draw.YTop
	}
	lb.Offset = vg.Point{X: vg.Points(2), Y: vg.Points(-2)}
	p.Add(lb)
	fig.addLayer("events", marks)
	if l.Chinese() {
		fig.Caption += "虚线标出情景中各事件开始的时刻，事件持续期间顶部有一条横条：" + strings.Join(said, "；") + "。"
		return nil
	}
	fig.Caption += " Dotted lines mark where the scenario's events begin, and a bar at the top runs while one lasts: " + strings.Join(said, "; ") + "."
	return nil
}

// eventColor is the colour of the events' marks: dark, apart from the
// palette of the data.
func eventColor() color.NRGBA { return color.NRGBA{0x33, 0x33, 0x33, 0xff} }
