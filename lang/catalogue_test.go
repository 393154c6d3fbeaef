package lang

import (
	"strings"
	"testing"
	"unicode"
)

// Each key is in the catalogue once: a second entry for a key silently
// replaces the first one's translation wherever the first was meant.
func TestEachKeyOnce(t *testing.T) {
	seen := map[string]string{}
	for _, e := range catalogue() {
		if zh, ok := seen[e.key]; ok {
			t.Errorf("%q is in the catalogue twice: %q and %q", e.key, zh, e.zh)
		}
		seen[e.key] = e.zh
	}
}

// A term of the reports is said one way in Chinese: common random
// numbers are 共用随机数 everywhere, so that a planner reading a sweep's
// caption and a comparison's table knows they are the same thing.
func TestOneChineseTermEach(t *testing.T) {
	for _, other := range []string{"共同随机数", "公共随机数"} {
		for _, e := range catalogue() {
			if strings.Contains(e.zh, other) {
				t.Errorf("%q says %s, not 共用随机数: %s", e.key, other, e.zh)
			}
		}
	}
}

// A joiner or a punctuation mark (an entry without a letter in its
// English: ", ", ".") is in the catalogue once, under one key: the list
// joiner was both "event:list" and "join: list", the full stop both "."
// and "caption: .", so that the two could drift apart.
func TestEachMarkOnce(t *testing.T) {
	seen := map[[2]string]string{}
	for _, e := range catalogue() {
		en := e.en
		if en == "" {
			en = e.key
		}
		if strings.HasPrefix(e.key, helpPrefix) || strings.ContainsFunc(en, unicode.IsLetter) || strings.Contains(en, "%") {
			continue
		}
		pair := [2]string{en, e.zh}
		if k, ok := seen[pair]; ok {
			t.Errorf("%q (%q in Chinese) is in the catalogue as %q and as %q: keep one", en, e.zh, k, e.key)
		}
		seen[pair] = e.key
	}
}
