package reports

import (
	"image"
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// recording is a canvas that keeps what a figure draws, to draw it again
// on other canvases (the PNG's and the SVG's): gonum/plot then lays the
// figure out (its text measured, its axes' ticks and margins worked out)
// once, not once for each format. What is drawn does not depend on the
// canvas: nothing in gonum/plot or the reports asks a canvas more than its
// size. One recording is used figure after figure, keeping its memory.
type recording struct {
	w, h   vg.Length
	ops    []canvasOp
	comps  []vg.PathComp // the paths of ops, one after the other
	dashes []vg.Length   // the dashes of ops, one after the other
}

// canvasOp is one call made on a recording: its kind and arguments.
type canvasOp struct {
	kind  canvasCall
	from  int // where the path or dashes begin in comps or dashes
	to    int
	n     vg.Length
	x, y  float64
	pt    vg.Point
	col   color.Color
	face  font.Face
	str   string
	rect  vg.Rectangle
	image image.Image
}

// canvasCall is which method of vg.Canvas a canvasOp calls.
type canvasCall uint8

const (
	callSetLineWidth canvasCall = iota
	callSetLineDash
	callSetColor
	callRotate
	callTranslate
	callScale
	callPush
	callPop
	callStroke
	callFill
	callFillString
	callDrawImage
)

// reset starts a recording of a figure of w × h.
func (r *recording) reset(w, h vg.Length) {
	r.w, r.h = w, h
	clear(r.ops) // let go of the last figure's colours, faces and images
	r.ops, r.comps, r.dashes = r.ops[:0], r.comps[:0], r.dashes[:0]
}

// replay draws what was recorded on c.
func (r *recording) replay(c vg.Canvas) {
	for i := range r.ops {
		op := &r.ops[i]
		switch op.kind {
		case callSetLineWidth:
			c.SetLineWidth(op.n)
		case callSetLineDash:
			c.SetLineDash(r.dashes[op.from:op.to:op.to], op.n)
		case callSetColor:
			c.SetColor(op.col)
		case callRotate:
			c.Rotate(op.x)
		case callTranslate:
			c.Translate(op.pt)
		case callScale:
			c.Scale(op.x, op.y)
		case callPush:
			c.Push()
		case callPop:
			c.Pop()
		case callStroke:
			c.Stroke(r.comps[op.from:op.to:op.to])
		case callFill:
			c.Fill(r.comps[op.from:op.to:op.to])
		case callFillString:
			c.FillString(op.face, op.pt, op.str)
		case callDrawImage:
			c.DrawImage(op.rect, op.image)
		}
	}
}

// path keeps p and records the op that draws it as kind.
func (r *recording) path(kind canvasCall, p vg.Path) {
	from := len(r.comps)
	r.comps = append(r.comps, p...)
	r.ops = append(r.ops, canvasOp{kind: kind, from: from, to: len(r.comps)})
}

// Size implements vg.CanvasSizer.
func (r *recording) Size() (w, h vg.Length) { return r.w, r.h }

// SetLineWidth implements vg.Canvas.
func (r *recording) SetLineWidth(w vg.Length) {
	r.ops = append(r.ops, canvasOp{kind: callSetLineWidth, n: w})
}

// SetLineDash implements vg.Canvas.
func (r *recording) SetLineDash(dashes []vg.Length, offs vg.Length) {
	from := len(r.dashes)
	r.dashes = append(r.dashes, dashes...)
	r.ops = append(r.ops, canvasOp{kind: callSetLineDash, from: from, to: len(r.dashes), n: offs})
}

// SetColor implements vg.Canvas.
func (r *recording) SetColor(c color.Color) {
	r.ops = append(r.ops, canvasOp{kind: callSetColor, col: c})
}

// Rotate implements vg.Canvas.
func (r *recording) Rotate(a float64) { r.ops = append(r.ops, canvasOp{kind: callRotate, x: a}) }

// Translate implements vg.Canvas.
func (r *recording) Translate(pt vg.Point) {
	r.ops = append(r.ops, canvasOp{kind: callTranslate, pt: pt})
}

// Scale implements vg.Canvas.
func (r *recording) Scale(x, y float64) {
	r.ops = append(r.ops, canvasOp{kind: callScale, x: x, y: y})
}

// Push implements vg.Canvas.
func (r *recording) Push() { r.ops = append(r.ops, canvasOp{kind: callPush}) }

// Pop implements vg.Canvas.
func (r *recording) Pop() { r.ops = append(r.ops, canvasOp{kind: callPop}) }

// Stroke implements vg.Canvas.
func (r *recording) Stroke(p vg.Path) { r.path(callStroke, p) }

// Fill implements vg.Canvas.
func (r *recording) Fill(p vg.Path) { r.path(callFill, p) }

// FillString implements vg.Canvas.
func (r *recording) FillString(f font.Face, pt vg.Point, s string) {
	r.ops = append(r.ops, canvasOp{kind: callFillString, face: f, pt: pt, str: s})
}

// DrawImage implements vg.Canvas.
func (r *recording) DrawImage(rect vg.Rectangle, img image.Image) {
	r.ops = append(r.ops, canvasOp{kind: callDrawImage, rect: rect, image: img})
}
