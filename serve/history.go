package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The parts of a run folder.
const (
	runFile    = "run.json" // the run's record, written last
	inputsDir  = "inputs"   // the scenarios as run, the uploaded logs
	reportDir  = "report"   // the report folder, as the command line writes it
	buildingAt = ".building-"
	deletingAt = ".deleting-"
	maxRunJSON = 4 << 20
)

// runIDPattern is the form of a run's folder name: its number and a slug.
var runIDPattern = regexp.MustCompile(`^[0-9]{4,9}-[a-z0-9-]{1,48}$`)

// validRunID reports whether id names a run folder.
func validRunID(id string) bool { return runIDPattern.MatchString(id) }

// The kinds of work, and of runs.
const (
	kindRun     = "run"
	kindCompare = "compare"
	kindPlan    = "plan"
	kindReplay  = "replay"
)

// history is the runs/ folder of the workspace.
type history struct {
	ws *workspace
	mu sync.Mutex // numbering and renaming into place
}

// clean removes what a stopped server left in runs/: runs being built
// and runs being deleted. It is called under the workspace's lock, so
// that no other server is building them.
func (h *history) clean() {
	entries, _ := fs.ReadDir(h.ws.root.FS(), runsDir)
	for _, e := range entries {
		if n := e.Name(); e.IsDir() && (strings.HasPrefix(n, buildingAt) || strings.HasPrefix(n, deletingAt)) {
			_ = h.ws.root.RemoveAll(path.Join(runsDir, n))
		}
	}
}

// building is a run folder being written, aside from the history until
// it is whole.
type building struct {
	h    *history
	name string // runs/.building-XXXX, in the workspace
	done bool
}

// begin starts a run folder.
func (h *history) begin() (*building, error) {
	name := path.Join(runsDir, buildingAt+randomHex(8))
	if err := h.ws.root.Mkdir(name, 0o755); err != nil {
		return nil, err
	}
	if err := h.ws.root.Mkdir(path.Join(name, inputsDir), 0o755); err != nil {
		_ = h.ws.root.RemoveAll(name)
		return nil, err
	}
	return &building{h: h, name: name}, nil
}

// reportPath is the absolute path of the report folder, for the report
// writers.
func (b *building) reportPath() string { return b.h.ws.abs(path.Join(b.name, reportDir)) }

// writeInput writes a file into inputs/ (name is a fixed name of cordon's,
// never a user's).
func (b *building) writeInput(name string, data []byte) error {
	f, err := b.h.ws.root.OpenFile(path.Join(b.name, inputsDir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// finish writes the record and renames the folder into the history under
// the next number; it fails, leaving nothing, when ctx is done.
func (b *building) finish(ctx context.Context, rec *runRecord) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	h := b.h
	h.mu.Lock()
	defer h.mu.Unlock()
	id := fmt.Sprintf("%04d-%s", h.next(), slug(rec.idName()))
	rec.ID = id
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return "", err
	}
	f, err := h.ws.root.OpenFile(path.Join(b.name, runFile), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return "", err
	}
	_, err = f.Write(append(data, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if err := h.ws.root.Rename(b.name, path.Join(runsDir, id)); err != nil {
		return "", err
	}
	b.done = true
	return id, nil
}

// discard removes the folder unless it was finished.
func (b *building) discard() {
	if !b.done {
		_ = b.h.ws.root.RemoveAll(b.name)
	}
}

// next is the number of the next run: one more than the highest there.
func (h *history) next() int {
	entries, _ := fs.ReadDir(h.ws.root.FS(), runsDir)
	n := 0
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "-")
		if !ok {
			continue
		}
		if v, err := strconv.Atoi(num); err == nil && v > n {
			n = v
		}
	}
	return n + 1
}

// slug makes a run title into the end of a folder name: lower-case
// letters, digits and dashes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 40 {
		s = strings.Trim(s[:40], "-")
	}
	if s == "" {
		s = "run"
	}
	return s
}

// list returns the runs of the history, the latest first; a folder
// without a readable record (not cordon's, or damaged) is left out.
func (h *history) list() []*runRecord {
	entries, _ := fs.ReadDir(h.ws.root.FS(), runsDir)
	var out []*runRecord
	for _, e := range entries {
		if !e.IsDir() || !validRunID(e.Name()) {
			continue
		}
		if rec, err := h.get(e.Name()); err == nil {
			out = append(out, rec)
		}
	}
	slices.SortFunc(out, func(a, b *runRecord) int { return strings.Compare(b.ID, a.ID) })
	return out
}

// errNoRun is the error of a run that is not in the history.
var errNoRun = refusal("err.norun")

// get reads a run's record.
func (h *history) get(id string) (*runRecord, error) {
	if !validRunID(id) {
		return nil, errNoRun
	}
	st, err := h.ws.root.Lstat(path.Join(runsDir, id))
	if err != nil || !st.IsDir() {
		return nil, errNoRun
	}
	data, err := h.ws.readFile(path.Join(runsDir, id, runFile), maxRunJSON)
	if err != nil {
		return nil, errNoRun
	}
	var rec runRecord
	if err := json.Unmarshal(data, &rec); err != nil || rec.ID != id {
		return nil, errNoRun
	}
	return &rec, nil
}

// input reads a file of a run's inputs/.
func (h *history) input(id, name string) ([]byte, error) {
	if _, err := h.get(id); err != nil {
		return nil, err
	}
	if !inputNamePattern.MatchString(name) {
		return nil, errNoRun
	}
	return h.ws.readFile(path.Join(runsDir, id, inputsDir, name), maxScenarioSize)
}

// inputNamePattern is the form of the names cordon gives the files of
// inputs/.
var inputNamePattern = regexp.MustCompile(`^[a-z0-9-]{1,32}\.(yaml|csv)$`)

// remove deletes a run: renamed aside first, so that the history never
// shows half a run, then removed.
func (h *history) remove(id string) error {
	if _, err := h.get(id); err != nil {
		return err
	}
	h.mu.Lock()
	aside := path.Join(runsDir, deletingAt+randomHex(8))
	err := h.ws.root.Rename(path.Join(runsDir, id), aside)
	h.mu.Unlock()
	if err != nil {
		return err
	}
	return h.ws.root.RemoveAll(aside)
}
