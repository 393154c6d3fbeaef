package reports_test

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// reviewOf reviews the day-one log of replication 0 through sc, over 4
// replications: with the log's observations when observed, and against
// changed when it is not nil.
func reviewOf(t *testing.T, sc *compound.Scenario, observed bool, changed *compound.Scenario) *experiment.Review {
	t.Helper()
	ctx := context.Background()
	log, _, err := experiment.RecordLog(ctx, sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	var obs *experiment.Observed
	if observed {
		obs = experiment.ObservedOf(log)
	}
	var ask experiment.ReviewAsk
	if changed != nil {
		ask.Change = &experiment.DayChange{Scenario: changed}
	}
	r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, nil, obs, ask, experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// dayOne resolves day-one with overrides.
func dayOne(t *testing.T, overrides ...scenarios.Override) *compound.Scenario {
	t.Helper()
	sc, err := scenarios.Resolve("day-one", overrides...)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// The three reviews of the golden files: day-one's log reviewed with its
// observations; the same with the gate's shelves at 10 as the change; and
// without observations.
func observedReview(t *testing.T) *experiment.Review { return reviewOf(t, dayOne(t), true, nil) }

func changedReview(t *testing.T) *experiment.Review {
	return reviewOf(t, dayOne(t), true, dayOne(t, scenarios.Override{Path: "gate.shelves", Value: "10"}))
}

func unobservedReview(t *testing.T) *experiment.Review { return reviewOf(t, dayOne(t), false, nil) }

// goldenSources are the sources the golden files name.
func goldenSources() reports.ReviewSources {
	return reports.ReviewSources{Arrivals: "arrivals.csv", Observed: "delivered.csv", Synthetic: true, Skipped: 2}
}

func TestGoldenReviewSummary(t *testing.T) {
	cases := []struct {
		name   string
		review func(*testing.T) *experiment.Review
		src    reports.ReviewSources
	}{
		{"review-summary.txt", observedReview, goldenSources()},
		{"review-summary-change.txt", changedReview, reports.ReviewSources{Arrivals: "arrivals.csv", Roster: "roster.csv",
			Observed: "delivered.csv", Change: "gate.shelves=10"}},
		{"review-summary-unobserved.txt", unobservedReview, reports.ReviewSources{Arrivals: "arrivals.csv"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := reports.WriteReviewSummary(&buf, c.review(t), c.src); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

func TestGoldenReviewJSON(t *testing.T) {
	b, err := reports.NewReviewResults(changedReview(t), reports.ReviewSources{Arrivals: "arrivals.csv", Observed: "delivered.csv",
		Change: "gate.shelves=10"}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "review.json", b)
}

func TestGoldenHoursCSV(t *testing.T) {
	golden(t, "hours.csv", reports.HoursCSV(observedReview(t)))
}

// TestReviewSummaryMarksWhatIsOutside: a day logged with the first day's
// crowded gate, reviewed through a scenario with shelves enough, is not
// what the model expects: the summary stars hours and calls KPIs OUTSIDE,
// and says what the star means.
func TestReviewSummaryMarksWhatIsOutside(t *testing.T) {
	sc := dayOne(t)
	log, _, err := experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	roomy := dayOne(t, scenarios.Override{Path: "gate.shelves", Value: "10"})
	r, err := experiment.ReviewDay(context.Background(), roomy, log.Arrivals, nil, experiment.ObservedOf(log), experiment.ReviewAsk{},
		experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reports.WriteReviewSummary(&buf, r, reports.ReviewSources{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"* the observed figure is outside", "OUTSIDE", "turned away: the items couriers took away"} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	starred := 0
	for _, h := range r.Hours {
		for _, b := range []experiment.Beside{h.Delivered, h.DoorTime, h.Backlog, h.TurnedAway, h.Sampled} {
			if b.Observed == b.Observed && b.PredLow == b.PredLow && !b.Inside() {
				starred++
			}
		}
	}
	if got := strings.Count(out, "*") - 1; got != starred { // one star in the note
		t.Errorf("%d figures starred, %d outside their intervals", got, starred)
	}
}

// TestReviewFolder: the folder holds every file it lists, results.json is
// the replay's results document, review.json and hours.csv are the
// review's, every plot is there as PNG and SVG, and the page leads with the
// review; a cancelled review leaves nothing behind.
func TestReviewFolder(t *testing.T) {
	r := changedReview(t)
	src := reports.ReviewSources{Arrivals: "arrivals.csv", Change: "gate.shelves=10"}
	parent := t.TempDir()
	dir := filepath.Join(parent, "review")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := reports.ReviewReport(r, src).Write(ctx, reports.Dest{Dir: dir}); err == nil {
		t.Fatal("a cancelled review was written")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
	if err := reports.ReviewReport(r, src).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	results, _ := reports.NewResults(r.Replay).JSON()
	if !bytes.Equal(read("results.json"), results) {
		t.Error("results.json is not the replay's results document")
	}
	review, _ := reports.NewReviewResults(r, src).JSON()
	if !bytes.Equal(read("review.json"), review) {
		t.Error("review.json is not the review document")
	}
	if !bytes.Equal(read("hours.csv"), reports.HoursCSV(r)) {
		t.Error("hours.csv is not the review's hours")
	}
	if !bytes.Equal(read("replications.csv"), reports.ReplicationsCSV(r.Replay)) {
		t.Error("replications.csv is not the replay's")
	}
	for _, f := range strings.Split(strings.TrimSuffix(reports.ReviewFiles, " and plots/*.png, *.svg, *.csv"), ", ") {
		read(f)
	}
	plots, err := reports.ReviewPlots(r)
	if err != nil {
		t.Fatal(err)
	}
	run, err := reports.RunPlots(r.Replay)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(plots, run...) {
		read("plots/" + p.Name + ".png")
		read("plots/" + p.Name + ".svg")
		read("plots/" + p.Name + ".csv")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "plots"))
	if len(entries) != 3*(len(plots)+len(run)) {
		t.Errorf("%d files in plots/, want %d", len(entries), 3*(len(plots)+len(run)))
	}
	html := string(read("index.html"))
	// The answer first: what the change would have done, then the day.
	order := []string{"What the change would have done on the day", "Observed and simulated, hour by hour", "Observed KPIs against the replay", "Where the time went",
		`id="plot-review-delivered"`, `id="plot-review-stages"`, `id="plot-staging"`, "<h2>KPIs</h2>"}
	at := -1
	for _, s := range order {
		i := strings.Index(html, s)
		if i < 0 || i < at {
			t.Errorf("index.html: %q missing or out of order", s)
		}
		at = i
	}
	md := string(read("summary.md"))
	order = []string{"# day-one", "## Observed and simulated, hour by hour", "## What the change would have done on the day",
		"## Bottlenecks", "## KPIs", "## Plots", "(plots/review-delivered.png)", "(plots/staging.png)"}
	at = -1
	for _, s := range order {
		i := strings.Index(md, s)
		if i < 0 || i < at {
			t.Errorf("summary.md: %q missing or out of order", s)
		}
		at = i
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("beside the report: %v", entries)
	}
}

// TestReviewDeterministic: the same review made twice gives the same bytes
// in every file of the folder and on the terminal.
func TestReviewDeterministic(t *testing.T) {
	src := reports.ReviewSources{Arrivals: "a.csv", Change: "gate.shelves=10"}
	dirs := []string{filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "two")}
	var terms []string
	for _, dir := range dirs {
		r := changedReview(t)
		if err := reports.ReviewReport(r, src).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := reports.WriteReviewSummary(&buf, r, src); err != nil {
			t.Fatal(err)
		}
		terms = append(terms, buf.String())
	}
	if terms[0] != terms[1] {
		t.Error("the terminal summary differs between two runs")
	}
	n := 0
	err := filepath.WalkDir(dirs[0], func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dirs[0], path)
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(dirs[1], rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%v)", rel, err)
		}
		n++
		return nil
	})
	if err != nil || n < 10 {
		t.Errorf("%d files compared: %v", n, err)
	}
}

// TestReviewSummaryWithoutAReview: no review is an error, not a panic.
func TestReviewSummaryWithoutAReview(t *testing.T) {
	var buf bytes.Buffer
	if err := reports.WriteReviewSummary(&buf, nil, reports.ReviewSources{}); err == nil {
		t.Error("no review must be an error")
	}
	if err := reports.ReviewReport(&experiment.Review{}, reports.ReviewSources{}).Write(context.Background(), reports.Dest{Dir: filepath.Join(t.TempDir(), "x")}); err == nil {
		t.Error("a review without a replay must be an error")
	}
	if _, err := reports.ReviewPlots(nil); err == nil {
		t.Error("no review must be an error")
	}
}

// TestReviewWithoutIDs: a log whose deliveries carry no ids says nothing
// of the time to the door: those KPIs are "not in the log", the hours show
// no observed door time, and the report is still written whole.
func TestReviewWithoutIDs(t *testing.T) {
	sc := dayOne(t)
	log, _, err := experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	noIDs := &compound.Log{}
	for _, d := range log.Deliveries {
		noIDs.Deliveries = append(noIDs.Deliveries, compound.LoggedDelivery{Kind: d.Kind, Arrived: math.NaN(), Delivered: d.Delivered})
	}
	r, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil,
		experiment.ObservedOf(noIDs), experiment.ReviewAsk{}, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reports.WriteReviewSummary(&buf, r, reports.ReviewSources{}); err != nil {
		t.Fatal(err)
	}
	missing := false
	for _, line := range strings.Split(buf.String(), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "express: time to the door, mean "); ok {
			missing = strings.HasPrefix(strings.TrimSpace(rest), "— ") && strings.HasSuffix(line, "not in the log")
		}
	}
	if !missing {
		t.Errorf("the door times are not said to be missing:\n%s", buf.String())
	}
	if err := reports.ReviewReport(r, reports.ReviewSources{}).Write(context.Background(), reports.Dest{Dir: filepath.Join(t.TempDir(), "r")}); err != nil {
		t.Fatal(err)
	}
}
