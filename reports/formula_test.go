package reports_test

import (
	"context"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// decimal is a number a spreadsheet reads as one, not as a formula.
var decimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// TestFormulaCellsInEveryCSV: a scenario, a kind and a sweep's value
// named like spreadsheet formulas come out of replications.csv, sweep.csv
// and differences.csv with an apostrophe before them, no cell running as a
// formula; negative numbers stay numbers.
func TestFormulaCellsInEveryCSV(t *testing.T) {
	const name, kind = "=cmd|' /C calc'!A0", "+parcels" // not "@...": a kind's name has no @ (KPI@dayN)
	load := func(extra ...scenarios.Override) *compound.Scenario {
		sc, err := scenarios.Resolve("baseline", append([]scenarios.Override{
			{Path: "name", Value: jsonQuote(name)},
			{Path: "deliveries.express.name", Value: jsonQuote(kind)}}, extra...)...)
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	a, b := load(), load(scenarios.Override{Path: "gate.shelves", Value: "2"})
	c, err := experiment.Compare(context.Background(), []*compound.Scenario{a, b}, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	out := c.Outcomes[0]
	sweep := &experiment.Sweep{Axes: []experiment.Axis{{Path: "gate.shelves", Values: []string{"+x", "-3"}}},
		Points: []experiment.SweepPoint{{Values: []string{"+x"}, Outcome: out}, {Values: []string{"-3"}, Outcome: out}}}
	negative := false
	for file, data := range map[string][]byte{
		"replications.csv": reports.ReplicationsCSV(out),
		"kpis.csv":         reports.KPIsCSV(out, nil),
		"sweep.csv":        reports.SweepCSV(sweep),
		"differences.csv":  reports.DifferencesCSV(c),
	} {
		rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		names := 0
		for i, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					if !decimal.MatchString(cell) {
						t.Errorf("%s: row %d has the cell %q, a formula to a spreadsheet", file, i+1, cell)
					}
					negative = negative || strings.HasPrefix(cell, "-")
				}
				if cell == "'"+name || strings.HasPrefix(cell, "'"+kind+".") || cell == "'+x" {
					names++
				}
			}
		}
		if names == 0 {
			t.Errorf("%s: no name written with its apostrophe", file)
		}
	}
	if !negative {
		t.Error("no negative number in the files: the test checks nothing of them")
	}
}
