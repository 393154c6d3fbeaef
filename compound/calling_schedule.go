package compound

import (
	"fmt"
	"slices"

	"cordon/text"
)

// Call is one entry of an explicit calling schedule: buildings called at a
// time of the round's day, to a site.
type Call struct {
	Buildings []string `yaml:"buildings" doc:"ids of the buildings called; \"1-4\" is buildings 1, 2, 3 and 4"`
	At        Clock    `yaml:"at" doc:"when they are called, HH:MM on the round's day (past 24:00 for the small hours after it)"`
	Site      string   `yaml:"site" doc:"the testing site they go to (omit: each building's zone's site)"`
}

// buildingCall is when a building is called and the site its residents
// go to.
type buildingCall struct {
	at   float64 // seconds after the round's start
	site string
}

// callPlan returns, for each zone and each building it lists (ranges
// expanded), when the building is called in round sp and to which site: by
// the explicit schedule when there is one, else by waves of PerWave
// buildings every Interval, the zones in the calling order. Only the
// buildings the round tests count in the waves. The scenario has passed
// Check.
func (sc *Scenario) callPlan(sp *Sampling, tests func(id string) bool) [][]buildingCall {
	out := make([][]buildingCall, len(sc.Zones))
	if len(sp.Calling.Schedule) == 0 {
		called := 0
		for _, z := range sc.CallOrder() {
			for _, ref := range sc.Zones[z].Buildings {
				ids, _ := ExpandBuildings(ref)
				for _, id := range ids {
					wave := called / max(sp.Calling.PerWave, 1)
					out[z] = append(out[z], buildingCall{at: float64(wave) * float64(sp.Calling.Interval), site: sc.Zones[z].Site})
					if tests(id) {
						called++
					}
				}
			}
		}
		return out
	}
	entry := map[string]Call{}
	for _, c := range sp.Calling.Schedule {
		for _, ref := range c.Buildings {
			ids, _ := ExpandBuildings(ref)
			for _, id := range ids {
				entry[id] = c
			}
		}
	}
	for z, zone := range sc.Zones {
		for _, ref := range zone.Buildings {
			ids, _ := ExpandBuildings(ref)
			for _, id := range ids {
				c := entry[id]
				site := c.Site
				if site == "" {
					site = zone.Site
				}
				out[z] = append(out[z], buildingCall{at: float64(c.At - sp.Start), site: site})
			}
		}
	}
	return out
}

// checkCallingSchedule checks an explicit calling schedule: buildings that exist,
// each called once, times from the round's start, sites that exist; and
// that it is not given with interval and per_wave.
func (sc *Scenario) checkCallingSchedule(c *checker, sites []string) {
	sp := sc.Sampling
	if sp.Calling.Interval != 0 {
		c.add("sampling.calling.interval", "give either interval and per_wave, or schedule")
	}
	if sp.Calling.PerWave != 0 {
		c.add("sampling.calling.per_wave", "give either interval and per_wave, or schedule")
	}
	ids := make([]string, len(sc.Buildings))
	for i, b := range sc.Buildings {
		ids[i] = b.ID
	}
	called := map[string]int{}
	for i, call := range sp.Calling.Schedule {
		path := fmt.Sprintf("sampling.calling.schedule[%d]", i)
		if len(call.Buildings) == 0 {
			c.add(path+".buildings", "list the buildings called")
		}
		c.buildingRefs(path+".buildings", call.Buildings, ids, func(bp, id string) {
			if called[id] > 0 {
				c.add(bp, "building %q is already called by sampling.calling.schedule[%d]: each building is called once", id, called[id]-1)
				return
			}
			called[id] = i + 1
		})
		c.clock(path+".at", call.At, 48*3600)
		if call.At < sp.Start {
			c.add(path+".at", "%s is before the round starts (sampling.start %s)", call.At, sp.Start)
		}
		if call.Site != "" && !slices.Contains(sites, call.Site) {
			c.add(path+".site", "testing site %q is not in sampling.sites%s", call.Site, text.DidYouMean(call.Site, sites))
		}
	}
	for _, id := range ids {
		if id != "" && called[id] == 0 {
			c.add("sampling.calling.schedule", "building %q is never called: give every building a call", id)
		}
	}
}
