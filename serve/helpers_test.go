package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"cordon/serve"
)

// testServer is a server on a temporary workspace, and a browser-like
// client of it: cookies kept, the CSRF token of its pages sent.
type testServer struct {
	t    *testing.T
	srv  *serve.Server
	hs   *httptest.Server
	dir  string
	http *http.Client
	csrf string
}

// newTestServer starts a server on a new workspace.
func newTestServer(t *testing.T, opts serve.Options) *testServer {
	t.Helper()
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	srv, err := serve.New(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	jar, _ := cookiejar.New(nil)
	ts := &testServer{t: t, srv: srv, hs: hs, dir: opts.Dir,
		http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	return ts
}

// csrfMeta finds a page's CSRF token.
var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([0-9a-f]*)">`)

// open reads a page as a browser would, and keeps its CSRF token.
func (ts *testServer) open(path string, header ...string) (int, string) {
	ts.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.hs.URL+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := ts.http.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if m := csrfMeta.FindSubmatch(body); m != nil && len(m[1]) > 0 {
		ts.csrf = string(m[1])
	}
	return res.StatusCode, string(body)
}

// post sends a request as the server's own pages do: same origin, the
// CSRF token in its header; header adds or replaces headers.
func (ts *testServer) post(path string, body any, header ...string) (int, map[string]any) {
	ts.t.Helper()
	if ts.csrf == "" {
		ts.open("/")
	}
	var rd io.Reader
	ctype := "application/json"
	switch b := body.(type) {
	case *multipartBody:
		rd, ctype = &b.buf, b.ctype
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.hs.URL+path, rd)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Origin", ts.hs.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("X-CSRF-Token", ts.csrf)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i])
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	res, err := ts.http.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	var out map[string]any
	if json.Unmarshal(data, &out) != nil {
		out = map[string]any{"text": string(data)}
	}
	return res.StatusCode, out
}

// multipartBody is a multipart form to post.
type multipartBody struct {
	buf   bytes.Buffer
	ctype string
}

// form builds a multipart form: fields as name, value pairs, files as
// name -> (file name, content).
func form(fields []string, files map[string][2]string) *multipartBody {
	b := &multipartBody{}
	w := multipart.NewWriter(&b.buf)
	for i := 0; i+1 < len(fields); i += 2 {
		_ = w.WriteField(fields[i], fields[i+1])
	}
	for name, f := range files {
		fw, _ := w.CreateFormFile(name, f[0])
		_, _ = io.WriteString(fw, f[1])
	}
	w.Close()
	b.ctype = w.FormDataContentType()
	return b
}

// jobState is a job's status as the server says it.
type jobState struct {
	State, Error, Run string
	Done, Total       int
	Ahead             int
}

// job reads a job's status.
func (ts *testServer) job(id string) jobState {
	ts.t.Helper()
	res, err := ts.http.Get(ts.hs.URL + "/api/jobs/" + url.PathEscape(id))
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	var st jobState
	if err := json.NewDecoder(res.Body).Decode(&st); err != nil {
		ts.t.Fatal(err)
	}
	return st
}

// wait waits for a job to finish and returns its status.
func (ts *testServer) wait(id string) jobState {
	ts.t.Helper()
	ctx, cancel := context.WithTimeout(ts.t.Context(), 60*time.Second)
	defer cancel()
	for {
		st := ts.job(id)
		if st.State == "done" || st.State == "failed" || st.State == "cancelled" {
			return st
		}
		select {
		case <-ctx.Done():
			ts.t.Fatalf("job %s still %s after a minute", id, st.State)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// start posts a job and returns its id, failing unless it started.
func (ts *testServer) start(path string, body any) string {
	ts.t.Helper()
	code, out := ts.post(path, body)
	if code != http.StatusAccepted {
		ts.t.Fatalf("POST %s: %d %v", path, code, out)
	}
	return out["job"].(string)
}

// run is a run of the built-in baseline with changes.
func run(changes ...string) map[string]any {
	var cs []map[string]string
	for _, c := range changes {
		path, value, _ := strings.Cut(c, "=")
		cs = append(cs, map[string]string{"path": path, "value": value})
	}
	return map[string]any{"source": "builtin:baseline", "changes": cs}
}
