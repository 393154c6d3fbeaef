package reports

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"git.sr.ht/~sbinet/gg"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pngCanvas is the canvas a PNG figure is drawn on: vgimg's, giving the
// same pixels, but doing two things the cheap way that vgimg does through
// gg's general machinery. Filling the whole figure with an opaque colour
// (every figure's ground, the first thing drawn) paints the image rather
// than rasterising a rectangle the size of the figure. Writing text that is
// not rotated composes each glyph's coverage straight onto the image, as
// gg's bilinear transform does for a translation by whole pixels (each
// image pixel then takes exactly one mask pixel, with weight one), rather
// than through that transform pixel by pixel; and it keeps the font faces
// of the report (fontFaces) rather than making one for each string.
// Anything else goes to vgimg.
type pngCanvas struct {
	*vgimg.Canvas
	ctx   *gg.Context // vgimg's context: its transform
	img   *image.RGBA
	faces fontFaces
	// state is the colour and whether only translations were made, one
	// entry a Push deep: what vgimg and gg keep for themselves.
	state []canvasState
}

// canvasState is what pngCanvas follows of the drawing state.
type canvasState struct {
	colour   color.Color
	straight bool // no rotation or scaling since the canvas was made
}

// newPNGCanvas wraps c, which draws on img through ctx (InvertY done and
// nothing else), keeping its faces in faces.
func newPNGCanvas(c *vgimg.Canvas, ctx *gg.Context, img *image.RGBA, faces fontFaces) *pngCanvas {
	return &pngCanvas{Canvas: c, ctx: ctx, img: img, faces: faces,
		state: []canvasState{{colour: color.Black, straight: true}}}
}

func (c *pngCanvas) top() *canvasState { return &c.state[len(c.state)-1] }

// SetColor implements vg.Canvas.
func (c *pngCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black // as vgimg
	}
	c.top().colour = clr
	c.Canvas.SetColor(clr)
}

// Rotate implements vg.Canvas.
func (c *pngCanvas) Rotate(t float64) {
	c.top().straight = false
	c.Canvas.Rotate(t)
}

// Scale implements vg.Canvas.
func (c *pngCanvas) Scale(x, y float64) {
	c.top().straight = false
	c.Canvas.Scale(x, y)
}

// Push implements vg.Canvas.
func (c *pngCanvas) Push() {
	c.state = append(c.state, *c.top())
	c.Canvas.Push()
}

// Pop implements vg.Canvas.
func (c *pngCanvas) Pop() {
	c.state = c.state[:len(c.state)-1]
	c.Canvas.Pop()
}

// Fill implements vg.Canvas.
func (c *pngCanvas) Fill(p vg.Path) {
	if s := c.top(); s.straight && c.wholeFigure(p) {
		if _, _, _, a := s.colour.RGBA(); a == 0xffff {
			draw.Draw(c.img, c.img.Rect, image.NewUniform(s.colour), image.Point{}, draw.Src)
			return
		}
	}
	c.Canvas.Fill(p)
}

// wholeFigure reports whether p is the rectangle of the whole figure, as
// vg.Rectangle.Path draws it, with no translation in effect.
func (c *pngCanvas) wholeFigure(p vg.Path) bool {
	w, h := c.Size()
	want := [4]vg.Point{{X: 0, Y: 0}, {X: w, Y: 0}, {X: w, Y: h}, {X: 0, Y: h}}
	if len(p) != 5 || p[4].Type != vg.CloseComp {
		return false
	}
	for i, pt := range want {
		kind := vg.LineComp
		if i == 0 {
			kind = vg.MoveComp
		}
		if p[i].Type != kind || p[i].Pos != pt {
			return false
		}
	}
	x, y := c.ctx.TransformPoint(0, 0)
	return x == 0 && y == float64(c.img.Rect.Dy())
}

// FillString implements vg.Canvas.
func (c *pngCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 {
		return
	}
	dpi := c.DPI()
	_, ch := c.Size()
	x, y := pt.X.Dots(dpi), ch.Dots(dpi)-pt.Y.Dots(dpi)
	// vgimg writes the text at (x, y) with the Y axis turned back (gg's
	// InvertY on its transform, which undoes the canvas's): the transform
	// is then a translation, by (tx, ty), when only translations were made.
	tx, ty := c.ctx.TransformPoint(0, float64(c.img.Rect.Dy()))
	if !c.top().straight || tx != float64(int(tx)) || ty != float64(int(ty)) {
		c.Canvas.FillString(f, pt, str)
		return
	}
	face := c.faces.face(f, dpi)
	src := c.top().colour
	// As gg's drawString, from golang.org/x/image/font's Drawer.DrawString.
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	prev := rune(-1)
	for _, r := range str {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, maskp, advance, ok := face.Glyph(dot, r)
		if !ok {
			continue
		}
		overMask(c.img, dr.Add(image.Pt(int(tx), int(ty))), src, mask, maskp)
		dot.X += advance
		prev = r
	}
}

// overMask draws colour src over dst in dr through mask (its pixel maskp
// at dr.Min), giving the pixels gg's bilinear transform gives for a
// translation by whole pixels: x/image/draw's Kernel.transform_Image_Image_Over
// with every weight one, in its integer arithmetic.
func overMask(dst *image.RGBA, dr image.Rectangle, src color.Color, mask image.Image, maskp image.Point) {
	adr := dst.Rect.Intersect(dr)
	if adr.Empty() {
		return
	}
	sr, sg, sb, sa := src.RGBA()
	alpha, _ := mask.(*image.Alpha)
	for y := adr.Min.Y; y < adr.Max.Y; y++ {
		my := maskp.Y + y - dr.Min.Y
		for x := adr.Min.X; x < adr.Max.X; x++ {
			mx := maskp.X + x - dr.Min.X
			var ma uint32
			if alpha != nil {
				ma = uint32(alpha.Pix[alpha.PixOffset(mx, my)])
				ma |= ma << 8
			} else {
				_, _, _, ma = mask.At(mx, my).RGBA()
			}
			if ma == 0 {
				continue // the pixel stays as it is
			}
			pr, pg, pb, pa := sr*ma/0xffff, sg*ma/0xffff, sb*ma/0xffff, sa*ma/0xffff
			pr, pg, pb = min(pr, pa), min(pg, pa), min(pb, pa)
			i := dst.PixOffset(x, y)
			d := dst.Pix[i : i+4 : i+4]
			pa1 := 0xffff - pa
			for k, p := range [4]uint32{pr, pg, pb, pa} {
				q := uint32(d[k])
				q |= q << 8
				d[k] = uint8((q*pa1/0xffff + p) >> 8)
			}
		}
	}
}

// fontFaces keeps the font faces a report's PNG figures are written in,
// one for each font and size, made the first time one is wanted.
type fontFaces map[fontFaceKey]*opentype.Face

type fontFaceKey struct {
	font *opentype.Font
	size vg.Length
	dpi  float64
}

// face is f's face at dpi, as vgimg makes it for each string.
func (ff fontFaces) face(f font.Face, dpi float64) *opentype.Face {
	k := fontFaceKey{f.Face, f.Font.Size, dpi}
	if face, ok := ff[k]; ok {
		return face
	}
	face := f.FontFace(dpi).(*opentype.Face)
	ff[k] = face
	return face
}
