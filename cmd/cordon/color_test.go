package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Colour only on a terminal, unless --color always; never with --no-color,
// --color never, NO_COLOR or TERM=dumb.
func TestColorDecision(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		name  string
		flags colorFlags
		env   func(string) string
		out   *os.File
		want  bool
	}{
		{"auto, not a terminal (a file)", colorFlags{mode: "auto"}, env(), file, false},
		{"auto, a pipe of a test", colorFlags{mode: "auto"}, env("TERM", "xterm"), nil, false},
		{"always", colorFlags{mode: "always"}, env(), nil, true},
		{"always beats NO_COLOR", colorFlags{mode: "always"}, env("NO_COLOR", "1"), file, true},
		{"never", colorFlags{mode: "never"}, env(), nil, false},
		{"--no-color beats always", colorFlags{mode: "always", noColor: true}, env(), nil, false},
	} {
		var out io.Writer = &bytes.Buffer{}
		if c.out != nil {
			out = c.out
		}
		got, err := c.flags.decide(c.env, out)
		if err != nil || got != c.want {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	// On a terminal, auto colours unless NO_COLOR (any value but empty) or
	// TERM=dumb says not to: checked through the same rule with a terminal
	// stood in for.
	for _, c := range []struct {
		env  func(string) string
		want bool
	}{
		{env("TERM", "xterm-256color"), true},
		{env("NO_COLOR", "1"), false},
		{env("NO_COLOR", ""), true},
		{env("TERM", "dumb"), false},
	} {
		if got := autoColor(c.env, true); got != c.want {
			t.Errorf("auto on a terminal with NO_COLOR=%q TERM=%q: %v, want %v", c.env("NO_COLOR"), c.env("TERM"), got, c.want)
		}
	}
	if _, err := (colorFlags{mode: "sometimes"}).decide(env(), &bytes.Buffer{}); err == nil || err.Error() != "--color sometimes: want auto, always or never" {
		t.Errorf("--color sometimes: %v", err)
	}
}

// Colour marks a missed target, an observed figure outside its interval,
// a plan meeting no target and a worse verdict, and nothing else: not
// "worse" inside a sentence, not "met".
func TestColorBad(t *testing.T) {
	in := "targets\n" +
		"  a<=1h  MISSED  mean 2h  over by 1h\n" +
		"  b<=1h  met     mean 1m  1h left\n" +
		"NO PLAN MEETS EVERY TARGET; the best found\n" +
		"x  gate.turned_away  0  4  +4  [+1, +7]  worse\n" +
		"x  door              1  2  +1  [+1, +2]  worse  \n" +
		"side effects: KPIs the plan makes significantly worse than the input\n" +
		"  07:00  12  OUTSIDE\n"
	want := "targets\n" +
		"  a<=1h  \x1b[1;31mMISSED\x1b[0m  mean 2h  over by 1h\n" +
		"  b<=1h  met     mean 1m  1h left\n" +
		"\x1b[1;31mNO PLAN MEETS EVERY TARGET\x1b[0m; the best found\n" +
		"x  gate.turned_away  0  4  +4  [+1, +7]  \x1b[1;31mworse\x1b[0m\n" +
		"x  door              1  2  +1  [+1, +2]  \x1b[1;31mworse\x1b[0m  \n" +
		"side effects: KPIs the plan makes significantly worse than the input\n" +
		"  07:00  12  \x1b[1;31mOUTSIDE\x1b[0m\n"
	if got := string(colorBad([]byte(in))); got != want {
		t.Errorf("coloured:\n%q\nwant\n%q", got, want)
	}
}
