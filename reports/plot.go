package reports

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
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

// pngDPI is the resolution of rendered PNG figures: 96 dots per inch, the
// size the report pages show them at.
const pngDPI = vgimg.DefaultDPI

// Render draws p as "png" or "svg" at width × height (vg lengths),
// returning the bytes; the same plot always gives the same SVG bytes (the
// fonts are the Liberation fonts built into gonum/plot, and SVG output does
// not embed them).
func Render(p *plot.Plot, format string, width, height vg.Length) (out []byte, err error) {
	if p == nil {
		return nil, errors.New("render: no plot")
	}
	if !(width > 0 && height > 0) {
		return nil, fmt.Errorf("render: size %v × %v must be more than zero", width, height)
	}
	var c vg.CanvasWriterTo
	switch strings.ToLower(format) {
	case "svg":
		c = vgsvg.New(width, height)
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(pngDPI))}
	default:
		return nil, fmt.Errorf("render: format %q: want png or svg", format)
	}
	// gonum/plot reports some impossible layouts (a figure too small for its
	// labels, an empty range) by panicking; report them as errors.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("render: %v", r)
		}
	}()
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if _, ok := c.(*vgsvg.Canvas); ok {
		return markControls(buf.Bytes()), nil // the names in labels and legends
	}
	return buf.Bytes(), nil
}
