package serve_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/serve"
)

// TestLoopbackOnlyWithoutToken: without a token the server answers only
// requests addressed to a loopback name, so that a site whose name
// resolves to 127.0.0.1 (DNS rebinding) cannot read its pages.
func TestLoopbackOnlyWithoutToken(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	port := ts.hs.URL[strings.LastIndex(ts.hs.URL, ":"):]
	for host, want := range map[string]int{
		"127.0.0.1" + port:        http.StatusOK,
		"localhost" + port:        http.StatusOK,
		"[::1]" + port:            http.StatusOK,
		"evil.example" + port:     http.StatusForbidden,
		"192.168.1.20" + port:     http.StatusForbidden,
		"127.0.0.1.nip.io" + port: http.StatusForbidden,
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.hs.URL+"/", nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, res.StatusCode, want)
		}
	}
}

// TestToken: with a token every request carries it, in a header or in the
// cookie a first visit with ?token= sets; a wrong one or none is refused.
func TestToken(t *testing.T) {
	const token = "tok-3f9a"
	ts := newTestServer(t, serve.Options{Token: token, Addr: "0.0.0.0:0"})
	get := func(path string, header ...string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, ts.hs.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			if header[i] == "Host" {
				req.Host = header[i+1]
				continue
			}
			req.Header.Set(header[i], header[i+1])
		}
		res, err := ts.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	for _, c := range []struct {
		name   string
		path   string
		header []string
		want   int
	}{
		{"none", "/", nil, http.StatusUnauthorized},
		{"wrong query", "/?token=tok-3f9b", nil, http.StatusUnauthorized},
		{"wrong header", "/", []string{"Authorization", "Bearer nope"}, http.StatusUnauthorized},
		{"a page's file without it", "/static/app.js", nil, http.StatusUnauthorized},
		{"bearer", "/", []string{"Authorization", "Bearer " + token}, http.StatusOK},
		{"own header", "/runs", []string{"X-Cordon-Token", token}, http.StatusOK},
		// Off loopback, any name reaches the server: the token protects it.
		{"any host name", "/", []string{"Host", "planner-laptop.lan:8080", "X-Cordon-Token", token}, http.StatusOK},
	} {
		if res := get(c.path, c.header...); res.StatusCode != c.want {
			t.Errorf("%s: GET %s: %d, want %d", c.name, c.path, res.StatusCode, c.want)
		}
	}
	// The first visit sets the cookie and sends the browser on without
	// the token in the address.
	res := get("/runs?token=" + token)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/runs" {
		t.Fatalf("first visit: %d to %q, want 303 to /runs", res.StatusCode, res.Header.Get("Location"))
	}
	if res := get("/runs"); res.StatusCode != http.StatusOK {
		t.Errorf("with the cookie: %d, want 200", res.StatusCode)
	}
	// POSTs need the token too, and the CSRF token besides.
	code, out := ts.post("/api/check", run())
	if code != http.StatusOK {
		t.Errorf("POST with the cookie and CSRF token: %d %v, want 200", code, out)
	}
	fresh := newTestServer(t, serve.Options{Token: token, Addr: "0.0.0.0:0"})
	fresh.csrf = "0000"
	if code, _ := fresh.post("/api/run", run()); code != http.StatusUnauthorized {
		t.Errorf("POST without the token: %d, want 401", code)
	}
}

// TestCrossSiteRequestsRefused: a POST from another site, or without the
// page's CSRF token, is refused and starts nothing.
func TestCrossSiteRequestsRefused(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	ts.open("/")
	for _, c := range []struct {
		name   string
		header []string
	}{
		{"another site (Sec-Fetch-Site)", []string{"Sec-Fetch-Site", "cross-site"}},
		{"another origin", []string{"Sec-Fetch-Site", "", "Origin", "http://evil.example"}},
		{"no CSRF token", []string{"X-CSRF-Token", ""}},
		{"a wrong CSRF token", []string{"X-CSRF-Token", strings.Repeat("0", 64)}},
	} {
		for _, path := range []string{"/api/run", "/api/save", "/api/runs/0001-x/delete", "/api/jobs/1/cancel"} {
			if code, out := ts.post(path, run(), c.header...); code != http.StatusForbidden {
				t.Errorf("%s: POST %s: %d %v, want 403", c.name, path, code, out)
			}
		}
	}
	// The page's CSRF token without the session it belongs to.
	req, _ := http.NewRequest(http.MethodPost, ts.hs.URL+"/api/run", strings.NewReader(`{"source":"builtin:baseline"}`))
	req.Header.Set("X-CSRF-Token", ts.csrf)
	req.Header.Set("Origin", ts.hs.URL)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("no session: POST /api/run: %d, want 403", res.StatusCode)
	}
	// GET changes nothing.
	if res, err = ts.http.Get(ts.hs.URL + "/api/run"); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode < 400 {
		t.Errorf("GET /api/run: %d, want refused", res.StatusCode)
	}
	if code, _ := ts.open("/jobs/1"); code != http.StatusNotFound {
		t.Errorf("a refused request started a job (GET /jobs/1: %d)", code)
	}
	// And the pages' own request goes through.
	if code, out := ts.post("/api/check", run()); code != http.StatusOK || out["ok"] != true {
		t.Errorf("the page's own check: %d %v", code, out)
	}
}

