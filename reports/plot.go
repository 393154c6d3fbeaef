package reports

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Plot is one figure of a report.
type Plot struct {
	// Name is the figure's file stem, unique within a report; each builder
	// names its own figure (plot_<name>.go), so no list here to go stale.
	Name    string
	Title   string
	Caption string // one or two sentences saying how to read it
	P       *plot.Plot
	// Height is how tall the figure is drawn, when it needs more than the
	// reports' usual height (a chart of many bars); 0: the usual.
	Height vg.Length

	// layers are the data drawn, by name, in data coordinates: what the
	// tests check the figure against.
	layers []layer
	// texts are the labels written on the data (a bar's value), for the
	// tests.
	texts []string
}

// addText records a label written on the data.
func (p *Plot) addText(s string) { p.texts = append(p.texts, s) }

// Size is the width and height reports draw the figure at.
func (p Plot) Size() (vg.Length, vg.Length) {
	return plotWidth, max(p.Height, plotHeight)
}

// layer is one named set of points drawn in a figure.
type layer struct {
	name string
	xys  plotter.XYs
}

// addLayer records the points of a plotter under name.
func (p *Plot) addLayer(name string, xys plotter.XYs) {
	p.layers = append(p.layers, layer{name: name, xys: xys})
}

// layer returns the points recorded under name.
func (p *Plot) layer(name string) (plotter.XYs, bool) {
	for _, l := range p.layers {
		if l.name == name {
			return l.xys, true
		}
	}
	return nil, false
}
