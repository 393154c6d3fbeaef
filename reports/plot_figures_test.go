package reports

import (
	"bytes"
	"context"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestRunPlotsFromRunningFigures: the plots of a run that kept only its
// replications' running figures (experiment.Options.ReportFigures: no
// replication whole) have the same data, to the byte, as those of the same
// run kept whole; and the results document written as it is made is the
// same bytes as the one made whole.
func TestRunPlotsFromRunningFigures(t *testing.T) {
	sc, err := scenarios.Resolve("two-days")
	if err != nil {
		t.Fatal(err)
	}
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, nil, 0, experiment.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	thin, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 3, ReportFigures: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := whole.Runs[0].Outcome, thin.Runs[0].Outcome
	if len(a.Runs) != 5 || b.Runs != nil {
		t.Fatalf("%d and %d replications kept whole, want 5 and none", len(a.Runs), len(b.Runs))
	}
	pa, err := RunPlots(a)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := RunPlots(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(pa) != len(pb) || len(pa) < 8 {
		t.Fatalf("%d plots and %d", len(pa), len(pb))
	}
	for i := range pa {
		if !bytes.Equal(PlotCSV(pa[i]), PlotCSV(pb[i])) || pa[i].Caption != pb[i].Caption {
			t.Errorf("plot %s: data or caption differ", pa[i].Name)
		}
	}
	a.Scenario.Description = "tab\t and \u202e reversed" // jsonSafe escapes the bidirectional control
	doc := NewResults(a)
	made, err := doc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var written bytes.Buffer
	if err := doc.WriteJSON(&written); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(made, written.Bytes()) || !bytes.Contains(made, []byte(`\u202e`)) {
		t.Error("results.json written as it is made differs from the one made whole")
	}
}
