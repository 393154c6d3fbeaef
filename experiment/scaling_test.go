package experiment_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"cordon/compound"
	"cordon/experiment"
)

// longer returns sc run over days days.
func longer(sc *compound.Scenario, days int) *compound.Scenario {
	c := *sc
	c.Horizon.Days = days
	return &c
}

// moreResidents returns sc with every building's households and residents
// times k.
func moreResidents(sc *compound.Scenario, k int) *compound.Scenario {
	c := *sc
	c.Buildings = slices.Clone(sc.Buildings)
	for i := range c.Buildings {
		c.Buildings[i].Households *= k
		c.Buildings[i].Residents *= k
	}
	return &c
}

// moreVolume returns sc with every delivery kind's volume and every knob a
// plan buys (staff on each shift, sites' stations, shelves, containers,
// carts, disinfection places) times k.
func moreVolume(sc *compound.Scenario, k int) *compound.Scenario {
	c := *sc
	c.Kinds = slices.Clone(sc.Kinds)
	for i := range c.Kinds {
		c.Kinds[i].PerDay *= float64(k)
	}
	out := &c
	for _, kn := range experiment.Knobs(sc) {
		if kn.Resource != experiment.KnobSchedule {
			out = kn.With(out, kn.Value(sc)*k)
		}
	}
	return out
}

// TestScaledScenariosScale: the scenarios of BenchmarkScaling are what
// they say: k times the items, the residents, the days' deliveries.
func TestScaledScenariosScale(t *testing.T) {
	sc := load(t, "baseline")
	arrived := func(o *experiment.Outcome) float64 { return float64(o.Runs[0].Ledger.Arrived) }
	residents := func(o *experiment.Outcome) float64 { return float64(o.Runs[0].Ledger.Residents) }
	for _, c := range []struct {
		name  string
		sc    *compound.Scenario
		count func(*experiment.Outcome) float64
		want  float64
	}{
		{"volume x8", moreVolume(sc, 8), arrived, 8},
		{"residents x4", moreResidents(sc, 4), residents, 4},
		{"days 4", longer(sc, 4), arrived, 4},
	} {
		if errs := c.sc.Check(); len(errs) > 0 {
			t.Fatalf("%s: %v", c.name, errs[0])
		}
		base, scaled := c.count(run(t, sc, 1)), c.count(run(t, c.sc, 1))
		if r := scaled / base; r < 0.8*c.want || r > 1.2*c.want {
			t.Errorf("%s: %v against %v, want about %v times", c.name, scaled, base, c.want)
		}
	}
}

// processCPU returns the CPU time the process has used: on a machine
// shared with other work, a replication's cost is its CPU time, not the
// wall time. It reads the process's CPU clock, to the nanosecond, rather
// than adding up getrusage's user and system times, which are microseconds
// split by the kernel's ticks. The process's clock, not the thread's
// (CLOCK_THREAD_CPUTIME_ID, which sim/validation's paired loops read on one
// locked thread): the collector's work on its own threads is part of a
// replication's cost, a goroutine moves between threads, and
// BenchmarkRunWithAnalysis runs replications on several workers.
func processCPU() time.Duration {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BenchmarkScaling builds and runs replications of the baseline scaled
// along each of the README's scaling table's lines: days, residents, and
// volumes with every capacity a plan buys. It reports the wall and CPU
// time of one replication and its events.
//
//	go test -run x -bench Scaling ./experiment/
func BenchmarkScaling(b *testing.B) {
	sc := load(b, "baseline")
	cases := []struct {
		name string
		sc   *compound.Scenario
	}{}
	for _, d := range []int{1, 2, 4, 8, 16} {
		cases = append(cases, struct {
			name string
			sc   *compound.Scenario
		}{fmt.Sprintf("days=%d", d), longer(sc, d)})
	}
	for _, k := range []int{1, 2, 4, 8} {
		cases = append(cases, struct {
			name string
			sc   *compound.Scenario
		}{fmt.Sprintf("residents=x%d", k), moreResidents(sc, k)})
	}
	for _, k := range []int{1, 8, 16, 32} {
		cases = append(cases, struct {
			name string
			sc   *compound.Scenario
		}{fmt.Sprintf("volume=x%d", k), moreVolume(sc, k)})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			rep, events := 0, uint64(0)
			cpu := processCPU()
			for b.Loop() {
				events += replicate(b, c.sc, rep, compound.Options{})
				rep++
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/replication")
			b.ReportMetric((processCPU()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/replication")
			b.ReportMetric(float64(events)/float64(b.N), "events/replication")
		})
	}
}
