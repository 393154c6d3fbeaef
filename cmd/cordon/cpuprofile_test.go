package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCPUProfileWhateverTheExitCode: --cpuprofile leaves a whole profile
// (gzip-compressed, as pprof writes it) when the command succeeds and when
// it exits 1 because a target was missed; the README's command for
// regenerating default.pgo is such a run.
func TestCPUProfileWhateverTheExitCode(t *testing.T) {
	mmc := filepath.Join("..", "..", "scenarios", "validation", "mmc.yaml") // no targets of its own
	for _, c := range []struct {
		name  string
		extra []string
		code  int
	}{
		{"no target", nil, exitOK},
		{"a target missed", []string{"--target", "sampling.makespan<=1s", "--check"}, exitMissed},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cpu.pgo")
			args := append([]string{"run", mmc, "--reps", "2", "-q", "--no-report", "--cpuprofile", path}, c.extra...)
			code, _, errw := runCordon("", args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, errw)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
				t.Errorf("the profile is %d bytes and not gzip-compressed: the profile was not stopped", len(data))
			}
		})
	}
}
