package serve_test

import (
	"context"
	"cordon/internal/browsertest"
	"flag"
	"fmt"
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
)

var (
	shots = flag.String("serve-shots", "",
		"write a PNG screenshot of every page the browser test opens into `DIR` (made when missing; a relative path is from serve/)")
	docShots = flag.Bool("serve-docs", false,
		"write the README's screenshot of the editor, docs/serve-editor.png, from the browser test")
)

// docShot is the README's screenshot, from serve/.
const docShot = "../docs/serve-editor.png"

// browserTimeout bounds the whole browser test.
const browserTimeout = 90 * time.Second

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

// startBrowser starts headless Chromium (browsertest.Start) and
// opens a tab on the server at origin.
func startBrowser(t *testing.T, ctx context.Context, origin string) *tab {
	browserCtx := browsertest.Start(t, ctx, browsertest.Find(t))
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

// writeShot writes a screenshot of the page to file, once it is loaded
// (a page still loading may have no size yet).
func (tb *tab) writeShot(file string, whole bool) {
	tb.t.Helper()
	tb.waitFor("the page loaded", `document.readyState === "complete" && document.documentElement.scrollWidth > 0`)
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
