package random

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Exponential is the exponential distribution with a given mean. It keeps
// the rand.Rand over its source, made once, so that a draw is one call.
type Exponential struct {
	mean float64
	r    *rand.Rand
}

// NewExponential returns the exponential distribution with the given mean,
// which must be > 0, drawing from src.
func NewExponential(mean float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkExponential(mean), needSource(FamilyExponential, src)); err != nil {
		return nil, err
	}
	return &Exponential{mean: mean, r: rand.New(src)}, nil
}

func checkExponential(mean float64) error {
	return need(FamilyExponential, "mean", mean, mean > 0, "> 0")
}

// Rand returns a draw.
func (e *Exponential) Rand() float64 { return e.mean * e.r.ExpFloat64() }

// Mean returns the mean.
func (e *Exponential) Mean() float64 { return e.mean }

func (e *Exponential) String() string { return fmt.Sprintf("exponential(mean=%v)", e.mean) }

// exponentialFamily is the exponential's entry in Families.
func exponentialFamily() Family {
	return Family{
		Name: FamilyExponential, Doc: "exponential with the given mean",
		Params:   []Param{meanParam(Positive)},
		Example:  [2]string{"mean: 8", "mean: 40s"},
		validate: func(s Spec) error { return checkExponential(s.Mean) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewExponential(s.Mean, src) },
		mean:     func(s Spec) float64 { return s.Mean },
		atLeast:  func(s Spec, t float64) float64 { return math.Exp(-t / s.Mean) },
		excess:   func(s Spec, t float64) float64 { return s.Mean * math.Exp(-t/s.Mean) },
	}
}
