package compound

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Event is one thing that happens at a day and time of the run: equipment
// added or removed, a change in a pool's staff for a while, the gate closed
// for a while, a building sealed, or a surge in a kind's arrivals. Each
// event gives its day and time and exactly one of Add, Remove, Staff,
// CloseGate, Seal and Surge:
//
//	events:
//	  - {day: 1, at: "19:00", add: {containers: 2, shelves: 8}, note: the entrance reorganised}
//	  - {day: 2, at: "08:00", staff: {pool: zone-volunteers, zone: zone-3, all_off: true, for: 48h}}
//	  - {day: 2, at: "10:00", seal: {building: "12", crew: suited-crew}}
//	  - {day: 2, at: "11:30", close_gate: {for: 2h, couriers: wait, except: [takeout]}}
//	  - {day: 2, at: "17:00", surge: {kind: takeout, times: 2, for: 2h}}
type Event struct {
	Day       int          `yaml:"day" doc:"the day of the run it happens on: 1 is the run's first day" default:"1"`
	At        Clock        `yaml:"at" doc:"the time of day it happens, HH:MM"`
	Note      string       `yaml:"note" doc:"what happened, in a few words, for the reports (optional)"`
	Add       *Equipment   `yaml:"add" doc:"equipment added from then on: ground places, shelves, containers, carts, disinfection places"`
	Remove    *Equipment   `yaml:"remove" doc:"equipment taken away from then on (a place or cart in use goes when it is freed)"`
	Staff     *StaffChange `yaml:"staff" doc:"a pool's staff changed for a while, on top of its shifts: an absence, a team quarantined, reinforcements"`
	CloseGate *GateClosure `yaml:"close_gate" doc:"the gate closed for a while (for disinfection): no courier hands anything over"`
	Seal      *Seal        `yaml:"seal" doc:"a building sealed: its residents stay in, and only a suited crew goes to its doors"`
	Surge     *Surge       `yaml:"surge" doc:"more of a kind of delivery for a while: its arrivals multiplied, or extra items"`
}

// Equipment is equipment added or taken away by an event.
type Equipment struct {
	Ground            int `yaml:"ground" doc:"places on the ground by the gate"`
	Shelves           int `yaml:"shelves" doc:"parcel shelves at the gate, of gate.shelf_slots items each"`
	Containers        int `yaml:"containers" doc:"shipping containers at the gate, of gate.container_slots items each"`
	Carts             int `yaml:"carts" doc:"carts for the transfer inside"`
	DisinfectionSpace int `yaml:"disinfection_space" doc:"places in the disinfection area"`
}

// StaffChange changes the staff a pool (or one zone's group of a zone pool)
// has on duty, on top of what its shifts and breaks put on duty, from the
// event's time for a while.
type StaffChange struct {
	Pool   string   `yaml:"pool" doc:"the staff pool"`
	Zone   string   `yaml:"zone" doc:"for a zone pool, the zone whose group changes; left out, every zone's group"`
	Change int      `yaml:"change" doc:"staff added to (reinforcements) or, below 0, taken from (an absence) those its shifts put on duty"`
	AllOff bool     `yaml:"all_off" doc:"the whole team is off (quarantined): none on duty whatever its shifts"`
	For    Duration `yaml:"for" doc:"how long; 0s or left out: to the end of the run"`
}

// GateClosure closes the gate for a while: couriers who come meanwhile wait
// for it to reopen or turn away, by kind. Work already inside the gate goes
// on, and couriers already in line for a staging place stay in line.
type GateClosure struct {
	For      Duration `yaml:"for" doc:"how long the gate stays closed"`
	Couriers string   `yaml:"couriers" doc:"what a courier who comes while it is closed does: wait (until it reopens) or turn-away (leaves with the items)" default:"wait"`
	Except   []string `yaml:"except" doc:"the kinds of delivery whose couriers do the other"`
}

