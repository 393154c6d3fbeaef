package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSecondSignalStopsAtOnce: a command stuck where it cannot see the
// first Ctrl-C (opening a named pipe that nothing writes to: the open
// waits in the kernel) stops at the second, exit 130, saying so. It
// waited until killed.
func TestSecondSignalStopsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon and waits for it")
	}
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	cmd := cordonCommand(t, dir, "validate", "pipe.yaml")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	for range 2 {
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	err := waitOrKill(t, cmd)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want %d; stderr %s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted again: stopped at once") {
		t.Errorf("stderr %q", stderr.String())
	}
}
