package logs

import (
	"slices"

	"cordon/sim/compound"
)

// The staff a scenario's shifts and breaks put on duty, as the model works
// it out (sim/compound, roster.go): RosterOf writes it as a roster.

// timeline maps times of day onto simulation time: time zero is the run's
// start (clock.start on day 1) and the run lasts horizon seconds.
type timeline struct {
	start   float64 // clock.start, seconds after midnight
	horizon float64
}

// change is a pool's count from a time on.
type change struct {
	at    float64
	count int
}

// clockOf returns the time of day (seconds after midnight) at simulation
// time t.
func (tl timeline) clockOf(t float64) float64 {
	c := tl.start + t
	c -= secondsPerDay * float64(int(c/secondsPerDay))
	return c
}

// changes returns a pool's count at time zero, then at every shift or
// break boundary where it changes.
func (tl timeline) changes(p compound.Pool, base int) []change {
	var bounds []float64
	days := int(tl.horizon / secondsPerDay)
	add := func(c float64) {
		for d := -1; d <= days+1; d++ {
			if t := float64(d)*secondsPerDay + c - tl.start; t > 0 && t < tl.horizon {
				bounds = append(bounds, t)
			}
		}
	}
	for _, s := range p.Shifts {
		add(float64(s.From))
		add(float64(s.To))
	}
	for _, b := range p.Breaks {
		add(float64(b.At))
		add(float64(b.At) + float64(b.Length))
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	out := []change{{at: 0, count: onDuty(p, base, tl.clockOf(0))}}
	for _, t := range bounds {
		if c := onDuty(p, base, tl.clockOf(t)); c != out[len(out)-1].count {
			out = append(out, change{at: t, count: c})
		}
	}
	return out
}

// onDuty returns the staff a pool has on duty at time of day c: its count,
// or the count of the shift covering c, less the staff on a break.
func onDuty(p compound.Pool, base int, c float64) int {
	n := base
	if len(p.Shifts) > 0 {
		n = 0
		for _, s := range p.Shifts {
			if covers(float64(s.From), float64(s.To), c) {
				n = s.Count
			}
		}
	}
	for _, b := range p.Breaks {
		if covers(float64(b.At), float64(b.At)+float64(b.Length), c) {
			n -= b.Count
		}
	}
	return max(n, 0)
}

// covers reports whether time of day c falls in [from, to), a span that may
// pass midnight.
func covers(from, to, c float64) bool {
	if to <= from {
		to += secondsPerDay
	}
	for _, x := range []float64{c, c + secondsPerDay} {
		if x >= from && x < to {
			return true
		}
	}
	return false
}
