package reports

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
)

// pngEncoder writes the figures' PNGs: 8-bit RGB, each row stored as its
// difference from the row above (PNG's "up" filter), deflated by
// rowDeflater, which looks for the repeats such rows have rather than for
// any (compress/flate at its best speed takes more CPU, BenchmarkPNGFigures,
// for files 4% smaller). image/png tries the five filters on every row to keep the one
// that looks smallest: on a figure, a white ground with lines and text,
// that costs more CPU than drawing it, for a few percent of size. An image
// that is not opaque (never a figure, drawn on white) goes to image/png,
// which keeps its alpha, as does an empty one, which it refuses. One
// encoder writes all the figures of a report, keeping its buffers and
// compressor from one to the next.
type pngEncoder struct {
	rows     rowDeflater
	idat     []byte // the last image's compressed rows, as rows holds them
	fallback pngBuffer
}

// pngSignature begins every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// encode writes m as PNG to w.
func (e *pngEncoder) encode(w *bytes.Buffer, m image.Image) error {
	rgba, ok := m.(*image.RGBA)
	if !ok || rgba.Rect.Empty() {
		return e.encodeOther(w, m)
	}
	width, height := rgba.Rect.Dx(), rgba.Rect.Dy()
	if !e.deflate(rgba, width, height) {
		return e.encodeOther(w, m)
	}
	w.WriteString(pngSignature)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a sample, RGB; deflate, filters per row, not interlaced
	writeChunk(w, "IHDR", ihdr[:])
	writeChunk(w, "IDAT", e.idat)
	writeChunk(w, "IEND", nil)
	return nil
}

// encodeOther writes m as PNG to w with image/png: an image that is not
// opaque or is empty.
func (e *pngEncoder) encodeOther(w *bytes.Buffer, m image.Image) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &e.fallback}
	return enc.Encode(w, m)
}

// deflate compresses the rows of m, filtered, into e.idat, unless m is not
// opaque (it stops at the first row that is not, and says so): reading the
// alpha as it filters costs less than a pass to check it first. A row the
// same as the one above (already found opaque) is known to filter to zeros.
func (e *pngEncoder) deflate(m *image.RGBA, width, height int) (opaque bool) {
	d := &e.rows
	d.start(1 + 3*width)
	var above []byte // the row above, RGBA; none above the first
	for y := range height {
		row := m.Pix[y*m.Stride : y*m.Stride+4*width]
		if above != nil && bytes.Equal(row, above) {
			d.addZeros(pngFilterUp)
			continue
		}
		filtered := d.row()
		filtered[0] = pngFilterUp
		out := filtered[1:]
		alpha := byte(0xff)
		if above == nil {
			for x := range width {
				p := row[4*x : 4*x+4]
				copy(out[3*x:3*x+3], p)
				alpha &= p[3]
			}
		} else {
			clear(out)
			for x0 := 0; x0 < width; x0 += 16 {
				// Sixteen pixels as the sixteen above (known opaque) stay zeros.
				x1 := min(x0+16, width)
				if bytes.Equal(row[4*x0:4*x1], above[4*x0:4*x1]) {
					continue
				}
				for x := x0; x < x1; x++ {
					i, p, a := 3*x, row[4*x:4*x+4], above[4*x:4*x+3]
					out[i], out[i+1], out[i+2] = p[0]-a[0], p[1]-a[1], p[2]-a[2]
					alpha &= p[3]
				}
			}
		}
		if alpha != 0xff {
			return false
		}
		d.add()
		above = row
	}
	e.idat = d.finish()
	return true
}

// pngFilterUp is PNG's filter type that stores each byte as its difference
// from the byte above.
const pngFilterUp = 2

// sized returns b with length n, reusing its array when it is large enough.
func sized(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

// writeChunk writes one PNG chunk: its length, type, data and CRC.
func writeChunk(w *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// pngBuffer keeps image/png's buffers from one image to the next.
type pngBuffer struct{ b *png.EncoderBuffer }

func (p *pngBuffer) Get() *png.EncoderBuffer  { return p.b }
func (p *pngBuffer) Put(b *png.EncoderBuffer) { p.b = b }
