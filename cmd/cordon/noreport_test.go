package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNoReportPrintsTheSame: every command that writes a report folder by
// default prints, with --no-report, the very bytes it prints with its
// report (the table, in English and in Chinese, -o json and -o csv), with
// the same exit code and on stderr the same but the line saying where the
// report went, and writes nothing at all: the folder it ran in stays
// empty. A plan with side effects (read from the plan run again at the
// confirmation) and one that meets no target (exit 1) are among them, and
// merge of the parts of a run (with its marginal analysis, which only the
// report shows), a sweep, a comparison and a sensitivity analysis.
func TestNoReportPrintsTheSame(t *testing.T) {
	mini, err := filepath.Abs("../../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	parts := t.TempDir()
	split := map[string][]string{
		"run":         {"run", mini, "--reps", "3", "--marginal-reps", "2", "--target", "express.door_time.p95<=30m"},
		"sweep":       {"sweep", mini, "--vary", "gate.ground=50,100", "--reps", "2"},
		"compare":     {"compare", mini, "--variant", "more: staff.volunteers.count=3", "--reps", "2"},
		"sensitivity": {"sensitivity", mini, "--reps", "2"},
	}
	cases := [][]string{
		{"sweep", mini, "--vary", "gate.ground=50,100", "--reps", "2"},
		{"sensitivity", mini, "--reps", "2"},
		{"bottlenecks", mini, "--reps", "2"},
		{"plan", mini, "--reps", "2", "--confirm", "3", "--allow-cuts", "--target", "express.door_time.p95<=2h"},
		{"plan", mini, "--reps", "2", "--confirm", "3", "--target", "express.door_time.p95<=30m", "--budget", "5500"},
	}
	for name, args := range split {
		var names []string
		for i := range 2 {
			part := filepath.Join(parts, fmt.Sprintf("%s-%d.part", name, i))
			var out, errw bytes.Buffer
			shard := []string{"--shard", fmt.Sprintf("%d/2", i), "--part", part, "-q"}
			if code := mainIn(t, parts, append(slices.Clone(args), shard...), nil, &out, &errw); code != 0 {
				t.Fatalf("cordon %s --shard: exit %d: %s", strings.Join(args, " "), code, errw.String())
			}
			names = append(names, part)
		}
		cases = append(cases, append([]string{"merge"}, names...))
	}
	for _, args := range cases {
		for _, output := range [][]string{nil, {"--lang", "zh"}, {"-o", "json"}, {"-o", "csv"}} {
			with := append(slices.Clone(args), output...)
			if args[0] != "merge" { // whose -q prints nothing
				with = append(with, "-q")
			}
			what := "cordon " + strings.Join(with, " ")
			reportDir, noReportDir := t.TempDir(), t.TempDir()
			var out, errw, noOut, noErr bytes.Buffer
			code := mainIn(t, reportDir, with, nil, &out, &errw)
			noCode := mainIn(t, noReportDir, append(slices.Clone(with), "--no-report"), nil, &noOut, &noErr)
			if code != noCode || code > 1 {
				t.Fatalf("%s: exit %d, with --no-report %d: %s%s", what, code, noCode, errw.String(), noErr.String())
			}
			if out.Len() == 0 || !bytes.Equal(out.Bytes(), noOut.Bytes()) {
				t.Errorf("%s: with --no-report it prints\n%s\nwith its report\n%s", what, noOut.String(), out.String())
			}
			if got, want := noErr.String(), withoutReportLine(errw.String()); got != want {
				t.Errorf("%s: stderr with --no-report %q, with its report %q", what, got, errw.String())
			}
			if entries, err := os.ReadDir(reportDir); err != nil || len(entries) != 1 || entries[0].Name() != "cordon-out" {
				t.Errorf("%s: with its report the folder holds %v (%v), want cordon-out alone", what, entries, err)
			}
			if entries, err := os.ReadDir(noReportDir); err != nil || len(entries) != 0 {
				t.Errorf("%s --no-report wrote %v (%v)", what, entries, err)
			}
		}
	}
}

// withoutReportLine is a command's stderr without the line saying where
// its report went ("report: ..." in English, "报告：..." in Chinese).
func withoutReportLine(s string) string {
	var keep []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "report: ") && !strings.HasPrefix(l, "报告：") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

// TestNoReportRefusesOut: --out with --no-report, which would name a folder
// nothing goes into, is refused on every command that writes a report
// folder by default (exit 2, one line, nothing written), as are plan's
// --sensitivity, which adds to the report alone, and --no-report with
// --shard, whose part the report is made from later.
func TestNoReportRefusesOut(t *testing.T) {
	args := map[string][]string{
		"run":         {"run", "mini.yaml"},
		"replay":      {"replay", "mini.yaml", "--arrivals", "arrivals.csv"},
		"sweep":       {"sweep", "mini.yaml", "--vary", "gate.ground=50,100"},
		"plan":        {"plan", "mini.yaml", "--target", "express.door_time.p95<=2h"},
		"sensitivity": {"sensitivity", "mini.yaml"},
		"bottlenecks": {"bottlenecks", "mini.yaml"},
		"merge":       {"merge", "a.part", "b.part"},
	}
	check := func(what string, argv []string, want string) {
		t.Helper()
		dir := t.TempDir()
		var out, errw bytes.Buffer
		code := mainIn(t, dir, argv, nil, &out, &errw)
		if code != 2 || out.Len() != 0 || !strings.Contains(errw.String(), want) || strings.Count(errw.String(), "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", what, code, out.String(), errw.String(), want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s wrote %v", what, entries)
		}
	}
	for _, c := range []string{"run", "replay", "sweep", "plan", "sensitivity", "bottlenecks", "merge"} {
		argv := append(slices.Clone(args[c]), "--no-report", "--out", "there")
		check("cordon "+strings.Join(argv, " "), argv, "--out has no effect with --no-report")
	}
	argv := append(slices.Clone(args["plan"]), "--no-report", "--sensitivity")
	check("cordon "+strings.Join(argv, " "), argv, "--sensitivity has no effect with --no-report")
	for _, c := range []string{"run", "sweep", "sensitivity"} {
		argv := append(slices.Clone(args[c]), "--no-report", "--shard", "0/2")
		check("cordon "+strings.Join(argv, " "), argv, "--no-report has no effect with --shard")
	}
}
