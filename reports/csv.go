package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"

	"cordon/sim/experiment"
)

// formatFloat writes a number for CSV: the shortest exact form, empty for
// a value that could not be measured.
func formatFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ReplicationsCSV is replications.csv: one row per replication and KPI.
func ReplicationsCSV(o *experiment.Outcome) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"scenario", "replication", "kpi", "unit", "value"})
	for _, k := range o.KPIs {
		for r, v := range k.Values {
			_ = w.Write([]string{o.Scenario.Name, strconv.Itoa(r), k.Name, k.Unit, formatFloat(v)})
		}
	}
	w.Flush()
	return buf.Bytes()
}
