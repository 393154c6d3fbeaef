package main

import (
	"errors"
	"strings"

	"cordon/compound"
	"cordon/logs"
	"cordon/reports"
	"cordon/scenarios"
)

// shown writes user text (a file name, a scenario's name, a flag's value)
// for a message on the terminal: on one line, its controls and
// bidirectional controls as Go escapes (reports.TermSafe).
func shown(s string) string { return reports.TermSafe(s) }

// errorText writes an error for the terminal. The lists of problems of a
// scenario file or a log, and errors joined, are one problem a line, each
// line made safe where it was written: their line breaks stay, and any
// other control is escaped. Any other error is one line: every control of
// it, line breaks included, is escaped (an os error quoting a file name
// with a line break in it stays on its line).
func errorText(err error) string {
	var list interface{ Unwrap() []error }
	if errors.As(err, new(scenarios.Errors)) || errors.As(err, new(logs.Errors)) || errors.As(err, &list) {
		return terminalLines(err.Error())
	}
	return shown(err.Error())
}

// terminalLines escapes every control of text but its line breaks.
func terminalLines(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = compound.OneLine(l)
	}
	return strings.Join(lines, "\n")
}
