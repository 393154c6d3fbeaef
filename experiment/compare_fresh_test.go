package experiment_test

import (
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// TestCompareVerdictsHoldOnFreshSeeds: what compare judges better or worse
// at the scenarios' own seed with 10 replications holds on 40 replications
// of a seed it never saw: no verdict is significantly reversed, and at
// least 90% keep the sign of their difference (a verdict that is chance
// alone may lose it; the minimum effects keep them few).
func TestCompareVerdictsHoldOnFreshSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 300 replications")
	}
	fresh := uint64(20261207)
	for _, pair := range [][2]string{{"baseline", "more-suited-crew"}, {"baseline", "fourth-site"}, {"two-days", "reorganised-earlier"}} {
		scs := []*compound.Scenario{load(t, pair[0]), load(t, pair[1])}
		first, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: 10})
		if err != nil {
			t.Fatal(err)
		}
		again, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: 40, Seed: &fresh})
		if err != nil {
			t.Fatal(err)
		}
		redone := map[string]experiment.Difference{}
		for _, d := range again.Differences {
			redone[d.Name] = d
		}
		verdicts, kept := 0, 0
		for _, d := range first.Differences {
			if d.Verdict == experiment.None {
				continue
			}
			verdicts++
			r, ok := redone[d.Name]
			if !ok {
				t.Errorf("%s against %s: %s is not compared again", pair[1], pair[0], d.Name)
				continue
			}
			if d.Mean > 0 && r.High < 0 || d.Mean < 0 && r.Low > 0 {
				t.Errorf("%s against %s: %s judged %s (%.4g [%.4g, %.4g]), reversed on fresh seeds: %.4g [%.4g, %.4g]",
					pair[1], pair[0], d.Name, d.Verdict, d.Mean, d.Low, d.High, r.Mean, r.Low, r.High)
			}
			if d.Mean > 0 && r.Mean > 0 || d.Mean < 0 && r.Mean < 0 {
				kept++
			}
		}
		if verdicts < 3 {
			t.Errorf("%s against %s: %d verdicts; the test checks too few", pair[1], pair[0], verdicts)
			continue
		}
		if float64(kept) < 0.9*float64(verdicts) {
			t.Errorf("%s against %s: %d of %d verdicts keep their sign on fresh seeds, want 90%%", pair[1], pair[0], kept, verdicts)
		}
		t.Logf("%s against %s: %d of %d verdicts keep their sign", pair[1], pair[0], kept, verdicts)
	}
}
