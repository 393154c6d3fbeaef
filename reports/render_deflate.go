package reports

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
)

// rowDeflater compresses the filtered rows of a figure into a zlib stream
// (RFC 1950, 1951) in one block of Huffman codes made for that figure. A
// figure's rows, each stored as its difference from the row above, are
// mostly runs: zeros where the figure repeats the row above, a colour's
// difference repeated along a line. rowDeflater looks for repeats only at
// distance 1 (a run of one byte), 3 (of one pixel) and one row (the row
// above), and, where none is found, where the next four bytes were last
// seen in the two rows (a letter written twice): that finds most of what
// compress/flate's search of the whole window finds at a fraction of its
// cost. One rowDeflater compresses figure after
// figure, keeping its memory.
type rowDeflater struct {
	win      []byte               // the row before and the row being compressed, one after the other
	rowLen   int                  // bytes in a row, its filter type first
	rows     int                  // rows compressed so far
	tokens   []uint32             // literals and matches (token)
	seen     [1 << seenBits]int32 // by a hash of four bytes, where in the stream they were last, plus one
	litFreq  [286]uint32
	distFreq [30]uint32
	s1, s2   uint32 // the Adler-32 checksum of the data so far
	huff     huffmanBuilder
	out      []byte
}

// seenBits is the size of rowDeflater's hash of four bytes, in bits.
const seenBits = 12

// A token is a literal byte or a match: tokenMatch set, the length less 3
// in the low 8 bits, the distance less one above them.
const tokenMatch = 1 << 31

// maxMatch is the longest repeat deflate can say in one match,
// maxDistance the farthest back.
const (
	maxMatch    = 258
	maxDistance = 1 << 15
)

// adlerMod is Adler-32's modulus; adlerRun the most bytes summed before
// reducing by it without overflowing 32 bits.
const (
	adlerMod = 65521
	adlerRun = 5552
)

// start begins a figure of rows of rowLen bytes.
func (d *rowDeflater) start(rowLen int) {
	d.rowLen, d.rows = rowLen, 0
	d.win = sized(d.win, 2*rowLen)
	d.tokens = d.tokens[:0]
	d.litFreq, d.distFreq = [286]uint32{}, [30]uint32{}
	d.s1, d.s2 = 1, 0
	clear(d.seen[:])
}

// row returns where the caller writes the next row, rowLen bytes.
func (d *rowDeflater) row() []byte { return d.win[d.rowLen:] }

// add compresses the row written at row().
func (d *rowDeflater) add() {
	n := d.rowLen
	cur := d.win[n:]
	d.adler(cur)
	first := n // the first byte of win a match may repeat
	if d.rows > 0 {
		first = 0
	}
	base := (d.rows - 1) * n // where win begins in the stream
	for i := 0; i < n; {
		p := n + i
		limit := min(n-i, maxMatch)
		best, dist := 0, 0
		for _, dd := range [3]int{1, 3, n} {
			if p-dd < first || dd > maxDistance || d.win[p-dd] != d.win[p] {
				continue
			}
			if l := matchLen(d.win[p-dd:p-dd+limit], d.win[p:p+limit]); l > best {
				best, dist = l, dd
				if l == limit {
					break
				}
			}
		}
		if best < 4 && i+4 <= n {
			// The last place the next four bytes were seen, if in the window.
			h := binary.LittleEndian.Uint32(cur[i:]) * 2654435761 >> (32 - seenBits)
			at := d.rows*n + i // where p is in the stream
			if last := int(d.seen[h]) - 1; last >= max(base, 0) && at-last <= maxDistance {
				q := last - base
				if l := matchLen(d.win[q:q+limit], d.win[p:p+limit]); l > best {
					best, dist = l, p-q
				}
			}
			d.seen[h] = int32(at + 1)
		}
		if best >= 3 {
			d.match(best, dist)
			i += best
			continue
		}
		d.literal(cur[i])
		i++
	}
	copy(d.win[:n], cur)
	d.rows++
}

// addZeros is add for a row that is its filter type then zeros (the
// caller need not write it): a row the same as the one above.
func (d *rowDeflater) addZeros(filter byte) {
	cur := d.row()
	cur[0] = filter
	clear(cur[1:])
	d.add()
}

// adler adds p to the checksum, 64 or eight zeros at a time where it can.
func (d *rowDeflater) adler(p []byte) {
	s1, s2 := d.s1, d.s2
	for len(p) > 0 {
		q := p[:min(len(p), adlerRun)]
		p = p[len(q):]
		var zeros [64]byte
		for len(q) >= 8 {
			if len(q) >= 64 && bytes.Equal(q[:64], zeros[:]) {
				s2 += 64 * s1
				q = q[64:]
				continue
			}
			if binary.LittleEndian.Uint64(q) == 0 {
				s2 += 8 * s1
			} else {
				for _, b := range q[:8] {
					s1 += uint32(b)
					s2 += s1
				}
			}
			q = q[8:]
		}
		for _, b := range q {
			s1 += uint32(b)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	d.s1, d.s2 = s1, s2
}

// matchLen is how many bytes a and b, of the same length, have alike
// from their start.
func matchLen(a, b []byte) int {
	n := 0
	for len(a)-n >= 64 && bytes.Equal(a[n:n+64], b[n:n+64]) {
		n += 64
	}
	for len(a)-n >= 8 {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)/8
		}
		n += 8
	}
	for n < len(a) && a[n] == b[n] {
		n++
	}
	return n
}

