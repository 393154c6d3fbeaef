package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/logs"
	"cordon/scenarios"
)

// dayOneAs writes day-one into dir as file, with each old text replaced by
// its new one, and returns its path.
func dayOneAs(t *testing.T, dir, file string, replace ...string) string {
	t.Helper()
	base, ok := scenarios.Builtin("day-one")
	if !ok {
		t.Fatal("no day-one")
	}
	s := string(base)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("day-one has no %q", replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	p := filepath.Join(dir, file)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// cordon runs Main with args and returns its exit code, stdout and stderr.
func cordon(args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

// TestRecordReplayFormulaNames: a day of a scenario whose kind is named
// "=x" and whose gate crew "+crew" is recorded with no cell a spreadsheet
// would run as a formula, and replays back.
func TestRecordReplayFormulaNames(t *testing.T) {
	dir := t.TempDir()
	sc := dayOneAs(t, dir, "formulas.yaml", "  - name: express\n", "  - name: \"=x\"\n", "  - name: gate-crew\n", "  - name: \"+crew\"\n")
	logDir := filepath.Join(dir, "day")
	if code, _, errw := cordon("record", sc, "--date", "2021-11-24", "--tz", "+08:00", "--out", logDir); code != 0 {
		t.Fatalf("record: exit %d: %s", code, errw)
	}
	for _, f := range []string{logs.ArrivalsFile, logs.RosterFile, logs.ObservedFile, logs.DurationsFile} {
		data, err := os.ReadFile(filepath.Join(logDir, f))
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if strings.HasPrefix(cell, "=") || strings.HasPrefix(cell, "@") {
					t.Errorf("%s: the cell %q is a formula to a spreadsheet", f, cell)
				}
			}
		}
	}
	code, out, errw := cordon("replay", sc, "--arrivals", filepath.Join(logDir, logs.ArrivalsFile), "--roster", filepath.Join(logDir, logs.RosterFile),
		"--observed", filepath.Join(logDir, logs.ObservedFile), "--reps", "2", "-q", "--no-report")
	if code != 0 || !strings.Contains(out, "=x: items delivered") {
		t.Errorf("replay: exit %d: %s\n%s", code, errw, out)
	}
}

// TestRecordDateRange: record refuses a date whose logs would hold a time
// replay cannot read (before the year 1000 or after 9998 in UTC, on any day
// of the run, in the zone given), one line and exit 2, writing nothing;
// the extreme dates it accepts, in the zones furthest east and west, give
// logs that replay reads.
func TestRecordDateRange(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ date, tz string }{
		{"0000-01-01", "+08:00"}, {"0999-12-31", "Z"}, {"1000-01-01", "+14:00"}, {"1000-01-01", "+18:00"},
		{"9998-12-31", "-12:00"}, {"9999-12-31", "+14:00"}, {"9999-01-01", "Z"},
	} {
		out := filepath.Join(dir, "refused-"+c.date+c.tz)
		code, _, errw := cordon("record", "day-one", "--date", c.date, "--tz", c.tz, "--out", out)
		if code != exitBadInput || strings.Count(errw, "\n") != 1 || !strings.Contains(errw, "a log holds times of the years 1000 to 9998 (in UTC)") {
			t.Errorf("--date %s --tz %s: exit %d, %q", c.date, c.tz, code, errw)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--date %s --tz %s: %s was made", c.date, c.tz, out)
		}
	}
	for _, c := range []struct{ date, tz string }{
		{"1000-01-02", "+14:00"}, {"1000-01-01", "-12:00"}, {"1000-01-02", "+18:00"}, {"1000-01-01", "Z"},
		{"9998-12-31", "+14:00"}, {"9998-12-30", "-12:00"}, {"9998-12-29", "-18:00"}, {"9998-12-30", "Z"},
	} {
		out := filepath.Join(dir, c.date+c.tz)
		if code, _, errw := cordon("record", "day-one", "--date", c.date, "--tz", c.tz, "--out", out); code != 0 {
			t.Errorf("--date %s --tz %s: exit %d, %s", c.date, c.tz, code, errw)
			continue
		}
		code, _, errw := cordon("replay", "day-one", "--arrivals", filepath.Join(out, logs.ArrivalsFile), "--roster", filepath.Join(out, logs.RosterFile),
			"--observed", filepath.Join(out, logs.ObservedFile), "--reps", "2", "-q", "--no-report")
		if code != 0 {
			t.Errorf("--date %s --tz %s: replay: exit %d, %.300s", c.date, c.tz, code, errw)
		}
		if code, _, errw := cordon("fit", "--observed", filepath.Join(out, logs.DurationsFile), "--yaml"); code != 0 {
			t.Errorf("--date %s --tz %s: fit: exit %d, %.300s", c.date, c.tz, code, errw)
		}
	}
}
