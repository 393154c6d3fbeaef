package logs

import (
	"math"
	"time"

	"cordon/compound"
)

// Day is the run's start as an instant: simulation time t is Start + t
// seconds.
type Day struct{ Start time.Time }

// DayOf returns the Day of a scenario whose first day is the calendar date
// of date in date's location: the run starts at the scenario's clock.start
// that day, on the wall clock of that location.
func DayOf(sc *compound.Scenario, date time.Time) Day {
	y, m, d := date.Date()
	start := 0.0
	if sc != nil {
		start = float64(sc.Horizon.Start)
	}
	if !(start >= 0 && start <= 2*secondsPerDay) {
		start = 0
	}
	ns := int(math.Round(start * 1e9))
	return Day{Start: time.Date(y, m, d, 0, 0, 0, ns, date.Location())}
}

// Seconds returns the simulation time of instant t: seconds since the
// run's start.
func (d Day) Seconds(t time.Time) float64 {
	return t.Sub(d.Start).Seconds()
}

// Time returns the instant of simulation time seconds, to the nanosecond,
// in the location of the Day's start.
func (d Day) Time(seconds float64) time.Time {
	const limit = 9e9 // seconds: about 285 years, inside time.Duration
	switch {
	case math.IsNaN(seconds):
		seconds = 0
	case seconds > limit:
		seconds = limit
	case seconds < -limit:
		seconds = -limit
	}
	return d.Start.Add(time.Duration(math.Round(seconds * 1e9)))
}

// secondsPerDay is a day in seconds.
const secondsPerDay = 24 * 3600.0

// horizon returns the length of sc's run in seconds.
func horizon(sc *compound.Scenario) float64 {
	return float64(sc.Horizon.Days) * secondsPerDay
}
