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
// run --no-report`, `sensitivity` and a plan's search keep them), with the
// figures and what the report's plots read (as `cordon run` with its
// report keeps them) and with everything (as Run keeps it): live bytes
// after a collection, the product still held, over 10 and 200
// replications.
//
//	go test -run x -bench KeptPerReplication -benchtime 1x ./experiment/
func BenchmarkKeptPerReplication(b *testing.B) {
	sc := load(b, "baseline")
	for _, c := range []struct {
		name string
		opt  experiment.Options
	}{
		{"figures", experiment.Options{FiguresOnly: true}},
		{"report", experiment.Options{ReportFigures: true}},
		{"everything", experiment.Options{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var per float64
			for b.Loop() {
				heap := func(reps int) float64 {
					w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 0, experiment.Options{Replications: reps})
					if err != nil {
						b.Fatal(err)
					}
					p, err := experiment.Do(context.Background(), w, c.opt)
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

// TestReportFiguresKeepThePlots: a run whose report is written, keeping of
// each replication only its figures and what the report's plots read
// (three workers: replications finish out of order), has the same KPIs,
// bottlenecks, plot figures and marginal analysis, to the bit, as the run
// that keeps every replication whole; it keeps none whole but the first
// ones its marginal analysis reads.
func TestReportFiguresKeepThePlots(t *testing.T) {
	sc := load(t, "baseline")
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 3, experiment.Options{Replications: 7})
	if err != nil {
		t.Fatal(err)
	}
	full, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	thin, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 3, ReportFigures: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := full.Runs[0].Outcome, thin.Runs[0].Outcome
	if len(a.Runs) != 7 || b.Runs != nil || b.Plots == nil || b.Plots.Replications != 7 {
		t.Fatalf("whole: %d replications kept; report figures: %d kept, plots %v", len(a.Runs), len(b.Runs), b.Plots)
	}
	same := func(what string, x, y []float64) {
		t.Helper()
		if len(x) == 0 || len(x) != len(y) {
			t.Fatalf("%s: %d points and %d", what, len(x), len(y))
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				t.Fatalf("%s at %d: %v and %v", what, i, x[i], y[i])
			}
		}
	}
	banded := 0
	for _, s := range a.Runs[0].Series {
		x, err := a.Plots.Series(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		y, err := b.Plots.Series(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		same(s.Name, x.Mean(), y.Mean())
		// The whole run's figures are the replications' points added up.
		sum := make([]float64, len(x.Sum))
		for _, r := range a.Runs {
			for _, rs := range r.Series {
				if rs.Name == s.Name {
					for i := range sum {
						sum[i] += rs.Points[i]
					}
				}
			}
		}
		same(s.Name+" (by hand)", x.Sum, sum)
		if experiment.Banded(s.Name) {
			banded++
			same(s.Name+" p5", x.Quantile(0.05), y.Quantile(0.05))
			same(s.Name+" p95", x.Quantile(0.95), y.Quantile(0.95))
		}
	}
	if banded == 0 {
		t.Fatal("no series drawn with a band: the test proves nothing")
	}
	for k := range sc.Kinds {
		x, y := a.Plots.DoorTimes(k), b.Plots.DoorTimes(k)
		if x.Len() == 0 || x.Len() != y.Len() {
			t.Fatalf("kind %d: %d and %d times to the door", k, x.Len(), y.Len())
		}
		for r := range x.Len() {
			if x.At(r) != y.At(r) {
				t.Fatalf("kind %d: time %d is %v and %v", k, r, x.At(r), y.At(r))
			}
		}
	}
	for _, pool := range sc.Staff {
		x, y := a.Plots.PoolHours(pool.Name), b.Plots.PoolHours(pool.Name)
		if x.Groups != y.Groups || !bytes.Equal(encode(t, x.Mean()), encode(t, y.Mean())) {
			t.Fatalf("%s: utilisation by hour differs", pool.Name)
		}
	}
	if !bytes.Equal(encode(t, a.KPIs), encode(t, b.KPIs)) || !bytes.Equal(encode(t, a.Bottlenecks), encode(t, b.Bottlenecks)) {
		t.Fatal("the KPIs or bottlenecks differ")
	}
	if m := full.Runs[0].Marginal; m == nil || !bytes.Equal(encode(t, m), encode(t, thin.Runs[0].Marginal)) {
		t.Fatal("the marginal analysis differs")
	}
}
