package experiment_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestSweepReportKeepsNoPlots: a sweep whose report is written (as cordon
// sweep runs it, ReportFigures) keeps of each point only its figures: no
// replication whole and none of the plots of a run's report, which a
// sweep's report does not draw (they held about 25 kB a point and
// replication of the baseline). Its KPIs are those of the points run
// whole, to the bit.
func TestSweepReportKeepsNoPlots(t *testing.T) {
	axis, err := experiment.ParseAxis("gate.shelves=0,4")
	if err != nil {
		t.Fatal(err)
	}
	build := func(values []string) (*compound.Scenario, error) {
		return scenarios.Resolve("../scenarios/testdata/valid/mini.yaml", scenarios.Override{Path: axis.Path, Value: values[0]})
	}
	sweep := func(opt experiment.Options) *experiment.Sweep {
		t.Helper()
		w, err := experiment.NewSweepWork([]experiment.Axis{axis}, build, opt)
		if err != nil {
			t.Fatal(err)
		}
		p, err := experiment.Do(context.Background(), w, opt)
		if err != nil {
			t.Fatal(err)
		}
		return p.Sweep
	}
	report := sweep(experiment.Options{Replications: 4, ReportFigures: true})
	whole := sweep(experiment.Options{Replications: 4})
	for i, pt := range report.Points {
		o := pt.Outcome
		if o.Plots != nil || o.Runs != nil {
			t.Errorf("point %v keeps the plots of a run (%v) or %d replications whole", pt.Values, o.Plots != nil, len(o.Runs))
		}
		w := whole.Points[i].Outcome
		if w.Runs == nil {
			t.Fatalf("point %v run whole keeps no replication: the test compares nothing", pt.Values)
		}
		for j, k := range o.KPIs {
			if !slices.Equal(bitsOf(k.Values), bitsOf(w.KPIs[j].Values)) || fmt.Sprint(k.Summary) != fmt.Sprint(w.KPIs[j].Summary) {
				t.Errorf("point %v, %s: %v, run whole %v", pt.Values, k.Name, k.Values, w.KPIs[j].Values)
			}
		}
	}
}

// bitsOf is each value's bits, so that NaNs compare equal.
func bitsOf(v []float64) []uint64 {
	out := make([]uint64, len(v))
	for i, x := range v {
		out[i] = math.Float64bits(x)
	}
	return out
}

// TestCompareReportKeepsNoPlots: a comparison whose report is written
// (ReportFigures) keeps no scenario's plots of a run, which its report
// does not draw, and its differences are those of the scenarios run whole.
func TestCompareReportKeepsNoPlots(t *testing.T) {
	var scs []*compound.Scenario
	for _, shelves := range []string{"0", "4"} {
		sc, err := scenarios.Resolve("../scenarios/testdata/valid/mini.yaml", scenarios.Override{Path: "gate.shelves", Value: shelves})
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	report, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: 4, ReportFigures: true})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range report.Outcomes {
		if o.Plots != nil || o.Runs != nil {
			t.Errorf("%s keeps the plots of a run (%v) or %d replications whole", o.Scenario.Name, o.Plots != nil, len(o.Runs))
		}
	}
	if whole.Outcomes[0].Runs == nil || len(whole.Differences) == 0 {
		t.Fatal("the comparison run whole keeps no replication or has no difference: the test compares nothing")
	}
	if got, want := fmt.Sprint(report.Differences), fmt.Sprint(whole.Differences); got != want {
		t.Errorf("differences %s, run whole %s", got, want)
	}
}
