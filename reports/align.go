package reports

import (
	"io"
	"strings"
	"unicode"
)

// aligned is a terminal table whose columns line up by the width text
// takes on a terminal, where a Chinese character takes two columns
// (text/tabwriter counts it as one). Rows are written after indent, the
// columns two spaces apart; a row of one cell (a heading) stands alone
// and does not widen the column.
type aligned struct {
	indent string
	rows   [][]string
}

// add appends a row.
func (a *aligned) add(cells ...string) { a.rows = append(a.rows, cells) }

// write writes the rows, each padded to its column's width, the last cell
// of a row without trailing spaces.
func (a *aligned) write(w io.Writer) error {
	var widths []int
	for _, r := range a.rows {
		if len(r) < 2 {
			continue
		}
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range a.rows {
		if len(r) < 2 {
			b.WriteString(strings.Join(r, "") + "\n")
			continue
		}
		line := a.indent
		for i, c := range r {
			line += c
			if i < len(r)-1 {
				line += strings.Repeat(" ", widths[i]-displayWidth(c)+2)
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is how many terminal columns s takes: two for a wide East
// Asian character (Han, kana, Hangul, full-width forms and punctuation),
// one for any other.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// wide says whether r takes two terminal columns.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) ||
		(r >= 0x3000 && r <= 0x303f) || // CJK punctuation: 、。「」
		(r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6) // full-width forms: ，：（）
}

// WriteColumns writes rows as a terminal table whose columns line up by
// the width their text takes, a Chinese character two columns: the
// listings of the command line in Chinese.
func WriteColumns(w io.Writer, rows [][]string) error {
	return (&aligned{rows: rows}).write(w)
}
