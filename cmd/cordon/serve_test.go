package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// servedCordon is `cordon serve` running as a process, and a client of
// its pages.
type servedCordon struct {
	t    *testing.T
	cmd  *exec.Cmd
	url  string
	http *http.Client
	csrf string
	errw *bytes.Buffer // what it printed, whole once read is closed
	read chan struct{}
	dir  string
}

// startServe starts `cordon serve` on a free port with the workspace ws
// in dir, and reads the address it prints.
func startServe(t *testing.T, dir string, args ...string) *servedCordon {
	t.Helper()
	cmd := cordonCommand(t, dir, append([]string{"serve", "--addr", "127.0.0.1:0", "--dir", "ws"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &servedCordon{t: t, cmd: cmd, errw: &bytes.Buffer{}, read: make(chan struct{}), dir: dir}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	r := bufio.NewReader(stderr)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("cordon serve printed %q: %v", line, err)
	}
	s.errw.WriteString(line)
	m := regexp.MustCompile(`open (http://\S+/) in a browser`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("cordon serve printed %q, want the address to open", line)
	}
	go func() {
		_, _ = io.Copy(s.errw, r) // to the end: the process has closed its stderr
		close(s.read)
	}()
	jar, _ := cookiejar.New(nil)
	s.url, s.http = strings.TrimSuffix(m[1], "/"), &http.Client{Jar: jar}
	res, err := s.http.Get(s.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	csrf := regexp.MustCompile(`name="csrf-token" content="([0-9a-f]+)"`).FindSubmatch(page)
	if csrf == nil {
		t.Fatalf("the scenarios page has no CSRF token")
	}
	s.csrf = string(csrf[1])
	return s
}

// post sends a request as the pages do.
func (s *servedCordon) post(path string, body any) (int, map[string]any) {
	s.t.Helper()
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, s.url+path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", s.url)
	req.Header.Set("X-CSRF-Token", s.csrf)
	res, err := s.http.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// job reads a job's state.
func (s *servedCordon) job(id string) map[string]any {
	s.t.Helper()
	res, err := s.http.Get(s.url + "/api/jobs/" + id)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return out
}

// until waits for a job to reach a state (or end otherwise).
func (s *servedCordon) until(id, state string) map[string]any {
	s.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		st := s.job(id)
		switch st["state"] {
		case state, "done", "failed", "cancelled":
			return st
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("job %s still %v after a minute", id, st["state"])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// start starts a job and returns its id.
func (s *servedCordon) start(path string, body any) string {
	s.t.Helper()
	code, out := s.post(path, body)
	if code != http.StatusAccepted {
		s.t.Fatalf("POST %s: %d %v", path, code, out)
	}
	return out["job"].(string)
}

// TestServeWritesWhatTheCommandsPrint: a run from the pages writes the
// same results.json that `cordon run --json` prints for the same scenario,
// seed and replications, byte for byte, in a report folder the same as the
// one cordon run writes, file for file; and a comparison the same
// comparison.json that `cordon compare --json` prints.
func TestServeWritesWhatTheCommandsPrint(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon serve and runs scenarios")
	}
	dir := t.TempDir()
	s := startServe(t, dir)
	change := func(path, value string) map[string]string { return map[string]string{"path": path, "value": value} }
	st := s.until(s.start("/api/run", map[string]any{"source": "builtin:baseline",
		"changes": []map[string]string{change("seed", "7"), change("replications", "3"), change("gate.shelves", "5")}}), "done")
	if st["state"] != "done" {
		t.Fatalf("the run ended %v: %v", st["state"], st["error"])
	}
	served, err := os.ReadFile(filepath.Join(dir, "ws", "runs", st["run"].(string), "report", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errw bytes.Buffer
	if code := mainIn(t, t.TempDir(), []string{"run", "baseline", "--seed", "7", "--reps", "3", "--set", "gate.shelves=5", "--json", "--no-report"}, nil, &out, &errw); code != 0 {
		t.Fatalf("cordon run: exit %d: %s", code, errw.String())
	}
	if len(served) == 0 || !bytes.Equal(served, out.Bytes()) {
		t.Errorf("results.json of the served run (%d bytes) differs from cordon run --json (%d bytes)", len(served), out.Len())
	}
	cli := t.TempDir()
	out.Reset()
	if code := mainIn(t, cli, []string{"run", "baseline", "--seed", "7", "--reps", "3", "--set", "gate.shelves=5", "--out", "report"}, nil, &out, &errw); code != 0 {
		t.Fatalf("cordon run --out: exit %d: %s", code, errw.String())
	}
	sameFolder(t, filepath.Join(cli, "report"), filepath.Join(dir, "ws", "runs", st["run"].(string), "report"))

	st = s.until(s.start("/api/compare", map[string]any{"reps": 3,
		"scenarios": []map[string]any{{"source": "builtin:baseline"}, {"source": "builtin:more-suited-crew"}}}), "done")
	if st["state"] != "done" {
		t.Fatalf("the comparison ended %v: %v", st["state"], st["error"])
	}
	served, err = os.ReadFile(filepath.Join(dir, "ws", "runs", st["run"].(string), "report", "comparison.json"))
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := mainIn(t, t.TempDir(), []string{"compare", "baseline", "more-suited-crew", "--reps", "3", "--json"}, nil, &out, &errw); code != 0 {
		t.Fatalf("cordon compare: exit %d: %s", code, errw.String())
	}
	if len(served) == 0 || !bytes.Equal(served, out.Bytes()) {
		t.Errorf("comparison.json of the served comparison (%d bytes) differs from cordon compare --json (%d bytes)", len(served), out.Len())
	}
}

// TestServeStopsOnInterrupt: Ctrl-C stops the server and cancels the run
// in progress; it exits 0, saying so, and the workspace holds no part of
// the run.
func TestServeStopsOnInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon serve and waits for it")
	}
	dir := t.TempDir()
	s := startServe(t, dir, "--jobs", "1")
	long := map[string]any{"source": "builtin:baseline", "changes": []map[string]string{{"path": "replications", "value": "100000"}}}
	id := s.start("/api/run", long)
	queued := s.start("/api/run", long)
	if st := s.until(id, "running"); st["state"] != "running" {
		t.Fatalf("the run is %v, want running", st["state"])
	}
	if st := s.job(queued); st["state"] != "queued" {
		t.Errorf("the second run is %v, want queued behind the first (--jobs 1)", st["state"])
	}
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.read: // stderr read to its end before Wait closes it
	case <-time.After(hangLimit):
		t.Fatalf("still running %v after Ctrl-C", hangLimit)
	}
	if err := waitOrKill(t, s.cmd); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("exit %d after Ctrl-C, want 0; stderr:\n%s", ee.ExitCode(), s.errw.String())
		}
		t.Fatal(err)
	}
	if msg := s.errw.String(); !strings.Contains(msg, "cordon serve: stopped") {
		t.Errorf("stderr %q does not say it stopped", msg)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "ws", "runs"))
	for _, e := range entries {
		t.Errorf("runs/ holds %s after the interrupted run", e.Name())
	}
}

// TestServeOffLoopbackNeedsToken: on an address other than loopback,
// cordon serve generates a token when none is given, prints it in the
// address to open and says why, and refuses every request without it; a
// token it could not put in an address is bad input.
func TestServeOffLoopbackNeedsToken(t *testing.T) {
	if testing.Short() {
		t.Skip("starts cordon serve and waits for it")
	}
	var out, errw bytes.Buffer
	if code := mainIn(t, t.TempDir(), []string{"serve", "--addr", "127.0.0.1:0", "--token", "a b"}, nil, &out, &errw); code != 2 || !strings.Contains(errw.String(), "--token") {
		t.Errorf("--token 'a b': exit %d, %q; want 2 and a line about --token", code, errw.String())
	}
	dir := t.TempDir()
	cmd := cordonCommand(t, dir, "serve", "--addr", "0.0.0.0:0", "--dir", "ws")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	r := bufio.NewReader(stderr)
	first, _ := r.ReadString('\n')
	second, _ := r.ReadString('\n')
	m := regexp.MustCompile(`open http://THIS-MACHINE:(\d+)/\?token=([0-9a-f]{32}) in a browser`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("cordon serve --addr 0.0.0.0:0 printed %q, want the address with a generated token", first)
	}
	if !strings.Contains(second, "not a loopback address") {
		t.Errorf("its second line %q does not say why a token is needed", second)
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	base := "http://127.0.0.1:" + m[1]
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]int{"/": http.StatusUnauthorized, "/?token=" + strings.Repeat("0", 32): http.StatusUnauthorized,
		"/?token=" + m[2]: http.StatusSeeOther} {
		res, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := waitOrKill(t, cmd); err != nil {
		t.Errorf("after Ctrl-C: %v, want exit 0", err)
	}
}

// sameFolder fails the test unless the folder got holds the same files
// as want, byte for byte.
func sameFolder(t *testing.T, want, got string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(want, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, path)
		w, _ := os.ReadFile(path)
		g, err := os.ReadFile(filepath.Join(got, rel))
		if err != nil || !bytes.Equal(w, g) {
			t.Errorf("%s of the served report differs from cordon's (%d bytes, want %d): %v", rel, len(g), len(w), err)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := countFiles(t, got); n != files {
		t.Errorf("the served report holds %d files, cordon's %d", n, files)
	}
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
