package reports

import (
	"math"
	"strings"

	"cordon/compound"
	"cordon/experiment"
)

// ReviewSources says where a review's figures came from, for its header:
// the log files as the planner named them ("" when not given), whether the
// logs say cordon made them (a synthetic day, not an observed one), how
// many bad rows a lenient read skipped, and the change asked for in one
// line ("gate.shelves=10", "scenario day-two"; "" for none).
type ReviewSources struct {
	Arrivals, Roster, Observed string
	Synthetic                  bool
	Skipped                    int
	Change                     string
}

// reviewHeader is the line that opens every form of a review: what was
// replayed, from which logs, over how many replications.
func (w *Words) reviewHeader(r *experiment.Review, src ReviewSources) string {
	var b strings.Builder
	b.WriteString(w.Sprintf("%d logged arrivals", r.Arrivals))
	if src.Arrivals != "" {
		b.WriteString(w.Sprintf(" (%s)", src.Arrivals))
	}
	if src.Roster != "" {
		b.WriteString(w.Sprintf(", logged roster (%s)", src.Roster))
	} else {
		b.WriteString(w.T(", the scenario's own shifts"))
	}
	switch {
	case r.Observed != nil && src.Observed != "":
		b.WriteString(w.Sprintf(", observed deliveries (%s)", src.Observed))
	case r.Observed != nil:
		b.WriteString(w.T(", observed deliveries"))
	default:
		b.WriteString(w.T(", nothing observed to set beside the replay"))
	}
	b.WriteString(w.Sprintf("; %d replications, seed %d", r.Replay.Replications, r.Replay.Seed))
	if src.Synthetic {
		b.WriteString(w.T("; synthetic log (made by cordon, not observed)"))
	}
	if src.Skipped > 0 {
		b.WriteString(w.Sprintf("; %d bad rows skipped (--lenient)", src.Skipped))
	}
	return b.String()
}

// changeName is the change asked for, in one line.
func changeName(r *experiment.Review, src ReviewSources) string {
	if src.Change != "" {
		return src.Change
	}
	if r.Change != nil && len(r.Change.Outcomes) > 1 {
		return "scenario " + r.Change.Outcomes[1].Scenario.Name
	}
	return "a change"
}

// hourClock is when an hour of the review starts: its day of the run (1 for
// the day the run starts on, 2 after the first midnight, ...) and its time
// of day.
func hourClock(sc *compound.Scenario, h experiment.ReviewHour) (day int, clock string) {
	t := float64(sc.Horizon.Start) + h.Start
	d := math.Floor(t / 86400)
	return int(d) + 1, compound.Clock(t - d*86400).String()
}

// hourLabel is hourLabel in w's language: "d2 06:00" is "第2天 06:00" in
// Chinese.
func (w *Words) hourLabel(sc *compound.Scenario, h experiment.ReviewHour) string {
	day, clock := hourClock(sc, h)
	if day > 1 {
		return w.Sprintf("d%d %s", day, clock)
	}
	return clock
}

// finite reports whether every value is a number (not NaN, not infinite).
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// outside reports whether an observed figure falls outside its prediction
// interval: false when there is no observed figure or no interval.
func outside(b experiment.Beside) bool {
	return finite(b.Observed) && finite(b.PredLow) && finite(b.PredHigh) && !b.Inside()
}

// somethingIn reports whether a figure is anything but zero, observed or
// simulated.
func somethingIn(b experiment.Beside) bool {
	return finite(b.Observed) && b.Observed != 0 || finite(b.Simulated.Mean) && b.Simulated.Mean != 0
}

// busyHour reports whether anything happened in an hour, observed or
// simulated: arrivals, deliveries, a backlog or residents sampled.
func busyHour(h experiment.ReviewHour) bool {
	return h.Arrived > 0 || somethingIn(h.Delivered) || somethingIn(h.Backlog) || somethingIn(h.TurnedAway) || somethingIn(h.Sampled) ||
		finite(h.DoorTime.Observed) || finite(h.DoorTime.Simulated.Mean)
}

// hasSampling reports whether the replayed scenario has a sampling round.
func hasSampling(r *experiment.Review) bool {
	return r.Replay.Scenario.Sampling != nil
}
