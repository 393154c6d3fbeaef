package reports_test

import (
	"encoding/json"
	"testing"

	"cordon/experiment"
	"cordon/reports"
)

// TestBottlenecksDocument checks the bottlenecks document of day-one's
// analysis: every knob in rank order with its path, kind, values, cost and
// a gain per KPI; zero-cost knobs at cost 0 with the other way beside; a
// finding per KPI; every post's utilisation; valid JSON.
func TestBottlenecksDocument(t *testing.T) {
	m := plannerFixture(t, plannerMarginal)
	doc := reports.NewBottlenecks(m)
	if doc.SchemaVersion != reports.SchemaVersion || doc.Scenario != "day-one" || doc.Replications != 4 || doc.Evaluations != m.Evaluations {
		t.Errorf("head %+v", doc)
	}
	if len(doc.Knobs) != len(m.Knobs) {
		t.Fatalf("%d knobs, want %d", len(doc.Knobs), len(m.Knobs))
	}
	schedule := 0
	for i, k := range doc.Knobs {
		if k.Rank != i+1 || k.Path != m.Knobs[i].Knob.Path || k.Resource != m.Knobs[i].Knob.Resource {
			t.Errorf("knob %d: %+v", i, k)
		}
		if len(k.Gains) != len(m.KPIs) || k.Gains[0].KPI != m.KPIs[0].Name {
			t.Errorf("%s: gains %+v", k.Knob, k.Gains)
		}
		for j, g := range k.Gains {
			if want := m.Knobs[i].Gains[j]; g.Significant != want.Significant() || float64(g.Gain) != want.Mean {
				t.Errorf("%s on %s: %+v, want %+v", k.Knob, g.KPI, g, want.Summary)
			}
		}
		if k.Resource == experiment.KnobSchedule {
			schedule++
			if k.Cost != 0 || k.Arranges == "" {
				t.Errorf("%s: cost %v, arranges %q", k.Knob, k.Cost, k.Arranges)
			}
		}
		if k.Path == "transfer.fill" && (k.OtherWay == nil || k.From != "10m" || k.OtherWay.Step != -k.Step) {
			t.Errorf("the cart wait, from 10m either way: %+v (other way %+v)", k, k.OtherWay)
		}
	}
	if schedule == 0 {
		t.Error("no zero-cost knob in the document")
	}
	if len(doc.Findings) != len(m.KPIs) || doc.Findings[0].KPI != m.KPIs[0].Name || doc.Findings[0].SetBy == "" {
		t.Errorf("findings %+v", doc.Findings)
	}
	if len(doc.Utilisation) != len(m.Base.Bottlenecks) || len(doc.Hourly) != len(m.Hourly) {
		t.Errorf("%d posts' utilisation, %d hours", len(doc.Utilisation), len(doc.Hourly))
	}
	b, err := doc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, key := range []string{"schema_version", "screen_replications", "knobs", "findings", "utilisation", "hourly", "kpis"} {
		if _, ok := back[key]; !ok {
			t.Errorf("no %q in the document", key)
		}
	}
}
