package reports

import (
	"testing"

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
