package serve_test

import (
	"html"
	"strings"
	"testing"

	"cordon/scenarios"
	"cordon/serve"
)

// TestBuiltinsInChinese: the first page lists the built-in scenarios with
// their Chinese descriptions in Chinese and their English ones in English.
func TestBuiltinsInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	for _, b := range scenarios.Builtins() {
		_, zh := ts.open("/?lang=zh-CN")
		if !strings.Contains(html.UnescapeString(zh), b.Chinese) || strings.Contains(html.UnescapeString(zh), b.Summary) {
			t.Errorf("%s in Chinese: not described by %q", b.Name, b.Chinese)
		}
		_, en := ts.open("/?lang=en")
		if !strings.Contains(html.UnescapeString(en), b.Summary) {
			t.Errorf("%s in English: not described by %q", b.Name, b.Summary)
		}
	}
}
