package compound

import (
	"slices"
	"strconv"
	"strings"
)

// Round is a testing round after the one sampling describes (round 1):
// on a later day, at a time, by a method, of every building or some. A
// round at the sites or door to door is run as round 1 is, with its
// sites, calling plan, times, pooling, door-to-door share and no-shows;
// an antigen round hands out kits instead (Kits).
type Round struct {
	Day       int      `yaml:"day" doc:"the day of the run it takes place on, from 1, after the round before it"`
	Start     Clock    `yaml:"start" doc:"when the round starts, HH:MM"`
	Method    string   `yaml:"method" doc:"sites (swabs at the testing sites, residents called down as in sampling), antigen-kits (kits handed out door to door by the zone volunteers and the used ones collected) or door-to-door (every resident swabbed at home by the door-to-door pool, for sealed buildings and those who cannot come down)" default:"sites"`
	Buildings []string `yaml:"buildings" doc:"ids of the buildings tested (omit: every building); \"1-4\" is buildings 1, 2, 3 and 4"`
	Kits      *Kits    `yaml:"kits" doc:"handing out and collecting antigen kits (method antigen-kits only)"`
}

// The methods of a round (Round.Method).
const (
	MethodSites       = "sites"        // swabs at the testing sites
	MethodAntigenKits = "antigen-kits" // kits handed out and collected door to door
	MethodDoorToDoor  = "door-to-door" // every resident swabbed at home
)

// RoundMethods returns every method of a round, in a fixed order.
func RoundMethods() []string { return []string{MethodSites, MethodAntigenKits, MethodDoorToDoor} }

// Kits are antigen kits, one a resident, handed out to each household at
// its door by a volunteer of its zone (the pool doing delivery, at the
// delivery task's priority) and, once used and put out at the door,
// collected by one.
type Kits struct {
	HandOut  Dist    `yaml:"hand_out" doc:"time to hand one household its kits at the door"`
	Test     Dist    `yaml:"test" doc:"time from a household's kits handed out to the used ones put out at the door"`
	Returned float64 `yaml:"returned" doc:"share of the kits handed out that are used and put out, 0 to 1" default:"1"`
	Collect  Dist    `yaml:"collect" doc:"time to collect one household's used kits at the door"`
}

// RoundSep separates a KPI's name from the round it is for, after round 1:
// sampling.makespan@round2.
const RoundSep = "@round"

// RoundKPI returns the name of the KPI called name for round r (from 2).
func RoundKPI(name string, r int) string { return name + RoundSep + strconv.Itoa(r) }

// FirstRound returns the name of round 1's KPI of which the KPI called
// name is a later round's, and the round (0 for any other KPI).
func FirstRound(name string) (string, int) {
	base, r, ok := strings.Cut(name, RoundSep)
	if !ok {
		return name, 0
	}
	n, err := strconv.Atoi(r)
	if err != nil || n < 2 || strconv.Itoa(n) != r {
		return name, 0
	}
	return base, n
}

// roundPlan is one round of a run: round 1 (sampling itself) or one of
// sampling.rounds, as the model builds it.
type roundPlan struct {
	index  int       // 0 for round 1
	spec   *Sampling // sampling, with the round's day and start
	method string
	kits   *Kits           // an antigen round's
	only   map[string]bool // the buildings tested; nil for every one
}

// roundPlans returns the rounds of the scenario's sampling, round 1
// first; nil when there is none.
func (sc *Scenario) roundPlans() []roundPlan {
	sp := sc.Sampling
	if sp == nil {
		return nil
	}
	out := []roundPlan{{spec: sp, method: MethodSites}}
	for i, r := range sp.Rounds {
		spec := *sp
		spec.Day, spec.Start, spec.Rounds = r.Day, r.Start, nil
		if len(sp.Calling.Schedule) > 0 {
			// The schedule's times move with the round's start.
			spec.Calling.Schedule = slices.Clone(sp.Calling.Schedule)
			for j := range spec.Calling.Schedule {
				spec.Calling.Schedule[j].At += r.Start - sp.Start
			}
		}
		p := roundPlan{index: i + 1, spec: &spec, method: r.Method, kits: r.Kits}
		if p.method == "" {
			p.method = MethodSites
		}
		if len(r.Buildings) > 0 {
			p.only = map[string]bool{}
			for _, ref := range r.Buildings {
				ids, _ := ExpandBuildings(ref)
				for _, id := range ids {
					p.only[id] = true
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// tests reports whether the round tests building id.
func (p roundPlan) tests(id string) bool { return p.only == nil || p.only[id] }

// stream is the name of the round's stream called name: the name itself in
// round 1, name@roundN after it.
func (p roundPlan) stream(name string) string {
	if p.index == 0 {
		return name
	}
	return RoundKPI(name, p.index+1)
}

// roundsAtSites is how many rounds open the testing sites (round 1 and the
// later rounds at the sites): the medical staff are paid by the round.
func (sc *Scenario) roundsAtSites() int {
	n := 0
	for _, p := range sc.roundPlans() {
		if p.method == MethodSites {
			n++
		}
	}
	return n
}
