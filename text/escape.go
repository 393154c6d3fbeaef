package text

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
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

// TermSafe writes user text for a terminal, on one line: control characters
// (line breaks, tabs, escapes that would move the cursor or change colours)
// and the bidirectional controls (which reorder what is shown) as Go
// escapes, everything else, other scripts included, as it is. A tab is
// escaped too: in a name it would move the columns of a table.
func TermSafe(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\t' || Escapes(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '\t' || Escapes(r) {
			b.WriteString(EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TermText makes a text written for a terminal safe whatever is in it:
// every character OneLine escapes, but the text's own line breaks, as a Go
// escape. Names in the text are escaped where they are written (TermSafe),
// so that no line break or tab of theirs breaks a line or a table; this is
// the edge nothing else passes.
func TermText(text []byte) []byte {
	if !bytes.ContainsFunc(text, func(r rune) bool { return r != '\n' && Escapes(r) }) {
		return text
	}
	var b bytes.Buffer
	for _, r := range string(text) {
		if r != '\n' && Escapes(r) {
			b.WriteString(EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

// QuoteUnprintable writes a name read from a file for the terminal: as it
// is when every character of it is printable (a space included), else
// quoted with Go escapes, so that a name with a control or a line break in
// it shows what it holds.
func QuoteUnprintable(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return strconv.Quote(s)
		}
	}
	return s
}
