package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README's code blocks are checked against the real commands, so that
// it cannot drift from what cordon prints. A block is:
//
//   - a command block: its first line is "$ cordon ..." (or "$ go run
//     ./cmd/cordon ..."); each "$ " line is run in a scratch folder holding
//     the repository's scenarios folder and testdata/readme, and the lines
//     after it up to the next "$ " line are what it prints, stdout then
//     stderr. A line "..." stands for any number of lines, and a "$ ..."
//     line for commands not run (the other shards of a split run). A
//     command ending in "\" goes on on the next line.
//   - a block with a language: ```yaml (a scenario or a fragment of one:
//     it must parse as YAML), ```go, ```sh or ```text (a picture such as
//     the layout: not run);
//   - any other block is an error: each block says what it is.

// readmeBlock is one fenced block of the README.
type readmeBlock struct {
	line int    // of the opening fence
	lang string // after the fence
	body []string
}

// readmeBlocks returns the README's fenced blocks.
func readmeBlocks(t *testing.T, text string) []readmeBlock {
	t.Helper()
	var out []readmeBlock
	var cur *readmeBlock
	for i, l := range strings.Split(text, "\n") {
		if fence, ok := strings.CutPrefix(l, "```"); ok {
			if cur == nil {
				cur = &readmeBlock{line: i + 1, lang: strings.TrimSpace(fence)}
				continue
			}
			out = append(out, *cur)
			cur = nil
			continue
		}
		if cur != nil {
			cur.body = append(cur.body, l)
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: a block that is never closed", cur.line)
	}
	return out
}

// readmeCommand is one command of a block and what it prints.
type readmeCommand struct {
	line int
	args []string
	want []string
	// first is the README's line (0-based) where the output starts, for
	// -update-readme.
	first int
}

// updateReadme rewrites the README's command outputs from the real
// commands, keeping each block's shape: where the README shows "...", the
// same number of lines before and after it.
var updateReadme = flag.Bool("update-readme", false, "rewrite the README's command outputs from the real commands")

// reshape fits got to the shape of want: got whole when want has no
// "...", else as many lines before and after one "..." as want has.
func reshape(want, got []string) []string {
	i := slices.Index(want, "...")
	if i < 0 {
		return got
	}
	after := len(want) - i - 1
	if i+after >= len(got) {
		return got
	}
	out := append(slices.Clone(got[:i]), "...")
	return append(out, got[len(got)-after:]...)
}

// commands splits a command block into its commands.
func (b readmeBlock) commands(t *testing.T) []readmeCommand {
	t.Helper()
	var out []readmeCommand
	for i := 0; i < len(b.body); i++ {
		l := b.body[i]
		cmd, isCmd := strings.CutPrefix(l, "$ ")
		if !isCmd {
			if len(out) == 0 {
				t.Fatalf("README.md:%d: output before any command", b.line+1+i)
			}
			out[len(out)-1].want = append(out[len(out)-1].want, l)
			continue
		}
		line := b.line + 1 + i
		for strings.HasSuffix(cmd, `\`) && i+1 < len(b.body) {
			i++
			cmd = strings.TrimSuffix(cmd, `\`) + " " + strings.TrimSpace(b.body[i])
		}
		if strings.HasPrefix(strings.TrimSpace(cmd), "...") {
			out = append(out, readmeCommand{line: line, first: b.line + i + 1})
			continue
		}
		words, err := shellWords(cmd)
		if err != nil {
			t.Fatalf("README.md:%d: %v", line, err)
		}
		switch {
		case len(words) > 0 && words[0] == "cordon":
			words = words[1:]
		case len(words) > 2 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/cordon":
			words = words[3:]
		default:
			t.Fatalf("README.md:%d: a command block runs cordon, not %q", line, cmd)
		}
		out = append(out, readmeCommand{line: line, args: words, first: b.line + i + 1})
	}
	for i := range out {
		for len(out[i].want) > 0 && out[i].want[len(out[i].want)-1] == "" {
			out[i].want = out[i].want[:len(out[i].want)-1]
		}
	}
	return out
}

// shellWords splits a command line as a shell would: words apart by
// spaces, single and double quotes kept together; a # after a space starts
// a comment. Globs are expanded by expandGlobs.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	in := false
	quote := rune(0)
	for i, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == '#' && !in && (i == 0 || s[i-1] == ' '):
			if in {
				words = append(words, cur.String())
			}
			return words, nil
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("an unclosed quote in %q", s)
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}

// expandGlobs expands the words with * in dir, as a shell would.
func expandGlobs(dir string, words []string) []string {
	var out []string
	for _, w := range words {
		if !strings.Contains(w, "*") {
			out = append(out, w)
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(dir, w))
		if len(matches) == 0 {
			out = append(out, w)
			continue
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(dir, m)
			out = append(out, rel)
		}
	}
	return out
}

// matchLines reports whether got matches want, where a want line "..."
// stands for any number of lines; it returns the first line that differs.
func matchLines(want, got []string) (bool, string) {
	var match func(w, g int) bool
	match = func(w, g int) bool {
		switch {
		case w == len(want):
			return g == len(got)
		case want[w] == "...":
			for k := g; k <= len(got); k++ {
				if match(w+1, k) {
					return true
				}
			}
			return false
		case g < len(got) && strings.TrimRight(want[w], " ") == strings.TrimRight(got[g], " "):
			return match(w+1, g+1)
		}
		return false
	}
	if match(0, 0) {
		return true, ""
	}
	for i := range min(len(want), len(got)) {
		if want[i] == "..." {
			break
		}
		if strings.TrimRight(want[i], " ") != strings.TrimRight(got[i], " ") {
			return false, fmt.Sprintf("line %d: want %q, got %q", i+1, want[i], got[i])
		}
	}
	return false, fmt.Sprintf("want %d lines, got %d", len(want), len(got))
}

// yamlKey matches a line of YAML that starts a key, a list entry or a
// comment: enough to tell a YAML block from something else.
var yamlKey = regexp.MustCompile(`^\s*(- |#|[A-Za-z_][A-Za-z0-9_.-]*:)`)

// TestReadme runs every command block of the README and checks what it
// prints; the other blocks must say what they are.
func TestReadme(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command of the README")
	}
	text, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := readmeWorkspace(t)
	lines := strings.Split(string(text), "\n")
	type rewrite struct {
		first, end int
		with       []string
	}
	var rewrites []rewrite
	defer func() {
		if !*updateReadme || len(rewrites) == 0 {
			return
		}
		for i := len(rewrites) - 1; i >= 0; i-- {
			r := rewrites[i]
			lines = slices.Concat(lines[:r.first], r.with, lines[r.end:])
		}
		if err := os.WriteFile(filepath.Join("..", "..", "README.md"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}()
	for _, b := range readmeBlocks(t, string(text)) {
		switch b.lang {
		case "go", "sh", "text":
			continue
		case "yaml":
			for i, l := range b.body {
				if strings.TrimSpace(l) != "" && !yamlKey.MatchString(l) && !strings.HasPrefix(l, " ") {
					t.Errorf("README.md:%d: not YAML: %q", b.line+1+i, l)
				}
			}
			continue
		case "":
		default:
			t.Errorf("README.md:%d: a block of %q: want yaml, go, sh, text or a command block", b.line, b.lang)
			continue
		}
		if len(b.body) == 0 || !strings.HasPrefix(b.body[0], "$ ") {
			t.Errorf("README.md:%d: a block with no language must start with a command ($ cordon ...)", b.line)
			continue
		}
		for _, c := range b.commands(t) {
			if c.args == nil {
				continue
			}
			var out, errw bytes.Buffer
			args := expandGlobs(dir, c.args)
			runIn(t, dir, func() { Main(args, nil, &out, &errw) })
			got := strings.Split(strings.TrimRight(out.String()+errw.String(), "\n"), "\n")
			if ok, _ := matchLines(c.want, got); !ok && *updateReadme {
				rewrites = append(rewrites, rewrite{c.first, c.first + len(c.want), reshape(c.want, got)})
				continue
			}
			if ok, why := matchLines(c.want, got); !ok {
				t.Errorf("README.md:%d: cordon %s: the README's output differs (%s); the command prints:\n%s",
					c.line, strings.Join(c.args, " "), why, strings.Join(got, "\n"))
			}
		}
	}
}

// readmeWorkspace is the scratch folder the README's commands run in: the
// repository's scenarios folder and the files of testdata/readme.
func readmeWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "scenarios"), os.DirFS(filepath.Join("..", "..", "scenarios"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "readme"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runIn runs fn with dir as the working folder.
func runIn(t *testing.T, dir string, fn func()) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(old); err != nil {
			t.Fatal(err)
		}
	}()
	fn()
}

func TestShellWords(t *testing.T) {
	for in, want := range map[string][]string{
		`cordon run --set 'a=b c' x`:        {"cordon", "run", "--set", "a=b c", "x"},
		`cordon plan "x y" # a comment`:     {"cordon", "plan", "x y"},
		`cordon run --target 'k<=45m'#x`:    {"cordon", "run", "--target", "k<=45m#x"},
		`  cordon   validate  mine.yaml   `: {"cordon", "validate", "mine.yaml"},
	} {
		got, err := shellWords(in)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := shellWords(`cordon 'open`); err == nil {
		t.Error("an unclosed quote passed")
	}
}

func TestMatchLines(t *testing.T) {
	for _, c := range []struct {
		want, got []string
		ok        bool
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, true},
		{[]string{"a", "...", "d"}, []string{"a", "b", "c", "d"}, true},
		{[]string{"a", "..."}, []string{"a"}, true},
		{[]string{"a", "...", "d"}, []string{"a", "b"}, false},
		{[]string{"a"}, []string{"a", "b"}, false},
		{[]string{"a  "}, []string{"a"}, true},
	} {
		if ok, _ := matchLines(c.want, c.got); ok != c.ok {
			t.Errorf("%q against %q: %v", c.want, c.got, ok)
		}
	}
}
