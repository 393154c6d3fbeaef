package logs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"cordon/compound"
)

// errNoScenario is the error of a writer given no scenario.
func errNoScenario() error { return errors.New("logs: writing this log needs the scenario") }

// writer writes a CSV log: comment lines, a header, rows; it keeps the
// first error.
type writer struct {
	w   *bufio.Writer
	err error
}

func newWriter(w io.Writer, comments []string, header ...string) *writer {
	out := &writer{w: bufio.NewWriter(w)}
	for _, c := range comments {
		for _, line := range strings.Split(c, "\n") {
			line = strings.TrimPrefix(strings.TrimRight(line, "\r"), "#")
			line = strings.TrimSpace(line)
			if line == "" {
				out.line("#")
				continue
			}
			out.line(safeComment("# " + line))
		}
	}
	out.row(header...)
	return out
}

func (w *writer) line(s string) {
	if w.err == nil {
		_, w.err = w.w.WriteString(s + "\n")
	}
}

// row writes one row, every field through SafeCell, quoting fields that
// need it (a first field starting with # would read as a comment).
func (w *writer) row(fields ...string) {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		f = SafeCell(f)
		if strings.ContainsAny(f, ",\"\r\n") || strings.HasPrefix(f, "#") || f != strings.TrimSpace(f) {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		b.WriteString(f)
	}
	w.line(b.String())
}

// fail notes an error in the data given (the first one is kept).
func (w *writer) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("logs: "+format, args...)
	}
}

func (w *writer) close() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

// timeLayout is how logs made by cordon write times: RFC 3339 to the
// millisecond.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// at writes simulation time s as an instant of day, to the millisecond; a
// time inside the run (below limit) stays inside it.
func (w *writer) at(day Day, s, limit float64, what string) string {
	if math.IsNaN(s) || math.IsInf(s, 0) || math.Abs(s) > 9e9 {
		w.fail("%s: time %v s is not a finite time", what, s)
		return ""
	}
	ms := math.Round(s * 1000)
	if s < limit && ms >= limit*1000 {
		ms = math.Ceil(limit*1000) - 1
	}
	t := day.Start.Add(time.Duration(ms) * time.Millisecond)
	if _, off := t.Zone(); off%60 != 0 {
		// An offset of whole minutes only can be written (local mean times
		// before 1900 have seconds): such a time is written in UTC.
		t = t.UTC()
	}
	return t.Format(timeLayout)
}

// WriteArrivals writes arrivals.csv: time, kind, building, zone (the
// building's, or the zone given when there is no building), batch, id.
func WriteArrivals(w io.Writer, sc *compound.Scenario, day Day, comments []string, arrivals []compound.LoggedArrival) error {
	if sc == nil {
		return errNoScenario()
	}
	out := newWriter(w, comments, "time", "kind", "building", "zone", "batch", "id")
	n := namesOf(sc)
	h := horizon(sc)
	for i, a := range arrivals {
		what := fmt.Sprintf("arrival %d", i)
		if a.Kind < 0 || a.Kind >= len(sc.Kinds) {
			out.fail("%s: no kind %d", what, a.Kind)
			break
		}
		building, zone := "", ""
		switch {
		case a.Building >= len(sc.Buildings) || a.Building < -1:
			out.fail("%s: no building %d", what, a.Building)
		case a.Building >= 0:
			building = sc.Buildings[a.Building].ID
			if z := n.zoneOf[a.Building]; z >= 0 {
				zone = sc.Zones[z].Name
			}
		case a.Zone >= len(sc.Zones) || a.Zone < -1:
			out.fail("%s: no zone %d", what, a.Zone)
		case a.Zone >= 0:
			zone = sc.Zones[a.Zone].Name
		}
		out.row(out.at(day, a.At, h, what), sc.Kinds[a.Kind].Name, building, zone, a.Batch, a.ID)
	}
	return out.close()
}

