package experiment

import (
	"context"
	"runtime"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// BenchmarkFiguresWhileRunning reports the heap the figures of a run of
// the baseline hold per replication once every replication is in, before
// they are summarised: what grows with the replications while a run
// without its report (`cordon run --no-report`) runs. Live bytes after a
// collection, over 10 and 200 replications: about 2.2 kB a replication
// (3.9 kB when every column held a float64 a replication).
//
//	go test -run x -bench FiguresWhileRunning -benchtime 1x ./experiment/
func BenchmarkFiguresWhileRunning(b *testing.B) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		b.Fatal(err)
	}
	var per float64
	for b.Loop() {
		heap := func(reps int) float64 {
			w, err := NewWork("", []*compound.Scenario{sc}, Options{Replications: reps})
			if err != nil {
				b.Fatal(err)
			}
			figs := w.newFigures(Options{FiguresOnly: true})
			if _, err := runWork(context.Background(), w, Shard{}, Options{}, figs); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			runtime.KeepAlive(figs)
			return float64(m.HeapAlloc)
		}
		per = (heap(200) - heap(10)) / 190
	}
	b.ReportMetric(per, "B/replication")
}
