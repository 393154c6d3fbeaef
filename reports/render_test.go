package reports

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"testing"

	"golang.org/x/text/language"
	"gonum.org/v1/plot"

	"cordon/lang"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// One renderer draws figure after figure on the same image; each PNG
// shows exactly what vgimg draws on a canvas of its own, whether the
// figure is the size of the last, another size, or a size that is not
// whole pixels (drawn on a canvas of its own).
func TestRendererDrawsAsVgimg(t *testing.T) {
	plots, err := English().RunPlots(dataOutcome(t))
	if err != nil {
		t.Fatal(err)
	}
	var r renderer
	for i, p := range plots[:4] {
		w, h := p.Size()
		for _, h := range []vg.Length{h, 5 * vg.Inch, h + 0.1, h} {
			got, err := r.render(p.P, "png", w, h)
			if err != nil {
				t.Fatal(err)
			}
			c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pngDPI))
			p.P.Draw(draw.New(c))
			t.Logf("figure %d (%s) %v high", i, p.Name, h)
			samePixels(t, c.Image(), got)
		}
	}
}

// Every figure of every command, in English and (with a CJK font) in
// Chinese, drawn one after the other by one renderer, shows in its PNG
// exactly what vgimg draws on a canvas of its own: the ground painted, the
// text written glyph by glyph and the faces kept from figure to figure
// (pngCanvas) change no pixel. Drawn in both formats from one layout
// (renderBoth), each file is the one Render writes alone.
func TestRendererDrawsEveryFigureAsVgimg(t *testing.T) {
	words := map[string]*Words{"en": English()}
	if cjk, err := CJKFont(CJKFonts(os.Getenv)); err == nil {
		words["zh"] = NewWords(lang.New(language.SimplifiedChinese), cjk)
	} else {
		t.Logf("no CJK font, English only: %v", err)
	}
	for l, w := range words {
		var r renderer
		for command, draw := range commandFigures(t, w) {
			plots, err := draw()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range plots {
				if p.P == nil {
					continue
				}
				t.Run(l+"/"+command+"/"+p.Name, func(t *testing.T) {
					wd, h := p.Size()
					got, err := r.render(p.P, "png", wd, h)
					if err != nil {
						t.Fatal(err)
					}
					samePixels(t, vgimgDraws(p, wd, h), got)
					png, svg, err := r.renderBoth(p.P, wd, h)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(png, got) {
						t.Error("the PNG drawn with the SVG differs from the PNG drawn alone")
					}
					alone, err := Render(p.P, "svg", wd, h)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(svg, alone) {
						t.Error("the SVG drawn with the PNG differs from the SVG drawn alone")
					}
				})
			}
		}
	}
}

// vgimgDraws is p drawn by vgimg alone at wd × h.
func vgimgDraws(p Plot, wd, h vg.Length) image.Image {
	c := vgimg.NewWith(vgimg.UseWH(wd, h), vgimg.UseDPI(pngDPI))
	p.P.Draw(draw.New(c))
	return c.Image()
}

// A figure on a coloured ground, opaque or not, shows the ground vgimg
// paints: pngCanvas paints an opaque one itself and leaves a translucent
// one to vgimg.
func TestRendererPaintsTheGroundAsVgimg(t *testing.T) {
	plots, err := English().RunPlots(dataOutcome(t))
	if err != nil {
		t.Fatal(err)
	}
	var r renderer
	p := plots[0]
	for _, ground := range []color.Color{color.RGBA{200, 220, 240, 255}, color.NRGBA{200, 100, 50, 128}, color.White} {
		p.P.BackgroundColor = ground
		wd, h := p.Size()
		got, err := r.render(p.P, "png", wd, h)
		if err != nil {
			t.Fatal(err)
		}
		samePixels(t, vgimgDraws(p, wd, h), got)
	}
}

// halfDrawn turns its canvas and pushes its state, then draws a path vgimg
// refuses (a curve of three control points), panicking part way through.
type halfDrawn struct{}

func (halfDrawn) Plot(c draw.Canvas, _ *plot.Plot) {
	c.Push()
	c.Rotate(0.5)
	c.SetColor(color.RGBA{255, 0, 0, 255})
	var p vg.Path
	p.Move(vg.Point{X: 10, Y: 10})
	p = append(p, vg.PathComp{Type: vg.CurveComp, Pos: vg.Point{X: 50, Y: 50},
		Control: []vg.Point{{X: 1, Y: 1}, {X: 2, Y: 2}, {X: 3, Y: 3}}})
	c.Fill(p)
	c.Pop()
}

// A figure that fails part way through drawing its PNG is an error, and
// the next figure drawn by the same renderer comes out as vgimg draws it:
// nothing of the failed figure's state (its turn, its pushed state) is left.
func TestRendererAfterAFailedFigure(t *testing.T) {
	plots, err := English().RunPlots(dataOutcome(t))
	if err != nil {
		t.Fatal(err)
	}
	var r renderer
	good := plots[0]
	wd, h := good.Size()
	bad := plot.New()
	bad.Add(halfDrawn{})
	if _, _, err := r.renderBoth(bad, wd, h); err == nil {
		t.Fatal("a figure vgimg cannot draw was drawn")
	}
	png, _, err := r.renderBoth(good.P, wd, h)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, vgimgDraws(good, wd, h), png)
}
