package logs

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"cordon/compound"
)

var observedSchema = schema{columns: []column{
	{name: "event", required: true, help: "what was observed: delivered, turned_away, sampled, or a checkpoint an item passed (" + strings.Join(Checkpoints, ", ") + ")"},
	{name: "time", required: true, help: "when: " + timestampHelp + ", or HH:MM with date and tz columns"},
	dateColumn, tzColumn,
	{name: "kind", help: "the kind of a delivered or turned-away item"},
	{name: "id", help: "the id of a delivered item, as in arrivals.csv"},
}}

// The events of observed.csv.
const (
	Delivered  = "delivered"   // an item handed over at the door
	TurnedAway = "turned_away" // an item a courier took away from a full gate
	Sampled    = "sampled"     // a resident swabbed
)

// Checkpoints are the points on an item's way from the gate to the door
// that a log may time, each the end of a stage (compound.Stages, in order;
// delivered ends the last): put down in staging, checked and labelled, on
// a cart, off the cart at the disinfection area, disinfected, sorted, and
// on a run to the door. A checkpoint row names the item's id (as in
// arrivals.csv); the time between two checkpoints of an item, or between
// its arrival and its first, is the time it spent in the stage between.
var Checkpoints = []string{"staged", "labelled", "on_cart", "unloaded", "disinfected", "sorted", "on_run"}

// CheckpointStage is the stage a checkpoint event ends (an index into
// compound.Stages()); false for any other event.
func CheckpointStage(event string) (int, bool) {
	i := slices.Index(Checkpoints, event)
	return i, i >= 0
}

// Observation is one row of observed.csv.
type Observation struct {
	Event string  // Delivered, TurnedAway, Sampled or one of Checkpoints
	At    float64 // in simulation seconds
	Kind  int     // index into Scenario.Kinds; -1 when none is given (sampled)
	ID    string  // a delivered item's id, joining arrivals.csv; "" when not known
}

// ReadObserved reads observed.csv: items delivered or turned away,
// residents sampled, and the checkpoints items passed. Delivered,
// turned_away and checkpoint rows need a kind, checkpoint rows an id; ids,
// when given, are unique among the delivered rows and among each
// checkpoint's.
func ReadObserved(ctx context.Context, name string, r io.Reader, sc *compound.Scenario, opt Options) (Read[Observation], error) {
	if sc == nil {
		return Read[Observation]{}, errors.New("logs: reading observations needs the scenario")
	}
	t := open(ctx, name, r, opt, observedSchema)
	n := namesOf(sc)
	type row struct {
		o    Observation
		at   time.Time
		line int
		bad  bool
	}
	var rows []row
	saidNoKind := false
	for t.next() {
		o := Observation{Kind: -1}
		events := append([]string{Delivered, TurnedAway, Sampled}, Checkpoints...)
		switch ev := strings.ToLower(t.get("event")); {
		case slices.Contains(events, ev):
			o.Event = ev
		case ev == "":
			t.fail("event", "missing: give delivered, turned_away or sampled")
		default:
			t.fail("event", unknown("event", t.get("event"), events))
		}
		st, ok := t.when("time")
		if ok {
			t.noteTime(st.t)
		}
		if o.Event != Sampled && !t.has("kind") {
			if !saidNoKind {
				t.failAt(t.line, "kind", "missing column: "+o.Event+" rows need the item's kind")
				saidNoKind = true
			}
			t.bad = true
		} else {
			o.Kind = n.kind(t, o.Event != Sampled)
		}
		o.ID = t.get("id")
		if _, ok := CheckpointStage(o.Event); ok && o.ID == "" {
			t.fail("id", "missing: a "+o.Event+" row needs the item's id, as in arrivals.csv")
		}
		rows = append(rows, row{o: o, at: st.t, line: t.line, bad: t.bad})
	}
	t.fatal = t.fatal || saidNoKind
	day := t.chooseDay(sc)
	h := horizon(sc)
	delivered, passed := ids{t: t}, map[string]*ids{} // the delivered rows' ids, and each checkpoint's
	out := make([]Observation, 0, len(rows))
	skipped := 0
	for _, r := range rows {
		if !r.bad {
			var ok bool
			r.o.At, ok = t.inRun(r.line, "time", r.at, day, h)
			r.bad = !ok
		}
		switch _, checkpoint := CheckpointStage(r.o.Event); {
		case r.o.Event == Delivered:
			r.bad = !delivered.unique(r.line, r.o.ID, r.bad) || r.bad
		case checkpoint:
			if passed[r.o.Event] == nil {
				passed[r.o.Event] = &ids{t: t}
			}
			r.bad = !passed[r.o.Event].unique(r.line, r.o.ID, r.bad) || r.bad
		}
		if r.bad {
			skipped++
			continue
		}
		out = append(out, r.o)
	}
	return result(t, out, day, skipped)
}
