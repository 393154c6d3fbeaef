package experiment

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestShardAndMergeHoldNoResults: a shard writing its part holds none of
// its units' results once written, and a merge reading the parts holds of
// each replication only the figures its report reads, not its result
// (about 55 kB on disk for day-one). The heap live after a collection is
// measured when a shard's last unit has finished, and when the merge has
// made its product (still held), at 200 replications against 10, one
// worker: a shard's may grow by nothing a unit, a merge's by the figures'
// few kB a replication.
func TestShardAndMergeHoldNoResults(t *testing.T) {
	if testing.Short() {
		t.Skip("420 replications of day-one")
	}
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	held := func(reps int) (shard, merge int64) {
		w, err := NewRunWork([]*compound.Scenario{sc}, nil, 0, Options{Replications: reps})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		var names []string
		for i := range 2 {
			sh := Shard{Index: i, Count: 2}
			name := filepath.Join(dir, sh.PartName())
			f, err := os.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			live := int64(-1)
			last := func(done, total int) {
				if done == total {
					live = liveHeap()
				}
			}
			if _, err := RunShard(context.Background(), w, sh, Options{Workers: 1, Progress: last}, "test", f); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if live < 0 {
				t.Fatal("the shard's last unit was never reported")
			}
			shard = max(shard, live)
			names = append(names, name)
		}
		parts := make([]*PartReader, len(names))
		for i, name := range names {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if parts[i], err = NewPartReader(f); err != nil {
				t.Fatal(err)
			}
		}
		_, prod, err := MergeProduct(context.Background(), parts, names, func(s Shard) string { return fmt.Sprint(s) }, true)
		if err != nil {
			t.Fatal(err)
		}
		merge = liveHeap()
		if got := prod.Runs[0].Outcome.Replications; got != reps {
			t.Fatalf("merged %d replications, want %d", got, reps)
		}
		runtime.KeepAlive(prod)
		return shard, merge
	}
	shard10, merge10 := held(10)
	shard200, merge200 := held(200)
	// A shard holds nothing a unit (1 kB a unit allows for the
	// collector's noise); a merge the figures, about 4 kB a replication.
	if grew, most := shard200-shard10, int64(95<<10); grew > most {
		t.Errorf("a shard of 100 units holds %d kB more than one of 5, want at most %d kB", grew>>10, most>>10)
	}
	if grew, most := merge200-merge10, int64(190*8<<10); grew > most {
		t.Errorf("a merge of 200 replications holds %d kB more than one of 10, want at most %d kB", grew>>10, most>>10)
	}
	t.Logf("shard %d → %d kB, merge %d → %d kB", shard10>>10, shard200>>10, merge10>>10, merge200>>10)
}

// liveHeap returns the heap live after a collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
