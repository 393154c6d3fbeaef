package reports_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/sim/stats"
)

// outcome builds a small outcome by hand: two KPIs over three
// replications, one of them unmeasurable (NaN) in one replication.
func outcome() *experiment.Outcome {
	sc := &compound.Scenario{Name: "hand", Description: "made in a test", Seed: 5}
	return &experiment.Outcome{
		Scenario: sc, Seed: 5, Replications: 3,
		KPIs: []experiment.KPIResult{
			{KPI: compound.KPI{Name: "takeout.door_time.p95", Unit: "s", Better: "lower", Desc: "p95",
				Label: "time to the door, 95th percentile", Of: "takeout", Group: "takeout", Area: "deliveries", Headline: true},
				Summary: stats.Summarize([]float64{2400, 2700, 3000}, experiment.Level)},
			{KPI: compound.KPI{Name: "takeout.within_target", Unit: "share", Better: "higher", Desc: "share",
				Label: "share at the door within target", Of: "takeout", Group: "takeout", Area: "deliveries", Headline: true},
				Summary: stats.Summarize([]float64{0.9, math.NaN(), 0.8}, experiment.Level)},
		},
		Bottlenecks: []experiment.Bottleneck{{Rank: 1, Post: "staging", Class: "space",
			Utilisation: stats.Summarize([]float64{0.5, 0.6, 0.7}, experiment.Level)}},
	}
}

func TestResultsDocument(t *testing.T) {
	b, err := reports.NewResults(outcome()).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int    `json:"schema_version"`
		Scenario      string `json:"scenario"`
		Seed          uint64 `json:"seed"`
		Replications  int    `json:"replications"`
		KPIs          []struct {
			Name           string     `json:"name"`
			Unit           string     `json:"unit"`
			Mean           *float64   `json:"mean"`
			CILow          *float64   `json:"ci_low"`
			CIHigh         *float64   `json:"ci_high"`
			PerReplication []*float64 `json:"per_replication"`
		} `json:"kpis"`
		Bottlenecks []struct {
			Rank        int    `json:"rank"`
			Post        string `json:"post"`
			Utilisation struct {
				Mean *float64 `json:"mean"`
			} `json:"utilisation"`
		} `json:"bottlenecks"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v in\n%s", err, b)
	}
	if doc.SchemaVersion != reports.SchemaVersion || doc.Scenario != "hand" || doc.Seed != 5 || doc.Replications != 3 {
		t.Errorf("header %+v", doc)
	}
	p95 := doc.KPIs[0]
	// mean 2700, sd 300, t(0.975, 2) = 4.302653: half-width 4.302653 × 300/√3 = 745.24.
	if p95.Name != "takeout.door_time.p95" || p95.Unit != "s" || *p95.Mean != 2700 ||
		math.Abs(*p95.CILow-(2700-745.24)) > 0.01 || len(p95.PerReplication) != 3 || *p95.PerReplication[2] != 3000 {
		t.Errorf("kpi %+v", p95)
	}
	if share := doc.KPIs[1]; share.PerReplication[1] != nil || math.Abs(*share.Mean-0.85) > 1e-12 {
		t.Errorf("the unmeasured replication must be null and left out of the mean: %s", b)
	}
	if doc.Bottlenecks[0].Post != "staging" || *doc.Bottlenecks[0].Utilisation.Mean != 0.6 {
		t.Errorf("bottlenecks %+v", doc.Bottlenecks)
	}
	again, _ := reports.NewResults(outcome()).JSON()
	if !bytes.Equal(b, again) {
		t.Error("the same outcome gave different bytes")
	}
}

func TestFormatValue(t *testing.T) {
	cases := []struct {
		unit string
		v    float64
		want string
	}{
		{"s", 45, "45 s"},
		{"s", 2700, "45 min"},
		{"s", 5430, "1 h 31 min"},
		{"s", 1.25, "1.3 s"},
		{"share", 0.873, "87.3%"},
		{"items", 650, "650"},
		{"items", 12.34, "12.3"},
		{"items/h", 123.4, "123"},
		{"h", 7.25, "7.2 h"},
		{"s", math.NaN(), "—"},
	}
	for _, c := range cases {
		if got := reports.FormatValue(c.unit, c.v); got != c.want {
			t.Errorf("FormatValue(%q, %v) = %q, want %q", c.unit, c.v, got, c.want)
		}
	}
}

func TestSummary(t *testing.T) {
	var buf bytes.Buffer
	if err := reports.WriteSummary(&buf, outcome(), 5); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"hand: 3 replications, seed 5",
		"deliveries: takeout",
		"time to the door, 95th percentile  45 min  [32 min 35 s, 57 min 25 s]    takeout.door_time.p95\n",
		"share at the door within target    85.0%",
		"1     staging",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// TestOneReplication: with one replication the summary says there is no
// interval and shows none, and results.json gives null bounds.
func TestOneReplication(t *testing.T) {
	o := outcome()
	o.Replications = 1
	for i := range o.KPIs {
		o.KPIs[i].Summary = stats.Summarize(o.KPIs[i].Values[:1], experiment.Level)
	}
	var buf bytes.Buffer
	if err := reports.WriteSummary(&buf, o, 5); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "hand: 1 replication, seed 5, means (no interval: 1 replication)") ||
		!strings.Contains(out, "time to the door, 95th percentile  40 min    takeout.door_time.p95\n") || strings.Contains(out, "[") {
		t.Errorf("summary of one replication:\n%s", out)
	}
	b, err := reports.NewResults(o).JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"ci_low": null,`) || strings.Contains(string(b), `"ci_low": 2400`) {
		t.Errorf("results.json of one replication:\n%s", b)
	}
	md := string(reports.SummaryMarkdown(o, nil, nil))
	if !strings.Contains(md, "1 replication, seed 5. Each figure is its value (no interval: 1 replication).") ||
		!strings.Contains(md, "| takeout: time to the door, 95th percentile | 40 min | — |  | `takeout.door_time.p95` |") {
		t.Errorf("summary.md of one replication:\n%s", md)
	}
}
