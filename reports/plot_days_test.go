package reports

import (
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestPlotDaysData: in a run of two days the run report has the figure of
// the days, each kind a point a day at the mean of its
// KIND.door_time.p95@dayN in minutes; a run of one day has no such figure.
func TestPlotDaysData(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	plots, err := RunPlots(o)
	if err != nil {
		t.Fatal(err)
	}
	var fig *Plot
	for i := range plots {
		if plots[i].Name == "days" {
			fig = &plots[i]
		}
	}
	if fig == nil {
		t.Fatal("a run of two days has no figure of the days")
	}
	for _, k := range sc.Kinds {
		xys, ok := fig.layer(k.Name)
		if !ok || len(xys) != 2 {
			t.Fatalf("%s: %d points, want one a day", k.Name, len(xys))
		}
		for i, xy := range xys {
			d := i + 1
			kpi, _ := o.KPI(compound.DayKPI(k.Name+".door_time.p95", d))
			if xy.X != float64(d) || !near(xy.Y, kpi.Mean/60) {
				t.Errorf("%s day %d: drawn at (%v, %v), the KPI's mean is %v min", k.Name, d, xy.X, xy.Y, kpi.Mean/60)
			}
		}
	}
	one := *sc
	one.Horizon.Days = 1
	o, err = experiment.Run(context.Background(), &one, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	if plots, err = RunPlots(o); err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		if p.Name == "days" {
			t.Error("a run of one day has a figure of the days")
		}
	}
}
