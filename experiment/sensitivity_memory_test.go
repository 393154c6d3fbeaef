package experiment

import (
	"context"
	"runtime"
	"testing"

	"cordon/scenarios"
)

// TestSensitivityHoldsOnlyItsKPIs: while a sensitivity analysis runs, what
// it holds grows with the replications by its KPIs' values alone, of every
// scenario, the base's too (the report reads nothing else of it): no other
// KPI's, no post's figures, no table of results. It is measured when the
// last replication has finished, before anything is summarised: the heap
// live after a collection at 1,000 replications against 10, one worker.
func TestSensitivityHoldsOnlyItsKPIs(t *testing.T) {
	if testing.Short() {
		t.Skip("15,000 replications of a small scenario")
	}
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kpis := HeadlineKPIs(sc)
	held := func(reps int) (live int64, units int) {
		w, err := NewSensitivityWork(sc, kpis, 0.2, Options{Replications: reps})
		if err != nil {
			t.Fatal(err)
		}
		live = -1
		last := func(done, total int) {
			if done == total {
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				live = int64(m.HeapAlloc)
			}
		}
		if _, err := Do(context.Background(), w, Options{Workers: 1, Progress: last}); err != nil {
			t.Fatal(err)
		}
		if live < 0 {
			t.Fatal("the last replication was never reported")
		}
		return live, len(w.Items)
	}
	ten, _ := held(10)
	thousand, items := held(1000)
	// Each scenario's KPIs, a float64 a replication at most, and a flag
	// that the replication is in.
	need := int64(990 * items * (8*len(kpis) + 1))
	if grew := thousand - ten; grew > need+need/2 {
		t.Errorf("990 more replications of %d scenarios hold %d B more; their %d KPIs need %d B", items, grew, len(kpis), need)
	}
}
