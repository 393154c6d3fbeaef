package reports

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"cordon/experiment"
)

// formatFloat writes a number for CSV: the shortest exact form, empty for
// a value that could not be measured.
func formatFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// writeCSVRow writes one row of a CSV file, every cell through
// logs.SafeCell: a name a spreadsheet would run as a formula gets an
// apostrophe before it, a number stays a number. Every CSV file of a
// report is written by csvLines, row by row here or cell by cell.
func writeCSVRow(l *csvLines, cells []string) {
	for _, c := range cells {
		l.text(c)
	}
	l.end()
}

// ReplicationsCSV is replications.csv: one row per replication and KPI.
func ReplicationsCSV(o *experiment.Outcome) []byte {
	var buf bytes.Buffer
	_ = WriteReplicationsCSV(&buf, o) // a bytes.Buffer does not fail
	return buf.Bytes()
}

// WriteReplicationsCSV writes ReplicationsCSV to out as it goes.
func WriteReplicationsCSV(out io.Writer, o *experiment.Outcome) error {
	var l csvLines
	for _, h := range []string{"scenario", "replication", "kpi", "unit", "value"} {
		l.text(h)
	}
	l.end()
	scenario := cellText(o.Scenario.Name)
	for _, k := range o.KPIs {
		name, unit := cellText(k.Name), cellText(k.Unit)
		for r, v := range k.Values {
			l.cell(scenario)
			l.integer(r)
			l.cell(name)
			l.cell(unit)
			l.number(v)
			l.end()
			if len(l.b) >= 32<<10 {
				if _, err := out.Write(l.b); err != nil {
					return err
				}
				l.b = l.b[:0]
			}
		}
	}
	_, err := out.Write(l.b)
	return err
}
