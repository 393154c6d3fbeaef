package experiment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"cordon/compound"
)

// Knob is one thing a planner can change by whole units: the staff on one
// shift of a pool (or a pool's count), a testing site's registration or
// swab stations, shelves or containers at the gate, carts, places in the
// disinfection area. Path names it as --set does.
type Knob struct {
	Name string // for people: "suited-crew 07:00–19:00", "site-a swab"
	Path string // for --set: "staff.suited-crew.shifts[0].count"
	Area string // the KPIs it can move: deliveries, sampling, garbage, special_needs
	// Pool is the staff pool the knob staffs, if any, and the tasks it does.
	Pool  string
	Tasks []string
	// Step is the units one move adds (10 places in the disinfection area).
	Step     int
	Min, Max int
	// UnitCost is what one step costs over the run.
	UnitCost float64
	// Resource says what the knob changes: KnobStaff (people on a post),
	// KnobEquipment (things bought) or KnobSchedule (a zero-cost knob: how
	// the work is arranged, such as the calling plan or a shift's start,
	// not how much is bought). The documents write it as "kind".
	Resource string
	// TwoWay knobs may be moved down as well as up by a search that only
	// adds: moving them costs nothing, and lower is not less.
	TwoWay bool
	// Arranges says what a zero-cost knob rearranges: ArrangesCalling,
	// ArrangesCarts or ArrangesShifts; "" for the others.
	Arranges string
	// text writes a value as --set and a scenario file take it ("20m",
	// "07:30", "site-b"); nil for a plain whole number.
	text func(int) string

	// shift is the shift the knob staffs or moves: nil for a pool's count
	// and for knobs that have no shift.
	shift *compound.Shift

	get func(*compound.Scenario) int
	set func(*compound.Scenario, int)
}

// What a knob changes (Knob.Resource).
const (
	KnobStaff     = "staff"     // people on a post: a pool, a shift, a site's stations
	KnobEquipment = "equipment" // shelves, containers, carts, disinfection places
	KnobSchedule  = "schedule"  // how the work is arranged; costs nothing
)

// What zero-cost knobs rearrange (Knob.Arranges).
const (
	ArrangesCalling = "the calling plan"        // interval, buildings per wave, come-down window, order, zones' sites; a schedule's call times and sites
	ArrangesCarts   = "the cart departure rule" // how long a cart waits for a full load
	ArrangesShifts  = "the shift times"         // when a shift starts, its length kept
)

// Value returns the knob's setting in sc.
func (k Knob) Value(sc *compound.Scenario) int { return k.get(sc) }

// Text writes the value v of the knob as --set and a scenario file take
// it: "20m" for a calling interval, "6" for a count.
func (k Knob) Text(v int) string {
	if k.text != nil {
		return k.text(v)
	}
	return strconv.Itoa(v)
}

// areas of the staff tasks.
var taskArea = map[string]string{
	compound.TaskIntake: "deliveries", compound.TaskTransfer: "deliveries", compound.TaskSorting: "deliveries",
	compound.TaskDelivery: "deliveries", compound.TaskGarbage: "garbage", compound.TaskSpecialNeeds: "special_needs",
	compound.TaskDoorToDoor: "sampling", compound.TaskLabRun: "sampling", compound.TaskSweep: "sampling",
}

// Affects reports whether the knob can move the KPI called name. Within
// the sampling round, runners move only what happens after a sample is
// taken (samples in transit, the last at the lab, the lab's queue and
// the results), the lab's servers only what happens at the lab, the
// door-to-door team not the waits at the sites, and the sweep team (the
// last samples of the round) neither those.
func (k Knob) Affects(name string) bool {
	a := compound.AreaOf(name)
	switch {
	case a == "cost":
		return true // every knob changes what the run costs or uses
	case name == "staff.hours" || strings.HasPrefix(name, "staff.hours"+compound.DaySep):
		return k.Resource == KnobStaff || k.Pool != "" // every pool's and the sites' staff together
	case a == "staff":
		return k.Pool != "" && strings.HasPrefix(name, "staff."+k.Pool+".")
	case a == "deliveries" && k.Area == "garbage":
		return false
	case k.Path == labServersPath:
		return atLab(name)
	case a == "sampling" && k.Pool != "":
		afterSample := strings.HasPrefix(name, "sampling.lab_done") || strings.HasPrefix(name, "sampling.in_transit") || atLab(name)
		atSites := strings.HasPrefix(name, "sampling.wait") || strings.Contains(name, "queue")
		for _, t := range k.Tasks {
			if t == compound.TaskLabRun && afterSample || t == compound.TaskDoorToDoor && !afterSample && !atSites || t == compound.TaskSweep && !atSites {
				return true
			}
		}
		return false
	}
	return strings.Contains(k.Area, a)
}

