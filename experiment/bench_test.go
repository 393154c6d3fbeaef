package experiment_test

import (
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// BenchmarkBaselineReplication builds and runs one replication of the
// baseline's day (07:00 to 07:00), the unit of work of every command.
//
//	go test -run x -bench BaselineReplication ./experiment/
func BenchmarkBaselineReplication(b *testing.B) {
	sc := load(b, "baseline")
	rep := 0
	events := uint64(0)
	b.ReportAllocs()
	for b.Loop() {
		events += replicate(b, sc, rep, compound.Options{})
		rep++
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/replication")
	b.ReportMetric(float64(events)/float64(b.N), "events/replication")
}

// BenchmarkBaselineRun is `cordon run` without its output: 30 replications
// of the baseline on every CPU.
func BenchmarkBaselineRun(b *testing.B) {
	sc := load(b, "baseline")
	for b.Loop() {
		if _, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 30}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineBottlenecks is `cordon bottlenecks baseline`'s analysis:
// 30 replications of the base and of one more unit of every knob bought,
// the zero-cost steps screened both ways and the better ones confirmed.
// It reports the replications run and the scenarios evaluated.
func BenchmarkBaselineBottlenecks(b *testing.B) {
	sc := load(b, "baseline")
	var m *experiment.Marginal
	for b.Loop() {
		var err error
		if m, err = experiment.MarginalAnalysis(context.Background(), sc, experiment.HeadlineKPIs(sc), experiment.Options{Replications: 30}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(m.Units), "replications/op")
	b.ReportMetric(float64(m.Evaluations), "scenarios/op")
}

// BenchmarkReplay100kArrivals replays a logged day of about 100,000 items
// (the baseline's day with 60,000 express parcels and 40,000 takeout
// meals, made by RecordLog) through the baseline, one replication: a queue
// of tens of thousands at the gate, of two priorities.
//
//	go test -run x -bench Replay100k ./experiment/
func BenchmarkReplay100kArrivals(b *testing.B) {
	big, err := scenarios.Resolve("baseline", scenarios.Override{Path: "deliveries.express.per_day", Value: "60000"},
		scenarios.Override{Path: "deliveries.takeout.per_day", Value: "40000"})
	if err != nil {
		b.Fatal(err)
	}
	log, _, err := experiment.RecordLog(context.Background(), big, 0)
	if err != nil {
		b.Fatal(err)
	}
	sc := load(b, "baseline")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := experiment.Replay(context.Background(), sc, log.Arrivals, nil, experiment.Options{Replications: 1, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(log.Arrivals)), "arrivals")
	b.ReportMetric(float64(len(log.Arrivals))*float64(b.N)/b.Elapsed().Seconds(), "arrivals/s")
}

// BenchmarkRunWithAnalysis is the work of `cordon run` on the default
// scenario (its 30 replications) without a report (figures only) and with
// the report's marginal analysis (--marginal-reps 10), both on every CPU:
// it reports the CPU time of each (cpu-s/op, the collector's included) and
// the replications run. The report's files and plots are not in it;
// /usr/bin/time on the command measures those too.
//
//	go test -run x -bench RunWithAnalysis -benchtime 3x ./experiment/
func BenchmarkRunWithAnalysis(b *testing.B) {
	sc := load(b, scenarios.Default)
	for _, c := range []struct {
		name     string
		marginal int
	}{{"no-report", 0}, {"analysis", 10}} {
		b.Run(c.name, func(b *testing.B) {
			opt := experiment.Options{FiguresOnly: c.marginal == 0}
			units := 0
			cpu := processCPU()
			for b.Loop() {
				w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, c.marginal, opt)
				if err != nil {
					b.Fatal(err)
				}
				p, err := experiment.Do(context.Background(), w, opt)
				if err != nil {
					b.Fatal(err)
				}
				units = p.Runs[0].Outcome.Replications
				if m := p.Runs[0].Marginal; m != nil {
					units += m.Units - m.Base.Replications
				}
			}
			b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(units), "replications/op")
		})
	}
}

// BenchmarkPartAlone is one replication of the default scenario as a run
// report's analysis runs its steps: the whole compound with every figure
// (as the base run), and measuring the headline KPIs alone, of the whole
// compound, of the sampling rounds alone and of the deliveries alone
// (compound.Options.Part). It reports the events fired and the process's
// CPU time (the collector's included: steadier than the wall time on a
// loaded machine) per replication.
//
//	go test -run '^$' -bench PartAlone -count 5 ./experiment/
func BenchmarkPartAlone(b *testing.B) {
	sc := load(b, scenarios.Default)
	measure := make([]bool, len(compound.Catalog(sc)))
	for _, name := range experiment.HeadlineKPIs(sc) {
		for i, k := range compound.Catalog(sc) {
			if k.Name == name {
				measure[i] = true
			}
		}
	}
	for _, c := range []struct {
		name string
		opt  compound.Options
	}{
		{"whole", compound.Options{}},
		{"headline", compound.Options{Measure: measure}},
		{"sampling", compound.Options{Measure: measure, Part: compound.PartSampling}},
		{"deliveries", compound.Options{Measure: measure, Part: compound.PartDeliveries}},
	} {
		b.Run(c.name, func(b *testing.B) {
			rep, events := 0, uint64(0)
			cpu := processCPU()
			for b.Loop() {
				events += replicate(b, sc, rep%10, c.opt)
				rep++
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/replication")
			b.ReportMetric(float64(events)/float64(b.N), "events/replication")
		})
	}
}

// replicate builds and runs replication rep of sc with opts and returns
// the events it fired; a benchmark's loop body.
func replicate(b *testing.B, sc *compound.Scenario, rep int, opts compound.Options) uint64 {
	b.Helper()
	m, err := compound.Build(sc, rep, opts)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := m.Run(); err != nil {
		b.Fatal(err)
	}
	return m.Sim().Fired()
}

// BenchmarkBuild builds one replication of the default scenario without
// running it, as the base run builds it and as a run report's analysis
// builds a step of either part alone: the build is paid again by every
// replication.
//
//	go test -run '^$' -bench Build -count 5 ./experiment/
func BenchmarkBuild(b *testing.B) {
	sc := load(b, scenarios.Default)
	for _, c := range []struct {
		name string
		opt  compound.Options
	}{
		{"whole", compound.Options{}},
		{"sampling", compound.Options{NoSeries: true, Part: compound.PartSampling}},
		{"deliveries", compound.Options{NoSeries: true, Part: compound.PartDeliveries}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			rep := 0
			for b.Loop() {
				if _, err := compound.Build(sc, rep%10, c.opt); err != nil {
					b.Fatal(err)
				}
				rep++
			}
		})
	}
}
