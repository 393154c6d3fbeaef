package reports

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cordon/text"
)

// Dest is where a report folder goes, and the files the command read to
// make it, which the folder must not hold.
//
// The rules, the same for every command: a path that does not exist is
// created; an existing folder is replaced only when it is a report cordon
// wrote (its manifest, ManifestName, lists exactly the files it holds,
// unchanged) or is empty; anything else (a file, a folder of the user's, a
// report someone has edited) is refused and left as it is, whatever the
// flags. A folder that holds any input of the command is refused too. A
// symbolic link is followed: the report replaces the folder it points to,
// under the same rules, and the link stays.
type Dest struct {
	Dir    string
	Inputs []string
}

// Refused is the error of a destination cordon will not write: it names
// the path and says why, on one line.
type Refused struct {
	Dir, Why string
}

func (e *Refused) Error() string { return text.TermSafe(e.Dir) + ": " + e.Why }

// notOurs is the end of a refusal of a path that is not cordon's report.
const notOurs = "; cordon replaces only report folders it wrote itself: choose another --out, or move it away yourself"

// Check reports whether the report can be written to d.Dir, before any
// work: the same checks Commit makes again when the report is put in place.
// It waits, as long as ctx allows, while another cordon puts a report in
// place beside it.
func (d Dest) Check(ctx context.Context) error {
	dir, err := d.follow()
	if err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if _, err := os.Stat(parent); err != nil {
		return nil // nothing there yet: the folder will be made
	}
	unlock, err := lockFolder(ctx, parent)
	if err != nil {
		return err
	}
	defer unlock()
	return d.checkAt(dir)
}

// follow returns the folder the report will take the place of: d.Dir, or
// the folder a symbolic link there points to.
func (d Dest) follow() (string, error) {
	if d.Dir == "" {
		return "", errors.New("no report folder given")
	}
	st, err := os.Lstat(d.Dir)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return d.Dir, nil
	}
	target, err := filepath.EvalSymlinks(d.Dir)
	if err != nil {
		return "", &Refused{d.Dir, "a symbolic link to nothing that exists: make the folder it points to, or give another --out"}
	}
	return target, nil
}

// checkAt checks the folder dir that the report would replace; it is
// called under the lock of dir's parent, so that no other cordon is
// replacing it meanwhile.
func (d Dest) checkAt(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !st.IsDir():
		return &Refused{d.Dir, "exists and is a file, not a report folder" + notOurs}
	}
	if in := d.heldInput(dir); in != "" {
		return &Refused{d.Dir, fmt.Sprintf("holds %s, an input of this command", text.TermSafe(in)) + notOurs}
	}
	if err := checkOurs(dir); err != nil {
		var no *errNotOurs
		if errors.As(err, &no) {
			return &Refused{d.Dir, "exists and is not a report cordon wrote: " + no.why + notOurs}
		}
		return err
	}
	return nil
}

// heldInput returns the first input that lies inside dir, or "".
func (d Dest) heldInput(dir string) string {
	root, err := realPath(dir)
	if err != nil {
		return ""
	}
	for _, in := range d.Inputs {
		p, err := realPath(in)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, p)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return in
		}
	}
	return ""
}

// realPath is p absolute, with every symbolic link resolved.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(p)
}