// TestSecurityHeaders: the pages allow their own script and style only,
// and a report's files run in a sandbox.
func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	res, err := ts.http.Get(ts.hs.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("the pages' policy allows inline code: %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
}

// TestNamesStayInTheWorkspace: names from requests (scenario files, runs,
// report files, saves, uploads) never reach outside the workspace, and
// symbolic links in it are refused.
func TestNamesStayInTheWorkspace(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	if err := os.WriteFile(secret, []byte("name: SECRET-CONTENT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(outside, "ws")
	ts := newTestServer(t, serve.Options{Dir: dir})
	if err := os.Symlink(secret, filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "runs", "0001-link")); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/edit?s=file:../secret.yaml",
		"/edit?s=file:link.yaml",
		"/edit?s=file:" + secret,
		"/edit?s=file:..%2Fsecret.yaml",
		"/edit?s=run:../../secret.yaml",
		"/edit?s=run:0001-link/secret.yaml",
		"/edit?s=builtin:../../../secret",
		"/runs/0001-link/",
		"/runs/0001-link/report/secret.yaml",
		"/runs/..%2F..%2Fsecret.yaml/",
		"/runs/0001-x/report/..%2F..%2F..%2Fsecret.yaml",
		"/static/..%2F..%2Fsecret.yaml",
	} {
		code, body := ts.open(path)
		if code == http.StatusOK || strings.Contains(body, "SECRET-CONTENT") {
			t.Errorf("GET %s: %d, and the page shows what is outside the workspace: %v", path, code, strings.Contains(body, "SECRET-CONTENT"))
		}
	}
	_, page := ts.open("/")
	if !strings.Contains(page, "link.yaml") || !strings.Contains(page, "symbolic link") {
		t.Error("the scenarios page does not say that link.yaml, a symbolic link, is not read")
	}
	// Saves and uploads under names that are not plain file names.
	for _, name := range []string{"../escape.yaml", "sub/escape.yaml", "/tmp/escape.yaml", "..yaml", ".hidden.yaml", "escape", "link.yaml",
		`..\escape.yaml`, "../ws/escape.yaml", "escape.yaml\x00.txt", "%2e%2e%2fescape.yaml", strings.Repeat("x", 300) + ".yaml"} {
		code, _ := ts.post("/api/save", map[string]any{"source": "builtin:baseline", "file": name, "replace": true})
		if code == http.StatusOK {
			t.Errorf("saving as %q: %d, want refused", name, code)
		}
		data, _ := os.ReadFile("../scenarios/builtin/baseline.yaml")
		code, _ = ts.post("/api/scenarios", form([]string{"replace", "yes"}, map[string][2]string{"file": {name, string(data)}}))
		if code == http.StatusOK {
			t.Errorf("uploading %q: %d, want refused", name, code)
		}
	}
	// The logs of a replay, uploaded under names with folders in them,
	// are kept in the run's inputs/ under the names of their fields.
	arrivals, err := os.ReadFile("../scenarios/incident/arrivals.csv")
	if err != nil {
		t.Fatal(err)
	}
	id := ts.start("/api/replay", form([]string{"source", "builtin:day-one", "reps", "2"},
		map[string][2]string{"arrivals": {"../../escape.csv", string(arrivals)}}))
	st := ts.wait(id)
	if st.State != "done" {
		t.Fatalf("the replay: %s %s", st.State, st.Error)
	}
	if _, err := os.Stat(filepath.Join(dir, "runs", st.Run, "inputs", "arrivals.csv")); err != nil {
		t.Errorf("the arrivals log uploaded as ../../escape.csv is not kept as inputs/arrivals.csv: %v", err)
	}
	if got, _ := os.ReadFile(secret); string(got) != "name: SECRET-CONTENT\n" {
		t.Errorf("the file the link points to was changed: %q", got)
	}
	entries, _ := os.ReadDir(outside)
	for _, e := range entries {
		if n := e.Name(); n != "secret.yaml" && n != "ws" {
			t.Errorf("%s was written outside the workspace", n)
		}
	}
}
