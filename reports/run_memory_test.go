package reports

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// TestRunReportHoldsNoCopyOfValues: the contents of a run report, made
// before its files are written and held until the last is, hold no copy of
// the KPIs' values per replication (results.json writes the outcome's):
// what they hold beyond the outcome does not grow with the replications.
// The document's bytes are NewResults' all the same.
func TestRunReportHoldsNoCopyOfValues(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the baseline 200 times")
	}
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	held := func(reps int) (extra, values float64) {
		o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: reps, ReportFigures: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range o.KPIs {
			values += float64(8 * len(k.Values))
		}
		before := liveHeap()
		c, err := RunReport(o, nil, nil).build(English())
		if err != nil {
			t.Fatal(err)
		}
		extra = float64(liveHeap()) - float64(before)
		runtime.KeepAlive(c)

		want, err := NewResults(o).JSON()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		for _, f := range c.files {
			if f.name == "results.json" {
				if err := f.write(&got); err != nil {
					t.Fatal(err)
				}
			}
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("%d replications: results.json of the report is not NewResults' JSON", reps)
		}
		runtime.KeepAlive(o)
		return extra, values
	}
	few, _ := held(10)
	many, values := held(200)
	if grown := many - few; grown > values/4 {
		t.Errorf("the report's contents hold %.0f kB more at 200 replications than at 10; the KPIs' values are %.0f kB", grown/1e3, values/1e3)
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
