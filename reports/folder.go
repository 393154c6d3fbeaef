package reports

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Folder is a report folder being built aside: files are written into a
// temporary folder next to the destination, and Commit renames it into
// place, so the report appears whole or not at all. Discard (deferred by
// every caller) removes the temporary folder unless Commit ran.
//
// The temporary folder is named .NAME.tmp-* and holds a lock file,
// buildingName, for as long as its process lives: a folder of that name
// whose lock is free was left by a process that was killed, and the next
// report onto NAME removes it. The checks, the clean-up and the renames of
// Commit run under a lock on the parent folder, so that two commands
// writing the same report at once take turns and the folder ends whole.
type Folder struct {
	dest     Dest
	dir, tmp string // the folder replaced (after following a link) and the one built
	building *os.File
	files    manifest
	done     bool
}

// buildingName is the file that marks a temporary folder as one being
// built by a running cordon.
const buildingName = ".cordon-building"

// NewFolder starts building the report folder d.Dir, after checking that
// it may be written (see Dest). It waits, as long as ctx allows, while
// another cordon puts a report in place in the same parent folder.
func NewFolder(ctx context.Context, d Dest) (*Folder, error) {
	dir, err := d.follow()
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockFolder(ctx, parent)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := d.checkAt(dir); err != nil {
		return nil, err
	}
	cleanLeftovers(parent, filepath.Base(dir))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return nil, err
	}
	building, err := os.OpenFile(filepath.Join(tmp, buildingName), os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o644)
	if err == nil {
		err = lockFile(building)
	}
	if err != nil {
		if building != nil {
			building.Close()
		}
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	return &Folder{dest: d, dir: dir, tmp: tmp, building: building}, nil
}

// Write writes one file into the folder (name may contain a subfolder).
func (f *Folder) Write(name string, data []byte) error {
	p := filepath.Join(f.tmp, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	f.files.add(name, data)
	return nil
}

// WriteFrom writes one file into the folder as write makes it, never
// holding it whole: a document that grows with the replications.
func (f *Folder) WriteFrom(name string, write func(io.Writer) error) error {
	p := filepath.Join(f.tmp, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	out, err := os.Create(p)
	if err != nil {
		return err
	}
	sum := sha256.New()
	size := &countWriter{}
	buf := bufio.NewWriter(io.MultiWriter(out, sum, size))
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	f.files.addSum(name, size.n, sum.Sum(nil))
	return nil
}

// countWriter counts the bytes written through it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// Commit puts the folder in place, replacing an older report of cordon's
// there (never anything else: see Dest). It fails when ctx is done, so
// that an interrupted run leaves nothing behind.
func (f *Folder) Commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := f.files.encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(f.tmp, ManifestName), m, 0o644); err != nil {
		return err
	}
	parent := filepath.Dir(f.dir)
	unlock, err := lockFolder(ctx, parent)
	if err != nil {
		return err
	}
	defer unlock()
	// Check again: another command may have written there meanwhile.
	if dir, err := f.dest.follow(); err != nil || dir != f.dir {
		return &Refused{f.dest.Dir, "was changed while the report was being made; nothing was written"}
	}
	if err := f.dest.checkAt(f.dir); err != nil {
		return err
	}
	// Under the parent's lock no one cleans the temporary folder: the
	// marker can go before it becomes the report.
	if err := os.Remove(filepath.Join(f.tmp, buildingName)); err != nil {
		return err
	}
	if err := os.Chmod(f.tmp, 0o755); err != nil {
		return err
	}
	old, err := moveAside(f.dir)
	if err != nil {
		return err
	}
	if err := os.Rename(f.tmp, f.dir); err != nil {
		if old != "" {
			_ = os.Rename(old, f.dir)
		}
		return err
	}
	f.done = true
	f.building.Close()
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// moveAside moves the report at dir out of the way, as .NAME.old-*, and
// returns where it went ("" when there was nothing to move); an empty
// folder is simply removed.
func moveAside(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil
	case err != nil:
		return "", err
	case len(entries) == 0:
		return "", os.Remove(dir)
	}
	o, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
	if err != nil {
		return "", err
	}
	if err := os.Remove(o); err != nil {
		return "", err
	}
	if err := os.Rename(dir, o); err != nil {
		return "", fmt.Errorf("moving the old report aside: %w", err)
	}
	return o, nil
}

// Discard removes the temporary folder if the report was not committed.
func (f *Folder) Discard() {
	if !f.done {
		f.building.Close()
		_ = os.RemoveAll(f.tmp)
	}
}

// cleanLeftovers removes what a killed cordon left beside the report
// folder name in parent: temporary folders whose lock file is no longer
// held, and old reports moved aside but not yet removed. It is called under
// the parent's lock, and removes only folders that carry cordon's marks.
func cleanLeftovers(parent, name string) {
	tmps, _ := filepath.Glob(filepath.Join(parent, "."+name+".tmp-*"))
	for _, t := range tmps {
		if abandoned(filepath.Join(t, buildingName)) {
			_ = os.RemoveAll(t)
		}
	}
	olds, _ := filepath.Glob(filepath.Join(parent, "."+name+".old-*"))
	for _, o := range olds {
		if st, err := os.Lstat(o); err == nil && st.IsDir() && checkOurs(o) == nil {
			_ = os.RemoveAll(o)
		}
	}
}

// abandoned reports whether the lock file p of a temporary folder exists
// and no process holds it.
func abandoned(p string) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return tryLockFile(f)
}

// document is a report's machine-readable file: results.json,
// comparison.json, review.json.
type document interface{ JSON() ([]byte, error) }
