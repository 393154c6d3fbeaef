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

// A scenario is 场景 and a plan 方案, as the pages of cordon serve say them,
// and a cost is 成本: the terminal said 方案 for both a scenario and a plan
// (and 计划 for a plan in the help), and 费用 and 花费 for a cost beside
// 成本. An entry or an error sentence whose English speaks of a scenario
// and not of a plan (nor of the planner's candidates) says 场景.
func TestScenarioPlanCostTerms(t *testing.T) {
	check := func(en, zh string) {
		low := strings.ToLower(en)
		if strings.Contains(zh, "方案") && strings.Contains(low, "scenario") &&
			!strings.Contains(low, "plan") && !strings.Contains(low, "candidate") {
			t.Errorf("%q: a scenario is 场景, not 方案: %s", en, zh)
		}
		for _, cost := range []string{"费用", "花费多少", "的花费"} {
			if strings.Contains(zh, cost) {
				t.Errorf("%q: a cost is 成本, not %s: %s", en, cost, zh)
			}
		}
	}
	for _, e := range catalogue() {
		en := e.en
		if en == "" {
			en = e.key
		}
		check(en, e.zh)
		// The help texts (their English is not here): 方案 only where a
		// plan is spoken of, and a plan is never 计划 (which is a
		// scenario's staffing, "as planned", in the reviews).
		if cmd, ok := strings.CutPrefix(e.key, helpPrefix); ok {
			if strings.Contains(e.zh, "方案") && !strings.HasPrefix(cmd, "plan") && !strings.HasPrefix(cmd, "serve") {
				t.Errorf("help %q says 方案 (a plan) in a command that makes none: %s", cmd, e.zh)
			}
			if strings.HasPrefix(cmd, "plan") && strings.Contains(e.zh, "计划") {
				t.Errorf("help %q says 计划 for the plan, not 方案: %s", cmd, e.zh)
			}
		}
	}
	for _, s := range errorSentences() {
		check(s.re.String(), s.zh)
	}
	for _, ph := range errorPhrases() {
		check(ph[0], ph[1])
	}
}

// A joiner or a punctuation mark (an entry without a letter in its
// English: ", ", ".") is in the catalogue once, under one key: the list
// joiner was both "event:list" and "join: list", the full stop both "."
// and "caption: .", so that the two could drift apart. The joiners "and"
// and "or" likewise: "and" was both "and" (the files of
// a report page) and "join: and" (the plots' captions).
func TestEachMarkOnce(t *testing.T) {
	seen := map[[2]string]string{}
	for _, e := range catalogue() {
		en := e.en
		if en == "" {
			en = e.key
		}
		word := strings.TrimSpace(en)
		if strings.HasPrefix(e.key, helpPrefix) || strings.Contains(en, "%") ||
			strings.ContainsFunc(en, unicode.IsLetter) && word != "and" && word != "or" {
			continue
		}
		pair := [2]string{word, e.zh}
		if k, ok := seen[pair]; ok {
			t.Errorf("%q (%q in Chinese) is in the catalogue as %q and as %q: keep one", en, e.zh, k, e.key)
		}
		seen[pair] = e.key
	}
}
