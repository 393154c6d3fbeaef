package fit

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"cordon/sim/random"
)

func TestChooseConstantAndSkipped(t *testing.T) {
	c := Choose("delivery.door", []float64{5, 5, 5})
	if c.Skipped != "" || c.Fits != nil || !reflect.DeepEqual(c.Chosen(), random.Constant(5)) {
		t.Errorf("equal samples: got %+v, chosen %+v; want no fits and the constant 5", c, c.Chosen())
	}
	if bad, _ := c.Rejected(); bad {
		t.Error("a constant is rejected")
	}
	s := Choose("gate.intake", []float64{1, math.NaN(), 3})
	if s.Skipped == "" || s.Fits != nil {
		t.Errorf("a NaN sample: got %+v, want skipped with the reason", s)
	}
}

func TestChooseRanksAndRejects(t *testing.T) {
	x := draw(t, random.Spec{Family: "gamma", Mean: 40, CV: 0.5}, 400, 7)
	s := Choose("gate.intake", x)
	if len(s.Fits) != 5 || !reflect.DeepEqual(s.Chosen(), s.Fits[0].Spec) {
		t.Fatalf("got %d fits, chosen %+v; want all 5 families and the first chosen", len(s.Fits), s.Chosen())
	}
	bad, limit := s.Rejected()
	if want := 1.63 / math.Sqrt(400); limit != want || bad != (s.Fits[0].KS > want) {
		t.Errorf("Rejected() = %v, %v; want %v, %v", bad, limit, s.Fits[0].KS > want, want)
	}
	if s.LeftOut() != "" {
		t.Errorf("no zeros, but LeftOut() = %q", s.LeftOut())
	}
	x[0], x[1] = 0, 0
	z := Choose("gate.intake", x)
	if len(z.Fits) != 2 || !strings.Contains(z.LeftOut(), "2 of 400 samples are 0s") {
		t.Errorf("two zeros: %d fits, LeftOut() = %q; want exponential and normal, saying 2 of 400", len(z.Fits), z.LeftOut())
	}
}
