package serve_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/serve"
)

// TestUploadsAreLimited: an upload larger than its limit is refused
// before it is read whole, and nothing is written.
func TestUploadsAreLimited(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	huge := strings.Repeat("x", 33<<20) // over the 32 MiB of a request
	code, out := ts.post("/api/replay", form([]string{"source", "builtin:day-one"}, map[string][2]string{"arrivals": {"arrivals.csv", huge}}))
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 33 MiB replay upload: %d %v, want 413", code, out)
	}
	code, out = ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"big.yaml", "# " + strings.Repeat("x", 11<<20)}}))
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("an 11 MiB scenario file: %d %v, want 413", code, out)
	}
	code, out = ts.post("/api/check", []byte(`{"source":"builtin:baseline","yaml":"`+strings.Repeat("x", 12<<20)+`"}`))
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 12 MiB request: %d %v, want 413", code, out)
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "big.yaml")); err == nil {
		t.Error("the oversize scenario file was written")
	}
}

// TestUploadsCheckedLikeFiles: an uploaded log or scenario file is read
// by the same readers as the command line's files, and its problems come
// back as cordon replay and cordon validate print them.
func TestUploadsCheckedLikeFiles(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	arrivals, err := os.ReadFile("../scenarios/incident/arrivals.csv")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(arrivals), "2021-11-24T07:07:58.809+08:00,express,45", "2021-11-24T07:07:58.809+08:00,express,999", 1)
	code, out := ts.post("/api/replay", form([]string{"source", "builtin:day-one"}, map[string][2]string{"arrivals": {"day-arrivals.csv", bad}}))
	if code != http.StatusBadRequest {
		t.Fatalf("arrivals with an unknown building: %d %v, want 400", code, out)
	}
	if msg := strings.Join(lines(out), "\n"); !strings.Contains(msg, "day-arrivals.csv:4:") || !strings.Contains(msg, "building") {
		t.Errorf("the problem reads %q, want day-arrivals.csv:4: and the column", msg)
	}
	// A name not fit to quote is not quoted: the field's own name is.
	code, out = ts.post("/api/replay", form([]string{"source", "builtin:day-one"}, map[string][2]string{"arrivals": {"<b>evil</b>\u202e.csv", bad}}))
	if msg := strings.Join(lines(out), "\n"); code != http.StatusBadRequest || !strings.Contains(msg, "arrivals.csv:4:") || strings.Contains(msg, "evil") {
		t.Errorf("a hostile file name: %d %q", code, msg)
	}
	code, out = ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"mine.yaml", "name: mine\ngate:\n  shelves: -3\n"}}))
	if msg := strings.Join(lines(out), "\n"); code != http.StatusBadRequest || !strings.Contains(msg, "mine.yaml:3:12: gate.shelves: must not be negative") {
		t.Errorf("a bad scenario file: %d %q, want cordon validate's line", code, msg)
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "mine.yaml")); err == nil {
		t.Error("the bad scenario file was written")
	}
	good, _ := os.ReadFile("../scenarios/builtin/day-one.yaml")
	if code, out := ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"mine.yaml", string(good)}})); code != http.StatusOK {
		t.Fatalf("a good scenario file: %d %v", code, out)
	}
	if code, _ := ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"mine.yaml", string(good)}})); code != http.StatusConflict {
		t.Errorf("the same name again without replace: %d, want 409", code)
	}
}

// lines are the problems of an answer.
func lines(out map[string]any) []string {
	var s []string
	if g, ok := out["general"].([]any); ok {
		for _, l := range g {
			s = append(s, l.(string))
		}
	}
	return s
}
