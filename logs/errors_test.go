package logs_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"cordon/logs"
)

// read reads text as the log its name says, with the run on 2021-11-25 in
// +08:00.
func read(t *testing.T, name, text string, lenient bool) (rows, skipped int, skippedErrors logs.Errors, err error) {
	t.Helper()
	sc := dayOne(t)
	day := shanghai(sc)
	opt := logs.Options{Day: &day, Lenient: lenient}
	r := strings.NewReader(text)
	switch name {
	case "arrivals.csv":
		got, err := logs.ReadArrivals(context.Background(), name, r, sc, opt)
		return len(got.Rows), got.Skipped, got.SkippedErrors, err
	case "roster.csv":
		got, err := logs.ReadRoster(context.Background(), name, r, sc, opt)
		return len(got.Rows), got.Skipped, got.SkippedErrors, err
	case "observed.csv":
		got, err := logs.ReadObserved(context.Background(), name, r, sc, opt)
		return len(got.Rows), got.Skipped, got.SkippedErrors, err
	case "durations.csv":
		got, err := logs.ReadDurations(context.Background(), name, r, opt)
		return len(got.Rows), got.Skipped, got.SkippedErrors, err
	}
	t.Fatalf("no log %s", name)
	return
}

const (
	ts      = "2021-11-25T08:00:00+08:00"
	arrHead = "time,kind,building,zone,id\n"
	rosHead = "pool,start,end,count\n"
)

