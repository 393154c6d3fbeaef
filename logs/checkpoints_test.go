package logs_test

import (
	"bytes"
	"context"
	"math"
	"testing"

	"cordon/experiment"
	"cordon/logs"
)

// TestRoundTripCheckpoints: observed.csv written with the checkpoints each
// delivered item passed (cordon record --stages) reads back to the time
// each item spent in each stage, to the millisecond, once joined to its
// arrival; without them, no stage is timed.
func TestRoundTripCheckpoints(t *testing.T) {
	ctx := context.Background()
	sc := dayOne(t)
	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	day := shanghai(sc)
	for _, timed := range []bool{true, false} {
		var buf bytes.Buffer
		write := logs.WriteObserved
		if timed {
			write = logs.WriteObservedTimed
		}
		if err := write(&buf, sc, day, synthetic, log); err != nil {
			t.Fatal(err)
		}
		got, err := logs.ReadObserved(ctx, "observed.csv", &buf, sc, logs.Options{Day: &day})
		if err != nil {
			t.Fatal(err)
		}
		passed := map[string][]float64{}
		var delivered []experiment.DeliveredItem
		for _, o := range got.Rows {
			if j, ok := logs.CheckpointStage(o.Event); ok {
				if passed[o.ID] == nil {
					passed[o.ID] = []float64{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}
				}
				passed[o.ID][j] = o.At
			}
			if o.Event == logs.Delivered {
				delivered = append(delivered, experiment.DeliveredItem{Kind: o.Kind, ID: o.ID, At: o.At})
			}
		}
		for i := range delivered {
			delivered[i].Passed = passed[delivered[i].ID]
		}
		obs := experiment.NewObserved(log.Arrivals, delivered, nil)
		byID := map[string][]float64{}
		for i, d := range obs.Deliveries {
			byID[delivered[i].ID] = d.Stages
		}
		if len(log.Deliveries) < 1000 {
			t.Fatalf("%d deliveries logged", len(log.Deliveries))
		}
		for _, d := range log.Deliveries {
			got := byID[d.ID]
			if !timed {
				if got != nil {
					t.Fatalf("%s: stages %v read from a log without checkpoints", d.ID, got)
				}
				continue
			}
			if len(got) != len(d.Stages) {
				t.Fatalf("%s: %d stages read, %d logged", d.ID, len(got), len(d.Stages))
			}
			for j := range got {
				if math.Abs(got[j]-d.Stages[j]) > 0.002 {
					t.Fatalf("%s: stage %d read as %v s, logged %v s", d.ID, j, got[j], d.Stages[j])
				}
			}
		}
	}
}
