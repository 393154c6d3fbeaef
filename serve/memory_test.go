package serve_test

import (
	"regexp"
	"testing"

	"cordon/serve"
)

// TestJobsKeepFigures: a job keeps of each replication, as it finishes,
// its figures and what its report plots (a few KiB), not the replication
// whole (about 400 KiB), as cordon run and cordon compare do with a
// report: the estimate of a job refused for memory says so.
func TestJobsKeepFigures(t *testing.T) {
	ts := newTestServer(t, serve.Options{Memory: func() int64 { return 1 }})
	few := regexp.MustCompile(`replications keep [0-9] KiB of results each`)
	for _, job := range []struct {
		api string
		ask map[string]any
	}{
		{"/api/run", run()},
		{"/api/compare", map[string]any{"reps": 2,
			"scenarios": []any{map[string]any{"source": "builtin:baseline"}, map[string]any{"source": "builtin:more-suited-crew"}}}},
	} {
		id := ts.start(job.api, job.ask)
		st := ts.wait(id)
		if st.State != "failed" || !few.MatchString(st.Error) {
			t.Errorf("%s: %s %q, want refused for memory, with replications that keep a few KiB each", job.api, st.State, st.Error)
		}
	}
}
