package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
// "=x" and whose gate crew "@crew" is recorded with no cell a spreadsheet
// would run as a formula, and replays back.
func TestRecordReplayFormulaNames(t *testing.T) {
	dir := t.TempDir()
	sc := dayOneAs(t, dir, "formulas.yaml", "  - name: express\n", "  - name: \"=x\"\n", "  - name: gate-crew\n", "  - name: \"@crew\"\n")
	logDir := filepath.Join(dir, "day")
	if code, _, errw := cordon("record", sc, "--date", "2021-11-24", "--tz", "+08:00", "--out", logDir); code != 0 {
		t.Fatalf("record: exit %d: %s", code, errw)
	}
	for _, f := range []string{arrivalsFile, rosterFile, observedFile, durationsFile} {
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
	code, out, errw := cordon("replay", sc, "--arrivals", filepath.Join(logDir, arrivalsFile), "--roster", filepath.Join(logDir, rosterFile),
		"--observed", filepath.Join(logDir, observedFile), "--reps", "2", "-q", "--no-report")
	if code != 0 || !strings.Contains(out, "=x.delivered") {
		t.Errorf("replay: exit %d: %s\n%s", code, errw, out)
	}
}
