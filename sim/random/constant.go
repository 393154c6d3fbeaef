package random

import (
	"fmt"
	"math/rand/v2"
)

// Fixed is the constant distribution: every draw is the same value. It needs
// no source. (The name Constant is taken by the [Spec] helper.)
type Fixed struct {
	v float64
}

// NewConstant returns the distribution that always returns v; v must be
// finite and >= 0.
func NewConstant(v float64) (Dist, error) {
	if err := checkConstant(v); err != nil {
		return nil, err
	}
	return Fixed{v: v}, nil
}

func checkConstant(v float64) error {
	return need(FamilyConstant, "value", v, v >= 0, ">= 0")
}

// Rand returns the value.
func (c Fixed) Rand() float64 { return c.v }

// Mean returns the value.
func (c Fixed) Mean() float64 { return c.v }

func (c Fixed) String() string { return fmt.Sprintf("constant(%v)", c.v) }

// constantFamily is the constant's entry in Families.
func constantFamily() Family {
	return Family{
		Name: FamilyConstant, Doc: "always the same value",
		Params:   []Param{valueParam()},
		Example:  [2]string{"value: 5", "value: 30s"},
		validate: func(s Spec) error { return checkConstant(s.Value) },
		build:    func(s Spec, _ rand.Source) (Dist, error) { return NewConstant(s.Value) },
		mean:     func(s Spec) float64 { return s.Value },
		atLeast:  func(s Spec, t float64) float64 { return step(s.Value >= t) },
		excess:   func(s Spec, t float64) float64 { return max(s.Value-t, 0) },
	}
}
