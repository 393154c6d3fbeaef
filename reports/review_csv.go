package reports

import (
	"strconv"

	"cordon/experiment"
)

// HoursCSV is hours.csv of a review: one row per hour of the run, when it
// starts (day of the run and clock time), the items that arrived in it, and
// for the items delivered in it, their mean time to the door (by the hour
// they arrived, seconds), the backlog at its end (items still on their
// way: neither delivered nor turned away), the residents sampled in it and
// the items turned away in it: the observed figure (empty when the log does not say), the
// replay's mean with its 95% confidence interval and the 95% prediction
// interval for one day.
func HoursCSV(r *experiment.Review) []byte {
	var w csvLines
	head := []string{"day", "hour", "arrived"}
	for _, m := range []string{"delivered", "door_time_s", "backlog", "sampled", "turned_away"} {
		head = append(head, m+"_observed", m+"_mean", m+"_ci_low", m+"_ci_high", m+"_prediction_low", m+"_prediction_high")
	}
	writeCSVRow(&w, head)
	sc := r.Replay.Scenario
	for _, h := range r.Hours {
		day, clock := hourClock(sc, h)
		row := []string{strconv.Itoa(day), clock, strconv.Itoa(h.Arrived)}
		for _, b := range []experiment.Beside{h.Delivered, h.DoorTime, h.Backlog, h.Sampled, h.TurnedAway} {
			row = append(row, formatFloat(b.Observed), formatFloat(b.Simulated.Mean), formatFloat(b.Simulated.Low),
				formatFloat(b.Simulated.High), formatFloat(b.PredLow), formatFloat(b.PredHigh))
		}
		writeCSVRow(&w, row)
	}
	return w.b
}
