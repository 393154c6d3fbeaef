package serve_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cordon/scenarios"
	"cordon/serve"
)

// TestRunsKeptAcrossRestarts: a run's folder is the report cordon run
// writes, with its record and the scenario as run; it is listed again by
// a new server on the same workspace, and deleting it removes it whole.
func TestRunsKeptAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	ts := newTestServer(t, serve.Options{Dir: dir})
	st := ts.wait(ts.start("/api/run", run("replications=2", "gate.shelves=10")))
	if st.State != "done" || st.Run == "" {
		t.Fatalf("the run ended %s (%s)", st.State, st.Error)
	}
	for _, f := range []string{"run.json", "inputs/scenario.yaml", "report/index.html", "report/results.json", "report/.cordon-report.json"} {
		if _, err := os.Stat(filepath.Join(dir, "runs", st.Run, f)); err != nil {
			t.Errorf("the run's folder lacks %s", f)
		}
	}
	sc, err := scenarios.LoadFile(filepath.Join(dir, "runs", st.Run, "inputs", "scenario.yaml"))
	if err != nil || sc.Gate.Shelves != 10 || sc.Replications != 2 {
		t.Errorf("the scenario kept with the run: %v, shelves %v", err, sc)
	}
	ts.hs.Close()
	ts.srv.Close()

	again := newTestServer(t, serve.Options{Dir: dir})
	code, page := again.open("/runs")
	if code != http.StatusOK || !strings.Contains(page, st.Run) {
		t.Fatalf("the history after a restart (%d) does not list %s", code, st.Run)
	}
	if code, _ := again.open("/runs/" + st.Run + "/report/index.html"); code != http.StatusOK {
		t.Errorf("the report after a restart: %d", code)
	}
	if code, out := again.post("/api/runs/"+st.Run+"/delete", nil); code != http.StatusOK {
		t.Fatalf("deleting: %d %v", code, out)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "runs"))
	if len(entries) != 0 {
		t.Errorf("runs/ holds %d entries after the delete, want none", len(entries))
	}
}

