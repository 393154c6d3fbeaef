package compound

import (
	"math"
	"strings"
	"testing"

	"cordon/internal/fuzzguard"
)

// FuzzParseTarget feeds --target texts to the parser: it never panics, an
// error names the text, and a target it accepts has a KPI name without
// spaces, a known operator and a finite value, and reads back the same.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{
		"takeout.door_time.p95 <= 45m", "sampling.makespan<=4h", "gate.staging.max <= 200",
		"x>=95%", "x<1.5", "x > 1h30m", "<=5", "x<=", "x=5", "x <= <= 5", "x<=1e400", "x<=NaN",
		"a b <= 3", "x<=-5m", "x<=95 %", "x ≤ 5", "\x00<=1", strings.Repeat("a", 10000) + "<=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzguard.Check(t, func() {
			tg, err := ParseTarget(s)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				return
			}
			if tg.KPI == "" || strings.ContainsAny(tg.KPI, " \t<>=") {
				t.Fatalf("%q: KPI %q", s, tg.KPI)
			}
			switch tg.Op {
			case "<=", ">=", "<", ">":
			default:
				t.Fatalf("%q: operator %q", s, tg.Op)
			}
			if math.IsNaN(tg.Value) || math.IsInf(tg.Value, 0) {
				t.Fatalf("%q: value %v", s, tg.Value)
			}
			again, err := ParseTarget(tg.Text)
			if err != nil || again.KPI != tg.KPI || again.Op != tg.Op || again.Value != tg.Value {
				t.Fatalf("%q reads back as %+v (%v), was %+v", s, again, err, tg)
			}
		})
	})
}

// FuzzParseClockAndDuration: the scalar parsers never panic and what they
// accept is in range.
func FuzzParseClockAndDuration(f *testing.F) {
	for _, s := range []string{"07:00", "24:00", "48:00", "25:99", "7:5", "-1:00", "45s", "1h30m", "-5m", "1e9h", "", "::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzguard.Check(t, func() {
			if c, err := ParseClock(s); err == nil && !(c >= 0 && c <= 48*3600) {
				t.Fatalf("%q: clock %v", s, c)
			}
			if d, err := ParseDuration(s); err == nil && !(d >= 0) {
				t.Fatalf("%q: duration %v", s, d)
			}
		})
	})
}