// Seal seals a building from the event's time for a while: its residents
// stay in (a sampling round swabs them at home), and only the crew, a pool
// in protective suits, goes to its doors: it swabs its residents, takes its
// deliveries to the doorstep and collects its garbage. Its items are kept
// apart on a shelf of their own and go on runs of their own.
type Seal struct {
	Building string   `yaml:"building" doc:"the building's id"`
	Crew     string   `yaml:"crew" doc:"the pool in protective suits that serves it; left out, the first pool with a suit that is not a zone pool"`
	For      Duration `yaml:"for" doc:"how long it stays sealed; 0s or left out: to the end of the run"`
}

// Surge is more of a kind of delivery for a while: its arrivals multiplied
// (Times), extra items (Extra), or both.
type Surge struct {
	Kind  string   `yaml:"kind" doc:"the kind of delivery"`
	Times float64  `yaml:"times" doc:"its arrivals multiplied by this over the surge, 1 or more" default:"1"`
	Extra int      `yaml:"extra" doc:"items on top, each at a random time over the surge (all at once when for is 0s)"`
	For   Duration `yaml:"for" doc:"how long the surge lasts"`
}

// The actions of an event, as the YAML names them.
const (
	actionAdd       = "add"
	actionRemove    = "remove"
	actionStaff     = "staff"
	actionCloseGate = "close_gate"
	actionSeal      = "seal"
	actionSurge     = "surge"
)

// eventActions returns every action of an event, in the order of its fields.
func eventActions() []string {
	return []string{actionAdd, actionRemove, actionStaff, actionCloseGate, actionSeal, actionSurge}
}

// actions returns the actions ev gives.
func (ev Event) actions() []string {
	var out []string
	for _, a := range []struct {
		name  string
		given bool
	}{{actionAdd, ev.Add != nil}, {actionRemove, ev.Remove != nil}, {actionStaff, ev.Staff != nil},
		{actionCloseGate, ev.CloseGate != nil}, {actionSeal, ev.Seal != nil}, {actionSurge, ev.Surge != nil}} {
		if a.given {
			out = append(out, a.name)
		}
	}
	return out
}

// length returns how long the event lasts, 0 for an event with no length
// (equipment) or one that lasts to the end of the run.
func (ev Event) length() Duration {
	switch {
	case ev.Staff != nil:
		return ev.Staff.For
	case ev.CloseGate != nil:
		return ev.CloseGate.For
	case ev.Seal != nil:
		return ev.Seal.For
	case ev.Surge != nil:
		return ev.Surge.For
	}
	return 0
}

// span returns when the event starts and ends in simulation time: an event
// with no length ends with the run, except a surge of extra items at once,
// which ends when it starts.
func (ev Event) span(tl timeline) (from, to float64) {
	from = tl.at(ev.Day-1, ev.At)
	n := float64(ev.length())
	switch {
	case n > 0:
		return from, from + n
	case ev.Surge != nil:
		return from, from
	}
	return from, math.Inf(1)
}

// TimelineEntry is one event of a scenario as the reports show it.
type TimelineEntry struct {
	Day  int     // the day of the run, from 1
	At   Clock   // the time of day
	Time float64 // seconds from the start of the run
	// End is when it ends, in seconds from the start of the run: the
	// run's end for an event that lasts to it, Time for one that has no
	// length (equipment, extra items at once).
	End  float64
	What string // what happens, in a few words, in English
	// Event is the event itself, the crew of a sealed building that
	// names none filled in with the pool the rule picks: what a report
	// in another language words.
	Event Event
}

// Timeline returns the scenario's events in the order they happen (in the
// order listed at the same time), each with what it does in words.
func (sc *Scenario) Timeline() []TimelineEntry {
	tl := sc.timeline()
	out := make([]TimelineEntry, 0, len(sc.Events))
	for _, ev := range sc.Events {
		from, to := ev.span(tl)
		if ev.Add != nil || ev.Remove != nil {
			to = from
		}
		if ev.Seal != nil && ev.Seal.Crew == "" {
			s := *ev.Seal // say which pool the rule picks
			if p := sc.sealCrew(&s); p != nil {
				s.Crew = p.Name
			}
			ev.Seal = &s
		}
		out = append(out, TimelineEntry{Day: ev.Day, At: ev.At, Time: from, End: math.Min(to, tl.horizon), What: ev.Describe(), Event: ev})
	}
	slices.SortStableFunc(out, func(a, b TimelineEntry) int {
		switch {
		case a.Time < b.Time:
			return -1
		case a.Time > b.Time:
			return 1
		}
		return 0
	})
	return out
}

