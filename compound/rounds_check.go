package compound

import (
	"fmt"
	"slices"
	"strings"
)

// checkRounds checks the later rounds: each on a day of the run after the
// round before it, at a time of day, by a known method, of buildings that
// exist; an antigen round's kits, and a pool and a visit time for a round
// door to door.
func (sc *Scenario) checkRounds(c *checker) {
	sp := sc.Sampling
	ids := make([]string, len(sc.Buildings))
	for i, b := range sc.Buildings {
		ids[i] = b.ID
	}
	before := sp.Day
	for i, r := range sp.Rounds {
		path := fmt.Sprintf("sampling.rounds[%d]", i)
		switch {
		case r.Day < 1 || r.Day > sc.Horizon.Days:
			c.add(path+".day", "must be a day of the run, from 1 to %d, got %d", sc.Horizon.Days, r.Day)
		case r.Day <= before:
			c.add(path+".day", "day %d is not after the round before it (day %d): one round a day, in order", r.Day, before)
		}
		before = max(before, r.Day)
		c.clock(path+".start", r.Start, 24*3600)
		method := r.Method
		if method == "" {
			method = MethodSites
		}
		if !slices.Contains(RoundMethods(), method) {
			c.add(path+".method", "must be one of %s, got %q", strings.Join(RoundMethods(), ", "), r.Method)
		}
		c.buildingRefs(path+".buildings", r.Buildings, ids, func(string, string) {})
		switch {
		case method == MethodAntigenKits && r.Kits == nil:
			c.add(path+".kits", "an antigen round needs its kits: hand_out, test and collect (and returned, the share used: 1 when left out)")
		case method == MethodAntigenKits:
			c.dist(path+".kits.hand_out", r.Kits.HandOut)
			c.dist(path+".kits.test", r.Kits.Test)
			c.share(path+".kits.returned", r.Kits.Returned)
			c.dist(path+".kits.collect", r.Kits.Collect)
		case method == MethodDoorToDoor:
			if sp.DoorToDoor.Visit.Family == "" {
				c.add(path+".method", "a round door to door swabs every resident at home: give sampling.door_to_door.visit, the time of one home visit")
			}
			if sc.doer(TaskDoorToDoor) == nil {
				c.add(path+".method", "no staff pool does the %s task: add it to the tasks of a pool in staff", TaskDoorToDoor)
			}
		}
		if method != MethodAntigenKits && r.Kits != nil {
			c.add(path+".kits", "kits are for a round of method %s, not %s", MethodAntigenKits, method)
		}
	}
}
