package text

import (
	"slices"
	"testing"
)

func TestSplitList(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		err  string
	}{
		{"1, 2,3", []string{"1", " 2", "3"}, ""},
		{"{from: 07:30, to: 15:30}, [a, b]", []string{"{from: 07:30, to: 15:30}", " [a, b]"}, ""},
		{`'a, b', "c, d"`, []string{"'a, b'", ` "c, d"`}, ""},
		{"a], b", []string{"a]", " b"}, "a ] without its opening bracket"},
		{"{a, b", []string{"{a, b"}, "a bracket or quote is not closed"},
		{"'a, b", []string{"'a, b"}, "a bracket or quote is not closed"},
		{"", []string{""}, ""},
	} {
		got, err := SplitList(c.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if !slices.Equal(got, c.want) || msg != c.err {
			t.Errorf("SplitList(%q) = %q, %q; want %q, %q", c.in, got, msg, c.want, c.err)
		}
	}
}
