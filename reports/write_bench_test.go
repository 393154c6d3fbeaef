package reports_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// BenchmarkWriteRunReport writes the report of a run of the baseline
// scenario (its replications, seed and targets, as cordon run makes it
// without the marginal analysis): the plots as PNG and SVG, the page, the
// summary and the tables. The run is made once; only writing is measured.
// cpu-ns/op is the CPU time of the process per report (the target: the
// machine's other work slows ns/op, much less this); png-bytes is the size
// of the report's PNG figures, what a faster encoding may cost.
func BenchmarkWriteRunReport(b *testing.B) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	o, err := experiment.Run(ctx, sc, experiment.Options{})
	if err != nil {
		b.Fatal(err)
	}
	targets, err := experiment.CheckTargets(o, sc.ParsedTargets())
	if err != nil {
		b.Fatal(err)
	}
	dest := reports.Dest{Dir: filepath.Join(b.TempDir(), "report")}
	r := reports.RunReport(o, targets, nil)
	before, cpuKnown := processCPU()
	for b.Loop() {
		if err := r.Write(ctx, dest); err != nil {
			b.Fatal(err)
		}
	}
	if after, ok := processCPU(); cpuKnown && ok {
		b.ReportMetric(float64(after-before)/float64(b.N), "cpu-ns/op")
	}
	pngs, err := filepath.Glob(filepath.Join(dest.Dir, "plots", "*.png"))
	if err != nil || len(pngs) == 0 {
		b.Fatalf("no PNG figures written (%v)", err)
	}
	var size int64
	for _, p := range pngs {
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	b.ReportMetric(float64(size), "png-bytes")
}
