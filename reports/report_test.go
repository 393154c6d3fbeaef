package reports

import (
	"context"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// The one report routine, Write, puts into the folder exactly the files a
// report lists (its documents, each plot as PNG and SVG, index.html and the
// manifest), and the page's list of files names each of them, for every
// command's report.
func TestReportWritesWhatItLists(t *testing.T) {
	o := dataOutcome(t)
	m, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	s, err := dataSensitivity()
	if err != nil {
		t.Fatal(err)
	}
	pl, err := dataPlan()
	if err != nil {
		t.Fatal(err)
	}
	reports := map[string]Report{
		"run":         RunReport(o, nil, nil),
		"run+gains":   RunReport(o, nil, m),
		"compare":     ComparisonReport(baselineAgainstDayOne(t, 2)),
		"sweep":       SweepReport(reportSweep(t), []string{"gate.staging.max"}),
		"bottlenecks": MarginalReport(m),
		"plan":        PlanReport(pl, s),
		"sensitivity": SensitivityReport(s),
		"replay":      ReviewReport(dataReview(t), ReviewSources{}),
	}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			c, err := r.build(English())
			if err != nil {
				t.Fatal(err)
			}
			want := []string{ManifestName, "index.html"}
			for _, f := range c.files {
				want = append(want, f.name)
				if !strings.Contains(c.page.Files, f.name) {
					t.Errorf("the page's files (%q) do not name %s", c.page.Files, f.name)
				}
			}
			if len(c.plots) == 0 {
				t.Fatal("no plots: the test would prove little")
			}
			for _, p := range c.plots {
				want = append(want, "plots/"+p.Name+".png", "plots/"+p.Name+".svg", "plots/"+p.Name+".csv")
				if !namesPlot(c.page.Files, p.Name) {
					t.Errorf("the page's files (%q) do not name plot %s", c.page.Files, p.Name)
				}
			}
			dir := filepath.Join(t.TempDir(), "report")
			if err := r.Write(context.Background(), Dest{Dir: dir}); err != nil {
				t.Fatal(err)
			}
			var got []string
			err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, err := filepath.Rel(dir, path)
				got = append(got, filepath.ToSlash(rel))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("the folder holds\n%q\nwant\n%q", got, want)
			}
			manifest := mustReadFile(t, filepath.Join(dir, ManifestName))
			for _, p := range c.plots {
				checkPlotCSV(t, dir, p)
				if !strings.Contains(manifest, `"plots/`+p.Name+`.csv"`) {
					t.Errorf("the manifest does not list plots/%s.csv", p.Name)
				}
			}
		})
	}
}

// namesPlot reports whether a page's list of files names the plot: by its
// name, by plots/*, or by a pattern such as plots/tornado-*.
func namesPlot(files, name string) bool {
	if strings.Contains(files, "plots/*") || regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b`).MatchString(files) {
		return true
	}
	for _, m := range regexp.MustCompile(`plots/([\w.-]+)\*`).FindAllStringSubmatch(files, -1) {
		if strings.HasPrefix(name, m[1]) {
			return true
		}
	}
	return false
}

// A report that cannot be made writes nothing, not even its folder.
func TestReportNotMadeWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	err := RunReport(&experiment.Outcome{}, nil, nil).Write(context.Background(), Dest{Dir: dir})
	if err == nil || !strings.HasPrefix(err.Error(), "plots: ") {
		t.Fatalf("an outcome with no replications gave %v, want a plots error", err)
	}
	if entries, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "*")); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// baselineAgainstDayOne compares baseline with day-one over reps
// replications.
func baselineAgainstDayOne(t *testing.T, reps int) *experiment.Comparison {
	t.Helper()
	var scs []*compound.Scenario
	for _, n := range []string{"baseline", "day-one"} {
		sc, err := scenarios.Resolve(n)
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	c, err := experiment.Compare(context.Background(), scs, experiment.Options{Replications: reps})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reportSweep is baseline over gate.ground = 10, 40, 2 replications each.
func reportSweep(t *testing.T) *experiment.Sweep {
	t.Helper()
	axes := []experiment.Axis{{Path: "gate.ground", Values: []string{"10", "40"}}}
	build := func(values []string) (*compound.Scenario, error) {
		return scenarios.Resolve("baseline", scenarios.Override{Path: axes[0].Path, Value: values[0]})
	}
	s, err := experiment.RunSweep(context.Background(), axes, build, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkPlotCSV checks that plots/NAME.csv of the folder has the header and,
// row for row, every point the figure drew, series by series.
func checkPlotCSV(t *testing.T, dir string, p Plot) {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(mustReadFile(t, filepath.Join(dir, "plots", p.Name+".csv")))).ReadAll()
	if err != nil {
		t.Fatalf("plots/%s.csv: %v", p.Name, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], []string{"series", "x", "y", "label"}) {
		t.Fatalf("plots/%s.csv has no header series,x,y,label: %q", p.Name, rows)
	}
	rows = rows[1:]
	points := 0
	for _, l := range p.layers {
		points += len(l.xys)
	}
	if len(p.layers) > 0 && points == 0 {
		t.Errorf("plot %s draws no point: the test would prove little", p.Name)
	}
	if len(rows) != points {
		t.Fatalf("plots/%s.csv has %d rows, the figure %d points", p.Name, len(rows), points)
	}
	i := 0
	for _, l := range p.layers {
		for _, pt := range l.xys {
			r := rows[i]
			i++
			if r[0] != l.name || !sameNumber(r[1], pt.X) || !sameNumber(r[2], pt.Y) {
				t.Errorf("plots/%s.csv row %d is %q, want %s at (%v, %v)", p.Name, i, r, l.name, pt.X, pt.Y)
			}
		}
	}
}

// sameNumber reports whether a CSV cell holds v exactly (empty for NaN).
func sameNumber(cell string, v float64) bool {
	if v != v {
		return cell == ""
	}
	got, err := strconv.ParseFloat(cell, 64)
	return err == nil && got == v
}

func mustReadFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
