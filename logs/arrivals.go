package logs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"cordon/compound"
)

var arrivalSchema = schema{columns: []column{
	{name: "time", required: true, help: "when each item arrived at the gate: " + timestampHelp + ", or HH:MM with date and tz columns"},
	dateColumn, tzColumn,
	{name: "kind", required: true, help: "the kind of each item, one of the scenario's deliveries"},
	{name: "building"}, {name: "zone"}, {name: "batch"}, {name: "id"},
}}

// ReadArrivals reads arrivals.csv: one row per item arriving at the gate.
// The arrivals come in the order of the file (the model sorts them).
func ReadArrivals(ctx context.Context, name string, r io.Reader, sc *compound.Scenario, opt Options) (Read[compound.LoggedArrival], error) {
	if sc == nil {
		return Read[compound.LoggedArrival]{}, errors.New("logs: reading arrivals needs the scenario")
	}
	t := open(ctx, name, r, opt, arrivalSchema)
	n := namesOf(sc)
	type row struct {
		a    compound.LoggedArrival
		at   time.Time
		line int
		bad  bool
	}
	var rows []row
	for t.next() {
		a := compound.LoggedArrival{Kind: -1, Building: -1, Zone: -1}
		st, ok := t.when("time")
		if ok {
			t.noteTime(st.t)
		}
		a.Kind = n.kind(t, true)
		a.Building, a.Zone = n.place(t)
		a.Batch, a.ID = t.get("batch"), t.get("id")
		rows = append(rows, row{a: a, at: st.t, line: t.line, bad: t.bad})
	}
	day := t.chooseDay(sc)
	h := horizon(sc)
	ids := ids{t: t}
	out := make([]compound.LoggedArrival, 0, len(rows))
	skipped := 0
	for _, r := range rows {
		if !r.bad {
			var ok bool
			r.a.At, ok = t.inRun(r.line, "time", r.at, day, h)
			r.bad = !ok
		}
		r.bad = !ids.unique(r.line, r.a.ID, r.bad) || r.bad
		if r.bad {
			skipped++
			continue
		}
		out = append(out, r.a)
	}
	return result(t, out, day, skipped)
}

// ids checks that the ids of a file are unique: in Lenient mode among the
// rows kept, else among all.
type ids struct {
	t    *table
	seen map[string]int
}

// unique reports whether the id of the row at line (bad: already bad) is
// the first of its kind.
func (d *ids) unique(line int, id string, bad bool) bool {
	if id == "" || bad && d.t.opt.Lenient {
		return true
	}
	if d.seen == nil {
		d.seen = map[string]int{}
	}
	if first, dup := d.seen[id]; dup {
		d.t.failAt(line, "id", fmt.Sprintf("%s repeats line %d: ids must be unique", q(id), first))
		return false
	}
	d.seen[id] = line
	return true
}