// TestBadRows: each bad row gives its one-line error, exactly.
func TestBadRows(t *testing.T) {
	cases := []struct {
		name, file, text, want string
	}{
		{"bad time", "arrivals.csv", arrHead + "25/11/2021 08:13,express,7,,\n",
			`arrivals.csv:2: time: "25/11/2021 08:13" is not a time: write a timestamp with its offset, like 2021-11-25T08:13:05+08:00, or HH:MM with date and tz columns`},
		{"bad date", "arrivals.csv", "date,time,tz,kind\n2021-11-31,08:13,+08:00,express\n",
			`arrivals.csv:2: date: "2021-11-31" is not a date: write YYYY-MM-DD, for example 2021-11-25`},
		{"bad tz", "arrivals.csv", "date,time,tz,kind\n2021-11-25,08:13,Asia/Shangai,express\n",
			`arrivals.csv:2: tz: "Asia/Shangai" is not a time zone: write an offset like +08:00 or a zone name like Asia/Shanghai`},
		{"no zone", "arrivals.csv", arrHead + "2021-11-25T08:13,express,7,,\n",
			`arrivals.csv:2: time: "2021-11-25T08:13" has no time zone: add its offset (2021-11-25T08:13+08:00, or Z for UTC) or give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai)`},
		{"unknown kind", "arrivals.csv", arrHead + ts + ",takout,7,,\n",
			`arrivals.csv:2: kind: no kind "takout", did you mean takeout?`},
		{"unknown kind, none near", "arrivals.csv", arrHead + ts + ",groceries,7,,\n",
			`arrivals.csv:2: kind: no kind "groceries": the kinds are express, takeout, relatives and reserve`},
		{"missing kind", "arrivals.csv", arrHead + ts + ",,7,,\n",
			`arrivals.csv:2: kind: missing: give the item's kind; the kinds are express, takeout, relatives and reserve`},
		{"unknown building", "arrivals.csv", arrHead + ts + ",express,B7,,\n",
			`arrivals.csv:2: building: no building "B7", did you mean 7?`},
		{"unknown building, none near", "arrivals.csv", arrHead + ts + ",express,Tower A,,\n",
			`arrivals.csv:2: building: no building "Tower A": the buildings are 1, 2, 3, 4, 5, 6, 7, 8, ... (52 in all)`},
		{"unknown zone", "arrivals.csv", arrHead + ts + ",express,,zone 3,\n",
			`arrivals.csv:2: zone: no zone "zone 3", did you mean zone-3?`},
		{"building in another zone", "arrivals.csv", arrHead + ts + ",express,7,zone-3,\n",
			`arrivals.csv:2: zone: building "7" is in "zone-2", not "zone-3": give the building's zone, or leave zone empty`},
		{"duplicate id", "arrivals.csv", arrHead + ts + ",express,7,,A1\n" + ts + ",express,8,,A2\n" + ts + ",express,9,,A1\n",
			`arrivals.csv:4: id: "A1" repeats line 2: ids must be unique`},
		{"before the run", "arrivals.csv", arrHead + "2021-11-25T06:59:00+08:00,express,7,,\n",
			`arrivals.csv:2: time: 2021-11-25T06:59:00+08:00 is before the run starts at 2021-11-25T07:00:00+08:00`},
		{"after the run", "arrivals.csv", arrHead + "2021-11-26T07:00:00+08:00,express,7,,\n",
			`arrivals.csv:2: time: 2021-11-26T07:00:00+08:00 is after the run ends at 2021-11-26T07:00:00+08:00`},
		{"after the run, in UTC", "arrivals.csv", arrHead + "2021-11-25T23:00:00.5Z,express,7,,\n",
			`arrivals.csv:2: time: 2021-11-25T23:00:00.5Z is after the run ends at 2021-11-26T07:00:00+08:00`},
		{"unknown column", "arrivals.csv", "time,knd\n" + ts + ",express\n",
			`arrivals.csv:1: unknown column "knd", did you mean kind?`},
		{"unknown column, none near", "durations.csv", "step,duration,operator\ngate.intake,23s,li\n",
			`durations.csv:1: unknown column "operator": the columns are step, duration`},
		{"missing column", "arrivals.csv", "# the gate\ntime\n" + ts + "\n",
			`arrivals.csv:2: kind: missing column: the kind of each item, one of the scenario's deliveries`},
		{"repeated column", "roster.csv", "pool,start,from,end,count\n",
			`roster.csv:1: column 3 ("from") repeats column 2 ("start"): give it once`},
		{"old Mac line endings", "durations.csv", "step,duration\rgate.intake,23s\r",
			`durations.csv:1: the lines end in a carriage return alone (old Mac line endings): save the file with LF or CRLF line endings`},
		{"repeated column, another case", "durations.csv", "Step,duration,STEP\n",
			`durations.csv:1: column 3 ("STEP") repeats column 1 ("Step"): give it once`},
		{"empty file", "arrivals.csv", "",
			`arrivals.csv:1: empty file: no header row; the columns are time, date, tz, kind, building, zone, batch, id`},
		{"only comments", "durations.csv", "# nothing yet\n\n",
			`durations.csv:1: empty file: no header row; the columns are step, duration`},
		{"too many fields", "durations.csv", "step,duration\ngate.intake,23s,24s\n",
			`durations.csv:2: the row has 3 fields, the header names 2 columns`},
		{"quote not closed", "durations.csv", "step,duration\ngate.intake,\"23s\n",
			`durations.csv:2: the quoted field opening on this line is never closed: end it with "`},
		{"unknown pool", "roster.csv", rosHead + "gate-crw," + ts + ",2021-11-25T15:00:00+08:00,3\n",
			`roster.csv:2: pool: no pool "gate-crw", did you mean gate-crew?`},
		{"unknown zone group", "roster.csv", rosHead + "zone-volunteers/zone-14," + ts + ",2021-11-25T15:00:00+08:00,3\n",
			`roster.csv:2: pool: no pool "zone-volunteers/zone-14", did you mean zone-volunteers/zone-1?`},
		{"unknown pool, none near", "roster.csv", rosHead + "police," + ts + ",2021-11-25T15:00:00+08:00,3\n",
			`roster.csv:2: pool: no pool "police": the pools are gate-crew, suited-crew, sorting-group, zone-volunteers, community-workers, mobile-team and runners; a zone pool's group is pool/zone, like zone-volunteers/zone-1`},
		{"negative count", "roster.csv", rosHead + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,-2\n",
			`roster.csv:2: count: "-2" is negative: write a whole number, 0 or more`},
		{"count not whole", "roster.csv", rosHead + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,2.5\n",
			`roster.csv:2: count: "2.5" is not a whole number: write 0, 1, 2, ...`},
		{"end before start", "roster.csv", rosHead + "gate-crew,2021-11-25T15:00:00+08:00," + ts + ",3\n",
			`roster.csv:2: end: the shift ends at 2021-11-25T08:00:00+08:00, before it starts at 2021-11-25T15:00:00+08:00`},
		{"to at from", "roster.csv", "pool,date,from,to,tz,count\ngate-crew,2021-11-25,07:00,07:00,+08:00,3\n",
			`roster.csv:2: to: the shift ends when it starts (07:00): for a shift of 24 hours give start and end timestamps`},
		{"shift after the run", "roster.csv", rosHead + "gate-crew,2021-11-26T07:00:00+08:00,2021-11-26T15:00:00+08:00,3\n",
			`roster.csv:2: start: 2021-11-26T07:00:00+08:00 is after the run ends at 2021-11-26T07:00:00+08:00`},
		{"shift before the run", "roster.csv", "pool,date,from,to,tz,count\ngate-crew,2021-11-24,23:00,07:00,+08:00,1\n",
			`roster.csv:2: to: the shift ends at 2021-11-25T07:00:00+08:00, before the run starts at 2021-11-25T07:00:00+08:00`},
		{"unknown event", "observed.csv", "event,time,kind\ndeliverd," + ts + ",express\n",
			`observed.csv:2: event: no event "deliverd", did you mean delivered?`},
		{"delivered without kind", "observed.csv", "event,time,kind\ndelivered," + ts + ",\n",
			`observed.csv:2: kind: missing: give the item's kind; the kinds are express, takeout, relatives and reserve`},
		{"checkpoint without id", "observed.csv", "event,time,kind,id\nstaged," + ts + ",express,\n",
			`observed.csv:2: id: missing: a staged row needs the item's id, as in arrivals.csv`},
		{"checkpoint twice", "observed.csv", "event,time,kind,id\nstaged," + ts + ",express,A\nlabelled," + ts + ",express,A\nstaged," + ts + ",express,A\n",
			`observed.csv:4: id: "A" repeats line 2: ids must be unique`},
		{"delivered without a kind column", "observed.csv", "event,time\nsampled," + ts + "\ndelivered," + ts + "\ndelivered," + ts + "\n",
			`observed.csv:3: kind: missing column: delivered rows need the item's kind`},
		{"bad duration", "durations.csv", "step,duration\ngate.intake,fast\n",
			`durations.csv:2: duration: "fast" is not a duration: write a Go duration like 23s or 1m30s, or a number of seconds`},
		{"negative duration", "durations.csv", "step,duration\ngate.intake,-3s\n",
			`durations.csv:2: duration: "-3s" is negative: a duration is 0 or more`},
		{"negative seconds", "durations.csv", "step,duration\ngate.intake,-0.5\n",
			`durations.csv:2: duration: "-0.5" is negative: a duration is 0 or more`},
		{"infinite duration", "durations.csv", "step,duration\ngate.intake,+Inf\n",
			`durations.csv:2: duration: "+Inf" is not a finite number of seconds`},
		{"huge duration", "durations.csv", "step,duration\ngate.intake,1e999\n",
			`durations.csv:2: duration: "1e999" is not a finite number of seconds`},
		{"missing step", "durations.csv", "step,duration\n,23s\n",
			`durations.csv:2: step: missing: name the step timed, such as gate.intake`},
		{"a control character", "durations.csv", "step,duration\ngate.intake,2\x003s\n",
			`durations.csv:2: duration: "2\x003s" is not a duration: write a Go duration like 23s or 1m30s, or a number of seconds`},
	}
	for _, c := range cases {
		_, _, _, err := read(t, c.file, c.text, false)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
		var errs logs.Errors
		if err != nil && (!errors.As(err, &errs) || len(errs) == 0 || strings.Contains(err.Error(), "\n") != (len(errs) > 1)) {
			t.Errorf("%s: the error is %T %d", c.name, err, len(errs))
		}
	}
}

