package reports

import "testing"

// TestShiftHoursShown: a shift's hours as a plan's move writes them for
// --set are shown as a planner reads them, in both languages; any other
// value is left to KnobValue's other rules.
func TestShiftHoursShown(t *testing.T) {
	for _, w := range []*Words{English(), chinese()} {
		for v, want := range map[string]string{
			"{from: 06:30, to: 14:30}": "06:30–14:30",
			"{from: 22:00, to: 30:00}": "22:00–30:00",
			"5":                        "5",
			"{from: site, to: out}":    "{from: site, to: out}",
		} {
			if got := w.KnobValue(v); got != want && !(w.Chinese() && v == "{from: site, to: out}") {
				t.Errorf("%s: KnobValue(%q) = %q, want %q", w.Tag(), v, got, want)
			}
		}
	}
}
