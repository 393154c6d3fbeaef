package logs

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cordon/text"
)

// Error is one problem in a log, at a line: a bad row, or a bad header.
type Error struct {
	File  string // the name the log was read under
	Line  int    // from 1: the line the row (or the header) starts on
	Field string // the column, as written in the header; "" for the whole row
	Msg   string // what is wrong and how to write it
}

// Error returns "file:line: field: msg", leaving out "field: " when Field is
// empty (and ":line" when Line is 0). Line breaks and other control
// characters are escaped, so that it is always one line.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(text.OneLine(e.File))
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(text.OneLine(e.Field) + ": ")
	}
	b.WriteString(text.OneLine(e.Msg))
	return b.String()
}

// Errors is every problem found in a log.
type Errors []Error

// Error returns the errors one per line, sorted by file, then line.
func (e Errors) Error() string {
	sorted := slices.Clone(e)
	sortErrors(sorted)
	lines := make([]string, len(sorted))
	for i, err := range sorted {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

func sortErrors(e []Error) {
	slices.SortStableFunc(e, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

// maxErrors is the most errors reported for one file; a last line counts
// the rest. keepErrors is the most held while reading.
const (
	maxErrors  = 200
	keepErrors = 10 * maxErrors
)

// collector gathers the errors of one file.
type collector struct {
	file string
	list []Error
	more int // errors not kept
}

func (c *collector) add(line int, field, msg string) {
	if len(c.list) >= keepErrors {
		c.more++
		return
	}
	c.list = append(c.list, Error{File: c.file, Line: line, Field: field, Msg: msg})
}

// errors returns the errors sorted by line, the first maxErrors of them and
// a line counting the rest; nil when there are none.
func (c *collector) errors() Errors {
	if len(c.list) == 0 {
		return nil
	}
	out := slices.Clone(c.list)
	sortErrors(out)
	more := c.more
	if len(out) > maxErrors {
		more += len(out) - maxErrors
		out = out[:maxErrors]
	}
	if more > 0 {
		last := out[len(out)-1]
		out = append(out, Error{File: c.file, Line: last.Line, Msg: strconv.Itoa(more) + " more errors not shown: fix these first"})
	}
	return out
}

// maxQuoted is the longest value quoted in full in a message.
const maxQuoted = 60

// q quotes a value from a log for a message: escaped, and cut short when
// long.
func q(s string) string {
	if len(s) > maxQuoted {
		cut := maxQuoted
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}

func isRuneStart(b byte) bool { return b&0xc0 != 0x80 }

// unknown says that name is not one of the candidates: the nearest when
// there is one near, else a list of them.
func unknown(what, name string, candidates []string) string {
	msg := "no " + what + " " + q(name)
	if hint := text.DidYouMean(name, candidates); hint != "" {
		return msg + hint
	}
	return msg + ": " + list(what, candidates)
}

// list names the candidates: "the kinds are a, b and c", the first few of
// a long list.
func list(what string, candidates []string) string {
	switch len(candidates) {
	case 0:
		return "the scenario has no " + what + "s"
	case 1:
		return "the only " + what + " is " + candidates[0]
	}
	const few = 8
	if len(candidates) > few+2 {
		return fmt.Sprintf("the %ss are %s, ... (%d in all)", what, strings.Join(candidates[:few], ", "), len(candidates))
	}
	n := len(candidates)
	return "the " + what + "s are " + strings.Join(candidates[:n-1], ", ") + " and " + candidates[n-1]
}
