package reports

import (
	"cordon/experiment"
)

// OnDuty is the staff on duty hour by hour of the run, for plots: each
// pool's (every zone's group together) and the sampling sites' medical
// staff's, as the mean over the replications of the mean number on duty
// in each hour (staff in a change-over or finishing past their shift end
// not counted).
type OnDuty struct {
	Start string      `json:"start"`  // the time of day the first hour begins, HH:MM
	Step  float64     `json:"step_s"` // an hour
	Staff []StaffLine `json:"staff"`
}

// StaffLine is one pool's staff on duty, or the medical staff's.
type StaffLine struct {
	Pool    string   `json:"pool"` // a pool's name, or "medical staff"
	PerHour []Number `json:"per_hour"`
}

// newOnDuty is the outcome's staff on duty, hour by hour; nil when the
// replications have none.
func newOnDuty(o *experiment.Outcome) *OnDuty {
	if len(o.OnDuty) == 0 {
		return nil
	}
	out := &OnDuty{Start: o.Scenario.Horizon.Start.String(), Step: o.OnDuty[0].Step}
	for _, l := range o.OnDuty {
		line := StaffLine{Pool: l.Pool, PerHour: make([]Number, len(l.PerHour))}
		for h, v := range l.PerHour {
			line.PerHour[h] = Number(v)
		}
		out.Staff = append(out.Staff, line)
	}
	return out
}
