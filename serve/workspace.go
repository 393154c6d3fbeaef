package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"cordon/scenarios"
)

// The files and folders of a workspace that are cordon's.
const (
	runsDir    = "runs"                 // the history of results
	lockName   = ".cordon-serve.lock"   // held by the server using the workspace
	schemaFile = "scenario.schema.json" // the schema the saved files' $schema lines name
)

// maxScenarioSize is the most bytes of a scenario file the server reads
// or accepts, as the loader does (10 MiB).
const maxScenarioSize = 10 << 20

// fileNamePattern is the form of a scenario file's name in the workspace:
// a plain name of letters, digits, dots, dashes and underscores ending in
// .yaml or .yml; no folder, no leading dot.
var fileNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.(yaml|yml)$`)

// errExists is the error of a save onto a file that is there, without
// leave to replace it.
var errExists = errors.New("a file of that name is in the workspace")

// badName is the error of a name that is not a plain file name of the
// workspace.
type badName struct{ name string }

func (e *badName) Error() string {
	return fmt.Sprintf("%q is not a scenario file name of the workspace: use letters, digits, '.', '-' and '_', ending in .yaml (no folders)", e.name)
}

// checkFileName reports a name that is not a plain scenario file name.
func checkFileName(name string) error {
	if !fileNamePattern.MatchString(name) || strings.Contains(name, "..") {
		return &badName{name}
	}
	return nil
}

// workspace is the folder the server reads and writes, opened as a root
// that no path from a request can leave.
type workspace struct {
	dir  string // absolute
	root *os.Root
	lock *os.File
}

// openWorkspace opens the workspace folder dir, making it (and its runs/)
// when missing, and takes its lock: two servers never share a workspace.
func openWorkspace(dir string) (*workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, err
	}
	w := &workspace{dir: abs, root: root}
	lock, err := root.OpenFile(lockName, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		root.Close()
		return nil, err
	}
	if !tryLock(lock) {
		lock.Close()
		root.Close()
		return nil, fmt.Errorf("%s: another cordon serve is using this workspace; stop it, or give another --dir", abs)
	}
	w.lock = lock
	switch st, err := root.Lstat(runsDir); {
	case errors.Is(err, fs.ErrNotExist):
		err = root.Mkdir(runsDir, 0o755)
		if err != nil {
			w.close()
			return nil, err
		}
	case err != nil:
		w.close()
		return nil, err
	case !st.IsDir():
		w.close()
		return nil, fmt.Errorf("%s: runs is not a folder (a file, or a symbolic link): move it away, or give another --dir", abs)
	}
	return w, nil
}

// close releases the workspace.
func (w *workspace) close() {
	if w.lock != nil {
		w.lock.Close()
	}
	w.root.Close()
}

// abs is the absolute path of a name inside the workspace.
func (w *workspace) abs(name string) string { return filepath.Join(w.dir, filepath.FromSlash(name)) }

// scenarioFile is a scenario file of the workspace.
type scenarioFile struct {
	Name string
	// Refused says why a file that looks like a scenario is not read (a
	// symbolic link, say); "" for one that is read.
	Refused string
}

// scenarioFiles lists the workspace's scenario files, sorted by name.
func (w *workspace) scenarioFiles() ([]scenarioFile, error) {
	entries, err := fs.ReadDir(w.root.FS(), ".")
	if err != nil {
		return nil, err
	}
	var out []scenarioFile
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
			continue
		}
		f := scenarioFile{Name: name}
		switch {
		case checkFileName(name) != nil:
			f.Refused = "name"
		case e.Type()&fs.ModeSymlink != 0:
			f.Refused = "symlink"
		case !e.Type().IsRegular():
			f.Refused = "notfile"
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b scenarioFile) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// regular checks that name in the workspace is a regular file, not a
// symbolic link; false when there is nothing there.
func (w *workspace) regular(name string) (bool, error) {
	st, err := w.root.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case st.Mode()&fs.ModeSymlink != 0:
		return false, refusal("err.symlink", name)
	case !st.Mode().IsRegular():
		return false, refusal("err.notplain", name)
	}
	return true, nil
}

// readScenario reads a scenario file of the workspace.
func (w *workspace) readScenario(name string) ([]byte, error) {
	if err := checkFileName(name); err != nil {
		return nil, err
	}
	return w.readFile(name, maxScenarioSize)
}

// readFile reads the plain file at the slash-separated path name inside
// the workspace, refusing a symbolic link anywhere on the way and a file
// larger than limit.
func (w *workspace) readFile(name string, limit int64) ([]byte, error) {
	if err := w.plainPath(name); err != nil {
		return nil, err
	}
	ok, err := w.regular(name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, refusal("err.nofile", name)
	}
	f, err := w.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, refusal("err.toolarge", name, limit>>20)
	}
	return data, nil
}

// plainPath checks that every folder on the slash-separated path name is
// a folder, not a symbolic link (the file itself is checked by regular).
func (w *workspace) plainPath(name string) error {
	parts := strings.Split(name, "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		st, err := w.root.Lstat(dir)
		if err != nil {
			return err
		}
		if !st.IsDir() {
			return refusal("err.notfolder", dir)
		}
	}
	return nil
}

// writeScenario writes a scenario file into the workspace whole: to a
// temporary file first, renamed into place. A file already there is
// replaced only when replace is set, and only when it is a plain file.
func (w *workspace) writeScenario(name string, data []byte, replace bool) error {
	if err := checkFileName(name); err != nil {
		return err
	}
	there, err := w.regular(name)
	if err != nil {
		return err
	}
	if there && !replace {
		return errExists
	}
	return w.writeFile(name, data)
}

// writeFile writes the file name of the workspace's top folder whole.
func (w *workspace) writeFile(name string, data []byte) error {
	tmp := "." + name + ".tmp-" + randomHex(6)
	f, err := w.root.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.root.Rename(tmp, name)
	}
	if err != nil {
		_ = w.root.Remove(tmp)
	}
	return err
}

// ensureSchema writes the scenario schema into the workspace when it is
// not there, so that the $schema line of a saved file names a file that
// is.
func (w *workspace) ensureSchema() error {
	if _, err := w.root.Lstat(schemaFile); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return w.writeFile(schemaFile, scenarios.Schema())
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}
