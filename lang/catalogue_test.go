package lang

import "testing"

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
