package compound

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// Part is a part of the compound that a replication may simulate alone,
// the other part idle, when the scenario's parts share nothing (Separable):
// the sampling rounds, or the deliveries with the garbage and the special
// needs. Every random stream is named after what it draws for, so a part
// simulated alone draws the same numbers as in the whole compound, and its
// KPIs come out the same, bit for bit.
type Part int

const (
	// PartWhole is the whole compound.
	PartWhole Part = iota
	// PartSampling is the testing rounds: residents called down to the
	// sites and swabbed, those sampled at home, the samples' runs to the
	// lab and the lab. Nothing arrives at the gate, no garbage is put out
	// and no special-needs card comes in.
	PartSampling
	// PartDeliveries is everything but the testing rounds: the deliveries
	// from the gate to the doors, the garbage and the special needs. The
	// rounds' sites, staff and lab are there, but no resident is called.
	PartDeliveries
)

// samplingTasks are the tasks of the testing rounds; every other task is
// the deliveries' part.
var samplingTasks = []string{TaskDoorToDoor, TaskLabRun, TaskSweep}

// Separable reports whether sc's testing rounds share nothing with the
// rest of the compound, so that either part can be simulated alone
// (Options.Part): it has a sampling round, no round hands out antigen kits
// (the zone volunteers do), no building is sealed (its crew swabs its
// residents), it has no posts of the planner's own (routes may send
// residents and items to the same posts), and no pool does both a task of
// the rounds and another. The parts then share only the clock, the
// buildings and the zones' names, which no part changes.
func (sc *Scenario) Separable() bool {
	if sc.Sampling == nil || len(sc.Posts) > 0 || len(sc.Routes) > 0 {
		return false
	}
	for _, r := range sc.Sampling.Rounds {
		if r.Method == MethodAntigenKits {
			return false
		}
	}
	for _, ev := range sc.Events {
		if ev.Seal != nil {
			return false
		}
	}
	for _, p := range sc.Staff {
		if poolPart(p) == PartWhole && len(p.Tasks) > 0 {
			return false
		}
	}
	return true
}

// poolPart is the part whose tasks the pool does, PartWhole when it does
// tasks of both or none.
func poolPart(p Pool) Part {
	n := 0
	for _, t := range p.Tasks {
		if slices.Contains(samplingTasks, t.Task) {
			n++
		}
	}
	switch {
	case len(p.Tasks) == 0 || (n > 0 && n < len(p.Tasks)):
		return PartWhole
	case n > 0:
		return PartSampling
	}
	return PartDeliveries
}

// StepPart is the one part of sc, which must be Separable, that step (sc
// with some of its values changed) changes: PartSampling when what the
// deliveries read of the two is the same, PartDeliveries when what the
// sampling reads is; PartWhole when step changes both, or neither, or is
// not separable itself.
func (sc *Scenario) StepPart(step *Scenario) Part {
	if !sc.Separable() || !step.Separable() {
		return PartWhole
	}
	sameDeliveries := reflect.DeepEqual(sc.seenBy(PartDeliveries), step.seenBy(PartDeliveries))
	sameSampling := reflect.DeepEqual(sc.seenBy(PartSampling), step.seenBy(PartSampling))
	switch {
	case sameDeliveries && !sameSampling:
		return PartSampling
	case sameSampling && !sameDeliveries:
		return PartDeliveries
	}
	return PartWhole
}

// seenBy is what part p of sc reads of the scenario: sc without what only
// the other part reads, and without what no replication reads (its name,
// description, replications, targets and floors). What only one part reads
// is left out only where that is certain; anything else stays in both.
func (sc *Scenario) seenBy(p Part) Scenario {
	c := *sc
	c.Name, c.Description, c.Replications, c.Targets, c.Floors = "", "", 0, nil, Floors{}
	c.Zones = slices.Clone(sc.Zones)
	c.Staff = nil
	for _, pl := range sc.Staff {
		if q := poolPart(pl); q == PartWhole || q == p {
			c.Staff = append(c.Staff, pl)
		}
	}
	switch p {
	case PartSampling:
		c.Gate, c.Kinds, c.Transfer, c.Disinfection = Gate{}, nil, Transfer{}, Disinfection{}
		c.Sorting, c.Delivery, c.Garbage, c.SpecialNeeds = Sorting{}, Delivery{}, nil, nil
		for i := range c.Zones {
			c.Zones[i].Walk, c.Zones[i].Volunteers = Dist{}, 0
		}
	case PartDeliveries:
		c.Sampling = nil
		for i := range c.Zones {
			c.Zones[i].Site, c.Zones[i].WalkToSite = "", Dist{}
		}
	}
	return c
}

// KPIPart is the part whose figures alone make the KPI: PartSampling for
// the sampling round's, PartDeliveries for the deliveries', the gate's,
// the households', the garbage's and the special needs'; PartWhole for the
// staff's, the posts', the consumables' and the cost, which both parts
// make.
func KPIPart(k KPI) Part {
	switch k.Area {
	case "sampling":
		return PartSampling
	case "deliveries", "garbage", "special_needs":
		return PartDeliveries
	}
	return PartWhole
}

// checkPart refuses a Part of a scenario that is not Separable, or with a
// replay or a log, which are of the whole compound.
func (o Options) checkPart(sc *Scenario) error {
	switch {
	case o.Part == PartWhole:
		return nil
	case o.Part != PartSampling && o.Part != PartDeliveries:
		return fmt.Errorf("no part %d of the compound", o.Part)
	case !sc.Separable():
		return errors.New("the sampling of this scenario shares staff, posts or buildings with the rest: no part can run alone")
	case o.Arrivals != nil || o.Log != nil:
		return errors.New("a replay or a log is of the whole compound: no part can run alone")
	}
	return nil
}
