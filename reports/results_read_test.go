package reports

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// A run's report drawn again from its results.json, without simulating,
// writes results.json, kpis.csv, replications.csv and the bottlenecks
// chart (PNG, SVG and its data) with the same bytes as the run's own
// report, and a page and summary.md that say what they leave out.
func TestResultsReportSameBytes(t *testing.T) {
	o := dataOutcome(t)
	target, err := compound.ParseTarget("takeout.door_time.p95 <= 45m")
	if err != nil {
		t.Fatal(err)
	}
	targets, err := experiment.CheckTargets(o, []compound.Target{target})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	orig := filepath.Join(t.TempDir(), "run")
	if err := RunReport(o, targets, nil).Write(ctx, Dest{Dir: orig}); err != nil {
		t.Fatal(err)
	}
	doc := readResultsFile(t, filepath.Join(orig, "results.json"))
	again := filepath.Join(t.TempDir(), "again")
	if err := ResultsReport(doc).Write(ctx, Dest{Dir: again}); err != nil {
		t.Fatal(err)
	}
	same := []string{"results.json", "kpis.csv", "replications.csv", "plots/bottlenecks.png", "plots/bottlenecks.svg", "plots/bottlenecks.csv"}
	for _, name := range same {
		a, b := mustReadFile(t, filepath.Join(orig, name)), mustReadFile(t, filepath.Join(again, name))
		if a != b {
			t.Errorf("%s drawn again differs from the run's (%d bytes, the run's %d)", name, len(b), len(a))
		}
	}
	var got []string
	entries, _ := os.ReadDir(again)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{ManifestName, "index.html", "kpis.csv", "plots", "replications.csv", "results.json", "summary.md"}
	if !slices.Equal(got, want) {
		t.Errorf("the folder drawn again holds %q, want %q", got, want)
	}
	for _, name := range []string{"index.html", "summary.md"} {
		text := mustReadFile(t, filepath.Join(again, name))
		if !strings.Contains(text, "Drawn again from results.json by cordon report") {
			t.Errorf("%s does not say what it leaves out", name)
		}
		if !strings.Contains(text, "takeout.door_time.p95 &lt;= 45m") && !strings.Contains(text, "`takeout.door_time.p95 <= 45m`") {
			t.Errorf("%s does not show the target", name)
		}
	}
}

// Another command's document, or something else, is refused with a reason.
func TestReadResultsRefuses(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"schema_version": 1, "reference": "a"}`, "a comparison document (comparison.json): cordon report draws a run's report again"},
		{`{"schema_version": 1, "planned_scenario": "a"}`, "a plan document (plan.json)"},
		{`{"schema_version": 1, "hours": []}`, "a review document (review.json)"},
		{`{"schema_version": 2, "scenario": "a"}`, "schema_version 2: this cordon reads results documents of version 1"},
		{`{"schema_version": 1, "scenario": "a", "replications": 2, "kpis": [{"name": "x", "per_replication": [1]}]}`, `kpis[0] ("x"): want a name and 2 per_replication values`},
		{"{\n  \"schema_version\": 1,\n  \"seed\": \"x\"\n}", `3:14: seed: want a uint64, not a JSON string`},
		{"{\n  \"schema_version\": 1,\n  \"x\": 1\n}", `unknown field "x": not a results document of this cordon's run`},
		{`[1, 2`, "1:6: not a results document of cordon run, not JSON: unexpected end of JSON input"},
		{"# a scenario\nname: x\n", "1:1: not a results document of cordon run, not JSON: invalid character '#'"},
		{`[1, 2]`, "1:1: not a results document of cordon run: a JSON array, not an object"},
		{`{"a": 1}`, "not a results document of cordon run: it has no schema_version"},
	} {
		_, err := ReadResults(strings.NewReader(c.doc))
		var de *DocumentError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a DocumentError with %q", c.doc, err, c.want)
		}
	}
	if _, err := readResults(bytes.NewReader(make([]byte, 1001)), 1000); err == nil || !strings.Contains(err.Error(), "larger than 1000 bytes") {
		t.Errorf("a huge file: %v", err)
	}
}

// readResultsFile reads the results document at path, as cordon report
// does.
func readResultsFile(t *testing.T, path string) *Results {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := ReadResults(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestResultsReportKeepsTheDays: a run of two days drawn again from its
// results.json has the run's table by day and its KPI table, the same
// lines, grouped and labelled as the run's: the document says which KPIs
// are headline ones, their section and their subject.
func TestResultsReportKeepsTheDays(t *testing.T) {
	ctx := context.Background()
	orig := filepath.Join(t.TempDir(), "run")
	if err := RunReport(dataTwoDays(t), nil, nil).Write(ctx, Dest{Dir: orig}); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(t.TempDir(), "again")
	if err := ResultsReport(readResultsFile(t, filepath.Join(orig, "results.json"))).Write(ctx, Dest{Dir: again}); err != nil {
		t.Fatal(err)
	}
	section := func(md, from, to string) string {
		i := strings.Index(md, from)
		j := strings.Index(md, to)
		if i < 0 || j < i {
			return ""
		}
		return md[i:j]
	}
	a, b := mustReadFile(t, filepath.Join(orig, "summary.md")), mustReadFile(t, filepath.Join(again, "summary.md"))
	for _, s := range [][2]string{{"## By day", "## KPIs"}, {"## KPIs", "## Plots"}} {
		run, drawn := section(a, s[0], s[1]), section(b, s[0], s[1])
		if run == "" || run != drawn {
			t.Errorf("%s drawn again differs from the run's (%d bytes, the run's %d)", s[0], len(drawn), len(run))
		}
	}
}
