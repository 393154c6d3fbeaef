package reports_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/internal/browsertest"
	"cordon/lang"
	"cordon/reports"
	"cordon/scenarios"
)

var browserShots = flag.String("browser-shots", "",
	"write screenshots to the folder `dir`: the first screen (PNG) and the whole page (JPEG) of the run, compare, plan and replay pages, and the English and Chinese run reports; a relative path is from reports/")

// pagesTimeout bounds the pages' test: the runs, the plan, the replay with
// what would have helped, the reports, the browser and four pages.
const pagesTimeout = 4 * time.Minute

// TestPagesInBrowser opens the report of a run, a comparison, a plan and
// a review in headless Chromium: each passes openReport's checks, shows
// its answer first, and sorts a table by a click on its head and filters
// it by what is typed in its box.
func TestPagesInBrowser(t *testing.T) {
	exe := browsertest.Find(t)
	ctx, cancel := context.WithTimeout(t.Context(), pagesTimeout)
	defer cancel()
	shots := *browserShots
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]reports.Report{
		"run":     runPageReport(t, ctx),
		"compare": reports.ComparisonReport(pagesComparison(t, ctx)),
		"plan":    reports.PlanReport(plannerFixture(t, plannerPlan), nil),
		"replay":  reports.ReviewReport(helpedReview(t, ctx), reports.ReviewSources{Arrivals: "arrivals.csv", Change: "gate.shelves=10"}),
	}
	// What each page shows first, after its header and warnings: the
	// section's id or its title.
	first := map[string][]string{
		"run":     {"targets", "Headline KPIs"},
		"compare": {"differences"},
		"plan":    {"Changes", "targets"},
		"replay":  {"What would have helped on the day", "What the change would have done on the day: gate.shelves=10"},
	}
	browserCtx := browsertest.Start(t, ctx, exe)
	for _, name := range []string{"run", "compare", "plan", "replay"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			if err := pages[name].Write(ctx, reports.Dest{Dir: dir}); err != nil {
				t.Fatal(err)
			}
			tab, sections := openShot(t, browserCtx, dir, filepath.Join(shots, name))
			if len(sections) < len(first[name]) || !slices.Equal(sections[:len(first[name])], first[name]) {
				t.Errorf("the page's sections begin %q, want the answer first: %q", sections[:min(len(sections), 4)], first[name])
			}
			checkFits(t, tab)
			if name == "run" {
				checkSortAndFilter(t, tab)
			}
		})
	}
	t.Run("chinese", func(t *testing.T) {
		cjk, err := reports.CJKFont(reports.CJKFonts(os.Getenv))
		if err != nil {
			t.Skipf("the Chinese pages need a CJK font: %v", err)
		}
		zh := reports.NewWords(lang.New(language.SimplifiedChinese), cjk)
		// What each Chinese page shows first, and a heading it must have.
		want := map[string][]string{
			"compare": {"differences", "差异"},
			"plan":    {"调整方案", "副作用：方案实施后比原场景显著变差的指标（成对比较，共用随机数，95%）"},
			"replay":  {"当天什么措施会有帮助", "时间花在哪里"},
		}
		for _, name := range []string{"compare", "plan", "replay"} {
			t.Run(name, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), name+"-zh")
				if err := pages[name].In(zh).Write(ctx, reports.Dest{Dir: dir}); err != nil {
					t.Fatal(err)
				}
				tab, sections := openShot(t, browserCtx, dir, filepath.Join(shots, name+"-zh"))
				if len(sections) == 0 || sections[0] != want[name][0] {
					t.Errorf("the Chinese page's sections begin %q, want %q first", sections[:min(len(sections), 3)], want[name][0])
				}
				headings, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("h2")].map(h => h.textContent.trim())`))
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(headings, want[name][1]) {
					t.Errorf("the Chinese page has no heading %q: %q", want[name][1], headings)
				}
				lang, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.documentElement.lang`))
				if err != nil || lang != "zh-CN" {
					t.Errorf("the Chinese page's lang is %q (%v)", lang, err)
				}
				// Its plots were drawn in Chinese: the figures' titles.
				titles, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure img")].map(i => i.alt)`))
				if err != nil {
					t.Fatal(err)
				}
				if len(titles) == 0 || !strings.ContainsFunc(titles[0], func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
					t.Errorf("the Chinese page's first figure is titled %q, not in Chinese", titles[:min(len(titles), 1)])
				}
				checkFits(t, tab)
			})
		}
	})
	t.Logf("screenshots in %s", shots)
}

// openShot opens the report in dir in a new tab of the browser, writes
// its screenshots (the whole page as stem-full.jpg, the window as
// stem.png), and returns the tab and the headings of its sections in
// order. The tab closes with the test.
func openShot(t *testing.T, browserCtx context.Context, dir, stem string) (context.Context, []string) {
	t.Helper()
	got := openReport(t, browserCtx, dir)
	if err := os.WriteFile(stem+"-full.jpg", got.Shot, 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL(t, dir))); err != nil {
		t.Fatal(err)
	}
	top, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stem+".png", top, 0o644); err != nil {
		t.Fatal(err)
	}
	sections, err := chromedp.Run(tab, chromedp.Evaluate[[]string](sectionsJS))
	if err != nil {
		t.Fatal(err)
	}
	return tab, sections
}

