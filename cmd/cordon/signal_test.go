package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cordonCommand runs this test binary as cordon (see TestMain).
func cordonCommand(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CORDON_TEST_AS_CLI=1")
	return cmd
}

// TestSignalsStopCleanly interrupts a long sweep with SIGINT and with
// SIGTERM: it stops before the sweep is done, exits 130 or 143, says how
// far it got, and leaves neither the report folder nor any temporary file.
func TestSignalsStopCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon and waits for it")
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		word string
	}{{syscall.SIGINT, 130, "interrupted"}, {syscall.SIGTERM, 143, "terminated"}} {
		t.Run(tc.word, func(t *testing.T) {
			dir := t.TempDir()
			cmd := cordonCommand(t, dir, "sweep", "baseline", "--reps", "40", "--vary", "gate.ground=10..200:10", "--out", "rep", "-q")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := waitOrKill(t, cmd)
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Fatalf("exit %v, want %d; stderr %s", err, tc.code, stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, tc.word+" after ") || !strings.Contains(msg, "no report or file was written") {
				t.Errorf("stderr %q", msg)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				t.Errorf("left behind: %s", filepath.Join(dir, e.Name()))
			}
		})
	}
}

// TestSignalStopsReadingALog interrupts cordon fit reading an endless log
// on stdin (a 20 GB file, as far as it knows): it stops and exits
// 130, instead of reading on until the file ends.
func TestSignalStopsReadingALog(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon and waits for it")
	}
	cmd := cordonCommand(t, t.TempDir(), "fit", "--observed", "-")
	cmd.Stdin = &endlessLog{row: "gate.intake,23s\n"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := waitOrKill(t, cmd)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want %d; stderr %s", err, exitInterrupted, stderr.String())
	}
}

// hangLimit is how long a signalled cordon may take to end before the test
// takes it for hung and kills it: a guard against a hang, not a measure of
// speed (a signalled command stops within a replication).
const hangLimit = 2 * time.Minute

// waitOrKill waits for cmd to end, and fails the test if it has not ended
// hangLimit after it was signalled.
func waitOrKill(t *testing.T, cmd *exec.Cmd) error {
	t.Helper()
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	select {
	case err := <-ended:
		return err
	case <-time.After(hangLimit):
		_ = cmd.Process.Kill()
		<-ended
		t.Fatalf("still running %v after the signal: it ignores it", hangLimit)
		return nil
	}
}

// endlessLog is a durations log that never ends.
type endlessLog struct {
	row  string
	head bool
}

func (e *endlessLog) Read(p []byte) (int, error) {
	if !e.head {
		e.head = true
		return copy(p, "step,duration\n"), nil
	}
	n := 0
	for n+len(e.row) <= len(p) {
		n += copy(p[n:], e.row)
	}
	return n, nil
}
