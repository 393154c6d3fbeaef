package experiment

import "cordon/compound"

// labServersPath is the path of the sampling lab's servers.
const labServersPath = "sampling.lab.servers"

// labKnobs is the sampling lab's servers, when the round has a lab: a
// staff knob at the lab's hour cost for the run, as a post's servers.
func labKnobs(sc *compound.Scenario) []Knob {
	if sc.Sampling == nil || sc.Sampling.Lab == nil {
		return nil
	}
	l := sc.Sampling.Lab
	return []Knob{{
		Name: "lab servers", Path: labServersPath, Area: "sampling",
		Step: 1, Min: 1, Max: max(2*l.Servers, l.Servers+5), UnitCost: l.HourCost * float64(sc.Horizon.Days) * 24, Resource: KnobStaff,
		get: func(s *compound.Scenario) int { return s.Sampling.Lab.Servers },
		set: func(s *compound.Scenario, v int) { s.Sampling.Lab.Servers = v },
	}}
}

// atLab says whether the KPI called name is of what happens once the
// samples are at the lab: its queue, its waits and when every result is
// known (a day's KPI as its whole run's).
func atLab(name string) bool {
	name, _ = compound.FirstRound(name)
	name, _ = compound.WholeRun(name)
	switch name {
	case "sampling.results_known", "sampling.lab_wait.mean", "sampling.lab_queue.max":
		return true
	}
	return false
}