// Knobs lists the knobs of a scenario that passed Check, with their costs
// from its costs section and its pools' hour costs: the staff and
// equipment a plan can buy, then the zero-cost knobs (KnobSchedule: the
// calling plan, the cart departure rule, the shifts' starts; see
// scheduleKnobs).
func Knobs(sc *compound.Scenario) []Knob {
	var ks []Knob
	hours := float64(sc.Horizon.Days) * 24
	for i, p := range sc.Staff {
		var areas, tasks []string
		for _, t := range p.Tasks {
			areas = append(areas, taskArea[t.Task])
			tasks = append(tasks, t.Task)
		}
		if a := poolPostArea(sc, p.Name); a != "" {
			areas = append(areas, a)
		}
		area := strings.Join(areas, ",")
		groups := 1.0
		if p.PerZone {
			groups = float64(len(sc.Zones))
		}
		if len(p.Shifts) == 0 {
			ks = append(ks, Knob{
				Name: p.Name, Path: fmt.Sprintf("staff.%s.count", p.Name), Area: area, Pool: p.Name, Tasks: tasks,
				Step: 1, Min: 1, Max: max(2*p.Count, p.Count+5), UnitCost: p.HourCost * hours * groups, Resource: KnobStaff,
				get: func(s *compound.Scenario) int { return s.Staff[i].Count },
				set: func(s *compound.Scenario, v int) { s.Staff[i].Count = v },
			})
			continue
		}
		for j, sh := range p.Shifts {
			length := float64(sh.To) - float64(sh.From)
			if length <= 0 {
				length += 24 * 3600
			}
			ks = append(ks, Knob{
				Name: fmt.Sprintf("%s %s–%s", p.Name, sh.From, sh.To), Path: fmt.Sprintf("staff.%s.shifts[%d].count", p.Name, j),
				Area: area, Pool: p.Name, Tasks: tasks, shift: &sh, Step: 1, Min: 0, Max: max(2*sh.Count, sh.Count+5), Resource: KnobStaff,
				UnitCost: p.HourCost * length / 3600 * float64(sc.Horizon.Days) * groups,
				get:      func(s *compound.Scenario) int { return s.Staff[i].Shifts[j].Count },
				set:      func(s *compound.Scenario, v int) { s.Staff[i].Shifts[j].Count = v },
			})
		}
	}
	if sp := sc.Sampling; sp != nil {
		hasReg := sp.Registration.Family != ""
		for i, s := range sp.Sites {
			ks = append(ks, Knob{
				Name: s.Name + " swab", Path: fmt.Sprintf("sampling.sites.%s.swab", s.Name), Area: "sampling",
				Step: 1, Min: 1, Max: max(2*s.Swab, s.Swab+5), UnitCost: sc.Costs.Medical, Resource: KnobStaff,
				get: func(s *compound.Scenario) int { return s.Sampling.Sites[i].Swab },
				set: func(s *compound.Scenario, v int) { s.Sampling.Sites[i].Swab = v },
			})
			if hasReg && s.Registration > 0 {
				ks = append(ks, Knob{
					Name: s.Name + " registration", Path: fmt.Sprintf("sampling.sites.%s.registration", s.Name), Area: "sampling",
					Step: 1, Min: 1, Max: max(2*s.Registration, s.Registration+5), UnitCost: sc.Costs.Medical, Resource: KnobStaff,
					get: func(s *compound.Scenario) int { return s.Sampling.Sites[i].Registration },
					set: func(s *compound.Scenario, v int) { s.Sampling.Sites[i].Registration = v },
				})
			}
		}
	}
	g := sc.Gate
	ks = append(ks,
		Knob{Name: "shelves", Resource: KnobEquipment, Path: "gate.shelves", Area: "deliveries", Step: 1, Min: 0, Max: max(2*g.Shelves, g.Shelves+10),
			UnitCost: sc.Costs.Shelf,
			get:      func(s *compound.Scenario) int { return s.Gate.Shelves },
			set:      func(s *compound.Scenario, v int) { s.Gate.Shelves = v }},
		Knob{Name: "containers", Resource: KnobEquipment, Path: "gate.containers", Area: "deliveries", Step: 1, Min: 0, Max: max(2*g.Containers, g.Containers+4),
			UnitCost: sc.Costs.Container,
			get:      func(s *compound.Scenario) int { return s.Gate.Containers },
			set:      func(s *compound.Scenario, v int) { s.Gate.Containers = v }},
		Knob{Name: "carts", Resource: KnobEquipment, Path: "transfer.carts", Area: "deliveries", Step: 1, Min: 1, Max: max(2*sc.Transfer.Carts, sc.Transfer.Carts+5),
			UnitCost: sc.Costs.Cart,
			get:      func(s *compound.Scenario) int { return s.Transfer.Carts },
			set:      func(s *compound.Scenario, v int) { s.Transfer.Carts = v }},
		Knob{Name: "disinfection places", Resource: KnobEquipment, Path: "disinfection.space", Area: "deliveries", Step: 10, Min: 10,
			Max:      max(2*sc.Disinfection.Space, sc.Disinfection.Space+100),
			UnitCost: 10 * sc.Costs.DisinfectionSlot,
			get:      func(s *compound.Scenario) int { return s.Disinfection.Space },
			set:      func(s *compound.Scenario, v int) { s.Disinfection.Space = v }},
	)
	ks = append(ks, postKnobs(sc)...)
	ks = append(ks, labKnobs(sc)...)
	ks = append(ks, scheduleKnobs(sc)...)
	for i := range ks {
		if v := ks[i].get(sc); v < ks[i].Min {
			ks[i].Min = v // never ask for more than the scenario's own floor
		}
	}
	stepCosts(sc, ks)
	return ks
}

