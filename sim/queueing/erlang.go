package queueing

import "fmt"

// ErlangB returns the Erlang B blocking probability of an M/M/c/c loss
// system with c servers (c >= 0) and offered load a Erlangs (finite, >= 0).
// It uses the recurrence B(0) = 1, B(k) = a·B(k-1)/(k + a·B(k-1)), which is
// stable for any c.
func ErlangB(c int, a float64) (float64, error) {
	if c < 0 {
		return 0, fmt.Errorf("erlangb: servers must be >= 0, got %d", c)
	}
	if err := nonNegative("erlangb", "offered load", a); err != nil {
		return 0, err
	}
	return erlangB(c, a), nil
}

// ErlangC returns the Erlang C probability that an arrival to an M/M/c queue
// with c servers (c >= 1) and offered load a (finite, 0 <= a < c) waits.
func ErlangC(c int, a float64) (float64, error) {
	if c < 1 {
		return 0, fmt.Errorf("erlangc: servers must be >= 1, got %d", c)
	}
	if err := nonNegative("erlangc", "offered load", a); err != nil {
		return 0, err
	}
	if a >= float64(c) {
		return 0, fmt.Errorf("erlangc: %w, offered load %g >= servers %d", ErrUnstable, a, c)
	}
	return erlangCFromB(c, a, erlangB(c, a)), nil
}

func erlangB(c int, a float64) float64 {
	b := 1.0
	for k := 1; k <= c; k++ {
		b = erlangBStep(b, k, a)
	}
	return b
}

// erlangBStep advances the Erlang B recurrence from k-1 to k servers.
func erlangBStep(b float64, k int, a float64) float64 {
	return a * b / (float64(k) + a*b)
}

// erlangCFromB converts B(c, a) to C(c, a); it assumes a < c. The result is
// clamped to [B, 1], where it lies exactly, against rounding.
func erlangCFromB(c int, a, b float64) float64 {
	cf := float64(c)
	return min(1, max(b, cf*b/(cf-a*(1-b))))
}
