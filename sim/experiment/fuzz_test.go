package experiment_test

import (
	"strings"
	"testing"

	"cordon/sim/experiment"
)

// FuzzParseAxis feeds --vary texts to the parser: it never panics, never
// hands back more than a thousand values or an empty one, and an axis it
// accepts names a path.
func FuzzParseAxis(f *testing.F) {
	for _, s := range []string{
		"gate.ground=10,20,40", "x=1..5", "x=1..2:0.5", "transfer.fill=5m..30m:5m", "x=5..1", "x=1..1e9",
		"x=10m..30m", "x=", "=1", "x=1,,2", "x=a..b", "x=1..5:-1", "x=0..1:1e-300", "x=..", "x=1e308..1.7e308:1e307",
		"x=NaN..1", "x=1h..2h:0s", "staff.a.shifts[0].count=0..3", "x=" + strings.Repeat("1,", 5000),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := experiment.ParseAxis(s)
		if err != nil {
			return
		}
		if strings.TrimSpace(a.Path) == "" || len(a.Values) == 0 {
			t.Fatalf("%q: %+v", s, a)
		}
		if len(a.Values) > 1000 && strings.Contains(s, "..") {
			t.Fatalf("%q: a range of %d values", s, len(a.Values))
		}
		for _, v := range a.Values {
			if v == "" {
				t.Fatalf("%q: an empty value", s)
			}
		}
	})
}
