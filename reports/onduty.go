package reports

import (
	"math"
	"strings"

	"cordon/compound"
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

// newOnDuty gathers the on-duty series of every replication; nil when the
// replications have none.
func newOnDuty(o *experiment.Outcome) *OnDuty {
	if len(o.Runs) == 0 {
		return nil
	}
	prefix := compound.OnDutySeries("")
	var out *OnDuty
	for _, s := range o.Runs[0].Series {
		name, ok := strings.CutPrefix(s.Name, prefix)
		if !ok {
			continue
		}
		if out == nil {
			out = &OnDuty{Start: o.Scenario.Horizon.Start.String(), Step: s.Step}
		}
		line := StaffLine{Pool: name, PerHour: make([]Number, len(s.Points))}
		sum, n := make([]float64, len(s.Points)), make([]int, len(s.Points))
		for _, res := range o.Runs {
			for _, rs := range res.Series {
				if rs.Name != s.Name {
					continue
				}
				for h, v := range rs.Points[:min(len(rs.Points), len(sum))] {
					if !math.IsNaN(v) {
						sum[h] += v
						n[h]++
					}
				}
				break
			}
		}
		for h := range sum {
			line.PerHour[h] = Number(math.NaN())
			if n[h] > 0 {
				line.PerHour[h] = Number(sum[h] / float64(n[h]))
			}
		}
		out.Staff = append(out.Staff, line)
	}
	return out
}
