package experiment_test

import (
	"context"
	"runtime"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// knobAt finds the knob of sc with the given --set path.
func knobAt(t *testing.T, sc *compound.Scenario, path string) experiment.Knob {
	t.Helper()
	for _, k := range experiment.Knobs(sc) {
		if k.Path == path {
			return k
		}
	}
	t.Fatalf("no knob %s", path)
	return experiment.Knob{}
}

// TestReviewNamesTheMissingCrew is issue 13's acceptance for replay: a day
// recorded from day-one with half the suited crew on the day shift (2 of
// 4, as in scenarios/incident), replayed through day-one, names the suited
// crew first in what would have helped, as the likely cause: without the
// roster (the shortfall read from the observations) and with it (the
// roster's absence restored). The log times each item's stages: without
// them, a gate crew short fits the observations as well on this full-gate
// day, and the review says so and names no cause
// (TestInferSaysWhenCausesFitAlike). Before, the review ranked the staging area
// first (the symptom) and the suited crew ninth. The advice is then
// checked on a fresh seed: the crew restored is significantly better on
// the KPI the review named.
func TestReviewNamesTheMissingCrew(t *testing.T) {
	ctx := context.Background()
	sc := load(t, "day-one")
	crew := knobAt(t, sc, "staff.suited-crew.shifts[0].count")
	half := crew.With(sc, 2)
	half.Seed = 2021 // the day's own draws, not the replay's
	log, _, err := experiment.RecordLog(ctx, half, 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := experiment.Options{Replications: 6}
	for _, c := range []struct {
		name   string
		roster []compound.RosterEntry
	}{{"without the roster", nil}, {"with the roster", half.PlannedRoster()}} {
		t.Run(c.name, func(t *testing.T) {
			done, total := 0, 0
			opt := opt
			opt.Progress = func(d, n int) { done, total = d, n }
			r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, c.roster, experiment.ObservedTimed(log), experiment.ReviewAsk{Helped: true}, opt)
			if err != nil {
				t.Fatal(err)
			}
			if done != total || done == 0 {
				t.Errorf("progress ended at %d of %d", done, total)
			}
			h := r.Helped
			if h == nil || len(h.Changes) == 0 {
				t.Fatalf("nothing would have helped: %+v", h)
			}
			for i, ch := range h.Changes {
				t.Logf("%d. %s (%s, %s): %s %+.1f [%+.1f, %+.1f], score %.2f", i+1, ch.Change, ch.Post, ch.Resource, ch.Lead.Name, ch.Lead.Mean, ch.Lead.Low, ch.Lead.High, ch.Score)
			}
			first := h.Changes[0]
			if first.Post != "suited-crew" || first.Resource != experiment.Restore || h.LikelyCause() == nil {
				t.Fatalf("first: %s (%s, %s), want the suited crew restored as the likely cause", first.Change, first.Post, first.Resource)
			}
			if c.roster == nil {
				in := h.Inferred
				if in == nil || in.Knob.Path != crew.Path || in.OnDuty != 2 || in.Planned != 4 {
					t.Fatalf("inferred %+v, want the suited crew's day shift at 2 of 4", in)
				}
			}
			// On a fresh seed, the day with two suited workers against the
			// plan's four: better on the KPI the review named.
			seed := uint64(99)
			fresh := experiment.Options{Replications: 6, Seed: &seed}
			restored := experiment.DayChange{Scenario: sc}
			day := half
			if c.roster != nil {
				day, restored = sc, experiment.DayChange{Scenario: sc, Roster: sc.RestoreRoster(c.roster, "suited-crew")}
			}
			cmp, err := experiment.Counterfactual(ctx, day, restored, log.Arrivals, c.roster, fresh)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range cmp.Differences {
				if d.Name == first.Lead.Name && d.Verdict != experiment.Better {
					t.Errorf("on seed 99, %s: %+.1f [%+.1f, %+.1f], %s; want better", d.Name, d.Mean, d.Low, d.High, d.Verdict)
				}
			}
		})
	}
}

// TestReviewProgressMeasuresTheWork: the progress of a review counts every
// replication it runs, the replay's and each change's, against one total
// that the last report reaches: a bar never sits at 90% while the changes
// run, nor ends short.
func TestReviewProgressMeasuresTheWork(t *testing.T) {
	ctx := context.Background()
	sc := load(t, "day-one")
	half := knobAt(t, sc, "staff.suited-crew.shifts[0].count").With(sc, 2)
	log, _, err := experiment.RecordLog(ctx, half, 0)
	if err != nil {
		t.Fatal(err)
	}
	type report struct{ done, total int }
	var got []report
	opt := experiment.Options{Replications: 2, Workers: 1, Progress: func(done, total int) { got = append(got, report{done, total}) }}
	r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, half.PlannedRoster(), nil, experiment.ReviewAsk{Helped: true}, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := 2 * (1 + r.Helped.Tried) // the replay and every change tried
	if len(got) == 0 {
		t.Fatal("no progress reported")
	}
	last := got[len(got)-1]
	if last.done != want || last.total != want {
		t.Errorf("last report %d of %d, want %d of %d", last.done, last.total, want, want)
	}
	for i, g := range got {
		if g.total != want || g.done > g.total || i > 0 && g.done < got[i-1].done {
			t.Fatalf("report %d: %d of %d (after %v); want a count that only grows, of %d", i, g.done, g.total, got[max(i-1, 0)], want)
		}
	}
}

// TestHelpedKeepsNoReplicationWhole: the changes a review replays to rank
// what would have helped are judged by their KPIs alone, so none keeps its
// replications whole while the others run. Measured as the heap still in
// use after a collection when the last change's last replication is done:
// every change's outcome is held then. Replays of day-one, three
// replications of each of 57 changes, held 58 MB when each kept its
// replications whole (some 300 kB a replication); 7 MB now.
func TestHelpedKeepsNoReplicationWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("replays some sixty changes")
	}
	ctx := context.Background()
	sc := load(t, "day-one")
	log, _, err := experiment.RecordLog(ctx, sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	var held uint64
	opt := experiment.Options{Replications: 3, Workers: 1}
	opt.Progress = func(done, total int) {
		if done == total {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			held = ms.HeapAlloc - min(before, ms.HeapAlloc)
		}
	}
	r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, sc.PlannedRoster(), nil, experiment.ReviewAsk{Helped: true}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Helped == nil || r.Helped.Tried < 30 {
		t.Fatalf("the review tried too few changes to tell")
	}
	t.Logf("held %.1f MB", float64(held)/(1<<20))
	if held == 0 || held > 15<<20 {
		t.Errorf("%.1f MB held when the last of %d changes was replayed", float64(held)/(1<<20), r.Helped.Tried)
	}
}
