package queueing

import "math"

// OfferedLoad is arrivals per unit time times mean service time: the number
// of servers kept busy on average (Erlangs). It returns NaN when either
// argument is negative or NaN, so a comparison against capacity fails.
func OfferedLoad(rate, meanService float64) float64 {
	if !(rate >= 0 && meanService >= 0) {
		return math.NaN()
	}
	return rate * meanService
}

// MinStable returns the least server count c with rate·meanService < c: the
// least integer above the offered load, at least 1 when rate > 0 and 0 when
// rate == 0. It is the stability threshold and the planner's lower bound.
//
// For invalid input (negative, NaN or infinite values, or a load too large
// for an int) it returns math.MaxInt, so that a stability pre-check
// comparing a staffing level against it fails rather than passes.
func MinStable(rate, meanService float64) int {
	a := OfferedLoad(rate, meanService)
	switch {
	case !finite(a) || a >= float64(math.MaxInt)/2:
		return math.MaxInt
	case rate == 0:
		return 0
	}
	return int(math.Floor(a)) + 1
}
