package logs

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"cordon/compound"
	"cordon/text"
)

// Options of reading.
type Options struct {
	Lenient bool // skip bad rows instead of failing; Skipped counts them
	Day     *Day // the run's start; nil or the zero Day: the first day of the earliest time in the file (DayOf)
	MaxRows int  // bound on rows (0: 10 million); more is an error
}

// defaultMaxRows bounds the rows of a file when Options.MaxRows is 0.
const defaultMaxRows = 10_000_000

// Read is the result of reading a log: what was read, the Day used, how
// many rows were skipped (Lenient) and why, and whether the file said it
// was synthetic (a "# synthetic: ..." comment).
//
// A reader that finds errors returns them all as Errors, sorted by line,
// and an empty Read; with Options.Lenient it skips the bad rows instead,
// and fails only when the file as a whole cannot be read (no header, bad
// columns, more than MaxRows rows, a read error).
type Read[T any] struct {
	Rows          []T
	Day           Day
	Skipped       int
	Synthetic     bool
	SkippedErrors Errors // the errors of the skipped rows, sorted, the first 200 of them
}

// column is a column a file may have.
type column struct {
	name     string
	required bool
	help     string // what it holds, for the message when it is missing
}

// schema is the columns of one kind of file.
type schema struct {
	columns []column
	aliases map[string]string // another name -> the column's name
}

// The time columns every file with times may have.
var (
	dateColumn = column{name: "date", help: "the date of a time written HH:MM, as 2021-11-25"}
	tzColumn   = column{name: "tz", help: "the time zone: " + tzHelp}
)

// names returns the names a header may use.
func (s schema) names() []string {
	var out []string
	for _, c := range s.columns {
		out = append(out, c.name)
	}
	for a := range s.aliases {
		out = append(out, a)
	}
	slices.Sort(out[len(s.columns):])
	return out
}

// table reads one file: its comments, header and rows, and gathers its
// errors.
type table struct {
	s          *scanner
	errs       collector
	opt        Options
	col        map[string]int    // column name -> index in a row
	as         map[string]string // column name -> as written in the header
	unnamed    []int             // columns with no name in the header
	width      int
	synthetic  bool
	fatal      bool // the file as a whole cannot be read
	rows       int  // data rows so far
	badRecords int  // rows that could not even be split into fields
	zones      map[string]*time.Location
	earliest   time.Time // the earliest time noted (noteTime)
	anyTime    bool      // whether any was

	// The current row.
	line   int
	fields []string
	bad    bool
}

// open reads the comments before the header and the header.
func open(ctx context.Context, name string, r io.Reader, opt Options, sch schema) *table {
	t := &table{s: newScanner(ctx, r), errs: collector{file: name}, opt: opt}
	if t.opt.MaxRows <= 0 {
		t.opt.MaxRows = defaultMaxRows
	}
	for {
		rec, ok := t.s.next()
		if !ok {
			if !t.readError() {
				t.fatalf(1, "", "empty file: no header row; the columns are "+strings.Join(sch.names(), ", "))
			}
			return t
		}
		if rec.isComment {
			t.comment(rec.comment)
			continue
		}
		if rec.bad != "" {
			t.fatalf(rec.line, "", "bad header: "+rec.bad)
			return t
		}
		t.header(rec.line, rec.fields, sch)
		return t
	}
}

// header maps the columns of the header row.
func (t *table) header(line int, fields []string, sch schema) {
	t.col, t.as, t.width = map[string]int{}, map[string]string{}, len(fields)
	suggested := map[string]bool{} // columns an unknown one may have meant
	known := func(n string) bool {
		return slices.ContainsFunc(sch.columns, func(c column) bool { return c.name == n })
	}
	if slices.ContainsFunc(fields, func(f string) bool { return strings.Contains(f, "\r") }) {
		t.fatalf(line, "", "the lines end in a carriage return alone (old Mac line endings): save the file with LF or CRLF line endings")
		return
	}
	for i, written := range fields {
		h := strings.ToLower(written)
		if h == "" {
			t.unnamed = append(t.unnamed, i)
			continue
		}
		name := h
		if a, ok := sch.aliases[h]; ok {
			name = a
		}
		if !known(name) {
			msg, near := unknownColumn(written, sch.names())
			t.fatalf(line, "", msg)
			if a, ok := sch.aliases[near]; ok {
				near = a
			}
			suggested[near] = true
			continue
		}
		if j, dup := t.col[name]; dup {
			t.fatalf(line, "", fmt.Sprintf("column %d (%s) repeats column %d (%s): give it once", i+1, q(written), j+1, q(t.as[name])))
			continue
		}
		t.col[name], t.as[name] = i, written
	}
	for _, c := range sch.columns {
		if _, ok := t.col[c.name]; c.required && !ok && !suggested[c.name] {
			t.fatalf(line, c.name, "missing column: "+c.help)
		}
	}
}

func unknownColumn(h string, names []string) (msg, near string) {
	msg = "unknown column " + q(h)
	if near = text.Nearest(h, names); near != "" {
		return msg + text.DidYouMean(h, names), near
	}
	return msg + ": the columns are " + strings.Join(names, ", "), ""
}

// comment notes a comment line: "# synthetic: ..." marks a made-up log.
func (t *table) comment(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	if strings.HasPrefix(text, "synthetic:") || text == "synthetic" {
		t.synthetic = true
	}
}

