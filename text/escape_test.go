package text

import (
	"strings"
	"testing"
)

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"zone 7", "zone 7"},
		{"a\nb", `a\nb`},
		{"tab\tstays", "tab\tstays"},
		{"cr\rlf", `cr\rlf`},
		{"esc\x1b[31mred", `esc\x1b[31mred`},
		{"line\u2028sep", `line\u2028sep`},
		{"楼\x00", `楼\x00`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"next\u0085line", `next\u0085line`},
		{"file\u202egpj.exe", `file\u202egpj.exe`},
		{"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c", `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c`},
		{"שלום 楼 é\u00a0x", "שלום 楼 é\u00a0x"},
	} {
		got := OneLine(c.in)
		if got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.ContainsFunc(got, Escapes) {
			t.Errorf("OneLine(%q) = %q still breaks the line", c.in, got)
		}
	}
}

func TestQuoteUnprintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"gate.intake", "gate.intake"},
		{"zones.zone 3.walk", "zones.zone 3.walk"},
		{"楼 é", "楼 é"},
		{"a\nb", `"a\nb"`},
		{"tab\there", `"tab\there"`},
		{"esc\x1b[31m", `"esc\x1b[31m"`},
	} {
		if got := QuoteUnprintable(c.in); got != c.want {
			t.Errorf("QuoteUnprintable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
