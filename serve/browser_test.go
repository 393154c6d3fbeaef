package serve_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cordon/scenarios"
	"cordon/serve"
)

// TestPlannerInBrowser drives the pages as a planner would, in headless
// Chromium: opens the baseline, changes the suited crew's day shift from
// 4 to 6, runs it and waits for the result, sees the takeout door time
// fall against the baseline in a comparison, opens the report, switches
// to Chinese, saves the scenario as a file and checks it validates; then,
// in Chinese, plans and replays a logged day. No page may log an error,
// throw, open a dialog or fetch anything from elsewhere. With -serve-shots
// DIR it writes a screenshot of every page into DIR; with -serve-docs,
// the README's (docs/serve-editor.png).
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
	// over 10 replications: few enough to keep the test short, enough for
	// the fall of the mean takeout door time (about a minute, paired) to
	// stand out of the noise (over 3 its 95th percentile rises as often).
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
	tb.typeInto(`input[data-path="replications"]`, "10")
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

	// Compare with the baseline: the takeout door time falls. The side by
	// side table shows the 95th percentile; the paired differences that
	// matter show the fall (over 10 replications the mean and the 90th
	// percentile fall by one to three minutes, beyond chance).
	tb.do("comparing with the baseline", chromedp.Click(`#compare-form button[type="submit"]`))
	tb.waitFor("the comparison", `document.body.dataset.page === "run" && !!document.getElementById("side")`)
	means := value[[]string](tb, `[...document.querySelectorAll('#side tr[data-kpi="takeout.door_time.p95"] td.num')].map(td => td.textContent)`)
	names := value[[]string](tb, `[...document.querySelectorAll('#side th.num')].map(th => th.textContent)`)
	if len(means) != 2 || len(names) != 2 || names[0] != "baseline" {
		t.Fatalf("the comparison shows %q for %q, want the baseline's and the run's takeout door time", means, names)
	}
	verdicts := value[[]string](tb, `[...document.querySelectorAll('#differences tr[data-kpi^="takeout.door_time."]')].map(tr => tr.dataset.kpi + " " + tr.dataset.verdict)`)
	fell := false
	for _, v := range verdicts {
		fell = fell || strings.HasSuffix(v, " better")
		if strings.HasSuffix(v, " worse") {
			t.Errorf("the comparison finds the takeout door time worse with 6 suited workers by day: %s", v)
		}
	}
	if !fell {
		t.Errorf("the differences that matter show no fall of the takeout door time with 6 suited workers by day: %q", verdicts)
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
	// In Chinese, a problem beside its value reads as cordon run --lang
	// zh-CN prints it.
	tb.typeInto(`input[data-path="gate.shelves"]`, "-3")
	tb.waitFor("the error beside gate.shelves in Chinese", `document.querySelector('.err[data-for="gate.shelves"]').textContent.includes("gate.shelves: 不能为负数，实际为-3")`)
	tb.do("scrolling to the gate", chromedp.ScrollIntoView(`input[data-path="gate.shelves"]`))
	tb.shot("08-editor-error-zh", false)
	tb.check("the error in Chinese")
	saved := filepath.Join(dir, "six-suited.yaml")
	sc, err := scenarios.LoadFile(saved)
	if err != nil {
		t.Fatalf("the saved scenario does not validate: %v", err)
	}
	if got := sc.Staff[1].Shifts[0].Count; sc.Name != "six-suited" || got != 6 || sc.Replications != 10 {
		t.Errorf("the saved scenario is %q with %d suited workers by day over %d replications, want six-suited, 6, 10", sc.Name, got, sc.Replications)
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
	// Its tables are wide (an hour's row has twelve figures): they scroll
	// inside their boxes, and the page fits the window (1280 px).
	if got := value[string](tb, pageWiderJS); got != "" {
		t.Errorf("the replay's page is wider than the window: %s", got)
	}

	// The history, and the comparison page.
	tb.open("/runs", "#runs-form")
	if got := value[int](tb, `document.querySelectorAll('#runs-form input[name="run"]').length`); got != 4 {
		t.Errorf("the history lists %d results, want 4 (run, comparison, plan, replay)", got)
	}
	tb.shot("14-history", true)
	tb.open("/compare?s=builtin:baseline&s=file:six-suited.yaml", "#compare-page")
	tb.shot("15-compare-form", true)
	tb.check("history")

	// A long run shows its progress live and stops at the cancel button,
	// leaving nothing in the history.
	tb.open("/edit?s=builtin:baseline", "#toolbar")
	tb.typeInto(`input[data-path="replications"]`, "100000")
	tb.waitFor("the check of the change", `document.getElementById("status").textContent.includes("有效")`)
	tb.do("running long", chromedp.Click(`#run`))
	tb.waitFor("the run's progress", `document.body.dataset.page === "job" && /[1-9]\d*\D+\d+/.test(document.getElementById("job-count").textContent)`)
	tb.shot("16-progress", false)
	tb.do("cancelling", chromedp.Click(`#job-cancel`))
	tb.waitFor("the run cancelled", `document.getElementById("job-state").textContent === "已取消" && document.getElementById("job-cancel").hidden`)
	// Nothing goes on once it is cancelled: the page no longer says the
	// work continues if one leaves it.
	if !value[bool](tb, `document.getElementById("job-note").hidden`) {
		t.Error("the cancelled run's page still says its work goes on")
	}
	tb.shot("17-cancelled", false)
	tb.check("cancel")
	tb.open("/runs", "#runs-form")
	if got := value[int](tb, `document.querySelectorAll('#runs-form input[name="run"]').length`); got != 4 {
		t.Errorf("the history lists %d results after the cancelled run, want 4", got)
	}
}

// pageWiderJS says what makes the page wider than the window, or "" when
// it fits: the page itself, or a box whose content is wider than it and
// does not scroll inside it.
const pageWiderJS = `(() => {
	const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
	if (sw > w) return "the page is " + sw + " px in a window of " + w + " px";
	for (const s of document.querySelectorAll("section.box")) {
		if (s.scrollWidth > s.clientWidth && !["auto", "scroll"].includes(getComputedStyle(s).overflowX)) return "a box's content is " + s.scrollWidth + " px in " + s.clientWidth + " px";
	}
	return "";
})()`
