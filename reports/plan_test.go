package reports_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/reports"
	"cordon/scenarios"
)

// TestPlanDocument: a plan of mini.yaml with a target of its own and one
// given, cut with --allow-cuts: plan.json and --json give every target
// with where it comes from and whether it is met (with confidence),
// each change with from and to as --set takes them and its cost, the side
// effects with both means and the paired interval, the cost and the
// evaluations; the terminal and the page list the side effects too.
func TestPlanDocument(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml", scenarios.Override{Path: "targets", Value: `["express.door_time.p95 <= 40h"]`})
	if err != nil {
		t.Fatal(err)
	}
	given, _ := compound.ParseTarget("express.door_time.mean <= 48h")
	p, err := experiment.MakePlan(context.Background(), sc, experiment.PlanOptions{
		Options: experiment.Options{Replications: 3}, Confirm: 10, AllowCuts: true, Targets: []compound.Target{given}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.SideEffects) == 0 || len(p.Settings) == 0 {
		t.Fatalf("the test wants cuts with side effects: %d changes, %d side effects", len(p.Settings), len(p.SideEffects))
	}
	dir := filepath.Join(t.TempDir(), "plan")
	if err := reports.PlanReport(p, nil).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := reports.NewPlanDocument(p).JSON(); string(want) != string(data) {
		t.Error("plan.json is not the document --json prints")
	}
	var doc struct {
		Scenario     string `json:"scenario"`
		Feasible     bool   `json:"feasible"`
		AllowCuts    bool   `json:"allow_cuts"`
		Cost         float64
		InputCost    float64 `json:"input_cost"`
		Evaluations  int     `json:"evaluations"`
		Confirmation *struct {
			Replications int `json:"replications"`
		} `json:"confirmation"`
		Targets []struct {
			KPI, Op, Source string
			Value           float64
			Met             bool `json:"met"`
			Confident       bool `json:"met_with_confidence"`
		} `json:"targets"`
		Changes []struct {
			Path, From, To string
			Cost           float64
		} `json:"changes"`
		SideEffects []struct {
			KPI                    string
			Base, Plan, Difference float64
			CILow                  float64 `json:"ci_low"`
			CIHigh                 float64 `json:"ci_high"`
		} `json:"side_effects"`
		Bounds []any `json:"bounds"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario != "mini" || !doc.Feasible || !doc.AllowCuts || doc.Cost != p.Cost || doc.InputCost != p.InputCost ||
		doc.Evaluations != p.Evaluations || doc.Confirmation == nil || doc.Confirmation.Replications != 10 || doc.Bounds == nil {
		t.Errorf("document head: %+v", doc)
	}
	if len(doc.Targets) != 2 || doc.Targets[0].Source != "scenario" || doc.Targets[1].Source != "flag" ||
		doc.Targets[1].KPI != "express.door_time.mean" || doc.Targets[1].Op != "<=" || doc.Targets[1].Value != 48*3600 ||
		!doc.Targets[0].Met || !doc.Targets[0].Confident {
		t.Errorf("targets: %+v", doc.Targets)
	}
	for i, c := range doc.Changes {
		s := p.Settings[i]
		if c.Path != s.Knob.Path || c.From != s.Knob.Text(s.From) || c.To != s.Knob.Text(s.To) || c.Cost != p.ChangeCost(s) || !(c.Cost < 0) {
			t.Errorf("change %d: %+v, want %s %d → %d", i, c, s.Knob.Path, s.From, s.To)
		}
	}
	for i, e := range doc.SideEffects {
		want := p.SideEffects[i]
		if e.KPI != want.Name || e.Base != want.Base || e.Plan != want.Plan || e.Difference != want.Difference.Mean ||
			!(e.CILow > 0 || e.CIHigh < 0) {
			t.Errorf("side effect %d: %+v", i, e)
		}
	}
	var term strings.Builder
	if err := reports.WritePlanTable(&term, p); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.SideEffects {
		// named by its label, with its name for --target after it
		if !strings.Contains(term.String(), " ("+e.Name+") ") || !strings.Contains(string(page), " ("+e.Name+")</td>") {
			t.Errorf("side effect %s missing from the terminal or the page", e.Name)
		}
	}
	for _, tr := range p.Targets {
		// The confirmation's 95% interval, which "met with 95% confidence"
		// rests on, beside the mean (the terminal gave the mean alone).
		k := tr.KPI
		v := func(x float64) string { return reports.FormatValue(k.Unit, x) }
		if k.Unit == "s" {
			v = lang.Seconds
		}
		want := fmt.Sprintf("mean %s [%s, %s] ", v(k.Mean), v(k.Low), v(k.High))
		if !strings.Contains(term.String(), want) {
			t.Errorf("the terminal table does not give %s as %q:\n%s", tr.Text, want, term.String())
		}
	}
	for _, want := range []string{"from the scenario", "from --target", "side effects: KPIs the plan makes significantly worse"} {
		if !strings.Contains(term.String(), want) {
			t.Errorf("the terminal table does not say %q:\n%s", want, term.String())
		}
	}
}
