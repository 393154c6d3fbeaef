package reports_test

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"cordon/lang"
	"cordon/reports"
)

// zhWords writes Chinese (its figures in English: the goldens are text).
func zhWords() *reports.Words { return reports.NewWords(lang.New(language.SimplifiedChinese), nil) }

// The Chinese terminal summary of the golden run, beside the English
// golden summary.txt.
func TestGoldenTerminalSummaryChinese(t *testing.T) {
	out, targets := goldenOutcome(t)
	w := zhWords()
	var buf bytes.Buffer
	if err := w.WriteSummary(&buf, out, 5); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteTargets(&buf, targets); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary-zh.txt", buf.Bytes())
}

// The Chinese terminal summary of a review with a change, beside the
// English golden review-summary-change.txt.
func TestGoldenReviewSummaryChinese(t *testing.T) {
	var buf bytes.Buffer
	src := reports.ReviewSources{Arrivals: "arrivals.csv", Roster: "roster.csv", Observed: "delivered.csv", Change: "gate.shelves=10"}
	if err := zhWords().WriteReviewSummary(&buf, changedReview(t), src); err != nil {
		t.Fatal(err)
	}
	golden(t, "review-summary-change-zh.txt", buf.Bytes())
}
