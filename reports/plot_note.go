package reports

import (
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// notePlot completes fig as a figure with no data: its title and a note in
// the middle saying why, so that a report still shows the figure's place.
func (l look) notePlot(fig Plot, note, caption string) Plot {
	p := l.newPlot(fig.Title, "", "")
	p.HideAxes()
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = 0, 1
	labels, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: 0.5, Y: 0.5}}, Labels: []string{note}})
	if err == nil {
		st := l.textStyle(noteSize, muted())
		st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
		labels.TextStyle[0] = st
		p.Add(labels)
	}
	fig.P = p
	fig.Caption = caption
	return fig
}
