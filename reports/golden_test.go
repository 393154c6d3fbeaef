package reports_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// goldenOutcome runs testdata/small.yaml: 4 replications, seed 7.
func goldenOutcome(t *testing.T) (*experiment.Outcome, []experiment.TargetResult) {
	t.Helper()
	sc, err := scenarios.LoadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 4, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	targets, err := experiment.CheckTargets(out, sc.ParsedTargets())
	if err != nil {
		t.Fatal(err)
	}
	return out, targets
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updatePlots {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./reports -run Golden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test ./reports -run Golden -update rewrites it; read the diff)", name, path)
	}
}

func TestGoldenResultsJSON(t *testing.T) {
	out, targets := goldenOutcome(t)
	b, err := reports.NewResults(out, targets...).JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "results.json", b)
}

func TestGoldenSummaryMarkdown(t *testing.T) {
	out, targets := goldenOutcome(t)
	plots, err := reports.RunPlots(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "summary.md", reports.SummaryMarkdown(out, targets, plots))
}

func TestGoldenReplicationsCSV(t *testing.T) {
	out, _ := goldenOutcome(t)
	golden(t, "replications.csv", reports.ReplicationsCSV(out))
}

func TestGoldenTerminalSummary(t *testing.T) {
	out, targets := goldenOutcome(t)
	var buf bytes.Buffer
	if err := reports.WriteSummary(&buf, out, 5); err != nil {
		t.Fatal(err)
	}
	if err := reports.WriteTargets(&buf, targets); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary.txt", buf.Bytes())
}

// TestReportFolderWholeOrNothing: a report cancelled before it is put in
// place leaves no folder and no temporary files; one that completes
// replaces cordon's old report whole, and nothing is left beside it.
func TestReportFolderWholeOrNothing(t *testing.T) {
	out, targets := goldenOutcome(t)
	dir := t.TempDir()
	dest := reports.Dest{Dir: filepath.Join(dir, "rep")}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := reports.RunReport(out, targets, nil).Write(ctx, dest); err == nil {
		t.Fatal("a cancelled report was written")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
	for range 2 {
		if err := reports.RunReport(out, targets, nil).Write(context.Background(), dest); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("beside the report: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dest.Dir, reports.ManifestName)); err != nil {
		t.Errorf("the report has no manifest: %v", err)
	}
}