// TestAllErrorsTogether: every error of a file at once, sorted by line,
// those found when the Day is known (times outside the run) among them.
func TestAllErrorsTogether(t *testing.T) {
	text := "# a bad day\n" + arrHead +
		"2021-11-25T06:00:00+08:00,express,7,,A1\n" + // line 3: before the run
		ts + ",takout,7,,A2\n" + // 4
		ts + ",express,77,,A1\n" + // 5: no building 77, id repeats line 3
		"\n" +
		ts + ",express,7,,A3\n" + // 7: good
		"2021-11-25T08:00:00,express,7,,A4\n" // 8: no zone
	want := strings.Join([]string{
		`arrivals.csv:3: time: 2021-11-25T06:00:00+08:00 is before the run starts at 2021-11-25T07:00:00+08:00`,
		`arrivals.csv:4: kind: no kind "takout", did you mean takeout?`,
		`arrivals.csv:5: building: no building "77", did you mean 7?`,
		`arrivals.csv:5: id: "A1" repeats line 3: ids must be unique`,
		`arrivals.csv:8: time: "2021-11-25T08:00:00" has no time zone: add its offset (2021-11-25T08:00:00+08:00, or Z for UTC) or give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai)`,
	}, "\n")
	_, _, _, err := read(t, "arrivals.csv", text, false)
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}

	// Lenient: the bad rows are skipped and counted, the good one kept;
	// the repeated id is no longer an error, the first A1 being skipped.
	rows, skipped, skippedErrs, err := read(t, "arrivals.csv", text, true)
	if err != nil || rows != 1 || skipped != 4 || len(skippedErrs) != 4 {
		t.Errorf("lenient: %d rows, %d skipped, errors %v, %v", rows, skipped, skippedErrs, err)
	}
}