// stepCosts sets the unit cost of each knob a plan buys to what its next
// step adds to the planner's cost of sc (Cost): a shift's hours are paid
// only while the scenario's events leave its staff on duty (a team stood
// down on day 2 costs one day, not two), and equipment is paid as the most
// held at once. A knob with no room for a step keeps the formula Knobs
// starts from (the cost where no event changes the knob's resource).
func stepCosts(sc *compound.Scenario, ks []Knob) {
	now := Cost(sc)
	for i := range ks {
		k := &ks[i]
		if k.TwoWay || k.UnitCost == 0 {
			continue
		}
		if to := k.get(sc) + k.Step; to <= k.Max {
			k.UnitCost = math.Round((Cost(k.With(sc, to))-now)*100) / 100
		}
	}
}

// With returns a copy of sc with the knob set to v. The copy shares nothing
// the knobs change with sc.
func (k Knob) With(sc *compound.Scenario, v int) *compound.Scenario {
	c := cloneForKnobs(sc)
	k.set(c, v)
	return c
}

// cloneForKnobs copies a scenario deeply enough for knobs to change it.
func cloneForKnobs(sc *compound.Scenario) *compound.Scenario {
	c := *sc
	c.Zones = append([]compound.Zone(nil), sc.Zones...)
	c.Staff = append([]compound.Pool(nil), sc.Staff...)
	for i := range c.Staff {
		c.Staff[i].Shifts = append([]compound.Shift(nil), sc.Staff[i].Shifts...)
	}
	if sc.Sampling != nil {
		sp := *sc.Sampling
		sp.Sites = append([]compound.Site(nil), sc.Sampling.Sites...)
		sp.Calling.Schedule = append([]compound.Call(nil), sc.Sampling.Calling.Schedule...)
		if sc.Sampling.Lab != nil {
			lab := *sc.Sampling.Lab
			sp.Lab = &lab
		}
		c.Sampling = &sp
	}
	c.Posts = append([]compound.Post(nil), sc.Posts...)
	return &c
}

// Setting is a knob's value in a plan.
type Setting struct {
	Knob     Knob
	From, To int
}

// Cost returns what a scenario's knob-driven resources cost over the run:
// staff-hours by each pool's hour cost, medical staff at the sites,
// shelves, containers, carts and disinfection places, rounded to the cent
// (compound.Scenario.PlannedCost: a run of sc reports the same as
// cost.staff + cost.equipment).
func Cost(sc *compound.Scenario) float64 {
	return sc.PlannedCost()
}
