package serve_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/serve"
)

// TestReportInTheLanguageAsked: a result's full report is written in the
// language of the pages it was asked from, as cordon run --lang writes
// it; its results are the same bytes in every language.
func TestReportInTheLanguageAsked(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	report := func(lang string) (page, results []byte) {
		t.Helper()
		st := ts.wait(ts.start("/api/run?lang="+lang, run("replications=2")))
		if st.State != "done" {
			t.Fatalf("the run in %s: %s %s", lang, st.State, st.Error)
		}
		dir := filepath.Join(ts.dir, "runs", st.Run, "report")
		page, err := os.ReadFile(filepath.Join(dir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		results, err = os.ReadFile(filepath.Join(dir, "results.json"))
		if err != nil {
			t.Fatal(err)
		}
		return page, results
	}
	enPage, enResults := report("en")
	zhPage, zhResults := report("zh-CN")
	if !bytes.Contains(enPage, []byte(`<html lang="en">`)) || !bytes.Contains(enPage, []byte("Headline KPIs")) {
		t.Error("the report asked for in English is not in English")
	}
	if !bytes.Contains(zhPage, []byte(`<html lang="zh-CN">`)) || !bytes.Contains(zhPage, []byte("主要指标")) {
		t.Errorf("the report asked for in Chinese is not in Chinese: %s", strings.SplitN(string(zhPage), "\n", 3)[1])
	}
	if len(enResults) == 0 || !bytes.Equal(enResults, zhResults) {
		t.Error("results.json differs between the report in English and in Chinese")
	}
}
