package reports

import (
	"bytes"
	"image"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// BenchmarkPNGFigures encodes the figures of a run's report (drawn once,
// by vgimg) as PNG, one encoder for them all as a report has; png-bytes
// is their size.
func BenchmarkPNGFigures(b *testing.B) {
	plots, err := English().RunPlots(dataOutcome(b))
	if err != nil {
		b.Fatal(err)
	}
	var images []image.Image
	for _, p := range plots {
		w, h := p.Size()
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pngDPI))
		p.P.Draw(draw.New(c))
		images = append(images, c.Image())
	}
	var e pngEncoder
	var buf bytes.Buffer
	size := 0
	for b.Loop() {
		size = 0
		for _, m := range images {
			buf.Reset()
			if err := e.encode(&buf, m); err != nil {
				b.Fatal(err)
			}
			size += buf.Len()
		}
	}
	b.ReportMetric(float64(size), "png-bytes")
}
