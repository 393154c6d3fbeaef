package reports_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cordon/reports"
)

// writeSmallReport writes a small report folder at d through Folder, as every
// report writer does.
func writeSmallReport(ctx context.Context, d reports.Dest, content string) error {
	f, err := reports.NewFolder(ctx, d)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := f.Write("index.html", []byte(content)); err != nil {
		return err
	}
	if err := f.Write("plots/a.svg", []byte("<svg/>")); err != nil {
		return err
	}
	return f.Commit(ctx)
}

// mustRead returns a file's content, failing the test when it is gone.
func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return string(b)
}

// refused checks that err refuses the destination, on one line.
func refused(t *testing.T, err error, want string) {
	t.Helper()
	var r *reports.Refused
	if !errors.As(err, &r) {
		t.Fatalf("got %v, want a refusal", err)
	}
	if msg := err.Error(); !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
		t.Errorf("refusal %q does not say %q on one line", msg, want)
	}
}

func TestFolderRefusesWhatCordonDidNotWrite(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) // dir is the destination
		want  string
	}{
		{"a folder of the user's", func(t *testing.T, dir string) {
			os.Mkdir(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "thesis.txt"), []byte("years of work"), 0o644)
		}, "thesis.txt"},
		{"a file", func(t *testing.T, dir string) {
			os.WriteFile(dir, []byte("notes"), 0o644)
		}, "is a file"},
		{"a report with a file added", func(t *testing.T, dir string) {
			if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, "old"); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "plots", "mine.txt"), []byte("mine"), 0o644)
		}, "plots/mine.txt"},
		{"a report edited", func(t *testing.T, dir string) {
			if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, "old"); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "index.html"), []byte("my notes"), 0o644)
		}, "index.html was changed"},
		{"a report with a file taken out", func(t *testing.T, dir string) {
			if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, "old"); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(dir, "plots", "a.svg"))
		}, "missing"},
		{"a forged manifest", func(t *testing.T, dir string) {
			os.Mkdir(dir, 0o755)
			os.WriteFile(filepath.Join(dir, reports.ManifestName), []byte(`{"kind":"something else","files":[]}`), 0o644)
		}, "not a cordon manifest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "rep")
			tc.setup(t, dir)
			before := snapshot(t, filepath.Dir(dir))
			d := reports.Dest{Dir: dir}
			refused(t, d.Check(ctx), tc.want)
			refused(t, writeSmallReport(ctx, d, "new"), tc.want)
			if after := snapshot(t, filepath.Dir(dir)); after != before {
				t.Errorf("the refused destination changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// snapshot lists every file under root with its content.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b.WriteString(rel)
		if d.Type().IsRegular() {
			data, _ := os.ReadFile(p)
			b.WriteString("=" + string(data))
		}
		b.WriteString(";")
		return nil
	})
	return b.String()
}

func TestFolderReplacesItsOwnReportAndEmptyFolders(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{"first", "second"} {
		if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, content); err != nil {
			t.Fatal(err)
		}
		if got := mustRead(t, filepath.Join(dir, "index.html")); got != content {
			t.Errorf("index.html = %q, want %q", got, content)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("beside the report: %v", entries)
	}
}

func TestFolderRefusesAFolderHoldingAnInput(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "rep")
	if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, "old"); err != nil {
		t.Fatal(err)
	}
	// Even a report of cordon's is not replaced when the command reads
	// from it, here through a path that names it differently.
	in := filepath.Join(dir, "index.html")
	other := filepath.Join(dir, "plots", "..", "index.html")
	for _, inputs := range [][]string{{in}, {"baseline", other}} {
		d := reports.Dest{Dir: dir, Inputs: inputs}
		refused(t, d.Check(ctx), "an input of this command")
		refused(t, writeSmallReport(ctx, d, "new"), "an input of this command")
	}
	if got := mustRead(t, in); got != "old" {
		t.Errorf("the input was changed to %q", got)
	}
	// An input beside the folder is no reason to refuse it.
	beside := filepath.Join(filepath.Dir(dir), "rep.yaml")
	os.WriteFile(beside, []byte("x"), 0o644)
	if err := writeSmallReport(ctx, reports.Dest{Dir: dir, Inputs: []string{beside}}, "new"); err != nil {
		t.Fatal(err)
	}
}

