package experiment_test

import (
	"context"
	"math"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestReviewReproducesTheLoggedDay: a day logged by cordon from day-one,
// reviewed through day-one, has its observed figures inside the replay's
// prediction intervals, KPI by KPI and hour by hour (nearly all of them:
// each interval is a 95% one), and the replay conserves items hour by hour.
func TestReviewReproducesTheLoggedDay(t *testing.T) {
	sc := load(t, "day-one")
	log, _, err := experiment.RecordLog(context.Background(), sc, 5)
	if err != nil {
		t.Fatal(err)
	}
	r, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil, experiment.ObservedOf(log), experiment.ReviewAsk{},
		experiment.Options{Replications: 20})
	if err != nil {
		t.Fatal(err)
	}
	if r.Change != nil || r.Arrivals != len(log.Arrivals) {
		t.Fatalf("change %v, arrivals %d of %d", r.Change, r.Arrivals, len(log.Arrivals))
	}
	want := map[string]bool{"express.delivered": true, "takeout.door_time.p95": true, "items.delivered": true,
		"sampling.sampled": true, "sampling.makespan": true}
	inside := 0
	for _, k := range r.KPIs {
		delete(want, k.KPI.Name)
		if k.Inside() {
			inside++
		} else {
			t.Logf("%s: observed %.1f outside [%.1f, %.1f]", k.KPI.Name, k.Observed, k.PredLow, k.PredHigh)
		}
	}
	if len(want) > 0 {
		t.Errorf("KPIs not reviewed: %v", want)
	}
	if share := float64(inside) / float64(len(r.KPIs)); share < 0.85 {
		t.Errorf("%d of %d KPIs inside their prediction intervals", inside, len(r.KPIs))
	}
	if len(r.Hours) != 24*sc.Horizon.Days {
		t.Fatalf("%d hours", len(r.Hours))
	}
	checked, in := 0, 0
	arrived := 0
	for _, h := range r.Hours {
		arrived += h.Arrived
		for _, b := range []experiment.Beside{h.Delivered, h.Backlog, h.Sampled} {
			if math.IsNaN(b.Observed) || b.Simulated.StdDev == 0 {
				continue
			}
			checked++
			if b.Inside() {
				in++
			}
		}
	}
	if arrived != len(log.Arrivals) {
		t.Errorf("hours have %d arrivals, the log %d", arrived, len(log.Arrivals))
	}
	if checked < 30 || float64(in) < 0.85*float64(checked) {
		t.Errorf("%d of %d hourly figures inside their prediction intervals", in, checked)
	}
	// Conservation in every replication: delivered and turned away by hour
	// add up to the ledger, and the backlog at the end is what is still on
	// its way, the KPI items.backlog: the hourly backlog and the KPI mean
	// one thing, and items turned away are counted apart.
	for rep, res := range r.Replay.Runs {
		delivered := 0
		for _, kh := range res.Hours {
			for _, d := range kh.Delivered {
				delivered += d
			}
		}
		if delivered != res.Ledger.Delivered {
			t.Fatalf("replication %d: %d delivered by hour, ledger %d", rep, delivered, res.Ledger.Delivered)
		}
		turned := 0.0
		for _, h := range r.Hours {
			turned += h.TurnedAway.Simulated.Values[rep]
		}
		if int(turned) != res.Ledger.TurnedAway {
			t.Fatalf("replication %d: %v turned away by hour, ledger %d", rep, turned, res.Ledger.TurnedAway)
		}
		last := r.Hours[len(r.Hours)-1].Backlog.Simulated.Values[rep]
		kpi, _ := res.Value(compound.Catalog(r.Replay.Scenario), "items.backlog")
		if int(last) != res.Ledger.InPipeline || last != kpi {
			t.Fatalf("replication %d: backlog %v at the end, items.backlog %v, ledger %+v", rep, last, kpi, res.Ledger)
		}
	}
	// Where the time went: the stages add up to the time to the door.
	for _, ks := range r.Stages {
		sum := 0.0
		for _, st := range ks.Stages {
			sum += st.Time.Mean
		}
		if math.Abs(sum-ks.Total.Mean) > 1e-6*ks.Total.Mean {
			t.Errorf("%s: stages add up to %.3f s, the time to the door is %.3f s", ks.Kind, sum, ks.Total.Mean)
		}
	}
}

// TestReviewWithAChange: the day-one log replayed with the second day's
// shelves and containers turns fewer away, and the replay is the change's
// reference.
func TestReviewWithAChange(t *testing.T) {
	sc := load(t, "day-one")
	log, _, err := experiment.RecordLog(context.Background(), sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := scenarios.Resolve("day-one", scenarios.Override{Path: "gate.shelves", Value: "10"},
		scenarios.Override{Path: "gate.containers", Value: "2"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil, nil, experiment.ReviewAsk{Change: &experiment.DayChange{Scenario: changed}}, experiment.Options{Replications: 6})
	if err != nil {
		t.Fatal(err)
	}
	if r.Change == nil || r.Change.Outcomes[0] != r.Replay || r.KPIs != nil {
		t.Fatal("the change's reference is not the replay, or KPIs without observations")
	}
	for _, d := range r.Change.Differences {
		if d.Name == "gate.turned_away" && d.Verdict != experiment.Better {
			t.Errorf("gate.turned_away: %s (%.1f [%.1f, %.1f])", d.Verdict, d.Mean, d.Low, d.High)
		}
	}
	if _, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil,
		&experiment.Observed{Deliveries: []experiment.ObservedDelivery{{Kind: 9, Delivered: 10}}}, experiment.ReviewAsk{}, experiment.Options{Replications: 2}); err == nil {
		t.Error("an observation of a kind that does not exist was taken")
	}
}

// TestReviewLeavesOutWhatTheLogDoesNotSay: observations without sampling
// rows say nothing of sampling (no KPI, no hourly figure), not that no one
// was sampled; without delivery rows, nothing of deliveries.
func TestReviewLeavesOutWhatTheLogDoesNotSay(t *testing.T) {
	sc := load(t, "day-one")
	log, _, err := experiment.RecordLog(context.Background(), sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	full := experiment.ObservedOf(log)
	for _, tc := range []struct {
		name     string
		observed *experiment.Observed
		absent   string
		present  string
	}{
		{"no sampling", &experiment.Observed{Deliveries: full.Deliveries}, "sampling.sampled", "items.delivered"},
		{"no deliveries", &experiment.Observed{Sampled: full.Sampled}, "items.delivered", "sampling.makespan"},
	} {
		r, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil, tc.observed, experiment.ReviewAsk{}, experiment.Options{Replications: 3})
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, k := range r.KPIs {
			names[k.KPI.Name] = true
		}
		if names[tc.absent] || !names[tc.present] {
			t.Errorf("%s: KPIs %v", tc.name, names)
		}
		for _, h := range r.Hours {
			if tc.observed.Sampled == nil && !math.IsNaN(h.Sampled.Observed) ||
				tc.observed.Deliveries == nil && !(math.IsNaN(h.Delivered.Observed) && math.IsNaN(h.Backlog.Observed)) {
				t.Fatalf("%s: hour %v has an observed figure the log does not give: %+v", tc.name, h.Start, h)
			}
		}
	}
}
