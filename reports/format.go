package reports

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"cordon/compound"
	"cordon/experiment"
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
		return compound.FormatSeconds(v)
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

// formatEstimate writes a mean and its interval as "10.7 [10.2, 11.2]".
func formatEstimate(unit string, mean, low, high float64) string {
	return fmt.Sprintf("%s [%s, %s]", FormatValue(unit, mean), FormatValue(unit, low), FormatValue(unit, high))
}

// formatInterval writes a confidence interval "low – high", or "—" when
// there is none (fewer than two replications measured the KPI).
func formatInterval(unit string, low, high float64) string {
	if math.IsNaN(low) && math.IsNaN(high) {
		return "—"
	}
	return FormatValue(unit, low) + " – " + FormatValue(unit, high)
}

// estimateCell writes a KPI of an outcome as "mean [low, high]", or "—"
// when the outcome has no such KPI.
func estimateCell(o *experiment.Outcome, name string) string {
	k, ok := o.KPI(name)
	if !ok {
		return "—"
	}
	return formatEstimate(k.Unit, k.Mean, k.Low, k.High)
}

// TermSafe writes user text for a terminal, on one line: control characters
// (line breaks, tabs, escapes that would move the cursor or change colours)
// and the bidirectional controls (which reorder what is shown) as Go
// escapes, everything else, other scripts included, as it is.
func TermSafe(s string) string { return termSafe(s) }

// termSafe is TermSafe: compound.OneLine, with tabs escaped too (a tab in a
// name would move the columns of a table).
func termSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\t' || compound.Escapes(r) {
			b.WriteString(compound.EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// termText makes a text written for a terminal safe whatever is in it:
// every character compound.OneLine escapes, but the line breaks of the
// text, as a Go escape. The names in the text are escaped where they are
// written (termSafe), so that no line break or tab of theirs breaks a
// line or a table; this is the edge that nothing else passes.
func termText(text []byte) []byte {
	if !bytes.ContainsFunc(text, func(r rune) bool { return r != '\n' && compound.Escapes(r) }) {
		return text
	}
	var b bytes.Buffer
	for _, r := range string(text) {
		if r != '\n' && compound.Escapes(r) {
			b.WriteString(compound.EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}
