package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileFile is a file name with a line break, a terminal escape that
// would turn the text red, the 8-bit CSI and a right-to-left override;
// hostileShown is how every message shows it: on its line, escaped.
const (
	hostileFile  = "log\nfake: all good \x1b[31m\u009b2J\u202evsc.exe"
	hostileShown = `log\nfake: all good \x1b[31m\u009b2J\u202evsc.exe`
)

// terminalUnsafe reports a rune that must never reach the terminal as it
// is (a line break aside): C0 and C1 controls, DEL, the line and paragraph
// separators and the bidirectional controls.
func terminalUnsafe(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029:
		return true
	}
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// TestHostileFileNames: a file named with a line break, terminal escapes
// and a bidirectional override, given to every command that reads or
// writes a file, is named in its messages escaped and on one line; no
// control character reaches the terminal.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, hostileFile)
	if err := os.WriteFile(name+".csv", []byte("time,kind\n2021-11-24T07:10:00+08:00,takout\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name+".part", []byte("not a part\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(name+".out", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(name+".out", "arrivals.csv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"replay", "day-one", "--arrivals", name + ".missing"},
		{"replay", "day-one", "--arrivals", name + ".csv", "--no-report"},
		{"replay", "day-one", "--arrivals", name + ".csv", "--no-report", "--lenient", "--reps", "2", "-q"},
		{"fit", "--observed", name + ".missing"},
		{"fit", "--observed", name + ".csv"},
		{"merge", name + ".missing"},
		{"merge", name + ".part"},
		{"record", "day-one", "--date", "2021-11-24", "--tz", "+08:00", "--out", name + ".out"},
		{"validate", name + ".yaml"},
		{"run", name + ".yaml"},
		{"init", name + ".out/arrivals.csv"},
	} {
		var out, errw bytes.Buffer
		Main(args, strings.NewReader(""), &out, &errw)
		for what, text := range map[string]string{"stdout": out.String(), "stderr": errw.String()} {
			for i, r := range text {
				if terminalUnsafe(r) {
					t.Errorf("%s: %U reaches %s at byte %d: %q", args[0], r, what, i, text)
					break
				}
			}
		}
		if !strings.Contains(errw.String(), hostileShown) {
			t.Errorf("%s: stderr does not name the file escaped, on one line: %q", args[0], errw.String())
		}
	}
}

// TestUsageErrorsKeepTheirLines: cobra's errors keep their suggestions on
// lines of their own, and a command named with an escape is escaped.
func TestUsageErrorsKeepTheirLines(t *testing.T) {
	code, _, errw := cordon("rn")
	if code != exitBadInput || !strings.Contains(errw, "\n\nDid you mean this?\n\trun\n") {
		t.Errorf("exit %d: %q", code, errw)
	}
	code, _, errw = cordon("r\x1b[31mn\u202e")
	if code != exitBadInput || strings.ContainsAny(errw, "\x1b\u202e") {
		t.Errorf("exit %d: %q", code, errw)
	}
}
