package serve_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"cordon/scenarios"
	"cordon/serve"
)

var (
	shots = flag.String("serve-shots", "",
		"write a PNG screenshot of every page the browser test opens into `DIR` (made when missing; a relative path is from serve/)")
	docShots = flag.Bool("serve-docs", false,
		"write the README's screenshot of the editor, docs/serve-editor.png, from the browser test")
)

// docShot is the README's screenshot, from serve/.
const docShot = "../docs/serve-editor.png"

// defaultBrowser is where Debian's chromium package puts the browser;
// CORDON_BROWSER names another binary.
const defaultBrowser = "/usr/bin/chromium"

// browserTimeout bounds the whole browser test.
const browserTimeout = 90 * time.Second

// findBrowser returns the browser to drive, or skips the test when there
// is none.
func findBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CORDON_BROWSER"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CORDON_BROWSER=%s: %v", p, err)
		}
		return p
	}
	if _, err := os.Stat(defaultBrowser); err != nil {
		t.Skip("chromium not found at /usr/bin/chromium: install Debian's chromium package to run the browser test (.ci/run does)")
	}
	return defaultBrowser
}

// tab is a browser tab on the server, which records what would be wrong
// on any page: console errors, uncaught exceptions, dialogs, and fetches
// from anywhere but the server.
type tab struct {
	t      *testing.T
	ctx    context.Context
	origin string
	shots  string
	docs   bool

	mu       sync.Mutex
	problems []string
}

