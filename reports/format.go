package reports

import (
	"fmt"
	"math"

	"cordon/experiment"
	"cordon/lang"
)

// FormatValue writes a KPI value in its unit the way a planner reads it:
// durations as 1h23m, shares as percentages, counts with one decimal (they
// are means over replications).
func FormatValue(unit string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	switch unit {
	case "s":
		return lang.Seconds(v)
	case "share":
		return fmt.Sprintf("%.1f%%", 100*v)
	case "h":
		return fmt.Sprintf("%.1f h", v)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e9 {
		return fmt.Sprintf("%.0f", v)
	}
	if math.Abs(v) >= 100 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// unitLabel is the unit written after a count; durations and shares carry
// their own.
func unitLabel(unit string) string {
	switch unit {
	case "s", "share", "h":
		return ""
	}
	return unit
}

// estimate writes a mean and its interval as "10.7 [10.2, 11.2]" in w's
// language.
func (w *Words) estimate(unit string, mean, low, high float64) string {
	return fmt.Sprintf("%s [%s, %s]", w.value(unit, mean), w.value(unit, low), w.value(unit, high))
}

// estimateCell is estimateCell in w's language.
func (w *Words) estimateCell(o *experiment.Outcome, name string) string {
	k, ok := o.KPI(name)
	if !ok {
		return "—"
	}
	return w.estimate(k.Unit, k.Mean, k.Low, k.High)
}
