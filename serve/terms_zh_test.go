package serve

import (
	"regexp"
	"strings"
	"testing"
)

// TestChineseTerms: the pages say a scenario 场景, a plan 方案 (only on the
// plan's page and its result) and a cost 成本, the words of the terminal's
// Chinese (package lang, TestScenarioPlanCostTerms): the plan's page said
// 花费 for its cost and the schema 费用.
func TestChineseTerms(t *testing.T) {
	check := func(where, key, zh string) {
		if strings.Contains(zh, "方案") && !strings.HasPrefix(key, "plan.") {
			t.Errorf("%s %q says 方案, which is a plan: %s", where, key, zh)
		}
		for _, cost := range []string{"费用", "花费"} {
			if strings.Contains(zh, cost) {
				t.Errorf("%s %q says %s for a cost, not 成本: %s", where, key, cost, zh)
			}
		}
	}
	for key, zh := range simplifiedChinese() {
		check("page text", key, zh)
	}
	for en, zh := range chineseSchema() {
		check("schema text", en, zh)
	}
}

// spacedNumber finds a number set apart from the Chinese around it by a
// space (第 2 天, 3 个, 95%% 区间); a value typed, such as 07:30 or 45m
// (what follows the number: the last group), is code, and spaced.
var spacedNumber = regexp.MustCompile(`([\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}] (?:\d+(?:\.\d+)?(?:%%|%)?|%[-+#0-9.]*[dfg])([A-Za-z0-9:./\-_\]\[*]?))|` +
	`(?:^|[\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}])(?:\d+(?:\.\d+)?(?:%%|%)?|%[-+#0-9.]*[dfg]) [\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}]`)

// TestNumbersTightInChinese: the pages write a number tight against the
// Chinese around it, as the terminal does (package lang,
// TestNumbersTightInChinese): they said 第 7 天 and 3 个问题 where the
// terminal said 第7天.
func TestNumbersTightInChinese(t *testing.T) {
	check := func(where, key, zh string) {
		for _, m := range spacedNumber.FindAllStringSubmatch(zh, -1) {
			if m[1] == "" || m[2] == "" {
				t.Errorf("%s %q: a number set apart by a space (%q): %s", where, key, m[0], zh)
			}
		}
	}
	for key, zh := range simplifiedChinese() {
		check("page text", key, zh)
	}
	for en, zh := range chineseSchema() {
		check("schema text", en, zh)
	}
}
