package random

// countTerms bounds the terms CountMean sums one by one; past them it adds
// the rest of the tail in one piece.
const countTerms = 4096

// CountMean returns the mean of a count drawn from the distribution as
// sim.Source draws a batch size: a draw rounded to the nearest whole number
// (halves away from zero), and at least 1. It differs from MeanValue: a
// constant 0.5 is a count of 1, a uniform from 0 to 2 a count of 1.25.
//
// It sums E[max(round X, 1)] = 1 + Σ_{k≥1} P(X ≥ k+½) term by term, exactly
// for every family (up to rounding) while the terms last; past countTerms
// terms, or once they fall below 1e-15, it adds the rest as the integral of
// P(X ≥ t) from the next whole number on, E[(X-t)⁺], whose error is that of
// the midpoint rule on a tail that has thinned out. It is meaningful only if
// Validate returns nil.
func (s Spec) CountMean() float64 {
	sum := 1.0
	k := 1
	for ; k <= countTerms; k++ {
		p := s.atLeast(float64(k) + 0.5)
		if p == 0 {
			return sum
		}
		sum += p
		if p < 1e-15 {
			break
		}
	}
	return sum + s.excess(float64(k+1))
}

// atLeast returns P(X ≥ t) for t > 0.
func (s Spec) atLeast(t float64) float64 {
	f, err := s.family()
	if err != nil {
		return 0
	}
	return f.atLeast(s, t)
}

// excess returns E[(X-t)⁺], the integral of P(X ≥ u) over u from t on, for
// t > 0.
func (s Spec) excess(t float64) float64 {
	f, err := s.family()
	if err != nil {
		return 0
	}
	return f.excess(s, t)
}

// triangularAtLeast returns P(X ≥ t) for the triangular distribution.
func triangularAtLeast(lo, mode, hi, t float64) float64 {
	switch {
	case lo == hi:
		return step(lo >= t)
	case t <= lo:
		return 1
	case t >= hi:
		return 0
	case t <= mode:
		return 1 - (t-lo)*(t-lo)/((hi-lo)*(mode-lo))
	}
	return (hi - t) * (hi - t) / ((hi - lo) * (hi - mode))
}

// triangularExcess returns E[(X-t)⁺] for the triangular distribution.
func triangularExcess(lo, mode, hi, t float64) float64 {
	switch {
	case t >= hi:
		return 0
	case lo == hi || t <= lo:
		return triangularMean(lo, mode, hi) - t
	case t >= mode:
		return (hi - t) * (hi - t) * (hi - t) / (3 * (hi - lo) * (hi - mode))
	}
	// E[(X-t)⁺] = E[X] - t + E[(t-X)⁺], the last over [lo, t] below the mode.
	return triangularMean(lo, mode, hi) - t + (t-lo)*(t-lo)*(t-lo)/(3*(hi-lo)*(mode-lo))
}

func step(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }
