package reports

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A report drawn again from results.json with --lang zh-CN is in Chinese:
// the KPIs by their Chinese labels (results.json keeps each KPI's English
// title, not its subject), and the note on what it leaves out.
func TestResultsReportInChinese(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	if err := RunReport(dataTwoDays(t), nil, nil).Write(context.Background(), Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	doc := readResultsFile(t, filepath.Join(dir, "results.json"))
	w := chinese()
	c, err := ResultsReport(doc).build(w)
	if err != nil {
		t.Fatal(err)
	}
	text := pageText(t, c.page, w)
	checkChinese(t, "the page drawn again", text, keptWords...)
	for _, want := range []string{"快递：送到家门口用时，平均", "results.json"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q on the page drawn again:\n%s", want, text)
		}
	}
}
