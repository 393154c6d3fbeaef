package reports

import (
	"bytes"
	"regexp"
	"testing"
)

// A replay without a roster says so as the help does, 没有排班记录 (no
// roster log): 没有排班 alone reads as "nobody was rostered", the
// opposite of what the line goes on to infer.
func TestChineseReviewNamesTheMissingRoster(t *testing.T) {
	var b bytes.Buffer
	if err := chinese().WriteReviewSummary(&b, helpedDayOne(t), ReviewSources{Arrivals: "arrivals.csv", Change: "gate.shelves=10", Synthetic: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !regexp.MustCompile(`没有排班记录`).MatchString(out) {
		t.Errorf("no 没有排班记录 in the review of a day without its roster:\n%s", out)
	}
	if m := regexp.MustCompile(`没有排班[^记]`).FindString(out); m != "" {
		t.Errorf("the review says %q, not 没有排班记录:\n%s", m, out)
	}
}
