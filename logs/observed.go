package logs

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"cordon/compound"
)

var observedSchema = schema{columns: []column{
	{name: "event", required: true, help: "what was observed: delivered, turned_away or sampled"},
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

// Observation is one row of observed.csv.
type Observation struct {
	Event string  // Delivered, TurnedAway or Sampled
	At    float64 // in simulation seconds
	Kind  int     // index into Scenario.Kinds; -1 when none is given (sampled)
	ID    string  // a delivered item's id, joining arrivals.csv; "" when not known
}

// ReadObserved reads observed.csv: items delivered or turned away, and
// residents sampled. Delivered and turned_away rows need a kind; ids, when
// given, are unique among the delivered rows.
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
		switch ev := strings.ToLower(t.get("event")); ev {
		case Delivered, TurnedAway, Sampled:
			o.Event = ev
		case "":
			t.fail("event", "missing: give delivered, turned_away or sampled")
		default:
			t.fail("event", unknown("event", t.get("event"), []string{Delivered, TurnedAway, Sampled}))
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
		rows = append(rows, row{o: o, at: st.t, line: t.line, bad: t.bad})
	}
	t.fatal = t.fatal || saidNoKind
	day := t.chooseDay(sc)
	h := horizon(sc)
	ids := ids{t: t}
	out := make([]Observation, 0, len(rows))
	skipped := 0
	for _, r := range rows {
		if !r.bad {
			var ok bool
			r.o.At, ok = t.inRun(r.line, "time", r.at, day, h)
			r.bad = !ok
		}
		if r.o.Event == Delivered {
			r.bad = !ids.unique(r.line, r.o.ID, r.bad) || r.bad
		}
		if r.bad {
			skipped++
			continue
		}
		out = append(out, r.o)
	}
	return result(t, out, day, skipped)
}
