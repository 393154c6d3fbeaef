package reports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/internal/browsertest"
	"cordon/lang"
	"cordon/reports"
	"cordon/scenarios"
)

var browserShot = flag.String("browser-shot", "",
	"also write the browser test's full-page screenshot of the baseline report (JPEG, quality 90) to `path`; a relative path is from reports/")

// browserTimeout bounds the whole browser test: the runs, the reports, the
// browser's start and both pages.
const browserTimeout = 30 * time.Second

// TestReportInBrowser opens run reports in headless Chromium: the page
// loads with no console error, warning, uncaught exception or error in the
// browser's log, fetches nothing but the file itself and data: URLs, shows
// one rendered figure for every plot in plots/, and escapes hostile
// scenario text so that it shows as text and runs nothing.
func TestReportInBrowser(t *testing.T) {
	exe := browsertest.Find(t)
	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	defer cancel()

	browserCtx := browsertest.Start(t, ctx, exe)

	t.Run("baseline", func(t *testing.T) {
		sc, err := scenarios.Resolve("baseline")
		if err != nil {
			t.Fatal(err)
		}
		dir := writeReport(t, ctx, sc)
		got := openReport(t, browserCtx, dir)
		if len(got.Targets) == 0 {
			t.Errorf("the page shows no targets table row, want one for %q", "takeout.door_time.p95 <= 45m")
		}
		for _, row := range got.Targets {
			if !strings.Contains(row, "takeout.door_time.p95") {
				t.Errorf("targets row %q does not name the target's KPI", row)
			}
		}
		if *browserShot != "" {
			if err := os.WriteFile(*browserShot, got.Shot, 0o644); err != nil {
				t.Error(err)
			}
		}
		if got.Lang != "en" {
			t.Errorf("<html lang=%q>, want en", got.Lang)
		}
		saveShot(t, "run-en.jpg", got.Shot)
	})

	// The Chinese report: its headings in Chinese, its lang zh-CN, its
	// figures drawn (in Chinese with the system's CJK font, else in
	// English).
	t.Run("Chinese", func(t *testing.T) {
		sc, err := scenarios.Resolve("baseline")
		if err != nil {
			t.Fatal(err)
		}
		w := reports.NewWords(lang.New(language.SimplifiedChinese), nil)
		if cjk, err := reports.CJKFont(reports.CJKFonts(os.Getenv)); err == nil {
			w = reports.NewWords(lang.New(language.SimplifiedChinese), cjk)
		}
		dir := writeReportIn(t, ctx, sc, w)
		got := openReport(t, browserCtx, dir)
		if got.Lang != "zh-CN" {
			t.Errorf("<html lang=%q>, want zh-CN", got.Lang)
		}
		for _, want := range []string{"目标", "瓶颈", "图表", "指标"} {
			if !slices.Contains(got.H2, want) {
				t.Errorf("no heading %q among %q", want, got.H2)
			}
		}
		if len(got.Images) == 0 || !got.Images[0].Complete || got.Images[0].Width == 0 {
			t.Errorf("no plot shown: %+v", got.Images)
		}
		if !w.FiguresInEnglish() && !hasHan(got.Images[0].Alt) {
			t.Errorf("the first figure is titled %q, not in Chinese", got.Images[0].Alt)
		}
		for _, row := range got.Targets {
			if !hasHan(row) || !strings.Contains(row, "takeout.door_time.p95") {
				t.Errorf("targets row %q: want it in Chinese, with the target as written", row)
			}
		}
		saveShot(t, "run-zh.jpg", got.Shot)
	})

	t.Run("hostile text", func(t *testing.T) {
		hostile := `<script>alert(1)</script> & "q"`
		sc, err := scenarios.Resolve("baseline",
			scenarios.Override{Path: "name", Value: `'` + hostile + `'`},
			scenarios.Override{Path: "description", Value: `'it''s ` + hostile + ` ''here'''`})
		if err != nil {
			t.Fatal(err)
		}
		if sc.Name != hostile {
			t.Fatalf("the override gave the name %q, want %q", sc.Name, hostile)
		}
		dir := writeReport(t, ctx, sc)
		got := openReport(t, browserCtx, dir)
		if got.H1 != sc.Name {
			t.Errorf("<h1> text is %q, want the raw name %q", got.H1, sc.Name)
		}
		if want := sc.Name + " · cordon"; got.Title != want {
			t.Errorf("<title> is %q, want %q", got.Title, want)
		}
		if want := "it's " + hostile + " 'here'"; !strings.Contains(got.Header, want) {
			t.Errorf("the header reads %q, want it to show the raw description %q", got.Header, want)
		}
	})
}

