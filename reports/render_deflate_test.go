package reports

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"testing"
)

// What rowDeflater writes, zlib reads back as the rows given, its checksum
// right: rows of noise (all literals), of zeros (runs, the row above), of
// a repeated pixel, a row longer than deflate's window (no match as far
// back as the row above), a row of one byte; one deflater for them all,
// one after the other.
func TestRowDeflaterRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	noise := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return b
	}
	pixel := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = []byte{2, 200, 17, 90}[i%4]
		}
		return b
	}
	long := append(noise(maxDistance+100), noise(200)...)
	copy(long[maxDistance+50:], long[:100]) // a repeat farther back than the window allows... once the row is above
	cases := map[string][][]byte{
		"noise":    {noise(301), noise(301), noise(301)},
		"zeros":    {make([]byte, 2593), make([]byte, 2593), make([]byte, 2593), make([]byte, 2593)},
		"pixel":    {pixel(1000), pixel(1000), noise(1000), pixel(1000)},
		"mixed":    {append(make([]byte, 700), noise(50)...), append(noise(50), make([]byte, 700)...), pixel(750)},
		"long":     {long, long, noise(len(long)), long},
		"one byte": {{2}, {2}, {9}},
	}
	var d rowDeflater
	for name, rows := range cases {
		t.Run(name, func(t *testing.T) {
			d.start(len(rows[0]))
			var want []byte
			for _, row := range rows {
				copy(d.row(), row)
				d.add()
				want = append(want, row...)
			}
			z, err := zlib.NewReader(bytes.NewReader(d.finish()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(z)
			if err != nil {
				t.Fatalf("zlib reads: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("read back %d bytes other than the %d written", len(got), len(want))
			}
		})
	}
}

// Huffman code lengths are never longer than the limit, even for
// frequencies that would make a code far deeper (Fibonacci's), and make a
// complete code (Kraft's sum one); a single symbol gets a code with
// another, as deflate's decoders want two.
func TestHuffmanLengthsLimited(t *testing.T) {
	var h huffmanBuilder
	fib := make([]uint32, 40)
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	for _, limit := range []int{7, 15} {
		lens := h.lengths(fib, limit)
		kraft := 0
		for s, l := range lens {
			if l == 0 || int(l) > limit {
				t.Fatalf("limit %d: symbol %d has length %d", limit, s, l)
			}
			kraft += 1 << (limit - int(l))
		}
		if kraft != 1<<limit {
			t.Errorf("limit %d: Kraft sum %d/%d, want 1", limit, kraft, 1<<limit)
		}
	}
	one := make([]uint32, 30)
	one[5] = 9
	used := 0
	for _, l := range h.lengths(one, 15) {
		if l != 0 {
			used++
		}
	}
	if used != 2 {
		t.Errorf("one symbol used: %d codes, want 2", used)
	}
}
