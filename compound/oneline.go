package compound

import (
	"strconv"
	"strings"
)

// OneLine escapes line breaks, other control characters and the
// bidirectional controls (as Go escapes: "\n" for a newline, "\u202e" for a
// right-to-left override) so that a message quoting user text stays on one
// line and shows the text in the order it was written; a tab and everything
// printable, other scripts included, stay as they are.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, Escapes) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if Escapes(r) {
			b.WriteString(EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Escapes reports whether OneLine escapes r: the C0 controls other than
// tab, DEL, the C1 controls (U+0080 to U+009F: U+009B starts a terminal
// escape as ESC [ does), the Unicode line and paragraph separators, and
// the bidirectional controls, which reorder the text shown around them
// (U+202E makes "gpj.exe" read "exe.jpg"): U+202A to U+202E, U+2066 to
// U+2069, U+200E, U+200F and U+061C.
func Escapes(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t'
	case r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029:
		return true
	}
	return IsBidiControl(r)
}

// IsBidiControl reports whether r is a bidirectional control: the
// embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069)
// and the marks (U+200E, U+200F, U+061C).
func IsBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// EscapeRune writes r as a Go escape without quotes: \n, \x1b, \u202e.
func EscapeRune(r rune) string {
	q := strconv.QuoteRuneToASCII(r)
	return q[1 : len(q)-1]
}