func TestFolderFollowsSymbolicLinks(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	target := filepath.Join(root, "real")
	link := filepath.Join(root, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	refused(t, reports.Dest{Dir: link}.Check(ctx), "symbolic link to nothing")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{"first", "second"} {
		if err := writeSmallReport(ctx, reports.Dest{Dir: link}, content); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st, err)
	}
	if got := mustRead(t, filepath.Join(target, "index.html")); got != "second" {
		t.Errorf("the folder linked to holds %q", got)
	}
	// A link to a folder of the user's is refused like the folder.
	os.Mkdir(filepath.Join(root, "mine"), 0o755)
	os.WriteFile(filepath.Join(root, "mine", "x"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(root, "mine"), filepath.Join(root, "link2"))
	refused(t, reports.Dest{Dir: filepath.Join(root, "link2")}.Check(ctx), "not a report cordon wrote")
}

func TestFolderCleansWhatAKilledRunLeft(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	// A killed cordon's temporary folder: its lock file is there, and no
	// process holds it.
	dead := filepath.Join(parent, ".rep.tmp-123")
	os.MkdirAll(filepath.Join(dead, "plots"), 0o755)
	os.WriteFile(filepath.Join(dead, ".cordon-building"), nil, 0o644)
	os.WriteFile(filepath.Join(dead, "plots", "x.png"), []byte("half"), 0o644)
	// A folder of the user's that happens to share the pattern, without
	// cordon's lock file: left alone.
	theirs := filepath.Join(parent, ".rep.tmp-mine")
	os.Mkdir(theirs, 0o755)
	os.WriteFile(filepath.Join(theirs, "keep.txt"), []byte("keep"), 0o644)
	// A live cordon's folder, still being written.
	live, err := reports.NewFolder(ctx, reports.Dest{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Discard()
	if err := writeSmallReport(ctx, reports.Dest{Dir: dir}, "other"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("the killed run's temporary folder is still there")
	}
	if got := mustRead(t, filepath.Join(theirs, "keep.txt")); got != "keep" {
		t.Error("the user's folder was touched")
	}
	if err := live.Write("index.html", []byte("live")); err != nil {
		t.Fatal("the live run's temporary folder was removed:", err)
	}
	if err := live.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(dir, "index.html")); got != "live" {
		t.Errorf("index.html = %q", got)
	}
}

func TestFolderTwoWritersAtOnce(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() { errs[i] = writeSmallReport(ctx, reports.Dest{Dir: dir}, strings.Repeat("x", i+1)) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	// The folder is one writer's report, whole: cordon can replace it again.
	if err := (reports.Dest{Dir: dir}).Check(ctx); err != nil {
		t.Errorf("the folder is not whole: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("beside the report: %v", entries)
	}
}

func TestFolderWaitRespectsCancellation(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "rep")
	held, err := reports.NewFolder(context.Background(), reports.Dest{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Discard()
	unlock := reports.LockFolderForTest(t, parent)
	defer unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := held.Commit(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a commit waiting for a lock held elsewhere ended with %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the report was put in place without the lock")
	}
}

// TestFolderWriteFromAllOrNothing: a file written as it is made is in the
// manifest with its size and hash (a second report replaces the first,
// which checks them); one that fails half-way leaves nothing: the report
// already there stays as it was, and no half-written file is anywhere.
func TestFolderWriteFromAllOrNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "out")
	d := reports.Dest{Dir: dir}
	write := func(fail bool) error {
		f, err := reports.NewFolder(ctx, d)
		if err != nil {
			return err
		}
		defer f.Discard()
		err = f.WriteFrom("replications.csv", func(w io.Writer) error {
			if _, err := io.WriteString(w, "scenario,replication\nbaseline,0\n"); err != nil {
				return err
			}
			if fail {
				return errors.New("disk full")
			}
			return nil
		})
		if err != nil {
			return err
		}
		return f.Commit(ctx)
	}
	for range 2 {
		if err := write(false); err != nil {
			t.Fatal(err)
		}
	}
	if err := write(true); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the write's failure", err)
	}
	if got := mustRead(t, filepath.Join(dir, "replications.csv")); got != "scenario,replication\nbaseline,0\n" {
		t.Errorf("replications.csv holds %q after a failed write", got)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".out.tmp-*"))
	if len(left) > 0 {
		t.Errorf("a failed write left %q", left)
	}
}
