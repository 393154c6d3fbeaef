package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cordon/scenarios"
)

// writeBatch writes n variations of the baseline into dir (another seed,
// another staging area and another number of suited workers each) and
// returns their paths; the file at bad, if in range, is broken.
func writeBatch(t testing.TB, dir string, n, bad int) []string {
	t.Helper()
	base, ok := scenarios.Builtin("baseline")
	if !ok {
		t.Fatal("no baseline")
	}
	var paths []string
	for i := range n {
		s := string(base)
		s = strings.Replace(s, "name: baseline", fmt.Sprintf("name: variation-%04d", i), 1)
		s = strings.Replace(s, "seed: 1\n", fmt.Sprintf("seed: %d\n", i+1), 1)
		s = strings.Replace(s, "  ground: 60\n", fmt.Sprintf("  ground: %d\n", 20+i%80), 1)
		s = strings.Replace(s, `{from: "07:00", to: "19:00", count: 4}`, fmt.Sprintf(`{from: "07:00", to: "19:00", count: %d}`, 2+i%5), 1)
		if i == bad {
			s = strings.Replace(s, "  shelves: 8\n", "  shelfs: 8\n", 1)
		}
		p := filepath.Join(dir, fmt.Sprintf("v%04d.yaml", i))
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestLongBatch runs cordon over 1,000 scenario files with one broken among
// them: the broken one is named, every other one finishes and says so, and
// the exit code is 2.
func TestLongBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 1,000 scenarios")
	}
	dir := t.TempDir()
	paths := writeBatch(t, dir, 1000, 500)
	cmd := cordonCommand(t, dir, append([]string{"run", "--reps", "1", "--marginal-reps", "0", "--no-report", "-q", "--set", "targets=[]"}, paths...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2", err)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	done := 0
	for _, l := range lines {
		if strings.HasSuffix(l, ": done") {
			done++
		}
	}
	if done != 999 {
		t.Errorf("%d files reported done, want 999", done)
	}
	if !strings.Contains(stderr.String(), "v0500.yaml:") || !strings.Contains(stderr.String(), "shelfs") {
		t.Errorf("the broken file is not named: %s", lines[0])
	}
	if last := lines[len(lines)-1]; last != "cordon: 1 of 1000 scenarios could not be run (1 bad, 0 failed)" {
		t.Errorf("last line %q", last)
	}
	if n := strings.Count(stdout.String(), ": 1 replication, seed "); n != 999 {
		t.Errorf("%d summaries, want 999", n)
	}
}
