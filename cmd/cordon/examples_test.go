package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestHelpExamples runs every example of every command's --help, as a user
// would type it, in a scratch folder holding the repository's scenarios
// and what the examples read: a scenario written by cordon init, the logs
// of a recorded day, the parts of a split sweep, a run's report folder and
// a results document. To keep the test short,
// an example that does not set --reps runs with --reps 2 (and a plan with
// --confirm 4): the flags, paths and values are what is checked. An
// example must exit 0, or 1 for a missed target; never 2 (bad input).
func TestHelpExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every --help example")
	}
	dir := readmeWorkspace(t)
	setup := [][]string{
		{"init", "my-compound.yaml"},
		{"run", "baseline", "--reps", "2", "--marginal-reps", "0"},
		{"record", "day-one", "--date", "2021-11-25", "--tz", "Asia/Shanghai", "--out", "incident"},
		{"sweep", "baseline", "--vary", "gate.ground=10,40", "--reps", "2", "--shard", "0/2", "--part", "cordon-part-0-of-2.part"},
		{"sweep", "baseline", "--vary", "gate.ground=10,40", "--reps", "2", "--shard", "1/2", "--part", "cordon-part-1-of-2.part"},
	}
	for _, args := range setup {
		var out, errw bytes.Buffer
		if code := mainIn(t, dir, args, nil, &out, &errw); code != 0 {
			t.Fatalf("setting up: cordon %s: exit %d: %s", strings.Join(args, " "), code, errw.String())
		}
	}
	// cordon report's example reads a results document printed by run.
	var doc, errw bytes.Buffer
	if code := mainIn(t, dir, []string{"run", "day-one", "--reps", "2", "--json", "--no-report"}, nil, &doc, &errw); code != 0 {
		t.Fatalf("setting up: cordon run day-one --json: exit %d: %s", code, errw.String())
	}
	if err := os.WriteFile(filepath.Join(dir, "day-one.json"), doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	root, _ := newRootCmd(&streams{})
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			n++
			at := dir
			if c.Name() == "record" {
				at = readmeWorkspace(t) // it writes the incident/ the others read
			}
			t.Run(c.Name()+"/"+line, func(t *testing.T) { runExample(t, at, c, line) })
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 20 {
		t.Errorf("only %d examples found", n)
	}
}

// runExample runs one --help example.
func runExample(t *testing.T, dir string, c *cobra.Command, line string) {
	words, err := shellWords(line)
	if err != nil || len(words) < 2 || words[0] != "cordon" {
		t.Fatalf("an example runs cordon: %q", line)
	}
	args, stdin, stdout := redirections(t, dir, words[1:])
	args = expandGlobs(dir, args)
	if c.Flags().Lookup("reps") != nil && !hasFlag(args, "--reps") {
		args = append(args, "--reps", "2")
	}
	if c.Flags().Lookup("confirm") != nil && !hasFlag(args, "--confirm") {
		args = append(args, "--confirm", "4")
	}
	var out, errw bytes.Buffer
	code := mainIn(t, dir, args, stdin, &out, &errw)
	if code != exitOK && code != exitMissed {
		t.Errorf("cordon %s: exit %d:\n%s", strings.Join(args, " "), code, errw.String())
	}
	if stdout != "" {
		f, err := os.OpenFile(filepath.Join(dir, stdout), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.Write(out.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
}

// redirections takes a shell's "< in", "> out" and ">> out" off the words.
func redirections(t *testing.T, dir string, words []string) (args []string, stdin *bytes.Reader, stdout string) {
	t.Helper()
	for i := 0; i < len(words); i++ {
		switch words[i] {
		case "<":
			data, err := os.ReadFile(filepath.Join(dir, words[i+1]))
			if err != nil {
				t.Fatal(err)
			}
			stdin = bytes.NewReader(data)
			i++
		case ">", ">>":
			stdout = words[i+1]
			i++
		default:
			args = append(args, words[i])
		}
	}
	if stdin == nil {
		stdin = bytes.NewReader(nil)
	}
	return args, stdin, stdout
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag || strings.HasPrefix(a, flag+"=") {
			return true
		}
	}
	return false
}

// mainIn runs cordon with args in dir and returns its exit code.
func mainIn(t *testing.T, dir string, args []string, in *bytes.Reader, out, errw *bytes.Buffer) int {
	t.Helper()
	code := 0
	if in == nil {
		in = bytes.NewReader(nil)
	}
	runIn(t, dir, func() { code = Main(args, in, out, errw) })
	return code
}
