package reports_test

import (
	"context"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// misjudgedReview is day-one's log (replication 0) reviewed through a
// scenario with ten shelves at the gate, which the day did not have: the
// model is wrong about the day, so some observed figures fall outside the
// replay's bands.
func misjudgedReview(t *testing.T) *experiment.Review {
	t.Helper()
	log, _, err := experiment.RecordLog(context.Background(), dayOne(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	roomy := dayOne(t, scenarios.Override{Path: "gate.shelves", Value: "10"})
	r, err := experiment.ReviewDay(context.Background(), roomy, log.Arrivals, nil, experiment.ObservedOf(log), experiment.ReviewAsk{},
		experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPlotReviewGolden: the review's figures with observations (some
// outside the bands) and without, against their golden SVGs.
func TestPlotReviewGolden(t *testing.T) {
	plots, err := reports.ReviewPlots(misjudgedReview(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range plots {
		names = append(names, p.Name)
	}
	want := "review-delivered review-door-time review-backlog review-sampled review-stages"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("review plots %q, want %q", got, want)
	}
	for _, p := range plots[:4] {
		if !strings.Contains(p.Caption, "red diamonds") && p.Name != "review-sampled" {
			t.Errorf("%s: the caption does not say what the red diamonds are: %q", p.Name, p.Caption)
		}
	}
	checkGolden(t, plots)

	unobserved, err := reports.ReviewPlots(unobservedReview(t))
	if err != nil {
		t.Fatal(err)
	}
	for i := range unobserved {
		if i < 4 && !strings.Contains(unobserved[i].Caption, "Nothing was observed") {
			t.Errorf("%s: caption %q", unobserved[i].Name, unobserved[i].Caption)
		}
		unobserved[i].Name = "unobserved-" + unobserved[i].Name
	}
	checkGolden(t, unobserved)
}

// Without a sampling round there is no plot of residents sampled.
func TestPlotReviewNoSampling(t *testing.T) {
	sc := dayOne(t)
	none := *sc
	none.Sampling = nil
	plots, err := reports.ReviewPlots(reviewOf(t, &none, true, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		if p.Name == "review-sampled" {
			t.Error("a scenario without sampling has a plot of residents sampled")
		}
	}
	if len(plots) != 4 {
		t.Errorf("%d plots, want 4", len(plots))
	}
}