// TestLenient: bad rows skipped and counted, good ones kept, in each log;
// a bad header still fails.
func TestLenient(t *testing.T) {
	cases := []struct {
		file, text    string
		rows, skipped int
	}{
		{"arrivals.csv", arrHead + ts + ",express,7,,\n" + ts + ",takout,7,,\n" + ts + ",express,,zone-1,\n" + "oops\n", 2, 2},
		{"roster.csv", rosHead + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,3\n" + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,-1\n", 1, 1},
		{"observed.csv", "event,time,kind,id\ndelivered," + ts + ",express,A\nsampled," + ts + ",,\ndelivered," + ts + ",express,A\nlost," + ts + ",,\n", 2, 2},
		{"durations.csv", "step,duration\ngate.intake,23s\ngate.intake,-1s\ngate.intake,\"1m30s\"\n\"unclosed,1s\n", 2, 2},
	}
	for _, c := range cases {
		rows, skipped, errs, err := read(t, c.file, c.text, true)
		if err != nil || rows != c.rows || skipped != c.skipped || len(errs) < c.skipped {
			t.Errorf("%s: %d rows, %d skipped (want %d, %d), errors %v, %v", c.file, rows, skipped, c.rows, c.skipped, errs, err)
		}
	}
	if _, _, _, err := read(t, "arrivals.csv", "time,knd\n"+ts+",express\n", true); err == nil {
		t.Error("lenient: a bad header read")
	}
}

// TestLimits: MaxRows bounds the rows; many errors are cut to the first
// 200 and a count of the rest.
func TestLimits(t *testing.T) {
	sc := dayOne(t)
	text := "step,duration\n" + strings.Repeat("gate.intake,1s\n", 5)
	_, err := logs.ReadDurations(context.Background(), "durations.csv", strings.NewReader(text), logs.Options{MaxRows: 4})
	if err == nil || err.Error() != "durations.csv:6: more than 4 rows: split the log, or raise Options.MaxRows" {
		t.Errorf("MaxRows: %v", err)
	}
	text = arrHead + strings.Repeat(ts+",takout,7,,\n", 1000)
	_, err = logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
	var errs logs.Errors
	if !errors.As(err, &errs) || len(errs) != 201 || errs[200].Error() != "arrivals.csv:201: 800 more errors not shown: fix these first" {
		t.Errorf("%d errors, the last %v", len(errs), errs[len(errs)-1])
	}
	broken := io.MultiReader(strings.NewReader("step,duration\ngate.intake,1s\n"), iotest.ErrReader(errors.New("the disk is gone")))
	_, err = logs.ReadDurations(context.Background(), "durations.csv", broken, logs.Options{Lenient: true})
	if err == nil || err.Error() != "durations.csv:3: cannot read: the disk is gone" {
		t.Errorf("a read error: %v", err)
	}
	long := "step,duration\n" + strings.Repeat("x", 2<<20) + ",1s\ngate.intake,1s\n"
	_, err = logs.ReadDurations(context.Background(), "durations.csv", strings.NewReader(long), logs.Options{})
	if err == nil || err.Error() != "durations.csv:2: the line is longer than 1 MiB, the most a line of a log may hold (is this a log?)" {
		t.Errorf("a long line: %v", err)
	}
}

func TestParseZone(t *testing.T) {
	for _, tc := range []struct {
		in     string
		offset int // seconds east of UTC on 2021-11-25
		ok     bool
	}{
		{"+08:00", 8 * 3600, true}, {"+0800", 8 * 3600, true}, {"-05", -5 * 3600, true}, {"Z", 0, true},
		{"UTC", 0, true}, {"Asia/Shanghai", 8 * 3600, true}, {" +08:00 ", 8 * 3600, true},
		{"Local", 0, false}, {"", 0, false}, {"+25:00", 0, false}, {"../etc/passwd", 0, false}, {"Mars/Olympus", 0, false},
	} {
		loc, err := logs.ParseZone(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("%q: error %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if err != nil {
			if !strings.Contains(err.Error(), "is not a time zone") {
				t.Errorf("%q: %v", tc.in, err)
			}
			continue
		}
		if _, off := time.Date(2021, 11, 25, 12, 0, 0, 0, loc).Zone(); off != tc.offset {
			t.Errorf("%q: offset %d, want %d", tc.in, off, tc.offset)
		}
	}
}
