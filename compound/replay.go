package compound

import (
	"fmt"
	"slices"
	"sort"

	"cordon/sim"
	"cordon/text"
)

// LoggedArrival is one item arriving at the gate, from a log: it replaces
// the random arrivals of its kind in a replay.
type LoggedArrival struct {
	At       float64 // seconds from the run's start
	Kind     int     // index into Scenario.Kinds
	Building int     // index into Scenario.Buildings; -1 to choose by households
	Zone     int     // index into Scenario.Zones when Building is -1; -1 for any
	Batch    string  // items of one drop share it ("" for its own)
	ID       string  // the log's id of the item, if any
}

// RosterEntry is staff actually on duty, from a log: Count of pool (or of
// one zone's group, "pool/zone") from From to To, seconds from the run's
// start. A replay puts on duty, at each moment, the sum of the entries that
// cover it, in place of the scenario's shifts and breaks.
type RosterEntry struct {
	Pool     string
	From, To float64
	Count    int
}

// Log is what happened on a day: in one replication, for writing logs
// (every item's arrival and delivery, every resident sampled, and the
// service times drawn, by step), or as a day's observations have it, read
// back (logs.ReadDay).
type Log struct {
	Arrivals   []LoggedArrival
	Deliveries []LoggedDelivery
	// TurnedAway is nil when the log does not say who was turned away (a
	// day's observations with no turned_away rows), empty when none was.
	TurnedAway []LoggedTurnedAway
	Sampled    []float64            // when each resident was sampled
	Durations  map[string][]float64 // by step: gate.intake, transfer.trip, ...
}

// LoggedDelivery is one item handed over at the door.
type LoggedDelivery struct {
	ID        string
	Kind      int
	Arrived   float64 // NaN when the log does not say (no id joining it to its arrival)
	Delivered float64
	Stages    []float64 // the time it spent in each stage, in the order of Stages()
}

// LoggedTurnedAway is one item a courier took away from a full gate.
type LoggedTurnedAway struct {
	ID   string
	Kind int
	At   float64
}

func (l *Log) duration(step string, v float64) {
	if l.Durations == nil {
		l.Durations = map[string][]float64{}
	}
	l.Durations[step] = append(l.Durations[step], v)
}

// CheckReplay checks logged arrivals and a roster against the scenario:
// kinds, buildings and pools that exist, times inside the run, counts not
// negative. It returns one error per bad entry, naming it by position.
func (sc *Scenario) CheckReplay(arrivals []LoggedArrival, roster []RosterEntry) []error {
	var errs []error
	horizon := float64(sc.Horizon.Days) * day
	for i, a := range arrivals {
		switch {
		case a.Kind < 0 || a.Kind >= len(sc.Kinds):
			errs = append(errs, fmt.Errorf("arrival %d: no kind %d", i, a.Kind))
		case a.Building >= len(sc.Buildings) || a.Building < -1:
			errs = append(errs, fmt.Errorf("arrival %d: no building %d", i, a.Building))
		case a.Building < 0 && (a.Zone >= len(sc.Zones) || a.Zone < -1):
			errs = append(errs, fmt.Errorf("arrival %d: no zone %d", i, a.Zone))
		case !(a.At >= 0 && a.At < horizon):
			errs = append(errs, fmt.Errorf("arrival %d: at %v s, outside the run (0 to %v s)", i, a.At, horizon))
		}
	}
	names := sc.rosterNames()
	for i, r := range roster {
		switch {
		case !slices.Contains(names, r.Pool):
			errs = append(errs, fmt.Errorf("roster entry %d: no pool %q%s", i, r.Pool, text.DidYouMean(r.Pool, names)))
		case r.Count < 0:
			errs = append(errs, fmt.Errorf("roster entry %d: count %d is negative", i, r.Count))
		case r.Count > MaxStaff:
			errs = append(errs, fmt.Errorf("roster entry %d: count %d is more than %d, the most staff of one pool", i, r.Count, MaxStaff))
		case !(r.To > r.From):
			errs = append(errs, fmt.Errorf("roster entry %d: ends (%v s) before it starts (%v s)", i, r.To, r.From))
		}
	}
	return errs
}

// rosterNames are the names a roster entry may give: each pool, and each
// zone's group of a zone pool.
func (sc *Scenario) rosterNames() []string {
	var out []string
	for _, p := range sc.Staff {
		out = append(out, p.Name)
		if p.PerZone {
			for _, g := range sc.groups(p) {
				out = append(out, g.name)
			}
		}
	}
	return out
}

// rosterFor returns the capacity schedule of a resource from the logged
// roster: the entries naming it (or, for a zone's group, naming its pool as
// a whole), summed at every moment; ok is false when none names it.
func rosterFor(roster []RosterEntry, name, pool string, horizon float64) ([]sim.Change, bool) {
	var mine []RosterEntry
	for _, r := range roster {
		if r.Pool == name || (r.Pool == pool && name != pool) {
			mine = append(mine, r)
		}
	}
	if len(mine) == 0 {
		return nil, false
	}
	var bounds []float64
	for _, r := range mine {
		for _, t := range []float64{r.From, r.To} {
			if t > 0 && t < horizon {
				bounds = append(bounds, t)
			}
		}
	}
	bounds = append(bounds, 0)
	sort.Float64s(bounds)
	bounds = slices.Compact(bounds)
	var out []sim.Change
	for _, t := range bounds {
		c := 0
		for _, r := range mine {
			if r.From <= t && t < r.To {
				c += r.Count
			}
		}
		if len(out) == 0 || out[len(out)-1].Capacity != c {
			out = append(out, sim.Change{At: t, Capacity: c})
		}
	}
	return out, true
}

// loggedSource replays one kind's logged arrivals: a Listed arrival process
// with the logged buildings and ids handed out in the same order.
type loggedSource struct {
	items []LoggedArrival
	next  int
}

func (l *loggedSource) take() LoggedArrival {
	a := l.items[l.next]
	l.next++
	return a
}
