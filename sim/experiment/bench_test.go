package experiment_test

import (
	"context"
	"testing"

	"cordon/sim/compound"
	"cordon/sim/experiment"
)

// BenchmarkBaselineReplication builds and runs one replication of the
// baseline's day (07:00 to 07:00), the unit of work of every command.
//
//	go test -run x -bench BaselineReplication ./sim/experiment/
func BenchmarkBaselineReplication(b *testing.B) {
	sc := load(&testing.T{}, "baseline")
	rep := 0
	events := uint64(0)
	b.ReportAllocs()
	for b.Loop() {
		m, err := compound.Build(sc, rep, compound.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.Run(); err != nil {
			b.Fatal(err)
		}
		events += m.Sim().Fired()
		rep++
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/replication")
	b.ReportMetric(float64(events)/float64(b.N), "events/replication")
}

// BenchmarkBaselineRun is `cordon run` without its output: 30 replications
// of the baseline on every CPU.
func BenchmarkBaselineRun(b *testing.B) {
	sc := load(&testing.T{}, "baseline")
	for b.Loop() {
		if _, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 30}); err != nil {
			b.Fatal(err)
		}
	}
}
