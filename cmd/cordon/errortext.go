package main

import (
	"errors"
	"strings"

	"cordon/logs"
	"cordon/scenarios"
	"cordon/text"
)

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
	return text.TermSafe(err.Error())
}

// terminalLines escapes every control of msg but its line breaks.
func terminalLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = text.OneLine(l)
	}
	return strings.Join(lines, "\n")
}