// startBrowser starts headless Chromium with the flags this closed
// network needs, and opens a tab on the server at origin.
func startBrowser(t *testing.T, ctx context.Context, origin string) *tab {
	exe := findBrowser(t)
	var out lockedBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// Without these the browser reaches for the network at every start.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&out),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v\nbrowser output:\n%s", exe, err, out.String())
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser output:\n%s", out.String())
		}
	})
	tb := &tab{t: t, ctx: browserCtx, origin: origin, shots: *shots, docs: *docShots}
	if tb.shots != "" {
		if err := os.MkdirAll(tb.shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	err := chromedp.Listen(browserCtx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				tb.problems = append(tb.problems, fmt.Sprintf("console.%s", ev.Type))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		case *cdplog.EventEntryAdded:
			if e := ev.Entry; e.Level == cdplog.EntryLevelError {
				tb.problems = append(tb.problems, fmt.Sprintf("browser log error (%s): %s %s", e.Source, e.Text, e.URL))
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") {
				tb.problems = append(tb.problems, "fetched "+u)
			}
		case *page.EventJavascriptDialogOpening:
			tb.problems = append(tb.problems, fmt.Sprintf("%s dialog: %q", ev.Type, ev.Message))
			go chromedp.Call(browserCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// check fails the test for any problem recorded so far.
func (tb *tab) check(where string) {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		tb.t.Errorf("%s: %s", where, p)
	}
	tb.problems = nil
}

// do runs actions in the tab, failing the test on an error.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open opens a page of the server and waits for it to show sel.
func (tb *tab) open(path, sel string) {
	tb.t.Helper()
	tb.do("opening "+path, chromedp.Navigate(tb.origin+path), chromedp.WaitVisible(sel))
}

// typeInto replaces the text of an input with text, typed key by key as a
// person would.
func (tb *tab) typeInto(sel, text string) {
	tb.t.Helper()
	tb.do("typing into "+sel, chromedp.ScrollIntoView(sel), chromedp.Focus(sel))
	value[bool](tb, `(() => { const el = document.querySelector(`+strconv.Quote(sel)+`); el.select(); return true; })()`)
	tb.do("typing into "+sel, chromedp.SendKeys(sel, text))
}

// value evaluates a JavaScript expression in the page.
func value[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is true in the page,
// through the navigations on the way (a page that moves on to the next
// one by itself).
func (tb *tab) waitFor(what, expr string) {
	tb.t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+expr+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || tb.ctx.Err() != nil {
			page, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.href + " " + (document.body?.innerText ?? "").slice(0, 800)`))
			tb.t.Fatalf("waiting for %s: %v (page: %s)", what, err, page)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shot writes a screenshot of the page, the whole of it or the window
// only, to the shots folder as NAME.png.
func (tb *tab) shot(name string, whole bool) {
	tb.t.Helper()
	if tb.shots == "" {
		return
	}
	tb.writeShot(filepath.Join(tb.shots, name+".png"), whole)
}

// writeShot writes a screenshot of the page to file.
func (tb *tab) writeShot(file string, whole bool) {
	tb.t.Helper()
	action := chromedp.CaptureScreenshot()
	if whole {
		action = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(tb.ctx, action)
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", file, err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// TestPlannerInBrowser drives the pages as a planner would, in headless
// Chromium: opens the baseline, changes the suited crew's day shift from
// 4 to 6, runs it and waits for the result, sees the takeout door time
// fall against the baseline in a comparison, opens the report, switches
// to Chinese, saves the scenario as a file and checks it validates; then,
// in Chinese, plans and replays a logged day. With -serve-shots DIR it
// writes a screenshot of every page into DIR; with -serve-docs, the
// README's (docs/serve-editor.png). No page may log an error, throw, open a dialog or fetch
// anything from elsewhere.
func TestPlannerInBrowser(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	defer cancel()
	dir := t.TempDir()
	srv, err := serve.New(ctx, serve.Options{Dir: dir, Addr: "127.0.0.1:0", Jobs: 2, MarginalReps: 3})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer srv.Close()
	defer hs.Close()
	tb := startBrowser(t, ctx, hs.URL)

	// The scenarios.
	tb.open("/", "#builtin")
	if got := value[int](tb, `document.querySelectorAll("#builtin tr").length - 1`); got != len(scenarios.Builtins()) {
		t.Errorf("the scenarios page lists %d built-in scenarios, want %d", got, len(scenarios.Builtins()))
	}
	tb.shot("01-scenarios", true)
	tb.check("scenarios page")

	// A scenario file whose text is markup shows it as text, and runs
	// nothing (the tab fails the test on any dialog).
	if err := os.WriteFile(filepath.Join(dir, "hostile.yaml"), hostileScenario(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.open("/edit?s=file:hostile.yaml", "#toolbar")
	if got := value[string](tb, `document.querySelector("h1").textContent`); got != hostile {
		t.Errorf("the hostile scenario's heading reads %q, want its name as text", got)
	}
	tb.open("/", "#files")
	tb.check("hostile text")
	if err := os.Remove(filepath.Join(dir, "hostile.yaml")); err != nil {
		t.Fatal(err)
	}

	// The editor: a bad value is shown beside its field as cordon
	// validate says it; then the suited crew's day shift goes from 4 to 6,
	// over 3 replications to keep the test short.
	tb.do("opening the baseline", chromedp.Click(`#builtin a[href="/edit?s=builtin%3abaseline"]`), chromedp.WaitVisible(`#toolbar`))
	const shift = `input[data-path="staff.suited-crew.shifts[0].count"]`
	if got := value[string](tb, `document.querySelector('`+shift+`').value`); got != "4" {
		t.Fatalf("the suited crew's day shift shows %q, want 4", got)
	}
	tb.typeInto(`input[data-path="gate.shelves"]`, "-3")
	tb.waitFor("the error beside gate.shelves", `document.querySelector('.err[data-for="gate.shelves"]').textContent.includes("must not be negative")`)
	if got := value[string](tb, `document.querySelector('.err[data-for="gate.shelves"]').textContent`); !strings.Contains(got, "--set gate.shelves=-3: gate.shelves:") {
		t.Errorf("the error beside gate.shelves reads %q, want cordon validate's line", got)
	}
	tb.do("scrolling to the gate", chromedp.ScrollIntoView(`input[data-path="gate.shelves"]`))
	tb.shot("02-editor-error", false)
	tb.typeInto(`input[data-path="gate.shelves"]`, "8")
	tb.typeInto(shift, "6")
	tb.typeInto(`input[data-path="replications"]`, "3")
	tb.waitFor("the check of the changes", `document.getElementById("status").textContent.includes("valid") && document.getElementById("status").textContent.includes("2")`)
	tb.do("scrolling to the crews", chromedp.ScrollIntoView(shift))
	tb.shot("03-editor", false)
	if tb.docs {
		tb.writeShot(docShot, false)
	}
	tb.check("editor")

	// Run, with live progress, and the result.
	tb.do("running", chromedp.Click(`#run`))
	tb.waitFor("the result", `document.body.dataset.page === "run" && !!document.getElementById("kpis")`)
	tb.shot("04-result", true)
	tb.check("run")
	runURL := value[string](tb, `location.pathname`)

	// Compare with the baseline: the takeout door time falls.
	tb.do("comparing with the baseline", chromedp.Click(`#compare-form button[type="submit"]`))
	tb.waitFor("the comparison", `document.body.dataset.page === "run" && !!document.getElementById("side")`)
	means := value[[]string](tb, `[...document.querySelectorAll('#side tr[data-kpi="takeout.door_time.p95"] td.num')].map(td => td.textContent)`)
	names := value[[]string](tb, `[...document.querySelectorAll('#side th.num')].map(th => th.textContent)`)
	if len(means) != 2 || len(names) != 2 || names[0] != "baseline" {
		t.Fatalf("the comparison shows %q for %q, want the baseline's and the run's takeout door time", means, names)
	}
	base, six := seconds(t, means[0]), seconds(t, means[1])
	if !(six < base) {
		t.Errorf("takeout door time, 95th percentile: %s with 6 suited workers by day, %s in the baseline: want it to fall", means[1], means[0])
	}
	if v := value[string](tb, `document.querySelector('#differences tr[data-kpi="takeout.door_time.p95"]')?.dataset.verdict ?? ""`); v == "worse" {
		t.Errorf("the comparison's verdict on takeout.door_time.p95 is %q", v)
	}
	// Among the differences that matter is the change itself: more
	// staff-hours of the suited crew.
	if v := value[string](tb, `document.querySelector('#differences tr[data-kpi="staff.suited-crew.hours"]')?.dataset.verdict ?? ""`); v != "worse" {
		t.Errorf("the comparison's verdict on the suited crew's staff-hours is %q, want worse (they are the change's cost)", v)
	}
	tb.shot("05-comparison", true)
	tb.check("comparison")

	// The full report of the run, as cordon run writes it.
	tb.open(runURL, "#open-report")
	tb.do("opening the report", chromedp.Click(`#open-report`), chromedp.WaitVisible(`#targets`))
	tb.shot("06-report", false)
	tb.check("report")

	// Switch to Chinese on the run's page: the pages, and the answers to
	// them, are in Chinese from then on.
	tb.open(runURL, "#open-report")
	tb.do("switching to Chinese", chromedp.Click(`nav.langs a[hreflang="zh-CN"]`))
	tb.waitFor("the run's page in Chinese", `document.documentElement.lang === "zh-CN" && !!document.getElementById("open-report")`)
	if got := value[string](tb, `document.querySelector("header nav a").textContent + " " + document.getElementById("open-report").textContent`); got != "场景 打开完整报告" {
		t.Errorf("the run's page in Chinese reads %q, want 场景 打开完整报告", got)
	}
	tb.shot("07-result-zh", true)
	tb.check("Chinese")

	// Save the scenario as run under a name of its own: it validates and
	// runs as it is.
	tb.do("reopening the scenario", chromedp.Click(`a[href^="/edit?s=run"]`), chromedp.WaitVisible(`#toolbar`))
	if got := value[string](tb, `document.documentElement.lang + " " + document.getElementById("run").textContent`); got != "zh-CN 运行" {
		t.Errorf("the editor reads %q after switching to Chinese, want zh-CN 运行", got)
	}
	tb.do("saving", chromedp.SendKeys(`#saveas-name`, "six-suited.yaml"), chromedp.Click(`#saveas`))
	tb.waitFor("the saved file's editor", `location.search.includes("file%3Asix-suited.yaml") && document.getElementById("status").textContent.includes("已保存为 six-suited.yaml")`)
	tb.do("scrolling to the crews", chromedp.ScrollIntoView(shift))
	tb.shot("08-editor-zh", false)
	tb.check("saving")
	saved := filepath.Join(dir, "six-suited.yaml")
	sc, err := scenarios.LoadFile(saved)
	if err != nil {
		t.Fatalf("the saved scenario does not validate: %v", err)
	}
	if got := sc.Staff[1].Shifts[0].Count; sc.Name != "six-suited" || got != 6 || sc.Replications != 3 {
		t.Errorf("the saved scenario is %q with %d suited workers by day over %d replications, want six-suited, 6, 3", sc.Name, got, sc.Replications)
	}
	data, _ := os.ReadFile(saved)
	for _, want := range []string{`# The "big whites"`, "count: 6}", "# changed by cordon serve", "$schema=scenario.schema.json"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the saved file lacks %q: comments and marks should be kept", want)
		}
	}

	// Plan against a target, and replay a logged day.
	tb.open("/plan", "#plan-page")
	tb.do("asking for a plan",
		chromedp.SendKeys(`#plan-page textarea[name="targets"]`, "sampling.queue.peak <= 80"),
		chromedp.Click(`#plan-page input[name="only_given"]`),
		chromedp.Click(`#plan-page input[name="sensitivity"]`),
	)
	tb.typeInto(`#plan-page input[name="reps"]`, "3")
	tb.typeInto(`#plan-page input[name="confirm"]`, "6")
	tb.shot("09-plan-form", true)
	tb.do("planning", chromedp.Click(`#plan-page button[type="submit"]`))
	tb.waitFor("the plan's progress", `document.body.dataset.page === "run" || /\d+\D+\d+/.test(document.getElementById("job-count")?.textContent)`)
	if value[string](tb, `document.body.dataset.page`) == "job" {
		tb.shot("10-progress", false)
	}
	tb.waitFor("the plan", `document.body.dataset.page === "run" && !!document.getElementById("plan")`)
	tb.shot("11-plan", true)
	tb.check("plan")

	incident := func(name string) string {
		p, err := filepath.Abs(filepath.Join("..", "scenarios", "incident", name))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tb.open("/replay?s=builtin:day-one", "#replay-page")
	tb.do("uploading the logs",
		chromedp.SetUploadFiles(`#replay-page input[name="arrivals"]`, []string{incident("arrivals.csv")}),
		chromedp.SetUploadFiles(`#replay-page input[name="roster"]`, []string{incident("roster.csv")}),
		chromedp.SetUploadFiles(`#replay-page input[name="observed"]`, []string{incident("observed.csv")}))
	tb.typeInto(`#replay-page input[name="reps"]`, "3")
	tb.shot("12-replay-form", true)
	tb.do("replaying", chromedp.Click(`#replay-page button[type="submit"]`))
	tb.waitFor("the replay", `document.body.dataset.page === "run" && !!document.getElementById("kpis")`)
	if got := value[int](tb, `document.querySelectorAll("#helped tr").length - 1`); got < 1 {
		t.Errorf("the replay lists %d changes that would have helped, want some (the suited crew was short on the logged day)", got)
	}
	tb.shot("13-replay", true)
	tb.check("replay")

	// The history, and the comparison page.
	tb.open("/runs", "#runs-form")
	if got := value[int](tb, `document.querySelectorAll('#runs-form input[name="run"]').length`); got != 4 {
		t.Errorf("the history lists %d results, want 4 (run, comparison, plan, replay)", got)
	}
	tb.shot("14-history", true)
	tb.open("/compare?s=builtin:baseline&s=file:six-suited.yaml", "#compare-page")
	tb.shot("15-compare-form", true)
	tb.check("history")
}

// seconds reads a duration as the pages write it: 58m26s, 1h47s.
func seconds(t *testing.T, s string) float64 {
	t.Helper()
	d, err := time.ParseDuration(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if err != nil {
		t.Fatalf("%q is not a duration: %v", s, err)
	}
	return d.Seconds()
}

// lockedBuffer collects the browser's output, written from another
// goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
