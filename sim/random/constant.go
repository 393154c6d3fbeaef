package random

import "fmt"

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
	return need(KindConstant, "value", v, v >= 0, ">= 0")
}

// Rand returns the value.
func (c Fixed) Rand() float64 { return c.v }

// Mean returns the value.
func (c Fixed) Mean() float64 { return c.v }

func (c Fixed) String() string { return fmt.Sprintf("constant(%v)", c.v) }