// WriteRoster writes roster.csv: pool, start, end, count.
func WriteRoster(w io.Writer, day Day, comments []string, roster []compound.RosterEntry) error {
	out := newWriter(w, comments, "pool", "start", "end", "count")
	for i, r := range roster {
		what := fmt.Sprintf("roster entry %d", i)
		if r.Count < 0 {
			out.fail("%s: count %d is negative", what, r.Count)
		}
		out.row(r.Pool, out.at(day, r.From, math.Inf(-1), what), out.at(day, r.To, math.Inf(-1), what), strconv.Itoa(r.Count))
	}
	return out.close()
}

// WriteObserved writes observed.csv from a log: its deliveries (event
// delivered, with kind and id), the items turned away (turned_away, with
// kind and id) and residents sampled, in order of time.
func WriteObserved(w io.Writer, sc *compound.Scenario, day Day, comments []string, log *compound.Log) error {
	return writeObserved(w, sc, day, comments, log, false)
}

// WriteObservedTimed writes observed.csv as WriteObserved does, with a row
// for every checkpoint each delivered item passed (Checkpoints), from the
// time it spent in each stage.
func WriteObservedTimed(w io.Writer, sc *compound.Scenario, day Day, comments []string, log *compound.Log) error {
	return writeObserved(w, sc, day, comments, log, true)
}

func writeObserved(w io.Writer, sc *compound.Scenario, day Day, comments []string, log *compound.Log, timed bool) error {
	if sc == nil {
		return errNoScenario()
	}
	out := newWriter(w, comments, "event", "time", "kind", "id")
	if log == nil {
		return out.close()
	}
	type obs struct {
		at              float64
		kind, id, event string
	}
	rows := make([]obs, 0, len(log.Deliveries)+len(log.TurnedAway)+len(log.Sampled))
	for i, d := range log.Deliveries {
		if d.Kind < 0 || d.Kind >= len(sc.Kinds) {
			out.fail("delivery %d: no kind %d", i, d.Kind)
			return out.close()
		}
		rows = append(rows, obs{at: d.Delivered, kind: sc.Kinds[d.Kind].Name, id: d.ID, event: Delivered})
		if !timed || d.ID == "" {
			continue
		}
		at := d.Arrived
		for j, st := range d.Stages {
			at += st
			if j < len(Checkpoints) && !math.IsNaN(at) {
				rows = append(rows, obs{at: at, kind: sc.Kinds[d.Kind].Name, id: d.ID, event: Checkpoints[j]})
			}
		}
	}
	for i, d := range log.TurnedAway {
		if d.Kind < 0 || d.Kind >= len(sc.Kinds) {
			out.fail("turned away %d: no kind %d", i, d.Kind)
			return out.close()
		}
		rows = append(rows, obs{at: d.At, kind: sc.Kinds[d.Kind].Name, id: d.ID, event: TurnedAway})
	}
	for _, s := range log.Sampled {
		rows = append(rows, obs{at: s, event: Sampled})
	}
	slices.SortStableFunc(rows, func(a, b obs) int {
		if a.at < b.at {
			return -1
		}
		if a.at > b.at {
			return 1
		}
		return 0
	})
	h := horizon(sc)
	for _, r := range rows {
		out.row(r.event, out.at(day, r.at, h, r.event), r.kind, r.id)
	}
	return out.close()
}

// WriteDurations writes durations.csv: step, duration in seconds to the
// millisecond; the steps in sorted order, each one's durations as given.
func WriteDurations(w io.Writer, comments []string, durations map[string][]float64) error {
	out := newWriter(w, comments, "step", "duration")
	steps := make([]string, 0, len(durations))
	for s := range durations {
		steps = append(steps, s)
	}
	slices.Sort(steps)
	for _, s := range steps {
		if strings.TrimSpace(s) == "" {
			out.fail("a step with no name")
		}
		for _, v := range durations[s] {
			if !(v >= 0) || math.IsInf(v, 0) {
				out.fail("%s: duration %v is not a finite number of seconds, 0 or more", s, v)
			}
			out.row(s, strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64))
		}
	}
	return out.close()
}
