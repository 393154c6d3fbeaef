package queueing

import (
	"fmt"
	"math"
)

// ErrUnstable is wrapped by every error reporting that offered load reaches
// or exceeds capacity (utilisation >= 1), so callers can tell an overloaded
// system from invalid parameters with errors.Is.
const ErrUnstable = constError("unstable")

type constError string

func (e constError) Error() string { return string(e) }

// maxServers bounds the staffing searches, so that they always terminate,
// and the M/M/c/K capacity, whose distribution is held in memory.
const maxServers = 1 << 24

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// nonNegative checks that v is finite and >= 0.
func nonNegative(who, name string, v float64) error {
	if !finite(v) || v < 0 {
		return fmt.Errorf("%s: %s must be finite and >= 0, got %g", who, name, v)
	}
	return nil
}

// positive checks that v is finite and > 0.
func positive(who, name string, v float64) error {
	if !finite(v) || v <= 0 {
		return fmt.Errorf("%s: %s must be finite and > 0, got %g", who, name, v)
	}
	return nil
}

// probability checks that p is in [0, 1).
func probability(who, name string, p float64) error {
	if !(p >= 0 && p < 1) {
		return fmt.Errorf("%s: %s must be in [0,1), got %g", who, name, p)
	}
	return nil
}

func unstable(who string, rho float64) error {
	return fmt.Errorf("%s: %w, utilisation %.6g >= 1", who, ErrUnstable, rho)
}