// TestWorkQueuedAndCancelled: with one job at a time, a second waits its
// turn; cancelling stops a running job and drops a queued one, and leaves
// nothing in the history.
func TestWorkQueuedAndCancelled(t *testing.T) {
	ts := newTestServer(t, serve.Options{Jobs: 1, Workers: 1})
	long := run("replications=100000")
	first := ts.start("/api/run", long)
	second := ts.start("/api/run", long)
	third := ts.start("/api/run", long)
	for st := ts.job(first); st.State != "running"; st = ts.job(first) {
		if st.State != "queued" {
			t.Fatalf("the first job is %s (%s), want running", st.State, st.Error)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if st := ts.job(second); st.State != "queued" || st.Ahead != 0 {
		t.Errorf("the second job is %s with %d ahead, want queued next", st.State, st.Ahead)
	}
	// A job cancelled while it waits leaves the queue: the one behind it
	// moves up.
	if code, _ := ts.post("/api/jobs/"+second+"/cancel", nil); code != http.StatusOK {
		t.Fatalf("cancelling %s: %d", second, code)
	}
	if st := ts.job(third); st.State != "queued" || st.Ahead != 0 {
		t.Errorf("the third job is %s with %d ahead once the second is cancelled, want queued next", st.State, st.Ahead)
	}
	for _, id := range []string{third, first} {
		if code, _ := ts.post("/api/jobs/"+id+"/cancel", nil); code != http.StatusOK {
			t.Fatalf("cancelling %s: %d", id, code)
		}
	}
	for _, id := range []string{first, second, third} {
		if st := ts.wait(id); st.State != "cancelled" {
			t.Errorf("job %s ended %s, want cancelled", id, st.State)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(ts.dir, "runs"))
	for _, e := range entries {
		t.Errorf("runs/ holds %s after cancelled work", e.Name())
	}
}

// TestWorkspaceHasOneServer: a second server on a workspace in use is
// refused.
func TestWorkspaceHasOneServer(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	if _, err := serve.New(t.Context(), serve.Options{Dir: ts.dir}); err == nil || !strings.Contains(err.Error(), "another cordon serve") {
		t.Errorf("a second server on the workspace: %v", err)
	}
}

// TestProblemsBesideTheirFields: the editor's check puts each of the
// loader's errors beside the value it is about, worded as cordon validate
// words it: a change's error beside the change, an error in the file
// beside its field, whatever the path's spelling (by position or by
// name).
func TestProblemsBesideTheirFields(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	code, out := ts.post("/api/check", run("staff.suited-crew.shifts[0].count=-1", "gate.intake=5 parsecs"))
	if code != http.StatusOK || out["ok"] != false {
		t.Fatalf("check: %d %v", code, out)
	}
	fields, _ := out["fields"].(map[string]any)
	want := map[string]string{
		"staff.suited-crew.shifts[0].count": "--set staff.suited-crew.shifts[0].count=-1: staff[1].shifts[0].count: must not be negative, got -1",
		"gate.intake":                       `--set gate.intake=5 parsecs: gate.intake: "5 parsecs" is not a duration`,
	}
	for path, msg := range want {
		got, _ := fields[path].([]any)
		if len(got) != 1 || !strings.HasPrefix(got[0].(string), msg) {
			t.Errorf("beside %s: %v, want %q", path, got, msg)
		}
	}
	// An error of the file itself goes beside its field, found by its
	// position in the file's lists.
	data, _ := os.ReadFile("../scenarios/builtin/baseline.yaml")
	broken := strings.Replace(string(data), "{from: \"19:00\", to: \"07:00\", count: 2}", "{from: \"19:00\", to: \"07:00\", count: -2}", 1)
	yaml := broken
	code, out = ts.post("/api/check", map[string]any{"source": "builtin:baseline", "yaml": &yaml})
	if code != http.StatusOK || out["ok"] != false {
		t.Fatalf("check of the text: %d %v", code, out)
	}
	fields, _ = out["fields"].(map[string]any)
	got, _ := fields["staff.suited-crew.shifts[1].count"].([]any)
	if len(got) != 1 || !strings.Contains(got[0].(string), "builtin/baseline.yaml:") || !strings.Contains(got[0].(string), "staff[1].shifts[1].count: must not be negative") {
		t.Errorf("an error in the file: beside its field %v (all: %v)", got, out)
	}
}

// TestWaitingWorkIsBounded: the runs waiting their turn are bounded (each
// holds its scenario, a replay its uploaded logs): one more is refused,
// saying why, and accepted again once a place is free.
func TestWaitingWorkIsBounded(t *testing.T) {
	ts := newTestServer(t, serve.Options{Jobs: 1, Workers: 1})
	long := run("replications=100000")
	var ids []string
	defer func() {
		for _, id := range ids {
			ts.post("/api/jobs/"+id+"/cancel", nil)
		}
	}()
	for range 200 {
		code, out := ts.post("/api/run", long)
		if code == http.StatusAccepted {
			ids = append(ids, out["job"].(string))
			continue
		}
		if code != http.StatusServiceUnavailable || !strings.Contains(fmt.Sprint(out["general"]), "waiting") {
			t.Fatalf("run %d refused: %d %v, want 503 saying that runs are waiting", len(ids)+1, code, out)
		}
		break
	}
	if len(ids) == 200 {
		t.Fatal("200 runs queued behind one: the waiting work is not bounded")
	}
	if code, _ := ts.post("/api/jobs/"+ids[len(ids)-1]+"/cancel", nil); code != http.StatusOK {
		t.Fatalf("cancelling the last: %d", code)
	}
	if code, out := ts.post("/api/run", long); code != http.StatusAccepted {
		t.Errorf("a run once a place is free: %d %v, want accepted", code, out)
	} else {
		ids = append(ids, out["job"].(string))
	}
}

// TestProblemsInChinese: in Chinese the problems beside the values read
// as cordon run --lang zh-CN prints them: the sentence in Chinese, the
// change, the field and the value as they are.
func TestProblemsInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	code, out := ts.post("/api/check?lang=zh-CN", run("gate.shelves=-3"))
	if code != http.StatusOK || out["ok"] != false {
		t.Fatalf("check: %d %v", code, out)
	}
	fields, _ := out["fields"].(map[string]any)
	got, _ := fields["gate.shelves"].([]any)
	if want := "--set gate.shelves=-3: gate.shelves: 不能为负数，实际为-3"; len(got) != 1 || got[0] != want {
		t.Errorf("beside gate.shelves in Chinese: %v, want %q", got, want)
	}
	// An error not about one value, in Chinese too.
	code, out = ts.post("/api/plan?lang=zh-CN", map[string]any{"source": "builtin:baseline", "targets": "takeout.door_time.p99 <= 4m"})
	if general := fmt.Sprint(out["general"]); code != http.StatusBadRequest || !strings.Contains(general, "baseline没有指标takeout.door_time.p99") {
		t.Errorf("a target on an unknown KPI, in Chinese: %d %v", code, out)
	}
	// And cordon serve's own: a name to save under that is not one.
	code, out = ts.post("/api/save?lang=zh-CN", map[string]any{"source": "builtin:baseline", "file": "../escape.yaml"})
	if general := fmt.Sprint(out["general"]); code != http.StatusBadRequest || !strings.Contains(general, `"../escape.yaml" 不是`) {
		t.Errorf("saving as ../escape.yaml, in Chinese: %d %v", code, out)
	}
	code, out = ts.post("/api/run?lang=zh-CN", run("gate.shelves=-3"))
	fields, _ = out["fields"].(map[string]any)
	if got, _ := fields["gate.shelves"].([]any); code != http.StatusBadRequest || len(got) != 1 || !strings.Contains(got[0].(string), "不能为负数") {
		t.Errorf("running with the problem, in Chinese: %d %v", code, out)
	}
}
