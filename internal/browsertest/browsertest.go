package browsertest

import (
	"bytes"
	"context"
	"os"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// DefaultBrowser is where Debian's chromium package puts the browser;
// CORDON_BROWSER names another binary.
const DefaultBrowser = "/usr/bin/chromium"

// Find returns the browser to drive, or skips the test when there is none.
func Find(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CORDON_BROWSER"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CORDON_BROWSER=%s: %v", p, err)
		}
		return p
	}
	if _, err := os.Stat(DefaultBrowser); err != nil {
		t.Skip("chromium not found at /usr/bin/chromium: install Debian's chromium package to run the browser test (.ci/run does)")
	}
	return DefaultBrowser
}

// Start starts headless Chromium (exe) for the test, with a fresh profile
// and nothing reaching for the network, and returns its context; the
// browser ends with ctx or the test, and its output is logged if the test
// fails.
func Start(t testing.TB, ctx context.Context, exe string) context.Context {
	t.Helper()
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
		// No UserDataDir: the allocator makes a fresh --user-data-dir for
		// this browser, and removes it (and kills any leftover child of the
		// browser) when the allocator's context ends.
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v\nbrowser output:\n%s", exe, err, out.String())
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser output:\n%s", out.String())
		}
	})
	return browserCtx
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
