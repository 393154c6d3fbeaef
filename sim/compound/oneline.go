package compound

import (
	"strconv"
	"strings"
)

// OneLine escapes line breaks and other control characters (as Go escapes,
// "\n" for a newline) so that a message quoting user text stays on one line;
// a tab and everything printable, other scripts included, stay as they are.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, BreaksLine) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if BreaksLine(r) {
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// BreaksLine reports whether OneLine escapes r: the control characters
// other than tab, and the Unicode line and paragraph separators.
func BreaksLine(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029
}
