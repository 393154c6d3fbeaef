package experiment_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// TestWorkAboveMemoryRefused: a million replications of the baseline would
// keep some 200 GB of results; with 1 GiB to spend the work is refused
// before any replication runs, with the estimate and the limit.
func TestWorkAboveMemoryRefused(t *testing.T) {
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{load(t, "baseline")}, experiment.Options{Replications: compound.MaxReplications})
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	_, err = experiment.RunWork(context.Background(), w, experiment.Shard{}, experiment.Options{
		Workers: 2, Memory: 1 << 30, Progress: func(int, int) { ran++ }})
	var me *experiment.MemoryError
	if !errors.As(err, &me) || me.Limit != 1<<30 || me.Need.Total <= 1<<30 || me.Need.Replications != compound.MaxReplications {
		t.Fatalf("got %v, want a MemoryError over 1 GiB for %d replications", err, compound.MaxReplications)
	}
	if ran != 0 {
		t.Errorf("%d replications ran before the work was refused", ran)
	}
	if msg := err.Error(); !strings.Contains(msg, "1.0 GiB") || strings.Contains(msg, "\n") {
		t.Errorf("message %q: want one line naming the limit", msg)
	}
}

// TestMemoryEstimateCountsWhatIsKept: the estimate grows with the
// replications by what each keeps, counts a shard's share only, and counts
// the replications running at once, no more than there are.
func TestMemoryEstimateCountsWhatIsKept(t *testing.T) {
	sc := load(t, "baseline")
	work := func(reps int) *experiment.Work {
		w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: reps})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	ten := experiment.EstimateMemory(work(10), experiment.Shard{}, 2, compound.Options{})
	thousand := experiment.EstimateMemory(work(1000), experiment.Shard{}, 2, compound.Options{})
	if ten.Result < 100<<10 || ten.Result > 1<<20 {
		t.Errorf("a baseline result estimated at %d B, measured about 200 KB", ten.Result)
	}
	if d := thousand.Total - ten.Total; d < 990*ten.Result {
		t.Errorf("990 more replications add %d B, less than the %d B of results they keep", d, 990*ten.Result)
	}
	half := experiment.EstimateMemory(work(1000), experiment.Shard{Index: 1, Count: 2}, 2, compound.Options{})
	if half.Replications != 500 || half.Total >= thousand.Total {
		t.Errorf("shard 1/2 of 1000: %d replications, %d B (all: %d B)", half.Replications, half.Total, thousand.Total)
	}
	one := experiment.EstimateMemory(work(1), experiment.Shard{}, 8, compound.Options{})
	if one.Workers != 1 {
		t.Errorf("one replication with 8 workers counted %d running at once", one.Workers)
	}
}

// TestMemoryCapsEntities: a runaway replication (twenty times the items and
// no gate crew: they pile up) stops at its share of the memory: what is left after the
// estimate, per replication running, at about 1 KiB an entity.
func TestMemoryCapsEntities(t *testing.T) {
	sc := load(t, "baseline")
	for i := range sc.Staff {
		if sc.Staff[i].Name == "gate-crew" {
			sc.Staff[i].Shifts = []compound.Shift{{From: sc.Horizon.Start, To: sc.Horizon.Start + 3600, Count: 0}}
			sc.Staff[i].Breaks = nil
		}
	}
	for i := range sc.Kinds {
		sc.Kinds[i].PerDay *= 20
	}
	sc.Gate.CourierPatience, sc.Gate.WhenFull = 0, "wait"
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: 1})
	if err != nil {
		t.Fatal(err)
	}
	need := experiment.EstimateMemory(w, experiment.Shard{}, 1, compound.Options{})
	budget := need.Total + 2*2000*compound.EntityBytes // room for 2000 more entities (the collector's headroom doubles them)
	_, err = experiment.RunWork(context.Background(), w, experiment.Shard{}, experiment.Options{Workers: 1, Memory: budget})
	want := sc.ExpectedEntities() + 2000
	if err == nil || !strings.Contains(err.Error(), "more than "+strconv.Itoa(want)+" entities") {
		t.Errorf("got %v, want the run stopped at more than %d entities", err, want)
	}
}