func (d *rowDeflater) literal(b byte) {
	d.tokens = append(d.tokens, uint32(b))
	d.litFreq[b]++
}

func (d *rowDeflater) match(length, dist int) {
	d.tokens = append(d.tokens, tokenMatch|uint32(dist-1)<<8|uint32(length-3))
	lc, _, _ := lengthCode(length - 3)
	dc, _, _ := distCode(dist - 1)
	d.litFreq[lc]++
	d.distFreq[dc]++
}

// lengthCode is the code of a match of length n+3, with its extra bits'
// count and value.
func lengthCode(n int) (code, extra int, value uint32) {
	switch {
	case n < 8:
		return 257 + n, 0, 0
	case n == 255:
		return 285, 0, 0
	}
	nb := bits.Len(uint(n)) - 1
	extra = nb - 2
	hi := (n >> extra) & 3
	return 257 + 4*(nb-1) + hi, extra, uint32(n - (4|hi)<<extra)
}

// distCode is the code of a distance of x+1, with its extra bits' count
// and value.
func distCode(x int) (code, extra int, value uint32) {
	if x < 4 {
		return x, 0, 0
	}
	nb := bits.Len(uint(x)) - 1
	extra = nb - 1
	hi := (x >> extra) & 1
	return 2*nb + hi, extra, uint32(x - (2|hi)<<extra)
}

// finish writes the zlib stream of the rows added since start and
// returns it; it holds until the next start.
func (d *rowDeflater) finish() []byte {
	const endOfBlock = 256
	d.litFreq[endOfBlock]++
	h := &d.huff
	litLens := h.lengths(d.litFreq[:], 15)
	distLens := h.lengths(d.distFreq[:], 15)
	nlit, ndist := trimZeros(litLens, 257), trimZeros(distLens, 1)
	litCodes, distCodes := canonical(litLens), canonical(distLens)

	w := bitWriter{out: append(d.out[:0], 0x78, 0x01)} // deflate, 32K window, no dictionary
	w.bits(1, 1)                                       // the last block
	w.bits(2, 2)                                       // Huffman codes of its own
	h.writeLengths(&w, litLens[:nlit], distLens[:ndist])
	for _, t := range d.tokens {
		if t&tokenMatch == 0 {
			w.bits(uint64(litCodes[t]), uint(litLens[t]))
			continue
		}
		lc, le, lv := lengthCode(int(t & 0xff))
		w.bits(uint64(litCodes[lc]), uint(litLens[lc]))
		w.bits(uint64(lv), uint(le))
		dc, de, dv := distCode(int(t>>8) & 0x7fff)
		w.bits(uint64(distCodes[dc]), uint(distLens[dc]))
		w.bits(uint64(dv), uint(de))
	}
	w.bits(uint64(litCodes[endOfBlock]), uint(litLens[endOfBlock]))
	w.flush()
	d.out = binary.BigEndian.AppendUint32(w.out, d.s2<<16|d.s1)
	return d.out
}

// trimZeros is how many of lens to send: all but the zeros at the end,
// and at least least.
func trimZeros(lens []uint8, least int) int {
	n := len(lens)
	for n > least && lens[n-1] == 0 {
		n--
	}
	return n
}

// canonical returns the codes of lens (deflate's canonical Huffman codes),
// bit-reversed as deflate writes them, least significant bit first.
func canonical(lens []uint8) []uint16 {
	var count [16]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	codes := make([]uint16, len(lens))
	for s, l := range lens {
		if l != 0 {
			codes[s] = bits.Reverse16(next[l]) >> (16 - l)
			next[l]++
		}
	}
	return codes
}

// bitWriter writes bits least significant first, as deflate packs them.
type bitWriter struct {
	out []byte
	acc uint64
	n   uint
}

// bits writes the n low bits of v (n at most 32).
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// flush writes the bits left, the last byte padded with zeros.
func (w *bitWriter) flush() {
	for w.n > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= min(w.n, 8)
	}
}

// huffmanBuilder works out Huffman code lengths, keeping its memory.
type huffmanBuilder struct {
	syms []symFreq
	lens [3][]uint8 // literal, distance and code-length lengths, in turn
	turn int
}

type symFreq struct {
	sym  uint16
	freq uint32 // the frequency, then (minimumRedundancy) the length
}

