package experiment

import (
	"math"
	"testing"

	"cordon/compound"
)

// TestReckonSite: 100 residents called at 0 after a walk of 60 s, reaching
// the site evenly over 1,000 s (0.1 a second), served at 0.05 a second:
// the queue grows by 0.05 a second to 50 at 1,060 s and is gone 1,000 s
// later. Served at 1 a second, nobody waits and the site is done when the
// last arrives. A second call after the first is done starts afresh.
func TestReckonSite(t *testing.T) {
	call := compound.SiteCall{Site: "a", Residents: 100, Walk: 60}
	for _, c := range []struct {
		name       string
		calls      []compound.SiteCall
		rate       float64
		peak, done float64
	}{
		{"slow", []compound.SiteCall{call}, 0.05, 50, 2060},
		{"fast", []compound.SiteCall{call}, 1, 0, 1060},
		{"two calls", []compound.SiteCall{call, {Site: "a", At: 5000, Residents: 100, Walk: 60}}, 0.05, 50, 7060},
	} {
		peak, done := reckonSite(c.calls, 1000, c.rate)
		if math.Abs(peak-c.peak) > 1e-6 || math.Abs(done-c.done) > 1e-6 {
			t.Errorf("%s: peak %v, done %v; want %v, %v", c.name, peak, done, c.peak, c.done)
		}
	}
}
