package compound

// SiteCall is one building's call in the sampling round: the site its
// residents go to, when they are called (seconds after the round's start),
// how many come down (those not sampled at home), and the zone's mean walk
// to the site (each resident sets off after the round's come-down time).
type SiteCall struct {
	Site      string
	At        float64
	Residents float64
	Walk      float64
}

// SiteCalls lists the calls of the scenario's sampling round, building by
// building, as the model makes them (the calling plan or the explicit
// schedule, every building tested): what a reckoning of the sites' queues
// from the scenario alone starts from. None without a round. The scenario
// has passed Check.
func (sc *Scenario) SiteCalls() []SiteCall {
	sp := sc.Sampling
	if sp == nil {
		return nil
	}
	plan := sc.callPlan(sp, func(string) bool { return true })
	down := 1 - sp.DoorToDoor.Share
	var out []SiteCall
	for zi, z := range sc.Zones {
		walk := meanOr0(z.WalkToSite)
		for k, b := range sc.zoneBuildings(z) {
			if k < len(plan[zi]) {
				out = append(out, SiteCall{Site: plan[zi][k].site, At: plan[zi][k].at, Residents: float64(b.Residents) * down, Walk: walk})
			}
		}
	}
	return out
}
