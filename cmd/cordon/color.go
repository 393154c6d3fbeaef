package main

import (
	"fmt"
	"io"
	"os"
	"regexp"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"cordon/text"
)

// colorFlags choose whether the terminal tables show bad results in
// colour: --color auto (the default: only on a terminal, and not when the
// NO_COLOR environment variable is set or TERM is dumb), always or never;
// --no-color is --color never.
type colorFlags struct {
	mode    string
	noColor bool
}

func (c *colorFlags) add(f *pflag.FlagSet) {
	f.StringVar(&c.mode, "color", "auto", "colour a missed target and a worse result on the terminal: auto (on a terminal, unless NO_COLOR is set), always or never")
	f.BoolVar(&c.noColor, "no-color", false, "no colour on the terminal (the same as --color never, or NO_COLOR=1)")
}

// decide says whether to colour what goes to out: the flags first, then
// NO_COLOR and TERM, then whether out is a terminal.
func (c colorFlags) decide(getenv func(string) string, out io.Writer) (bool, error) {
	mode := c.mode
	if c.noColor {
		mode = "never"
	}
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return autoColor(getenv, isTerminal(out)), nil
	}
	return false, badInput(fmt.Errorf("--color %s: want auto, always or never", text.TermSafe(mode)))
}

// autoColor is --color auto: colour on a terminal unless NO_COLOR is set
// (to anything but empty, as no-color.org says) or TERM is dumb.
func autoColor(getenv func(string) string, terminal bool) bool {
	return terminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// isTerminal reports whether out is a terminal.
func isTerminal(out io.Writer) bool {
	f, ok := out.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ANSI escapes: bold red for a bad result, and back to plain.
const (
	badStart = "\x1b[1;31m"
	colorEnd = "\x1b[0m"
)

// badResult finds, in a terminal table, what colour marks: a target
// MISSED, an observed figure OUTSIDE its interval, a plan that meets no
// target, and "worse" as a verdict, alone in its column (at the end of a
// line or before a column's gap of two spaces, after such a gap), not in a
// sentence.
var badResult = regexp.MustCompile(`\bMISSED\b|\bOUTSIDE\b|NO PLAN MEETS EVERY TARGET|(?m)(?:^|  )worse(?:$|  )`)

// colorBad colours the bad results of a terminal table. The table's user
// text (names, descriptions) is written safe already (text.TermSafe), so
// the escapes added here are the only ones in it.
func colorBad(table []byte) []byte {
	return badResult.ReplaceAllFunc(table, func(m []byte) []byte {
		word := string(m)
		lead, tail := "", ""
		for len(word) > 0 && word[0] == ' ' {
			lead, word = lead+" ", word[1:]
		}
		for len(word) > 0 && word[len(word)-1] == ' ' {
			tail, word = tail+" ", word[:len(word)-1]
		}
		return []byte(lead + badStart + word + colorEnd + tail)
	})
}
