package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPutFileNeverReplaces: a file that appears at the path while the
// work runs is kept and the work's file is not put (it was renamed over
// it); no temporary file is left. With nothing there the file is put.
func TestPutFileNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.yaml")
	err := putFile(path, nil, func(w io.Writer) error {
		if err := os.WriteFile(path, []byte("my notes\n"), 0o644); err != nil {
			return err
		}
		_, err := io.WriteString(w, "cordon's\n")
		return err
	})
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("a file appeared meanwhile: err %v, want one that says it exists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "my notes\n" {
		t.Errorf("the file that appeared holds %q, want it kept", b)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"out.yaml"}) {
		t.Errorf("left in the folder: %q", got)
	}
	// replace is asked, and its answer decides.
	asked := ""
	err = putFile(path, func(p string) error { asked = p; return nil }, writes("cordon's\n"))
	if err != nil || asked != path {
		t.Fatalf("replace allowed: err %v, asked for %q", err, asked)
	}
	if b, _ := os.ReadFile(path); string(b) != "cordon's\n" {
		t.Errorf("holds %q after an allowed replace", b)
	}
	fresh := filepath.Join(dir, "fresh.yaml")
	if err := putFile(fresh, nil, writes("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a new file: %v, %v", fi, err)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"fresh.yaml", "out.yaml"}) {
		t.Errorf("left in the folder: %q", got)
	}
}

// TestPartAppearedWhileTheShardRan: --part is checked before the work and
// again when the part is put in place. A file of the user's that appears
// at --part while the shard runs is kept, one line says so, exit 2, and
// no temporary file is left; a part that appears meanwhile (the same shard
// run twice at once) is replaced, as it would have been before the work.
func TestPartAppearedWhileTheShardRan(t *testing.T) {
	for _, appears := range []string{"notes", "part"} {
		t.Run(appears, func(t *testing.T) {
			dir := t.TempDir()
			other := filepath.Join(dir, "other.part")
			if code, _, stderr := runCordon("", "run", "day-one", "--reps", "2", "-q", "--shard", "0/2", "--part", other); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			content := []byte("my notes\n")
			if appears == "part" {
				content, _ = os.ReadFile(other)
			}
			part := filepath.Join(dir, "p.part")
			// The file appears as soon as the shard has begun writing its part,
			// which it does while its replications run; a shard done before
			// (a loaded machine) is run again with more replications.
			for reps := 8; ; reps *= 4 {
				os.Remove(part)
				appeared, done := make(chan error, 1), make(chan struct{})
				go func() { appeared <- appearOnceWriting(dir, part, content, done) }()
				code, _, stderr := runCordon("", "run", "day-one", "--reps", strconv.Itoa(reps), "-q", "--shard", "0/1", "--part", part)
				close(done)
				if err := <-appeared; err != nil {
					if reps > 1000 {
						t.Fatalf("the file never appeared while the shard ran: %v", err)
					}
					continue
				}
				b, _ := os.ReadFile(part)
				switch appears {
				case "notes":
					want := "cordon: --part " + part + ": something that is not a part cordon wrote appeared there while the shard ran: it is left as it was, and this shard's part is not written; choose another --part\n"
					if code != exitBadInput || stderr != want {
						t.Errorf("exit %d, stderr %q; want exit 2, %q", code, stderr, want)
					}
					if string(b) != "my notes\n" {
						t.Errorf("--part holds %.40q, want the user's file kept", b)
					}
				case "part":
					if code != 0 || !strings.HasPrefix(stderr, "shard 0/1: ") {
						t.Errorf("exit %d, stderr %q", code, stderr)
					}
					if string(b) == string(content) {
						t.Errorf("the part that appeared was not replaced")
					}
				}
				if got := entries(t, dir); !slices.Equal(got, []string{"other.part", "p.part"}) {
					t.Errorf("left in the folder: %q", got)
				}
				return
			}
		})
	}
}

// appearOnceWriting waits for the temporary file of the part at path to
// appear in dir and then makes path hold content, unless something is
// there already or done is closed first (the shard was done first).
func appearOnceWriting(dir, path string, content []byte, done <-chan struct{}) error {
	prefix := "." + filepath.Base(path) + "."
	for {
		select {
		case <-done:
			return errors.New("the shard was done first")
		case <-time.After(time.Millisecond):
		}
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if strings.HasPrefix(e.Name(), prefix) && !strings.Contains(e.Name(), ".check-") {
				f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
				if err != nil {
					return err
				}
				_, err = f.Write(content)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return err
			}
		}
	}
}
