package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPartFilesByTurns: files read by turns with one open at a time read
// on where they stopped, each whole and in order; a file replaced while it
// was closed is an error, not read.
func TestPartFilesByTurns(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{"a": "abcdefghij", "b": "0123456789"}
	files := &partFiles{max: 1}
	defer files.closeAll()
	var readers []*partFile
	for _, name := range []string{"a", "b"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(texts[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := files.add(p)
		if err != nil {
			t.Fatal(err)
		}
		readers = append(readers, f)
	}
	var got [2]strings.Builder
	buf := make([]byte, 3)
	for range 4 {
		for i, r := range readers {
			n, err := r.Read(buf)
			if err != nil && err != io.EOF {
				t.Fatal(err)
			}
			got[i].Write(buf[:n])
			if len(files.open) != 1 || files.open[0] != r {
				t.Fatalf("open after reading %d: %d files", i, len(files.open))
			}
		}
	}
	if got[0].String() != texts["a"] || got[1].String() != texts["b"] {
		t.Errorf("read %q and %q", got[0].String(), got[1].String())
	}
	// b is open; a, closed, is replaced by another file of that name.
	a := filepath.Join(dir, "a")
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, []byte("other"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readers[0].Read(buf); err == nil || !strings.Contains(err.Error(), "replaced while merge read it") {
		t.Errorf("a replaced file: err %v", err)
	}
}