// Describe says in English what the event does, in a few words:
// "shelves +8, containers +2 (the entrance reorganised)".
func (ev Event) Describe() string {
	var what string
	forText := func(d Duration, rest string) string {
		if d > 0 {
			return " for " + d.String()
		}
		return rest
	}
	switch {
	case ev.Add != nil:
		what = ev.Add.describe("+")
	case ev.Remove != nil:
		what = ev.Remove.describe("-")
	case ev.Staff != nil:
		s := ev.Staff
		who := s.Pool
		if s.Zone != "" {
			who += "/" + s.Zone
		}
		switch {
		case s.AllOff:
			what = who + " all off"
		default:
			what = fmt.Sprintf("%s %+d on duty", who, s.Change)
		}
		what += forText(s.For, " to the end")
	case ev.CloseGate != nil:
		g := ev.CloseGate
		what = "gate closed" + forText(g.For, "") + ", couriers " + g.Couriers
		if len(g.Except) > 0 {
			what += " (" + strings.Join(g.Except, ", ") + ": " + OtherAction(g.Couriers) + ")"
		}
	case ev.Seal != nil:
		what = "building " + ev.Seal.Building + " sealed" + forText(ev.Seal.For, "")
		if ev.Seal.Crew != "" {
			what += ", served by " + ev.Seal.Crew
		}
	case ev.Surge != nil:
		s := ev.Surge
		var parts []string
		if s.Times != 1 {
			parts = append(parts, fmt.Sprintf("%s arrivals ×%g", s.Kind, s.Times))
		}
		if s.Extra > 0 {
			parts = append(parts, fmt.Sprintf("%d extra %s items", s.Extra, s.Kind))
		}
		what = strings.Join(parts, " and ") + forText(s.For, " at once")
	}
	if ev.Note != "" {
		what += " (" + ev.Note + ")"
	}
	return what
}

// describe lists the equipment that changes, each count with sign.
func (q Equipment) describe(sign string) string {
	var parts []string
	for _, f := range q.Fields() {
		if f.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %s%d", f.Name, sign, f.N))
		}
	}
	return strings.Join(parts, ", ")
}

// EquipmentField is one count of an Equipment, by its YAML name.
type EquipmentField struct {
	Name string // ground, shelves, containers, carts, disinfection_space
	N    int
}

// Fields returns the counts in the order of the fields.
func (q Equipment) Fields() []EquipmentField {
	return []EquipmentField{{"ground", q.Ground}, {"shelves", q.Shelves}, {"containers", q.Containers},
		{"carts", q.Carts}, {"disinfection_space", q.DisinfectionSpace}}
}

// ClosureActions returns what a courier can do at a gate closed by an
// event (GateClosure.Couriers): wait or turn away.
func ClosureActions() []string { return []string{WhenFullWait, WhenFullTurnAway} }

// OtherAction returns the courier action that is not a: what the kinds a
// closure excepts do.
func OtherAction(a string) string {
	if a == WhenFullTurnAway {
		return WhenFullWait
	}
	return WhenFullTurnAway
}

// courierAction returns what a courier of kind does when it finds the gate
// closed by c.
func (c *GateClosure) courierAction(kind string) string {
	if slices.Contains(c.Except, kind) {
		return OtherAction(c.Couriers)
	}
	return c.Couriers
}

// sealCrew returns the pool that serves a building sealed by s: the pool it
// names, or the first pool in protective suits that is not a zone pool;
// nil when there is none.
func (sc *Scenario) sealCrew(s *Seal) *Pool {
	for i := range sc.Staff {
		p := &sc.Staff[i]
		if s.Crew != "" && p.Name == s.Crew {
			return p
		}
		if s.Crew == "" && p.Suit != nil && !p.PerZone {
			return p
		}
	}
	return nil
}
