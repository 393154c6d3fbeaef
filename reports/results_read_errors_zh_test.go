package reports

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/lang"
)

// A results document that cordon report cannot draw again (another
// command's, of another version, without its KPIs) is said in Chinese
// with --lang zh-CN: no English sentence left, only the fields, files and
// commands it names.
func TestResultsReadErrorsInChinese(t *testing.T) {
	english := regexp.MustCompile(`[A-Za-z]{2,} [A-Za-z]{2,}`)
	kept := regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\bcordon [a-z]+`)
	zh := lang.New(language.SimplifiedChinese)
	docs := []string{`{"schema_version": 99}`, `{"schema_version": 1}`, `{"schema_version": 1, "scenario": 5}`,
		`{"schema_version": 1, "scenario": "x", "kpis": []}`, `{"schema_version": 1, "scenario": "x", "replications": 1, "kpis": []}`,
		`{"schema_version": 1, "scenario": "x", "replications": 2, "kpis": [{"name": "a", "per_replication": [1]}]}`,
		`{"schema_version": 1, "reference": "x"}`, `{"schema_version": 1, "axes": []}`, `{"schema_version": 1, "knobs": []}`,
		`{"schema_version": 1, "hours": []}`, `{"schema_version": 1, "planned_scenario": "x"}`, `{"schema_version": 1, "change": 0.1}`}
	for _, doc := range docs {
		_, err := ReadResults(strings.NewReader(doc))
		if err == nil {
			t.Errorf("%s: no problem", doc)
			continue
		}
		said := zh.Error("results.json: " + err.Error())
		if m := english.FindString(kept.ReplaceAllString(said, "")); m != "" {
			t.Errorf("%s\n  is said %s\n  with English left: %q", err, said, m)
		}
	}
}
