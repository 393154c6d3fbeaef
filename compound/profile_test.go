package compound

import (
	"math"
	"testing"
)

// TestProfileScale: a profile is relative, so its scale does not matter:
// numbers near the largest float (whose sum overflows) or the smallest
// (whose reciprocal overflows) spread a day's volume as [1, 1] and [1] do.
func TestProfileScale(t *testing.T) {
	for _, p := range [][]float64{{1e307, 1e307}, {math.MaxFloat64, math.MaxFloat64, 0}, {5e-324}, {5e-324, 0, 5e-324}} {
		rates := hourlyRates(100, p)
		sum := 0.0
		for h, r := range rates {
			if !(r >= 0) || math.IsInf(r, 0) {
				t.Fatalf("profile %v: hour %d at rate %v", p, h, r)
			}
			sum += r
		}
		if math.Abs(sum-100) > 1e-9 {
			t.Errorf("profile %v: %v a day, want 100", p, sum)
		}
	}
}

// TestHugeProfileArrives: a kind whose profile is [1e307, 1e307] gets its
// day's items (it got none).
func TestHugeProfileArrives(t *testing.T) {
	sc := small()
	sc.Kinds[0].Profile = []float64{1e307, 1e307}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	res := runSmall(t, sc, 0)
	if n, _ := res.Value(Catalog(sc), "express.arrived"); n < 50 {
		t.Errorf("%v express items arrived, want about 150", n)
	}
}
