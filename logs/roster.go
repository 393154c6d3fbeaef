package logs

import (
	"context"
	"errors"
	"io"
	"time"

	"cordon/compound"
)

var rosterSchema = schema{
	columns: []column{
		{name: "pool", required: true, help: "the staff pool, or pool/zone for one zone's group of a zone pool"},
		{name: "start", required: true, help: "when the staff came on duty: " + timestampHelp + " (or from, HH:MM, with date and tz columns)"},
		{name: "end", required: true, help: "when they went off duty: " + timestampHelp + " (or to, HH:MM, with date and tz columns)"},
		{name: "count", required: true, help: "how many were on duty, a whole number"},
		dateColumn, tzColumn,
	},
	aliases: map[string]string{"from": "start", "to": "end"},
}

// maxCount is the most staff one roster row may put on duty.
const maxCount = 1_000_000

// ReadRoster reads roster.csv: the staff actually on duty. A shift may
// start before the run or end after it (the replay uses the part inside);
// one wholly outside the run is an error.
func ReadRoster(ctx context.Context, name string, r io.Reader, sc *compound.Scenario, opt Options) (Read[compound.RosterEntry], error) {
	if sc == nil {
		return Read[compound.RosterEntry]{}, errors.New("logs: reading a roster needs the scenario")
	}
	t := open(ctx, name, r, opt, rosterSchema)
	n := namesOf(sc)
	type row struct {
		e          compound.RosterEntry
		start, end time.Time
		line       int
		bad        bool
	}
	var rows []row
	for t.next() {
		var e compound.RosterEntry
		e.Pool, _ = n.pool(t)
		start, okS := t.when("start")
		end, okE := t.when("end")
		if okS {
			t.noteTime(start.t)
		}
		if okS && okE {
			if start.ofDay && end.ofDay && end.t.Before(start.t) {
				end.t = end.t.AddDate(0, 0, 1) // to before from: the next day
			}
			switch {
			case end.t.Equal(start.t) && start.ofDay && end.ofDay:
				t.fail("end", "the shift ends when it starts ("+t.get("end")+"): for a shift of 24 hours give start and end timestamps")
			case end.t.Equal(start.t):
				t.fail("end", "the shift ends when it starts ("+formatTime(end.t)+")")
			case end.t.Before(start.t):
				t.fail("end", "the shift ends at "+formatTime(end.t)+", before it starts at "+formatTime(start.t))
			}
		}
		e.Count, _ = t.count("count", maxCount)
		rows = append(rows, row{e: e, start: start.t, end: end.t, line: t.line, bad: t.bad})
	}
	day := t.chooseDay(sc)
	h := horizon(sc)
	out := make([]compound.RosterEntry, 0, len(rows))
	skipped := 0
	for _, r := range rows {
		if !r.bad {
			r.e.From, r.e.To = day.Seconds(r.start), day.Seconds(r.end)
			switch {
			case !(r.e.From < h):
				t.failAt(r.line, "start", formatTime(r.start)+" is after the run ends at "+formatTime(day.Time(h)))
				r.bad = true
			case !(r.e.To > 0):
				t.failAt(r.line, "end", "the shift ends at "+formatTime(r.end)+", before the run starts at "+formatTime(day.Start))
				r.bad = true
			}
		}
		if r.bad {
			skipped++
			continue
		}
		// Only the part inside the run counts: a shift reaching far beyond it
		// (a sheet saying "until further notice" as year 9999) is cut a week
		// outside, which keeps a night shift from the evening before whole.
		r.e.From = max(r.e.From, -rosterMargin)
		r.e.To = min(r.e.To, h+rosterMargin)
		out = append(out, r.e)
	}
	return result(t, out, day, skipped)
}

// rosterMargin is how far outside the run a roster entry is kept.
const rosterMargin = 7 * 86400