// next moves to the next row; false at the end of the file (or when the
// file cannot be read on).
func (t *table) next() bool {
	if t.fatal {
		return false
	}
	for {
		rec, ok := t.s.next()
		if !ok {
			t.readError()
			return false
		}
		if rec.isComment {
			t.comment(rec.comment)
			continue
		}
		t.rows++
		if t.rows > t.opt.MaxRows {
			t.fatalf(rec.line, "", fmt.Sprintf("more than %d rows: split the log, or raise Options.MaxRows", t.opt.MaxRows))
			return false
		}
		if rec.last {
			t.fatalf(rec.line, "", rec.bad)
			return false
		}
		if rec.bad != "" {
			t.errs.add(rec.line, "", rec.bad)
			t.badRecords++
			continue
		}
		t.line, t.fields, t.bad = rec.line, rec.fields, false
		t.checkWidth()
		return true
	}
}

// checkWidth reports values beyond the header's columns or in columns the
// header gives no name.
func (t *table) checkWidth() {
	for i := t.width; i < len(t.fields); i++ {
		if t.fields[i] != "" {
			t.fail("", fmt.Sprintf("the row has %d fields, the header names %d columns", len(t.fields), t.width))
			break
		}
	}
	for _, i := range t.unnamed {
		if i < len(t.fields) && t.fields[i] != "" {
			t.fail("", fmt.Sprintf("column %d has no name in the header, but this row has %s in it", i+1, q(t.fields[i])))
		}
	}
}

// has reports whether the file has a column.
func (t *table) has(name string) bool {
	_, ok := t.col[name]
	return ok
}

// get returns the current row's value in a column ("" when it has none),
// without the apostrophe SafeCell puts before text a spreadsheet would run.
func (t *table) get(name string) string {
	i, ok := t.col[name]
	if !ok || i >= len(t.fields) {
		return ""
	}
	return plainCell(t.fields[i])
}

// heading returns a column's name as the header writes it.
func (t *table) heading(name string) string {
	if h, ok := t.as[name]; ok {
		return h
	}
	return name
}

// fail reports a problem with the current row, making it a bad row.
func (t *table) fail(name, msg string) {
	t.failAt(t.line, name, msg)
	t.bad = true
}

// failAt reports a problem with a row read earlier.
func (t *table) failAt(line int, name, msg string) {
	if name != "" {
		name = t.heading(name)
	}
	t.errs.add(line, name, msg)
}

// fatalf reports a problem with the file as a whole.
func (t *table) fatalf(line int, name, msg string) {
	t.fatal = true
	t.failAt(line, name, msg)
}

// readError reports a read error; it returns whether there was one.
func (t *table) readError() bool {
	if t.s.err == nil {
		return false
	}
	t.fatalf(t.s.line+1, "", "cannot read: "+t.s.err.Error())
	return true
}

// result returns what was read: the rows and no error, or the errors
// (every error of the file, unless Lenient, where bad rows are skipped).
func result[T any](t *table, rows []T, day Day, skipped int) (Read[T], error) {
	if t.s.stopped != nil {
		return Read[T]{}, t.s.stopped
	}
	errs := t.errs.errors()
	if t.fatal || len(errs) > 0 && !t.opt.Lenient {
		return Read[T]{}, errs
	}
	return Read[T]{Rows: rows, Day: day, Skipped: skipped + t.badRecords, Synthetic: t.synthetic, SkippedErrors: errs}, nil
}

// noteTime notes a time read, for chooseDay.
func (t *table) noteTime(at time.Time) {
	if !t.anyTime || at.Before(t.earliest) {
		t.earliest, t.anyTime = at, true
	}
}

// chooseDay returns the Day of the run: the one given, or sc's on the first
// day of the earliest time noted (the zero Day when there is none). A zero
// Day given (a log with no times says no day) is none given: it would set
// the run at year 1.
func (t *table) chooseDay(sc *compound.Scenario) Day {
	switch {
	case t.opt.Day != nil && !t.opt.Day.Start.IsZero():
		return *t.opt.Day
	case t.anyTime:
		return DayOf(sc, t.earliest)
	}
	return Day{}
}

// inRun returns the simulation time of an instant, reporting (against the
// row at line) one before the run starts or at or after its end.
func (t *table) inRun(line int, name string, at time.Time, d Day, horizon float64) (float64, bool) {
	s := d.Seconds(at)
	switch {
	case s < 0:
		t.failAt(line, name, formatTime(at)+" is before the run starts at "+formatTime(d.Start))
		return s, false
	case !(s < horizon):
		t.failAt(line, name, formatTime(at)+" is after the run ends at "+formatTime(d.Time(horizon)))
		return s, false
	}
	return s, true
}

// count reads a whole number, 0 or more.
func (t *table) count(name string, limit int) (int, bool) {
	s := t.get(name)
	if s == "" {
		t.fail(name, "missing: give a whole number, 0 or more")
		return 0, false
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil && strings.HasPrefix(s, "-"):
		t.fail(name, q(s)+" is not a whole number, 0 or more")
	case err != nil:
		t.fail(name, q(s)+" is not a whole number: write 0, 1, 2, ...")
	case n < 0:
		t.fail(name, q(s)+" is negative: write a whole number, 0 or more")
	case n > limit:
		t.fail(name, q(s)+" is more than "+strconv.Itoa(limit))
	default:
		return n, true
	}
	return 0, false
}
