package serve_test

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"cordon/serve"
)

// TestCheckNamesATargetOnNoKPI: the editor's check says what cordon
// validate says of a scenario whose own target names a KPI it does not
// have (it said nothing, and the run then failed).
func TestCheckNamesATargetOnNoKPI(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	data, err := os.ReadFile("../scenarios/builtin/baseline.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(string(data), `"takeout.door_time.p95 <= 45m"`, `"takeout.door_tme.p95 <= 45m"`, 1)
	if yaml == string(data) {
		t.Fatal("baseline has no takeout target to misspell")
	}
	code, out := ts.post("/api/check", map[string]any{"source": "builtin:baseline", "yaml": &yaml})
	if code != http.StatusOK || out["ok"] != false {
		t.Fatalf("check: %d %v", code, out)
	}
	if s := fmt.Sprint(out); !strings.Contains(s, "baseline has no KPI takeout.door_tme.p95, did you mean takeout.door_time.p95?") {
		t.Errorf("the check does not name the target: %s", s)
	}
}
