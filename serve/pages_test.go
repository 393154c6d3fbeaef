package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"cordon/scenarios"
	"cordon/serve"
)

// hostile is scenario text that would run as script if a page did not
// escape it.
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> & "q"`

// hostileScenario is the baseline named and described with hostile
// text.
func hostileScenario(t *testing.T) []byte {
	t.Helper()
	data, ok := scenarios.Builtin("baseline")
	if !ok {
		t.Fatal("no baseline")
	}
	out, err := scenarios.Rewrite("baseline.yaml", data,
		scenarios.Override{Path: "name", Value: `'` + strings.ReplaceAll(hostile, `'`, `''`) + `'`},
		scenarios.Override{Path: "staff.suited-crew.name", Value: `'<b>crew</b>'`})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUserTextEscaped: a scenario's own text (its name, its pools' names)
// shows as text on every page, never as markup.
func TestUserTextEscaped(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	if code, out := ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"hostile.yaml", string(hostileScenario(t))}})); code != http.StatusOK {
		t.Fatalf("upload: %d %v", code, out)
	}
	st := ts.wait(ts.start("/api/run", map[string]any{"source": "file:hostile.yaml",
		"changes": []map[string]string{{"path": "replications", "value": "2"}}}))
	if st.State != "done" {
		t.Fatalf("the run ended %s: %s", st.State, st.Error)
	}
	for _, path := range []string{"/", "/edit?s=file:hostile.yaml", "/runs", "/runs/" + st.Run + "/", "/compare", "/plan"} {
		code, body := ts.open(path)
		if code != http.StatusOK {
			t.Errorf("GET %s: %d", path, code)
			continue
		}
		for _, raw := range []string{"<script>alert", "<img src=x", "<b>crew</b>"} {
			if strings.Contains(body, raw) {
				t.Errorf("GET %s shows %q as markup", path, raw)
			}
		}
	}
	_, body := ts.open("/edit?s=file:hostile.yaml")
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the editor does not show the hostile name as text")
	}
}

// TestLanguageAsked: ?lang= is remembered; a language the pages are not
// written in yet falls back to English and says so.
func TestLanguageAsked(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	_, body := ts.open("/?lang=zh-CN")
	if !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, `not yet written in &#34;zh-CN&#34;`) {
		t.Errorf("asked for zh-CN: the page does not say it is shown in English")
	}
	if _, body := ts.open("/runs"); !strings.Contains(body, `not yet written in &#34;zh-CN&#34;`) {
		t.Error("the language asked for is not remembered")
	}
	if _, body := ts.open("/?lang=en"); strings.Contains(body, "not yet written") {
		t.Error("English is said to be missing")
	}
}

// TestEveryPageHasItsText: no page shows a catalogue key in brackets (a
// text missing from the catalogue).
func TestEveryPageHasItsText(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	st := ts.wait(ts.start("/api/run", run("replications=2")))
	paths := []string{"/", "/edit?s=builtin:day-one", "/compare", "/plan", "/replay", "/runs", "/runs/" + st.Run + "/", "/nowhere"}
	for _, path := range paths {
		_, body := ts.open(path)
		if i := strings.Index(body, ">["); i >= 0 && strings.Contains(body[i:min(len(body), i+60)], ".") {
			t.Errorf("GET %s shows a key: %q", path, body[i:min(len(body), i+60)])
		}
	}
}
