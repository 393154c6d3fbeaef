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

// TestCPUProfileReplacesOnlyAProfile: --cpuprofile replaces a file at its
// path only when that is a CPU profile too (as regenerating default.pgo
// does); a user's file there is refused before the command runs (exit 2,
// the file as it was, no temporary file left), and a link to nothing is
// refused as every writer refuses one.
func TestCPUProfileReplacesOnlyAProfile(t *testing.T) {
	mmc := filepath.Join("..", "..", "scenarios", "validation", "mmc.yaml")
	run := func(path string) (int, string) {
		code, _, errw := runCordon("", "run", mmc, "--reps", "2", "-q", "--no-report", "--cpuprofile", path)
		return code, errw
	}
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, errw := run(notes); code != exitBadInput || !bytes.Contains([]byte(errw), []byte("is not a CPU profile")) {
		t.Errorf("a user's file at --cpuprofile: exit %d, stderr %q", code, errw)
	}
	if data, _ := os.ReadFile(notes); string(data) != "my notes\n" {
		t.Errorf("the user's file now holds %q", data)
	}
	prof := filepath.Join(dir, "cpu.pgo")
	if code, errw := run(prof); code != exitOK {
		t.Fatalf("a new profile: exit %d, stderr %s", code, errw)
	}
	first, _ := os.ReadFile(prof)
	if code, errw := run(prof); code != exitOK {
		t.Fatalf("a profile over a profile: exit %d, stderr %s", code, errw)
	}
	if again, _ := os.ReadFile(prof); !bytes.HasPrefix(again, []byte{0x1f, 0x8b}) || bytes.Equal(again, first) {
		t.Error("the second profile did not replace the first")
	}
	link := filepath.Join(dir, "gone.pgo")
	if err := os.Symlink(filepath.Join(dir, "nowhere", "x.pgo"), link); err != nil {
		t.Fatal(err)
	}
	if code, errw := run(link); code != exitBadInput || !bytes.Contains([]byte(errw), []byte("a symbolic link to nothing")) {
		t.Errorf("a link to nothing at --cpuprofile: exit %d, stderr %q", code, errw)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); name != "notes.txt" && name != "cpu.pgo" && name != "gone.pgo" {
			t.Errorf("left behind: %s", name)
		}
	}
}
