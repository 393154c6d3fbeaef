package experiment

import (
	"fmt"
	"slices"
	"strings"

	"cordon/compound"
)

// callScheduleKnobs are the zero-cost knobs of an explicit calling
// schedule, in place of the interval, buildings per wave and order it
// replaces: each call's time, in minutes after midnight (step 5, not
// before the round's start, within scheduleReach either way), and the
// site of each call that names one (an index into sampling.sites).
func callScheduleKnobs(sc *compound.Scenario) []Knob {
	sp := sc.Sampling
	start := minutes(float64(sp.Start))
	sites := make([]string, len(sp.Sites))
	for i, s := range sp.Sites {
		sites[i] = s.Name
	}
	var ks []Knob
	for i, c := range sp.Calling.Schedule {
		what := fmt.Sprintf("call %d (buildings %s)", i+1, strings.Join(c.Buildings, ", "))
		path := fmt.Sprintf("sampling.calling.schedule[%d]", i)
		now := minutes(float64(c.At))
		reach := scheduleReach(now - start)
		ks = append(ks, schedule(Knob{Name: what + " time", Path: path + ".at", Area: "sampling", Step: minuteStep,
			Min: max(start, now-reach), Max: min(now+reach, 48*60),
			text: func(v int) string { return compound.Clock(60 * v).String() },
			get:  func(s *compound.Scenario) int { return minutes(float64(s.Sampling.Calling.Schedule[i].At)) },
			set: func(s *compound.Scenario, v int) {
				if at := &s.Sampling.Calling.Schedule[i].At; v != minutes(float64(*at)) {
					*at = compound.Clock(60 * v)
				}
			}}))
		if c.Site != "" && len(sites) > 1 {
			ks = append(ks, schedule(Knob{Name: what + " site", Path: path + ".site", Area: "sampling", Step: 1, Min: 0, Max: len(sites) - 1,
				text: func(v int) string { return sites[min(max(v, 0), len(sites)-1)] },
				get:  func(s *compound.Scenario) int { return slices.Index(sites, s.Sampling.Calling.Schedule[i].Site) },
				set:  func(s *compound.Scenario, v int) { s.Sampling.Calling.Schedule[i].Site = sites[v] }}))
		}
	}
	return ks
}

// wavesOnly reports whether a knob is of the waves an explicit schedule
// replaces: the interval, the buildings per wave, the order.
func wavesOnly(k Knob) bool {
	switch k.Path {
	case "sampling.calling.interval", "sampling.calling.per_wave", "sampling.calling.order":
		return true
	}
	return false
}
