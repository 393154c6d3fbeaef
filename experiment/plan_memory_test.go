package experiment

import (
	"bytes"
	"context"
	"encoding/gob"
	"slices"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestPlanKeepsOnlyFigures: no evaluation of a plan's search keeps its
// replications whole, not even after the confirmation (the plan's memory
// does not grow with the search); the plan's own outcome has what the
// report's plots read of its confirmation's replications (none whole),
// with the figures the search judged it by.
func TestPlanKeepsOnlyFigures(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	target, err := compound.ParseTarget("express.door_time.p95 <= 20m")
	if err != nil {
		t.Fatal(err)
	}
	opt := PlanOptions{Options: Options{Replications: 3}, Confirm: 5, Targets: []compound.Target{target}}
	p := newPlanner(context.Background(), sc, opt, opt.Targets)
	best, err := p.search()
	if err != nil {
		t.Fatal(err)
	}
	confirmed, refined := 0, 0
	for key, ev := range p.cache {
		if ev == nil {
			continue
		}
		if ev.out.Runs != nil {
			t.Errorf("evaluation %s keeps %d replications whole", key, len(ev.out.Runs))
		}
		for _, b := range ev.out.Bottlenecks {
			if b.Utilisation.Values != nil || b.WaitP95.Values != nil {
				t.Errorf("evaluation %s keeps post %s's figures per replication", key, b.Post)
				break
			}
		}
		if ev.confirmed {
			confirmed++
		}
		if ev.stage.reps != p.opt.Confirm || ev.confirmed && slices.Equal(ev.values, p.input) {
			continue
		}
		refined++
		if !ev.confirmed {
			for _, k := range ev.out.KPIs {
				if k.Name != target.KPI && k.N != 0 {
					t.Errorf("evaluation %s of the refinement kept %s, not a target's KPI, over %d replications", key, k.Name, k.N)
					break
				}
			}
		}
		for _, k := range ev.out.KPIs {
			if k.Values != nil {
				t.Errorf("evaluation %s at the confirmation's replications keeps %s per replication (only the input's confirmation is paired with the plan's)", key, k.Name)
				break
			}
		}
	}
	if confirmed == 0 || !best.confirmed || refined < 2 {
		t.Fatalf("%d evaluations confirmed (the plan's: %v), %d others at the confirmation's replications: the test proves nothing", confirmed, best.confirmed, refined)
	}
	figures := encodeGob(t, withoutValues(best.out.KPIs))
	pl, err := p.finish(best)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Outcome.Runs != nil || pl.Outcome.Replications != 5 || pl.Outcome.Plots == nil || pl.Outcome.Plots.Replications != 5 {
		t.Fatalf("the plan's outcome has %d replications whole of %d, want none of 5 and the plots' figures of 5", len(pl.Outcome.Runs), pl.Outcome.Replications)
	}
	if !bytes.Equal(encodeGob(t, withoutValues(pl.Outcome.KPIs)), figures) {
		t.Error("the plan's outcome run again whole differs from its evaluation")
	}
	if pl.Outcome.Scenario.Name != sc.Name {
		t.Errorf("the plan's outcome is of %q, want %q (the planned scenario is renamed after)", pl.Outcome.Scenario.Name, sc.Name)
	}
}

// withoutValues are the KPIs' summaries without their values per
// replication.
func withoutValues(kpis []KPIResult) []KPIResult {
	out := slices.Clone(kpis)
	for i := range out {
		out[i].Values = nil
	}
	return out
}

func encodeGob(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
