package reports

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"strings"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// pngDPI is the resolution of rendered PNG figures: 96 dots per inch, the
// size the report pages show them at.
const pngDPI = vgimg.DefaultDPI

// Render draws p as "png" or "svg" at width × height (vg lengths),
// returning the bytes; the same plot always gives the same bytes (the
// fonts are the Liberation fonts built into gonum/plot, and SVG output does
// not embed them).
func Render(p *plot.Plot, format string, width, height vg.Length) ([]byte, error) {
	var r renderer
	return r.render(p, format, width, height)
}

// renderer draws the figures of one report, one after the other, keeping
// for the next figure what drawing one leaves (the PNG encoder's buffers,
// the image drawn on and its context); not for use by several goroutines at once.
type renderer struct {
	png   pngEncoder
	img   *image.RGBA  // the image the last PNG figure was drawn on
	ctx   *gg.Context  // img's context, kept from figure to figure; nil after a figure that failed
	faces fontFaces    // the font faces the PNG figures' text is written in
	rec   recording    // what the last figure drew
	buf   bytes.Buffer // where the last file was written
}

// render is Render, drawn by r.
func (r *renderer) render(p *plot.Plot, format string, width, height vg.Length) (out []byte, err error) {
	if err := checkRender(p, width, height); err != nil {
		return nil, err
	}
	var c vg.CanvasSizer
	switch strings.ToLower(format) {
	case "svg":
		c = vgsvg.New(width, height)
	case "png":
		c = r.imageCanvas(width, height)
	default:
		return nil, fmt.Errorf("render: format %q: want png or svg", format)
	}
	defer renderPanic(&err, &r.ctx)
	p.Draw(draw.New(c))
	return r.encode(c)
}

// renderBoth draws p at width × height as PNG and as SVG, laying it out
// once (a recording of what it draws, replayed on each canvas): the same
// bytes as render gives for each.
func (r *renderer) renderBoth(p *plot.Plot, width, height vg.Length) (png, svg []byte, err error) {
	if err := checkRender(p, width, height); err != nil {
		return nil, nil, err
	}
	defer func() {
		if v := recover(); v != nil { // as renderPanic
			png, svg, err = nil, nil, fmt.Errorf("render: %v", v)
			r.ctx = nil // perhaps left inside a Push
		}
	}()
	r.rec.reset(width, height)
	p.Draw(draw.New(&r.rec))
	img := r.imageCanvas(width, height)
	r.rec.replay(img)
	if png, err = r.encode(img); err != nil {
		return nil, nil, err
	}
	vec := vgsvg.New(width, height)
	r.rec.replay(vec)
	if svg, err = r.encode(vec); err != nil {
		return nil, nil, err
	}
	return png, svg, nil
}

// checkRender says why p cannot be drawn at width × height, if it cannot.
func checkRender(p *plot.Plot, width, height vg.Length) error {
	if p == nil {
		return errors.New("render: no plot")
	}
	if !(width > 0 && height > 0) {
		return fmt.Errorf("render: size %v × %v must be more than zero", width, height)
	}
	return nil
}

// renderPanic turns a panic of gonum/plot into *err: it reports some
// impossible layouts (a figure too small for its labels, an empty range)
// by panicking. To be deferred.
// The context drawn with, perhaps left inside a Push, is dropped.
func renderPanic(err *error, ctx **gg.Context) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("render: %v", r)
		*ctx = nil
	}
}

// encode returns the file of what was drawn on c: an SVG canvas's, with
// the controls in its text marked, or an image canvas's as PNG.
// The file is written in r's buffer, then copied out at its size.
func (r *renderer) encode(c vg.CanvasSizer) ([]byte, error) {
	buf := &r.buf
	buf.Reset()
	switch c := c.(type) {
	case *vgsvg.Canvas:
		if _, err := c.WriteTo(buf); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		return bytes.Clone(markControls(buf.Bytes())), nil // the names in labels and legends
	case *vgimg.Canvas:
		if err := r.png.encode(buf, c.Image()); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	case *pngCanvas:
		if err := r.png.encode(buf, c.img); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	default:
		return nil, fmt.Errorf("render: a canvas of %T", c)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// imageCanvas is the canvas of a PNG figure of width × height. It draws on
// the image the last figure was drawn on when that has the figure's size
// (vgimg paints it white first), rather than on a new one, which gg would
// copy besides. vgimg then takes the canvas's size from the image's, so
// only a figure whose size is whole pixels, to the bit, is drawn this way.
func (r *renderer) imageCanvas(width, height vg.Length) vg.CanvasSizer {
	// As vgimg.NewWith goes from lengths to pixels and back.
	px := func(l vg.Length) int { return int(l/vg.Inch*vg.Length(pngDPI) + 0.5) }
	length := func(px int) vg.Length { return vg.Length(float64(px)/float64(pngDPI)) * vg.Inch }
	w, h := px(width), px(height)
	if length(w) != width || length(h) != height {
		return vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(pngDPI))
	}
	if r.img == nil || r.img.Rect != image.Rect(0, 0, w, h) {
		r.img = image.NewRGBA(image.Rect(0, 0, w, h))
		r.ctx = nil
	}
	if r.ctx == nil {
		r.ctx = gg.NewContextForRGBA(r.img)
	} else {
		resetContext(r.ctx)
	}
	// What vgimg.NewWith does to the context it makes itself.
	ctx := r.ctx
	ctx.SetLineCapButt()
	ctx.InvertY()
	if r.faces == nil {
		r.faces = fontFaces{}
	}
	c := vgimg.NewWith(vgimg.UseImageWithContext(r.img, ctx), vgimg.UseDPI(pngDPI))
	return newPNGCanvas(c, ctx, r.img, r.faces)
}

// resetContext puts back what a figure drawn through vgimg changes of
// ctx, a context gg.NewContextForRGBA made: its transform, path, line
// join, fill rule and clip (vgimg sets the colour, line width and dashes
// itself before drawing, and a face before each string). Its rasteriser
// and paths keep their memory, which a new context would make again. Only
// for a context whose last figure was drawn whole, every Push popped.
func resetContext(ctx *gg.Context) {
	ctx.Identity()
	ctx.ClearPath()
	ctx.SetLineJoin(gg.LineJoinRound)
	ctx.SetFillRule(gg.FillRuleWinding)
	ctx.ResetClip()
}
