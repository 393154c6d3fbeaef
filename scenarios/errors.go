package scenarios

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"cordon/text"
)

// Error is one problem in a scenario file, at a position.
type Error struct {
	File         string // the file name, or "--set path=value" for an override
	Line, Column int    // from 1; 0 when unknown (overrides)
	Path         string // the field, as written in YAML: staff[2].shifts[0].from
	Msg          string // what is wrong and what was expected
}

// Error returns "file:line:column: path: msg", leaving out ": path" when
// Path is empty and the line and column when they are 0.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one file, sorted by position.
type Errors []Error

// Error returns the errors one per line.
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// maxErrors is the most errors reported for one file; the rest are counted
// in a last line.
const maxErrors = 200

// collector gathers the errors of one load.
type collector struct {
	list  []Error
	more  int // errors beyond maxErrors
	seen  map[Error]bool
	order map[string]int // the overrides, "--set path=value", by position from 1
}

func (c *collector) add(e Error) {
	e.File = text.OneLine(e.File)
	e.Path = text.OneLine(e.Path)
	e.Msg = text.OneLine(e.Msg)
	if c.seen == nil {
		c.seen = map[Error]bool{}
	}
	if c.seen[e] {
		return
	}
	if len(c.list) >= maxErrors {
		c.more++
		return
	}
	c.seen[e] = true
	c.list = append(c.list, e)
}

func (c *collector) empty() bool { return len(c.list) == 0 }

// paths returns the paths of the errors so far.
func (c *collector) paths() []string {
	var out []string
	for _, e := range c.list {
		out = append(out, e.Path)
	}
	return out
}

// errors returns the errors sorted: the file's by line and column, then
// the overrides' in the order they were given.
func (c *collector) errors() Errors {
	out := slices.Clone(c.list)
	slices.SortStableFunc(out, func(a, b Error) int {
		return cmp.Or(
			cmp.Compare(c.rank(a), c.rank(b)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
		)
	})
	if c.more > 0 && len(out) > 0 {
		last := out[len(out)-1]
		last.Path = ""
		last.Msg = strconv.Itoa(c.more) + " more errors not shown: fix these first"
		out = append(out, last)
	}
	return out
}

// rank puts the file's errors first, then each override's in turn.
func (c *collector) rank(e Error) int {
	if e.Line > 0 {
		return 0
	}
	return c.order[e.File]
}
