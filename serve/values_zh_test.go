package serve_test

import (
	"fmt"
	"strings"
	"testing"

	"cordon/serve"
)

// A value the editor cannot take (a duration, a time of day, a duration
// without its unit) is said beside it in Chinese on a Chinese page, as
// the command line says it: no English sentence left.
func TestEditorValueProblemsInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	_, out := ts.post("/api/check?lang=zh-CN", map[string]any{"source": "builtin:baseline", "changes": []map[string]string{
		{"path": "transfer.fill", "value": "10x"},
		{"path": "gate.open", "value": "7pm"},
		{"path": "gate.intake", "value": "20"},
	}})
	fields, _ := out["fields"].(map[string]any)
	for path, want := range map[string]string{
		"transfer.fill": `"10x"不是时长：请写例如 45s、30m 或 1h30m`,
		"gate.open":     `"7pm"不是钟点：请写 HH:MM，例如 07:30`,
		"gate.intake":   "20没有单位：请写时长，例如 20s",
	} {
		said := fmt.Sprint(fields[path])
		if !strings.Contains(said, want) {
			t.Errorf("%s: no %q in %s", path, want, said)
		}
		for _, en := range []string{"write", "is not", "has no unit"} {
			if strings.Contains(said, en) {
				t.Errorf("%s: %q left in English: %s", path, en, said)
			}
		}
	}
}

// A run's page in Chinese names every target's KPI by its label, with
// its subject: a kind's target too (外卖：送到家门口用时，第95百分位 ≤
// 45分钟), not its code.
func TestRunPageTargetsLabelledInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	st := ts.wait(ts.start("/api/run", run("replications=2")))
	_, page := ts.open("/runs/" + st.Run + "/?lang=zh-CN")
	for _, want := range []string{">外卖：送到家门口用时，第95百分位 ≤ 45分钟</td>", ">本轮核酸采样用时 ≤ 4小时</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("no target %q on the run's page", want)
		}
	}
	if strings.Contains(page, ">takeout.door_time.p95 ≤") {
		t.Error("the takeout target is named by its code on the Chinese page")
	}
}