// checkFits checks that the page fits the window's width (1280 px): a
// table wider than its section scrolls inside the section, and the page
// itself never scrolls sideways.
func checkFits(t *testing.T, tab context.Context) {
	t.Helper()
	wide, err := chromedp.Run(tab, chromedp.Evaluate[[]string](fitsJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range wide {
		t.Errorf("wider than the window: %s", w)
	}
}

// fitsJS lists what makes the page wider than the window: the page
// itself, and each section that is wider than the window or whose
// content is wider than it without scrolling inside it.
const fitsJS = `(() => {
	const out = [], w = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > w) out.push("the page: " + document.documentElement.scrollWidth + " px in a window of " + w + " px");
	for (const s of document.querySelectorAll("main > section")) {
		const name = s.id || s.querySelector("h2").textContent.trim();
		const r = s.getBoundingClientRect();
		if (r.right > w) out.push("section " + name + " ends at " + Math.round(r.right) + " px");
		const scrolls = ["auto", "scroll"].includes(getComputedStyle(s).overflowX);
		if (s.scrollWidth > s.clientWidth && !scrolls) out.push("section " + name + ": content " + s.scrollWidth + " px in " + s.clientWidth + " px, not scrolling");
	}
	return out;
})()`

// sectionsJS lists the page's sections but its warnings, in order: each
// by its id, or by its heading when it has none.
const sectionsJS = `[...document.querySelectorAll("main > section")].filter(s => s.id !== "warnings").map(s => s.id || s.querySelector("h2").textContent.trim())`

// checkSortAndFilter clicks the heads of the KPIs table and of the
// bottlenecks table and checks the rows' order, then types in the KPIs
// table's box and checks the rows shown.
func checkSortAndFilter(t *testing.T, tab context.Context) {
	t.Helper()
	column := func(table string, col int) []string {
		js := `[...document.querySelector(` + strconv.Quote(table) + `).rows].slice(1).filter(r => !r.hidden).map(r => r.cells[` + strconv.Itoa(col) + `].textContent.trim())`
		cells, err := chromedp.Run(tab, chromedp.Evaluate[[]string](js))
		if err != nil {
			t.Fatal(err)
		}
		return cells
	}
	click := func(sel string) {
		if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
			t.Fatalf("clicking %s: %v", sel, err)
		}
	}
	const kpis = `section[data-title="KPIs"] table`
	all := column(kpis, 0)
	if len(all) < 50 {
		t.Fatalf("the KPIs table has %d rows: the test would prove little", len(all))
	}
	click(kpis + ` th:nth-child(1)`)
	up := column(kpis, 0)
	if !slices.IsSorted(up) || len(up) != len(all) {
		t.Errorf("after a click on its KPI head the table is not in order of name: %q…", up[:5])
	}
	click(kpis + ` th:nth-child(1)`)
	down := column(kpis, 0)
	slices.Reverse(down)
	if !slices.Equal(down, up) {
		t.Errorf("a second click does not reverse the order: %q…", down[:5])
	}

	const posts = `#bottlenecks table`
	click(posts + ` th:nth-child(8)`) // utilisation
	shares := column(posts, 7)
	var values []float64
	for _, s := range shares {
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		if err != nil {
			continue // not measured
		}
		values = append(values, v)
	}
	if len(values) < 5 || !slices.IsSorted(values) {
		t.Errorf("after a click on utilisation the posts are not in order of it, as numbers: %q", shares)
	}

	const box = `section[data-title="KPIs"] input.filter`
	if err := chromedp.Do(tab, chromedp.SendKeys(chromedp.CSS(box), "door_time")); err != nil {
		t.Fatal(err)
	}
	shown := column(kpis, 5) // the name for --target, beside the label
	if len(shown) == 0 || len(shown) >= len(all) {
		t.Errorf("typing door_time shows %d of %d rows", len(shown), len(all))
	}
	for _, k := range shown {
		if !strings.Contains(k, "door_time") {
			t.Errorf("typing door_time still shows %q", k)
		}
	}
}

// pageURL is the file: URL of a report's page.
func pageURL(t *testing.T, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// runPageReport is the baseline's report over three replications with a
// target on it.
func runPageReport(t *testing.T, ctx context.Context) reports.Report {
	t.Helper()
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	o, err := experiment.Run(ctx, sc, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	target, err := compound.ParseTarget("takeout.door_time.p95 <= 45m")
	if err != nil {
		t.Fatal(err)
	}
	targets, err := experiment.CheckTargets(o, []compound.Target{target})
	if err != nil {
		t.Fatal(err)
	}
	return reports.RunReport(o, targets, nil)
}

// pagesComparison is baseline against day-one over three replications.
func pagesComparison(t *testing.T, ctx context.Context) *experiment.Comparison {
	t.Helper()
	var scs []*compound.Scenario
	for _, n := range []string{"baseline", "day-one"} {
		sc, err := scenarios.Resolve(n)
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	c, err := experiment.Compare(ctx, scs, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// helpedReview is day-one's log (replication 0) replayed through day-one
// over three replications, with ten shelves at the gate as the change and
// what would have helped ranked.
func helpedReview(t *testing.T, ctx context.Context) *experiment.Review {
	t.Helper()
	sc := dayOne(t)
	log, _, err := experiment.RecordLog(ctx, sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	roomy := dayOne(t, scenarios.Override{Path: "gate.shelves", Value: "10"})
	r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, nil, experiment.ObservedOf(log),
		experiment.ReviewAsk{Helped: true, Change: &experiment.DayChange{Scenario: roomy}}, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
