package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// noise is an opaque image of random pixels (the worst case for the
// filter) with a white band, at an offset, seen through a sub-image so
// that its stride is wider than its rows.
func noise(seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 1))
	m := image.NewRGBA(image.Rect(-3, 5, 60, 41))
	for i := range m.Pix {
		m.Pix[i] = byte(r.IntN(256))
		if i%4 == 3 {
			m.Pix[i] = 0xff
		}
	}
	for x := -3; x < 60; x++ {
		m.SetRGBA(x, 20, color.RGBA{0xff, 0xff, 0xff, 0xff})
	}
	return m.SubImage(image.Rect(2, 7, 51, 40)).(*image.RGBA)
}

// samePixels reports where the PNG png shows something else than m.
func samePixels(t *testing.T, m image.Image, b []byte) {
	t.Helper()
	got, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG image/png reads: %v", err)
	}
	if got.Bounds().Size() != m.Bounds().Size() {
		t.Fatalf("size %v, want %v", got.Bounds().Size(), m.Bounds().Size())
	}
	g, w := got.Bounds().Min, m.Bounds().Min
	for y := range m.Bounds().Dy() {
		for x := range m.Bounds().Dx() {
			gr, gg, gb, ga := got.At(g.X+x, g.Y+y).RGBA()
			wr, wg, wb, wa := m.At(w.X+x, w.Y+y).RGBA()
			if gr != wr || gg != wg || gb != wb || ga != wa {
				t.Fatalf("pixel (%d, %d) is %v, want %v", x, y, got.At(g.X+x, g.Y+y), m.At(w.X+x, w.Y+y))
			}
		}
	}
}

// The figures' PNGs show exactly the pixels drawn, whatever came before
// through the same encoder, and the same image gives the same bytes.
func TestPNGEncoderKeepsPixels(t *testing.T) {
	var e pngEncoder
	var first []byte
	for i, m := range []*image.RGBA{noise(1), noise(2), noise(1)} {
		var buf bytes.Buffer
		if err := e.encode(&buf, m); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte(pngSignature)) {
			t.Fatalf("image %d: no PNG signature", i)
		}
		samePixels(t, m, buf.Bytes())
		switch i {
		case 0:
			first = bytes.Clone(buf.Bytes())
		case 2:
			if !bytes.Equal(buf.Bytes(), first) {
				t.Error("the same image encoded again gives other bytes")
			}
		}
	}
}

// An image that is not opaque keeps its transparency, and the next image
// through the same encoder comes out whole; an empty one is refused, as
// image/png refuses it.
func TestPNGEncoderTransparentAndEmpty(t *testing.T) {
	var e pngEncoder
	m := noise(3)
	m.SetRGBA(m.Rect.Min.X+4, m.Rect.Min.Y+2, color.RGBA{}) // clear: image/png keeps it exactly
	for _, m := range []*image.RGBA{m, noise(4)} {
		var buf bytes.Buffer
		if err := e.encode(&buf, m); err != nil {
			t.Fatal(err)
		}
		samePixels(t, m, buf.Bytes())
	}
	var buf bytes.Buffer
	if err := e.encode(&buf, image.NewRGBA(image.Rect(0, 0, 0, 4))); err == nil {
		t.Error("an empty image was encoded")
	}
}
