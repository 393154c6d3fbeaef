package stats

import "math"

// Level records a quantity that holds its value between changes, such as a
// queue length or the number of units busy, and answers time-weighted
// questions about it over the observation window [start, now].
//
// Times passed to a Level never go back: a time before the last change is
// taken as the time of the last change. A call with a time or a value that
// is not finite is ignored and counted in [Level.Rejected].
//
// The zero value is a Level observed from time 0 with value 0.
type Level struct {
	start    float64 // start of the observation window
	initial  float64 // value at start
	last     float64 // time of the last change
	value    float64 // value since last
	integral float64 // area under the curve over [start, last]
	min, max float64
	rejected int
	marks    []mark
}

// mark is a tracked threshold and the time spent at or above it over
// [start, last].
type mark struct {
	threshold float64
	time      float64
	exact     bool // tracked over the whole window
}

// NewLevel returns a Level whose observation starts at time start with the
// given value. A start or value that is not finite is taken as 0 and counted
// in [Level.Rejected].
func NewLevel(start, initial float64) *Level {
	l := &Level{}
	if !finite(start) {
		start = 0
		l.rejected++
	}
	if !finite(initial) {
		initial = 0
		l.rejected++
	}
	l.start, l.last = start, start
	l.initial, l.value, l.min, l.max = initial, initial, initial, initial
	return l
}

// Set records that the value changes to value at time now. Several changes
// at the same time are allowed; the last one wins.
func (l *Level) Set(now, value float64) {
	if !bothFinite(now, value) {
		l.rejected++
		return
	}
	// A change at the time of the last one (or before it, taken as at it)
	// adds nothing: the old value was held for no time. Skipping the sum of
	// a zero leaves the integral bit for bit as adding it would, since the
	// integral, a sum starting from +0, is never -0.
	if now > l.last {
		dt := now - l.last
		l.integral += l.value * dt
		if len(l.marks) > 0 {
			l.markTime(dt)
		}
		l.last = now
	}
	l.value = value
	if value < l.min {
		l.min = value
	}
	if value > l.max {
		l.max = value
	}
}

// Add records that the value changes by delta at time now.
func (l *Level) Add(now, delta float64) {
	l.Set(now, l.value+delta)
}

// Value returns the current value.
func (l *Level) Value() float64 { return l.value }

// Rejected returns the number of calls ignored because a time or value was
// not finite or a threshold was NaN.
func (l *Level) Rejected() int { return l.rejected }

// Max returns the largest value held since the observation started,
// including the value it started with and values held for no time.
func (l *Level) Max() float64 { return l.max }

// Min returns the smallest value held since the observation started,
// including the value it started with and values held for no time.
func (l *Level) Min() float64 { return l.min }

// Integral returns the area under the curve over [start, now].
func (l *Level) Integral(now float64) float64 {
	return l.integral + l.value*l.since(now)
}

// Mean returns the time-average over [start, now]; over a window of length
// zero it is the value the observation started with.
func (l *Level) Mean(now float64) float64 {
	now = l.clamp(now)
	if now == l.start {
		return l.initial
	}
	return l.Integral(now) / (now - l.start)
}

// TrackThreshold makes l record the time spent at or above threshold. Call
// it before the first change that moves time forward (or right after
// [Level.Reset]); a threshold tracked later only becomes exact at the next
// Reset, and until then [Level.TimeAtOrAbove] answers NaN for it. Any number
// of thresholds may be tracked; tracking one twice changes nothing.
func (l *Level) TrackThreshold(threshold float64) {
	if math.IsNaN(threshold) {
		l.rejected++
		return
	}
	for _, m := range l.marks {
		if m.threshold == threshold {
			return
		}
	}
	l.marks = append(l.marks, mark{threshold: threshold, exact: l.last == l.start})
}

// TimeAtOrAbove returns the total time in [start, now] during which the
// value was >= threshold. It is exact for thresholds given to
// [Level.TrackThreshold] and NaN for any other.
func (l *Level) TimeAtOrAbove(now, threshold float64) float64 {
	for _, m := range l.marks {
		if m.threshold != threshold {
			continue
		}
		if !m.exact {
			return math.NaN()
		}
		if l.value >= threshold {
			return m.time + l.since(now)
		}
		return m.time
	}
	return math.NaN()
}

// Reset discards the history before now (warm-up deletion): the window
// restarts at now from the current value, and the integral, extremes and
// threshold times start afresh. Every tracked threshold becomes exact.
func (l *Level) Reset(now float64) {
	if !finite(now) {
		l.rejected++
		return
	}
	now = l.clamp(now)
	l.start, l.last, l.integral = now, now, 0
	l.initial, l.min, l.max = l.value, l.value, l.value
	for i := range l.marks {
		l.marks[i].time, l.marks[i].exact = 0, true
	}
}

// markTime adds dt to the time of every threshold the current value is at
// or above.
func (l *Level) markTime(dt float64) {
	for i := range l.marks {
		if l.value >= l.marks[i].threshold {
			l.marks[i].time += dt
		}
	}
}

// since returns how long the current value has been held at time now.
func (l *Level) since(now float64) float64 { return l.clamp(now) - l.last }

// clamp takes a time before the last change (or NaN) as the last change.
func (l *Level) clamp(now float64) float64 {
	if !(now >= l.last) {
		return l.last
	}
	return now
}

// finite reports whether x is neither NaN nor ±Inf: x-x is 0 for every
// finite x and NaN otherwise. One subtraction and one comparison, where
// math.IsNaN and math.IsInf take three comparisons.
func finite(x float64) bool { return x-x == 0 }

// bothFinite reports whether x and y are both finite.
func bothFinite(x, y float64) bool { return (x-x)+(y-y) == 0 }