// saveShot writes a screenshot into -browser-shots, when given.
func saveShot(t *testing.T, name string, shot []byte) {
	t.Helper()
	if *browserShots == "" {
		return
	}
	if err := os.MkdirAll(*browserShots, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*browserShots, name), shot, 0o644); err != nil {
		t.Error(err)
	}
}

// writeReport runs sc for three replications, checks a target against it
// and writes its report into a temporary folder, whose path it returns.
func writeReport(t *testing.T, ctx context.Context, sc *compound.Scenario) string {
	t.Helper()
	return writeReportIn(t, ctx, sc, reports.English())
}

// writeReportIn is writeReport in w's language.
func writeReportIn(t *testing.T, ctx context.Context, sc *compound.Scenario, w *reports.Words) string {
	t.Helper()
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
	dir := filepath.Join(t.TempDir(), "report")
	if err := reports.RunReport(o, targets, nil).In(w).Write(ctx, reports.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pageState is what the page reports about itself once loaded.
type pageState struct {
	Title   string   `json:"title"`
	Lang    string   `json:"lang"`
	H1      string   `json:"h1"`
	H2      []string `json:"h2"`
	Header  string   `json:"header"`
	Scripts int      `json:"scripts"`
	Script  string   `json:"script"`
	Policy  string   `json:"policy"`
	Targets []string `json:"targets"`
	Figures []struct {
		ID     string `json:"id"`
		Images int    `json:"images"`
	} `json:"figures"`
	Images []struct {
		Alt      string  `json:"alt"`
		Src      string  `json:"src"`
		Figure   string  `json:"figure"`
		Complete bool    `json:"complete"`
		Width    int     `json:"naturalWidth"`
		Height   int     `json:"naturalHeight"`
		Shown    float64 `json:"shownWidth"`
		Bottom   float64 `json:"bottom"`
	} `json:"images"`
	PageWidth  float64 `json:"pageWidth"`
	PageHeight float64 `json:"pageHeight"`
	ViewWidth  float64 `json:"viewWidth"`
	Scale      float64 `json:"scale"`

	Shot []byte `json:"-"` // the full-page screenshot, JPEG
}

const pageStateJS = `(() => {
	const page = document.documentElement;
	return {
		title: document.title,
		lang: page.lang,
		h1: document.querySelector("h1")?.textContent ?? "",
		h2: [...document.querySelectorAll("h2")].map(h => h.textContent),
		header: document.querySelector("header")?.textContent ?? "",
		scripts: document.scripts.length,
		script: document.scripts[0]?.textContent.trim() ?? "",
		policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? "",
		targets: [...document.querySelectorAll("#targets tr")].slice(1).map(tr => tr.textContent),
		figures: [...document.querySelectorAll("figure")].map(f => ({id: f.id, images: f.querySelectorAll("img").length})),
		images: [...document.images].map(img => {
			const r = img.getBoundingClientRect();
			return {
				alt: img.alt,
				src: img.currentSrc.slice(0, 40),
				figure: img.closest("figure")?.id ?? "",
				complete: img.complete,
				naturalWidth: img.naturalWidth,
				naturalHeight: img.naturalHeight,
				shownWidth: r.width,
				bottom: r.bottom + window.scrollY,
			};
		}),
		pageWidth: page.scrollWidth,
		pageHeight: page.scrollHeight,
		viewWidth: window.innerWidth,
		scale: window.devicePixelRatio,
	};
})()`

// openReport opens the report in dir in a new tab, fails the test for
// anything wrong that any page would show (console errors, exceptions,
// network fetches, dialogs, missing or broken plots), writes a full-page
// screenshot into the test's temporary folder and returns what the page
// showed.
func openReport(t *testing.T, browserCtx context.Context, dir string) pageState {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		problems []string
		requests []string
		dialogs  []string
	)
	err := chromedp.Listen(ctx, func(ev any) {
		// This runs in the tab's read loop: record and return.
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, fmt.Sprintf("console.%s: %s", ev.Type, consoleArgs(ev.Args)))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			problems = append(problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		case *cdplog.EventEntryAdded:
			if e := ev.Entry; e.Level == cdplog.EntryLevelError {
				problems = append(problems, fmt.Sprintf("browser log error (%s): %s %s", e.Source, e.Text, e.URL))
			}
		case *network.EventRequestWillBeSent:
			requests = append(requests, ev.Request.URL)
		case *page.EventJavascriptDialogOpening:
			dialogs = append(dialogs, fmt.Sprintf("%s dialog: %q", ev.Type, ev.Message))
			// A dialog blocks the page; dismiss it so the test ends
			// with the finding rather than a time-out.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// chromedp enables the log domain on a new tab already; enabling it
	// again is harmless and makes the dependency explicit.
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}

	abs, err := filepath.Abs(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil { // waits for the load event
		t.Fatalf("opening %s: %v", pageURL, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](pageStateJS))
	if err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	got.Shot = shot
	shotPath := filepath.Join(t.TempDir(), "report.jpg")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	problems, requests, dialogs = slices.Clone(problems), slices.Clone(requests), slices.Clone(dialogs)
	mu.Unlock()

	if len(problems) > 0 {
		t.Errorf("the page reported %d problem(s):\n\t%s", len(problems), strings.Join(problems, "\n\t"))
	}
	if len(dialogs) > 0 {
		t.Errorf("the page opened a dialog (text ran as script): %s", strings.Join(dialogs, "; "))
	}
	if got.Scripts != 1 || !strings.HasPrefix(got.Script, "// Sortable and filterable tables") {
		t.Errorf("the page has %d <script> element(s), want one, its own that sorts the tables, not %.60q", got.Scripts, got.Script)
	}
	if !strings.HasPrefix(got.Policy, "default-src 'none'; img-src data:;") || !strings.Contains(got.Policy, "script-src 'sha256-") {
		t.Errorf("the page's Content Security Policy is %q, want nothing fetched and only its own script", got.Policy)
	}
	if len(requests) == 0 {
		t.Error("saw no network request at all, not even the page's own: is the network domain on?")
	}
	for _, u := range requests {
		if !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page fetched %s: a report must fetch nothing from the network", short(u))
		}
	}

	checkPlots(t, dir, got)
	checkShot(t, shot, got)
	t.Logf("%d figures, %d images, page %.0f×%.0f px, screenshot %s (%d KiB)",
		len(got.Figures), len(got.Images), got.PageWidth, got.PageHeight, shotPath, len(shot)/1024)
	return got
}

// checkPlots checks that every plots/*.png of the folder has its figure on
// the page, and that every image on the page rendered: it is complete, has
// a size, and it is the plot's own PNG (same pixel size).
func checkPlots(t *testing.T, dir string, got pageState) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "plots", "*.png"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("%s has no plots/*.png", dir)
	}
	if len(got.Figures) < len(files) {
		t.Errorf("the page has %d <figure>s for %d plot files", len(got.Figures), len(files))
	}
	figures := map[string]int{}
	for _, f := range got.Figures {
		figures[f.ID] = f.Images
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".png")
		id := "plot-" + name
		if figures[id] == 0 {
			t.Errorf("plots/%s.png has no <figure id=%q> with an image on the page", name, id)
			continue
		}
		cfg, err := pngConfig(f)
		if err != nil {
			t.Errorf("plots/%s.png: %v", name, err)
			continue
		}
		for _, img := range got.Images {
			if img.Figure == id && (img.Width != cfg.Width || img.Height != cfg.Height) {
				t.Errorf("figure %s shows a %d×%d image, but plots/%s.png is %d×%d",
					id, img.Width, img.Height, name, cfg.Width, cfg.Height)
			}
		}
	}
	for i, img := range got.Images {
		switch {
		case !img.Complete || img.Width <= 0 || img.Height <= 0:
			t.Errorf("image %d (%q, %s…) did not render: complete=%v, natural size %d×%d",
				i, img.Alt, img.Src, img.Complete, img.Width, img.Height)
		case img.Shown <= 0:
			t.Errorf("image %d (%q) takes no room on the page", i, img.Alt)
		case img.Shown > got.ViewWidth:
			t.Errorf("image %d (%q) is %.0f px wide, wider than the %.0f px window", i, img.Alt, img.Shown, got.ViewWidth)
		}
	}
}

// checkShot checks that the screenshot is a JPEG of the whole page, so that
// every plot is in it.
func checkShot(t *testing.T, shot []byte, got pageState) {
	t.Helper()
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is no JPEG: %v", err)
	}
	scale := got.Scale
	if scale <= 0 {
		scale = 1
	}
	if float64(cfg.Height) < got.PageHeight*scale-1 {
		t.Errorf("the screenshot is %d px high, the page %.0f px: not the full page", cfg.Height, got.PageHeight)
	}
	for i, img := range got.Images {
		if img.Bottom*scale > float64(cfg.Height)+1 {
			t.Errorf("image %d (%q) ends at %.0f px, below the %d px screenshot", i, img.Alt, img.Bottom, cfg.Height)
		}
	}
}

func pngConfig(path string) (image.Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return image.Config{}, err
	}
	return png.DecodeConfig(bytes.NewReader(b))
}

// consoleArgs renders the arguments of a console call.
func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if json.Unmarshal(a.Value, &s) != nil {
				s = string(a.Value)
			}
			parts = append(parts, s)
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// short cuts a URL (a data: URL can be megabytes) for a message.
func short(u string) string {
	if len(u) > 120 {
		return u[:120] + "…"
	}
	return u
}
