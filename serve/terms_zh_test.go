package serve

import (
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
