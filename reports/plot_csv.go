package reports

import (
	"strings"

	"gonum.org/v1/plot"
)

// plotCSVHead is the header of every plot's CSV file.
var plotCSVHead = []string{"series", "x", "y", "label"}

// PlotCSV is plots/NAME.csv, the data of a figure: one row per point the
// figure's builder chose and drew, series by series (a band's outline, a
// target line's ends, a bar's end), x and y in the figure's axes' units
// (hours of the day on a time axis, percent on a share axis), and the name
// of the row or category the point stands on when the axis names its rows
// (a chart of bars: the post, the knob, the KPI). A figure with no data (a
// note saying why) has the header alone. Numbers are written exactly; an
// empty cell is a value that could not be measured.
func PlotCSV(p Plot) []byte {
	var l csvLines
	for _, h := range plotCSVHead {
		l.text(h)
	}
	l.end()
	var xNames, yNames map[float64]string
	if p.P != nil {
		xNames, yNames = axisNames(p.P.X), axisNames(p.P.Y)
	}
	for _, layer := range p.layers {
		for _, pt := range layer.xys {
			label, ok := yNames[pt.Y]
			if !ok {
				label = xNames[pt.X]
			}
			l.text(layer.name)
			l.number(pt.X)
			l.number(pt.Y)
			l.text(label)
			l.end()
		}
	}
	return l.b
}

// axisNames are the names an axis of rows or categories gives its values
// (nil for an axis of numbers or times).
func axisNames(a plot.Axis) map[float64]string {
	ticks, ok := a.Tick.Marker.(plot.ConstantTicks)
	if !ok {
		return nil
	}
	names := map[float64]string{}
	for _, t := range ticks {
		if l := strings.TrimSpace(t.Label); l != "" {
			names[t.Value] = l
		}
	}
	return names
}
