package experiment_test

import (
	"context"
	"math"
	"testing"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"cordon/compound"
	"cordon/experiment"
)

// TestReplayReproducesTheLog: a day logged by cordon from day-one (one
// replication), replayed through day-one over 20 replications, gives back
// the logged day: the arrivals of each kind exactly (they are the logged
// ones), and the time to the door, the gate's figures and the items
// delivered inside the replay's 95% prediction interval for one more day,
//
//	mean ± t(0.975, n−1) × s × √(1 + 1/n),
//
// the interval a single logged day falls in (the confidence interval of the
// mean is for the mean, which one day does not estimate).
func TestReplayReproducesTheLog(t *testing.T) {
	sc := load(t, "day-one")
	log, logged, err := experiment.RecordLog(context.Background(), sc, 3)
	if err != nil {
		t.Fatal(err)
	}
	out, err := experiment.Replay(context.Background(), sc, log.Arrivals, nil, experiment.Options{Replications: 20})
	if err != nil {
		t.Fatal(err)
	}
	cat := compound.Catalog(sc)
	for _, name := range []string{"express.arrived", "takeout.arrived", "reserve.arrived"} {
		want, _ := logged.Value(cat, name)
		got, _ := out.KPI(name)
		if got.Mean != want || got.Low != want {
			t.Errorf("%s: replay %v, log %v: the replay must have the logged arrivals", name, got.Values, want)
		}
	}
	for _, name := range []string{"express.door_time.mean", "takeout.door_time.p95", "gate.staging.time_full", "gate.turned_away", "items.delivered"} {
		want, _ := logged.Value(cat, name)
		got, _ := out.KPI(name)
		lo, hi := predictionInterval(got.Values)
		if want < lo || want > hi {
			t.Errorf("%s: logged %.1f outside the replay's 95%% prediction interval [%.1f, %.1f]", name, want, lo, hi)
		}
	}
}

// predictionInterval is the 95% Student-t prediction interval of one more
// value from the same distribution as v.
func predictionInterval(v []float64) (float64, float64) {
	mean, sd := stat.MeanStdDev(v, nil)
	n := float64(len(v))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975)
	w := t * sd * math.Sqrt(1+1/n)
	return mean - w, mean + w
}

// TestCounterfactualShelves: day one's log replayed with the second day's
// shelves and containers turns no one away, a significant improvement.
func TestCounterfactualShelves(t *testing.T) {
	day := load(t, "day-one")
	log, _, err := experiment.RecordLog(context.Background(), day, 0)
	if err != nil {
		t.Fatal(err)
	}
	with := *day
	with.Gate.Shelves, with.Gate.Containers, with.Gate.Ground = 8, 2, 60
	c, err := experiment.Counterfactual(context.Background(), day, experiment.DayChange{Scenario: &with}, log.Arrivals, nil, experiment.Options{Replications: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Differences {
		if d.Name == "gate.staging.time_full" && d.Verdict != experiment.Better {
			t.Errorf("shelves on day one: time full %s (%.0f [%.0f, %.0f])", d.Verdict, d.Mean, d.Low, d.High)
		}
		if d.Name == "express.arrived" && d.Mean != 0 {
			t.Errorf("the two replays do not share the logged arrivals")
		}
	}
}

// TestReplayRoster: a logged roster replaces the scenario's shifts: a gate
// crew of one all day makes the time to label items longer than the
// scenario's crews do.
func TestReplayRoster(t *testing.T) {
	sc := load(t, "baseline")
	log, _, err := experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	roster := []compound.RosterEntry{{Pool: "gate-crew", From: 0, To: 24 * 3600, Count: 1}}
	a, err := experiment.Replay(context.Background(), sc, log.Arrivals, nil, experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.Replay(context.Background(), sc, log.Arrivals, roster, experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	ka, _ := a.KPI("express.time.intake")
	kb, _ := b.KPI("express.time.intake")
	if !(kb.Mean > ka.Mean) {
		t.Errorf("intake with one on the gate %.0f s, with the scenario's crews %.0f s", kb.Mean, ka.Mean)
	}
	if errs := sc.CheckReplay(nil, []compound.RosterEntry{{Pool: "gate-crw", From: 0, To: 10, Count: 1}}); len(errs) != 1 {
		t.Errorf("a roster naming no pool: %v", errs)
	}
}
