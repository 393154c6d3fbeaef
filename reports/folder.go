package reports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Folder is a report folder being built aside: files are written into a
// temporary folder next to the destination, and Commit renames it into
// place, so the report appears whole or not at all. Discard (deferred by
// every caller) removes the temporary folder unless Commit ran.
type Folder struct {
	dest, tmp string
	done      bool
}

// NewFolder starts building the report folder dest.
func NewFolder(dest string) (*Folder, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".tmp-")
	if err != nil {
		return nil, err
	}
	return &Folder{dest: dest, tmp: tmp}, nil
}

// Write writes one file into the folder (name may contain a subfolder).
func (f *Folder) Write(name string, data []byte) error {
	p := filepath.Join(f.tmp, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit puts the folder in place, replacing an older report there. It
// fails when ctx is done, so that an interrupted run leaves nothing behind.
func (f *Folder) Commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Chmod(f.tmp, 0o755); err != nil {
		return err
	}
	var old string
	if _, err := os.Stat(f.dest); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(f.dest), "."+filepath.Base(f.dest)+".old-")
		if err != nil {
			return err
		}
		if err := os.Remove(o); err != nil {
			return err
		}
		if err := os.Rename(f.dest, o); err != nil {
			return fmt.Errorf("moving the old report aside: %w", err)
		}
		old = o
	}
	if err := os.Rename(f.tmp, f.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, f.dest)
		}
		return err
	}
	f.done = true
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Discard removes the temporary folder if the report was not committed.
func (f *Folder) Discard() {
	if !f.done {
		_ = os.RemoveAll(f.tmp)
	}
}

// document is a report's machine-readable file: results.json,
// comparison.json, review.json.
type document interface{ JSON() ([]byte, error) }

// WriteJSON writes a document into the folder.
func (f *Folder) WriteJSON(name string, d document) error {
	data, err := d.JSON()
	if err != nil {
		return err
	}
	return f.Write(name, data)
}
