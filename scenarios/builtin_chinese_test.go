package scenarios

import (
	"strings"
	"testing"
	"unicode"
)

// Every built-in scenario has a description in Chinese, which a loaded
// built-in gets and an edited or renamed copy does not.
func TestBuiltinChineseDescriptions(t *testing.T) {
	han := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	for _, b := range Builtins() {
		if !han(b.Chinese) {
			t.Errorf("%s: Chinese summary %q", b.Name, b.Chinese)
		}
		sc, err := Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		zh, ok := ChineseDescription(sc)
		if !ok || !han(zh) || !strings.HasPrefix(zh, b.Chinese) {
			t.Errorf("%s: Chinese description %q, %v", b.Name, zh, ok)
		}
		if got := strings.Count(strings.TrimSpace(zh), "\n"); got != strings.Count(strings.TrimSpace(sc.Description), "\n") {
			t.Errorf("%s: the Chinese description has %d line breaks, the English %d", b.Name, got, strings.Count(strings.TrimSpace(sc.Description), "\n"))
		}
		sc.Description = "my own copy"
		if d, ok := ChineseDescription(sc); ok || d != "my own copy" {
			t.Errorf("%s edited: got %q, %v; want its own description", b.Name, d, ok)
		}
	}
}