// lengths returns the lengths of a Huffman code for freq, none longer
// than limit, every symbol with a frequency having one, and at least two
// symbols having one (deflate's decoders want two codes even when one is
// used). The slice holds until lengths is called three more times.
func (h *huffmanBuilder) lengths(freq []uint32, limit int) []uint8 {
	lens := sized8(h.lens[h.turn%3][:0], len(freq))
	h.lens[h.turn%3] = lens
	h.turn++
	clear(lens)
	h.syms = h.syms[:0]
	for s, f := range freq {
		if f > 0 {
			h.syms = append(h.syms, symFreq{uint16(s), f})
		}
	}
	for s := 0; len(h.syms) < 2; s++ {
		if freq[s] == 0 {
			h.syms = append(h.syms, symFreq{uint16(s), 1})
		}
	}
	slices.SortFunc(h.syms, func(a, b symFreq) int {
		return cmp.Or(cmp.Compare(a.freq, b.freq), cmp.Compare(a.sym, b.sym))
	})
	minimumRedundancy(h.syms)
	// How many codes of each length, then the longest made at most limit
	// (as miniz does): the codes' lengths are then given out shortest to
	// the most frequent.
	var count [64]int
	for _, s := range h.syms {
		count[min(int(s.freq), len(count)-1)]++
	}
	for l := limit + 1; l < len(count); l++ {
		count[limit] += count[l]
		count[l] = 0
	}
	total := 0
	for l := limit; l > 0; l-- {
		total += count[l] << (limit - l)
	}
	for total != 1<<limit {
		count[limit]--
		for l := limit - 1; l > 0; l-- {
			if count[l] > 0 {
				count[l]--
				count[l+1] += 2
				break
			}
		}
		total--
	}
	j := len(h.syms)
	for l := 1; l <= limit; l++ {
		for range count[l] {
			j--
			lens[h.syms[j].sym] = uint8(l)
		}
	}
	return lens
}

// sized8 returns b with length n, reusing its array when it is large enough.
func sized8(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}

// minimumRedundancy replaces the frequencies of a, sorted up by frequency,
// by the lengths of a Huffman code for them (Moffat and Katajainen's
// algorithm, in place, as in miniz).
func minimumRedundancy(a []symFreq) {
	n := len(a)
	switch n {
	case 0:
		return
	case 1:
		a[0].freq = 1
		return
	}
	a[0].freq += a[1].freq
	root, leaf := 0, 2
	for next := 1; next < n-1; next++ {
		if leaf >= n || a[root].freq < a[leaf].freq {
			a[next].freq = a[root].freq
			a[root].freq = uint32(next)
			root++
		} else {
			a[next].freq = a[leaf].freq
			leaf++
		}
		if leaf >= n || (root < next && a[root].freq < a[leaf].freq) {
			a[next].freq += a[root].freq
			a[root].freq = uint32(next)
			root++
		} else {
			a[next].freq += a[leaf].freq
			leaf++
		}
	}
	a[n-2].freq = 0
	for next := n - 3; next >= 0; next-- {
		a[next].freq = a[a[next].freq].freq + 1
	}
	avail, used, depth := 1, 0, uint32(0)
	root, next := n-2, n-1
	for avail > 0 {
		for root >= 0 && a[root].freq == depth {
			used++
			root--
		}
		for avail > used {
			a[next].freq = depth
			next--
			avail--
		}
		avail, depth, used = 2*used, depth+1, 0
	}
}

// writeLengths writes the header of a block of Huffman codes of its own:
// the counts, then the code lengths of lit and dist, themselves coded
// (runs of zeros and repeats shortened, RFC 1951 3.2.7).
func (h *huffmanBuilder) writeLengths(w *bitWriter, lit, dist []uint8) {
	all := make([]uint8, 0, len(lit)+len(dist))
	all = append(append(all, lit...), dist...)
	// The lengths as code-length symbols: 0-15 a length, 16 the last
	// repeated 3-6 times, 17 a run of 3-10 zeros, 18 of 11-138; each with
	// its extra bits' value.
	type clSym struct{ sym, extra uint8 }
	var syms []clSym
	var freq [19]uint32
	for i := 0; i < len(all); {
		l := all[i]
		run := 1
		for i+run < len(all) && all[i+run] == l {
			run++
		}
		switch {
		case l == 0 && run >= 11:
			run = min(run, 138)
			syms = append(syms, clSym{18, uint8(run - 11)})
		case l == 0 && run >= 3:
			syms = append(syms, clSym{17, uint8(run - 3)})
		case l != 0 && run >= 4:
			run = min(run, 7) // the length itself, then 3-6 repeats
			syms = append(syms, clSym{l, 0}, clSym{16, uint8(run - 4)})
		default:
			run = 1
			syms = append(syms, clSym{l, 0})
		}
		i += run
	}
	for _, s := range syms {
		freq[s.sym]++
	}
	clLens := h.lengths(freq[:], 7)
	clCodes := canonical(clLens)
	order := [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	nclen := 19
	for nclen > 4 && clLens[order[nclen-1]] == 0 {
		nclen--
	}
	w.bits(uint64(len(lit)-257), 5)
	w.bits(uint64(len(dist)-1), 5)
	w.bits(uint64(nclen-4), 4)
	for _, s := range order[:nclen] {
		w.bits(uint64(clLens[s]), 3)
	}
	extraBits := [19]uint{16: 2, 17: 3, 18: 7}
	for _, s := range syms {
		w.bits(uint64(clCodes[s.sym]), uint(clLens[s.sym]))
		w.bits(uint64(s.extra), extraBits[s.sym])
	}
}
