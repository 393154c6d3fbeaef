package experiment_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"runtime"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// TestFiguresOnlyKeepsTheSummaries: keeping only the figures of each
// replication (no report folder) changes no KPI, no bottleneck and not the
// staff on duty hour by hour (the results document's on_duty), to the bit,
// and keeps no replication's result. Three workers finish replications out
// of order: the staff on duty are still added in order.
func TestFiguresOnlyKeepsTheSummaries(t *testing.T) {
	sc := load(t, "baseline")
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 0, experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	full, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	thin, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 3, FiguresOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := full.Runs[0].Outcome, thin.Runs[0].Outcome
	if len(a.Runs) != 4 || len(a.Bottlenecks) == 0 {
		t.Fatalf("a full run keeps %d replications and %d bottlenecks: the test proves nothing", len(a.Runs), len(a.Bottlenecks))
	}
	if !bytes.Equal(encode(t, a.KPIs), encode(t, b.KPIs)) || !bytes.Equal(encode(t, a.Bottlenecks), encode(t, b.Bottlenecks)) {
		t.Fatal("the KPIs or bottlenecks differ when only the figures are kept")
	}
	if len(a.OnDuty) == 0 || !bytes.Equal(encode(t, a.OnDuty), encode(t, b.OnDuty)) {
		t.Fatalf("the staff on duty differ when only the figures are kept: %d lines and %d", len(a.OnDuty), len(b.OnDuty))
	}
	// The same as the mean over the whole replications, in their order.
	for _, l := range a.OnDuty {
		for h, got := range l.PerHour {
			sum, n := 0.0, 0
			for _, r := range a.Runs {
				for _, s := range r.Series {
					if s.Name == compound.OnDutySeries(l.Pool) && h < len(s.Points) && !math.IsNaN(s.Points[h]) {
						sum += s.Points[h]
						n++
					}
				}
			}
			if want := sum / float64(n); n > 0 && got != want || n == 0 && !math.IsNaN(got) {
				t.Fatalf("%s at hour %d: %v on duty, want %v", l.Pool, h, got, want)
			}
		}
	}
	if b.Runs != nil || b.Replications != 4 {
		t.Errorf("figures only: %d results kept of %d replications, want none of 4", len(b.Runs), b.Replications)
	}
}

// BenchmarkKeptPerReplication reports the heap a finished run of the
// baseline holds per replication, with only the figures kept (as `cordon
// run --no-report`, `sensitivity` and a plan's search keep them) and with
// everything (as a report needs): live bytes after a collection, the
// product still held, over 10 and 200 replications.
//
//	go test -run x -bench KeptPerReplication ./experiment/
func BenchmarkKeptPerReplication(b *testing.B) {
	sc := load(b, "baseline")
	for _, figures := range []bool{true, false} {
		name := "figures"
		if !figures {
			name = "everything"
		}
		b.Run(name, func(b *testing.B) {
			var per float64
			for b.Loop() {
				heap := func(reps int) float64 {
					w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 0, experiment.Options{Replications: reps})
					if err != nil {
						b.Fatal(err)
					}
					p, err := experiment.Do(context.Background(), w, experiment.Options{FiguresOnly: figures})
					if err != nil {
						b.Fatal(err)
					}
					runtime.GC()
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					runtime.KeepAlive(p)
					return float64(m.HeapAlloc)
				}
				per = (heap(200) - heap(10)) / 190
			}
			b.ReportMetric(per, "B/replication")
		})
	}
}

// TestFiguresOnlyEstimatedAsKept: work that keeps only its replications'
// figures is estimated by what it keeps, so a memory limit that refuses
// the same work kept whole lets it run.
func TestFiguresOnlyEstimatedAsKept(t *testing.T) {
	sc := load(t, "baseline")
	const reps = 60
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 0, experiment.Options{Replications: reps})
	if err != nil {
		t.Fatal(err)
	}
	whole := experiment.EstimateMemory(w, experiment.Shard{}, 2, compound.Options{})
	limit := whole.Total - reps*whole.Result // refuses the results kept whole, not their figures
	opt := experiment.Options{Workers: 2, Memory: limit}
	var me *experiment.MemoryError
	if _, err := experiment.RunWork(context.Background(), w, experiment.Shard{}, opt); !errors.As(err, &me) {
		t.Fatalf("kept whole under %d B: got %v, want a MemoryError", limit, err)
	}
	opt.FiguresOnly = true
	p, err := experiment.Do(context.Background(), w, opt)
	if err != nil {
		t.Fatalf("figures only under %d B: %v", limit, err)
	}
	if p.Runs[0].Outcome.Replications != reps {
		t.Errorf("%d replications, want %d", p.Runs[0].Outcome.Replications, reps)
	}
}
