package compound

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
	} {
		got := OneLine(c.in)
		if got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.ContainsFunc(got, BreaksLine) {
			t.Errorf("OneLine(%q) = %q still breaks the line", c.in, got)
		}
	}
}
