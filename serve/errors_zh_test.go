package serve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/serve"
)

// cordon serve's own refusals are said in the page's language: a run or
// a job that is not there, a scenario that is not, a file of the
// workspace that is a symbolic link, missing or too large, a request
// with too many changes or too long a text. In Chinese, none of the
// English sentence is left.
func TestServeRefusalsInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	if err := os.Symlink(filepath.Join(t.TempDir(), "x.yaml"), filepath.Join(ts.dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ts.dir, "big.yaml"), make([]byte, 10<<20+1), 0o644); err != nil {
		t.Fatal(err)
	}
	said := func(what, text, want string) { t.Helper(); saidInChinese(t, what, text, want) }
	_, page := ts.open("/runs/0099-none/?lang=zh-CN")
	said("a run not in the history", page, "历史记录中没有这次运行")
	_, page = ts.open("/runs/0099-none/report/index.html?lang=zh-CN")
	said("a report of a run not in the history", page, "历史记录中没有这次运行")
	_, page = ts.open("/jobs/nope?lang=zh-CN")
	said("a job not known", page, "没有这项计算")
	_, out := ts.post("/api/jobs/nope/cancel?lang=zh-CN", map[string]any{})
	said("cancelling a job not known", fmt.Sprint(out["general"]), "没有这项计算")
	_, out = ts.post("/api/runs/0099-none/delete?lang=zh-CN", map[string]any{})
	said("deleting a run not in the history", fmt.Sprint(out["general"]), "历史记录中没有这次运行")
	for _, c := range []struct{ source, want string }{
		{"builtin:nope", `没有内置场景 "nope"`},
		{"nope", `没有这个场景："nope"`},
		{"file:link.yaml", "link.yaml 是符号链接"},
		{"file:none.yaml", "工作文件夹里没有 none.yaml"},
		{"file:big.yaml", "big.yaml 超过10 MiB"},
	} {
		_, out := ts.post("/api/check?lang=zh-CN", map[string]any{"source": c.source})
		said("checking "+c.source, fmt.Sprint(out["general"]), c.want)
	}
	_, out = ts.post("/api/compare?lang=zh-CN", map[string]any{"scenarios": []map[string]any{{"source": "builtin:nope"}, {"source": "builtin:baseline"}}})
	said("comparing with a scenario that is not", fmt.Sprint(out["general"]), `没有内置场景 "nope"`)
	many := make([]map[string]string, 5001)
	for i := range many {
		many[i] = map[string]string{"path": "gate.shelves", "value": "1"}
	}
	_, out = ts.post("/api/check?lang=zh-CN", map[string]any{"source": "builtin:baseline", "changes": many})
	said("too many changes", fmt.Sprint(out["general"]), "修改超过5000处")
	_, out = ts.post("/api/check?lang=zh-CN", map[string]any{"source": "builtin:baseline", "yaml": strings.Repeat("#", 10<<20+1)})
	said("too long a text", fmt.Sprint(out["general"]), "文字超过10 MiB")
}

// Why a job failed is said in the language its status is asked in: work
// refused for memory, in Chinese on a Chinese page.
func TestJobFailureInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{Memory: func() int64 { return 1 }})
	id := ts.start("/api/run", run())
	if st := ts.wait(id); st.State != "failed" || !strings.Contains(st.Error, "needs about") {
		t.Fatalf("the job: %s %q, want failed for memory", st.State, st.Error)
	}
	said := func(what, text, want string) { t.Helper(); saidInChinese(t, what, text, want) }
	_, page := ts.open("/api/jobs/" + id + "?lang=zh-CN")
	said("the status of a job refused for memory", page, "内存")
	_, page = ts.open("/jobs/" + id + "?lang=zh-CN")
	said("the page of a job refused for memory", page, "内存")
}

// saidInChinese checks that text says want, and none of cordon serve's
// English refusals.
func saidInChinese(t *testing.T, what, text, want string) {
	t.Helper()
	for _, en := range []string{"no such", "symbolic link", "larger than", "does not exist", "more than", "not a folder", "refused", "plain file", "needs about"} {
		if strings.Contains(text, en) {
			t.Errorf("%s: %q left in English: %s", what, en, text)
		}
	}
	if !strings.Contains(text, want) {
		t.Errorf("%s: no %q in %s", what, want, text)
	}
}
