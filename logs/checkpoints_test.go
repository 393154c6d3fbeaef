package logs_test

import (
	"bytes"
	"context"
	"math"
	"testing"

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
		var arrivals, observed bytes.Buffer
		if err := logs.WriteArrivals(&arrivals, sc, day, nil, log.Arrivals); err != nil {
			t.Fatal(err)
		}
		write := logs.WriteObserved
		if timed {
			write = logs.WriteObservedTimed
		}
		if err := write(&observed, sc, day, nil, log); err != nil {
			t.Fatal(err)
		}
		read := logs.ReadDay(ctx, sc, logs.DayFiles{
			Arrivals: logs.File{Name: "arrivals.csv", R: &arrivals},
			Observed: &logs.File{Name: "observed.csv", R: &observed},
		}, logs.Options{Day: &day})
		for _, f := range read.Files {
			if f.Err != nil {
				t.Fatalf("%s: %v", f.Name, f.Err)
			}
		}
		byID := map[string][]float64{}
		for _, d := range read.Observed.Deliveries {
			byID[d.ID] = d.Stages
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
