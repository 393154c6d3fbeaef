package random

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Dist is a distribution of non-negative durations or quantities, sampled
// with Rand.
type Dist interface {
	// Rand returns a draw, >= 0.
	Rand() float64
	// Mean returns the expected value of a draw.
	Mean() float64
}

// unit returns a uniform draw in [0, 1) from src, like rand.Rand.Float64.
func unit(src rand.Source) float64 {
	return float64(src.Uint64()<<11>>11) / (1 << 53)
}

// need returns an error naming the parameter name of family unless v is
// finite and ok holds; want says what was expected.
func need(family, name string, v float64, ok bool, want string) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%s: %s must be finite, got %v", family, name, v)
	case !ok:
		return fmt.Errorf("%s: %s must be %s, got %v", family, name, want, v)
	}
	return nil
}

// firstErr returns the first non-nil error, or nil.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// needSource returns an error unless src can be drawn from.
func needSource(family string, src rand.Source) error {
	if pcg, ok := src.(*rand.PCG); src == nil || ok && pcg == nil {
		return fmt.Errorf("%s: src must not be nil", family)
	}
	return nil
}

// needDerived returns an error unless the derived quantity v, described by
// what, is finite and > 0: it catches parameters that are each valid but
// overflow or underflow together.
func needDerived(family, what string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return fmt.Errorf("%s: parameters out of range: %s is %v, want a finite number > 0", family, what, v)
	}
	return nil
}
