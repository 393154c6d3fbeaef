package main

import (
	"cordon/logs"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// entries lists a folder's entries, temporary files included.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// writes is a file writer writing s.
func writes(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// TestWriteFilesAllOrNone: a set of files is written whole or not at all.
// When writing the third fails (a full disk), nothing of the set is left,
// no temporary file nor folder made for it either, and a file the set would
// have replaced is as it was; when all are written they are all in place.
func TestWriteFilesAllOrNone(t *testing.T) {
	full := func(w io.Writer) error {
		if _, err := io.WriteString(w, "half a fi"); err != nil {
			return err
		}
		return &os.PathError{Op: "write", Path: "observed.csv", Err: syscall.ENOSPC}
	}
	for _, replace := range []bool{false, true} {
		dir := t.TempDir()
		if replace {
			if err := os.WriteFile(filepath.Join(dir, "a.csv"), []byte("old a"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := writeFiles(dir, replace, []outFile{{"a.csv", writes("new a")}, {"b.csv", writes("new b")}, {"c.csv", full}, {"d.csv", writes("new d")}})
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("replace %v: %v, want the disk full", replace, err)
		}
		want := []string(nil)
		if replace {
			want = []string{"a.csv"}
		}
		if got := entries(t, dir); !slices.Equal(got, want) {
			t.Errorf("replace %v: left %q, want %q", replace, got, want)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "a.csv")); replace && string(b) != "old a" {
			t.Errorf("a.csv replaced by %q", b)
		}
	}

	// Into folders that were not there: none is left.
	top := t.TempDir()
	if err := writeFiles(filepath.Join(top, "new", "logs"), false, []outFile{{"a.csv", writes("a")}, {"b.csv", full}}); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("new folders: %v", err)
	}
	if got := entries(t, top); len(got) > 0 {
		t.Errorf("new folders: left %q", got)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.csv"), []byte("old a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeFiles(dir, true, []outFile{{"a.csv", writes("new a")}, {"b.csv", writes("new b")}}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.csv": "new a", "b.csv": "new b"} {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != want {
			t.Errorf("%s: %q, want %q", name, b, want)
		}
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"a.csv", "b.csv"}) {
		t.Errorf("left %q", got)
	}
	// Without replace, a file there is refused, and nothing is written.
	if err := writeFiles(dir, false, []outFile{{"c.csv", writes("c")}, {"a.csv", writes("newer a")}}); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("a file there: %v", err)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"a.csv", "b.csv"}) {
		t.Errorf("left %q", got)
	}
}

// TestRecordAllOrNone: record --force into a folder where one of the logs
// cannot go (a folder in the way of observed.csv) fails and leaves the
// folder as it was: the older arrivals.csv kept, no roster.csv, no
// temporary file. A folder that cannot be made is an error naming --out.
func TestRecordAllOrNone(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "day")
	if err := os.MkdirAll(filepath.Join(out, logs.ObservedFile, "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, logs.ArrivalsFile), []byte("an older log\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errw := cordon("record", "day-one", "--date", "2021-11-24", "--tz", "+08:00", "--out", out, "--force")
	if code == 0 || strings.Count(errw, "\n") != 1 {
		t.Errorf("exit %d: %q", code, errw)
	}
	if got := entries(t, out); !slices.Equal(got, []string{logs.ArrivalsFile, logs.ObservedFile}) {
		t.Errorf("left %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(out, logs.ArrivalsFile)); string(b) != "an older log\n" {
		t.Errorf("arrivals.csv is now %.80q", b)
	}

	// A folder that cannot be made: nothing is made.
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errw = cordon("record", "day-one", "--date", "2021-11-24", "--tz", "+08:00", "--out", filepath.Join(dir, "file", "day"))
	if code != exitBadInput || !strings.Contains(errw, "--out") {
		t.Errorf("a folder in a file: exit %d: %q", code, errw)
	}
}
