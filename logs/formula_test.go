package logs_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/logs"
	"cordon/scenarios"
)

// decimal is a number a spreadsheet reads as one, not as a formula.
var decimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// formulaStart reports a cell a spreadsheet would run as a formula: one
// starting with =, +, -, @, a tab or a carriage return, other than a
// number.
func formulaStart(cell string) bool {
	return cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !decimal.MatchString(cell)
}

// checkNoFormula fails when a cell of a CSV file (comment lines included,
// as a spreadsheet splits them too) would run as a formula.
func checkNoFormula(t *testing.T, name, text string) {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for i, row := range rows {
		for _, cell := range row {
			if formulaStart(cell) {
				t.Errorf("%s: record %d has the cell %q, a formula to a spreadsheet", name, i+1, cell)
			}
		}
	}
}

// TestSafeCell: a text cell starting as a formula gets a ' before it, a
// number does not, and reading takes the ' off again, whatever the text.
func TestSafeCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=x", "'=x"}, {"+x", "'+x"}, {"-x", "'-x"}, {"@x", "'@x"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"-3", "-3"}, {"-3.25", "-3.25"}, {"+1e-05", "+1e-05"}, {"-.5", "-.5"},
		{"-Inf", "'-Inf"}, {"-1+2", "'-1+2"}, {"-0x1p3", "'-0x1p3"}, {"-", "'-"},
		{"'=x", "''=x"}, {"''=x", "'''=x"}, {"'x", "'x"}, {"'-3", "'-3"}, {"'", "'"},
		{"express", "express"}, {"", ""}, {"zone-3", "zone-3"}, {"x=1", "x=1"},
	} {
		if got := logs.SafeCell(c.in); got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFormulaNamesRoundTrip: a kind, a pool, a step, a batch and an id
// named like formulas are written neutralised (no cell of any log, nor of
// its comments, runs as a formula in a spreadsheet) and read back as they
// were: a day recorded with a kind named "=x" replays.
func TestFormulaNamesRoundTrip(t *testing.T) {
	sc, err := scenarios.Resolve("day-one",
		scenarios.Override{Path: "deliveries.express.name", Value: `"=x"`},
		scenarios.Override{Path: "deliveries.takeout.name", Value: `"-3"`},
		scenarios.Override{Path: "staff.gate-crew.name", Value: `"+crew"`}) // no "@" in a name: a day's KPI is named with @
	if err != nil {
		t.Fatal(err)
	}
	log, _, err := experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range log.Arrivals {
		switch i % 3 {
		case 0:
			log.Arrivals[i].Batch, log.Arrivals[i].ID = "=SUM(A1:A9)", "+"+log.Arrivals[i].ID
		case 1:
			log.Arrivals[i].Batch = "'=quoted"
		}
	}
	log.Durations["-gate.intake"] = log.Durations["gate.intake"]
	day := shanghai(sc)
	comments := []string{"synthetic: made from the scenario x,=HYPERLINK(\"http://evil\"),\"=1+1\", with --set a=-1,+2"}
	ctx := context.Background()

	var arr, ros, obs, dur bytes.Buffer
	if err := logs.WriteArrivals(&arr, sc, day, comments, log.Arrivals); err != nil {
		t.Fatal(err)
	}
	roster := sc.PlannedRoster()
	if err := logs.WriteRoster(&ros, day, comments, roster); err != nil {
		t.Fatal(err)
	}
	if err := logs.WriteObserved(&obs, sc, day, comments, log); err != nil {
		t.Fatal(err)
	}
	if err := logs.WriteDurations(&dur, comments, log.Durations); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*bytes.Buffer{"arrivals.csv": &arr, "roster.csv": &ros, "observed.csv": &obs, "durations.csv": &dur} {
		checkNoFormula(t, name, b.String())
	}

	a, err := logs.ReadArrivals(ctx, "arrivals.csv", &arr, sc, logs.Options{})
	if err != nil {
		t.Fatalf("%.300v", err)
	}
	if len(a.Rows) != len(log.Arrivals) {
		t.Fatalf("read %d arrivals, wrote %d", len(a.Rows), len(log.Arrivals))
	}
	for i, w := range log.Arrivals {
		if g := a.Rows[i]; g.Kind != w.Kind || g.Batch != w.Batch || g.ID != w.ID {
			t.Fatalf("arrival %d: wrote %+v, read %+v", i, w, g)
		}
	}
	if errs := sc.CheckReplay(a.Rows, nil); len(errs) > 0 {
		t.Errorf("the arrivals read do not replay: %v", errs[0])
	}
	r, err := logs.ReadRoster(ctx, "roster.csv", &ros, sc, logs.Options{Day: &a.Day})
	if err != nil {
		t.Fatalf("%.300v", err)
	}
	pools := map[string]bool{}
	for _, e := range r.Rows {
		pools[e.Pool] = true
	}
	if len(r.Rows) != len(roster) || !pools["+crew"] {
		t.Errorf("roster: read %d entries of pools %v, wrote %d", len(r.Rows), pools, len(roster))
	}
	o, err := logs.ReadObserved(ctx, "observed.csv", &obs, sc, logs.Options{Day: &a.Day})
	if err != nil {
		t.Fatalf("%.300v", err)
	}
	kinds := map[int]int{}
	for _, x := range o.Rows {
		kinds[x.Kind]++
	}
	if kinds[0] == 0 || kinds[1] == 0 {
		t.Errorf("observed: deliveries by kind %v", kinds)
	}
	d, err := logs.ReadDurations(ctx, "durations.csv", &dur, logs.Options{})
	if err != nil {
		t.Fatalf("%.300v", err)
	}
	steps := map[string]int{}
	for _, x := range d.Rows {
		steps[x.Step]++
	}
	if steps["-gate.intake"] != len(log.Durations["gate.intake"]) || steps["-gate.intake"] == 0 {
		t.Errorf("durations: steps %v", steps)
	}
	if !d.Synthetic {
		t.Error("the synthetic comment is lost")
	}
}

// TestHandWrittenApostrophe: a log written by hand with '=x for a kind
// named =x reads it as =x, and a kind named 'x stays 'x.
func TestHandWrittenApostrophe(t *testing.T) {
	sc, err := scenarios.Resolve("day-one",
		scenarios.Override{Path: "deliveries.express.name", Value: `"=x"`},
		scenarios.Override{Path: "deliveries.takeout.name", Value: `"'x"`})
	if err != nil {
		t.Fatal(err)
	}
	text := "time,kind\n2021-11-25T08:13:05+08:00,'=x\n2021-11-25T08:14:05+08:00,'x\n"
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 || got.Rows[0].Kind != 0 || got.Rows[1].Kind != 1 {
		t.Errorf("read %+v", got.Rows)
	}
}
