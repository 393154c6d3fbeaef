package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"cordon/compound"
	"cordon/logs"
	"cordon/scenarios"
	"cordon/sim/random"
)

// The truths the fit tests draw from: the gate's intake lognormal with mean
// 40 s and sd 15 s, the transfer trip gamma with mean 3 min and cv 0.5.
var (
	fitIntake = random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: 15}
	fitTrip   = random.Spec{Family: random.FamilyGamma, Mean: 180, CV: 0.5}
)

// drawFit draws n samples of spec from the named stream of seed 2021.
func drawFit(t *testing.T, spec random.Spec, name string, n int) []float64 {
	t.Helper()
	d, err := spec.New(random.NewStreams(2021, 0).Source(name))
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = d.Rand()
	}
	return x
}

// writeFitDurations writes durations.csv into a new folder: 2,000 intake
// and 2,000 trip times, 12 door times, and zones.walk from two kinds of
// zone (near and far) that no one family fits. It returns the file's path.
func writeFitDurations(t *testing.T) string {
	t.Helper()
	near := drawFit(t, random.Spec{Family: random.FamilyNormal, Mean: 60, SD: 5}, "near", 1000)
	far := drawFit(t, random.Spec{Family: random.FamilyNormal, Mean: 300, SD: 20}, "far", 1000)
	durations := map[string][]float64{
		"gate.intake":   drawFit(t, fitIntake, "gate.intake", 2000),
		"transfer.trip": drawFit(t, fitTrip, "transfer.trip", 2000),
		"delivery.door": drawFit(t, random.Spec{Family: random.FamilyExponential, Mean: 90}, "delivery.door", 12),
		"zones.walk":    append(near, far...),
	}
	path := filepath.Join(t.TempDir(), "durations.csv")
	var b bytes.Buffer
	if err := logs.WriteDurations(&b, []string{"synthetic: drawn by cordon's fit tests"}, durations); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runCordon runs cordon with args and stdin, and returns the exit code,
// stdout and stderr.
func runCordon(stdin string, args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

// stepBlock returns the report's block of one step: from its heading to
// the next blank line.
func stepBlock(t *testing.T, out, step string) string {
	t.Helper()
	_, rest, ok := strings.Cut(out, "\n"+step+": n ")
	if !ok {
		t.Fatalf("no block for %s in:\n%s", step, out)
	}
	block, _, _ := strings.Cut(rest, "\n\n")
	return block
}

// TestFitChoosesTheTruth fits 2,000 lognormal and 2,000 gamma times: the
// right family is chosen for each, its parameters within 5% of the truth,
// and the fragment, pasted into the baseline, loads.
func TestFitChoosesTheTruth(t *testing.T) {
	path := writeFitDurations(t)
	code, out, errs := runCordon("", "fit", "--observed", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "the file says it is synthetic") {
		t.Errorf("the report does not say the file is synthetic:\n%s", out)
	}
	for step, kind := range map[string]string{"gate.intake": "lognormal", "transfer.trip": "gamma"} {
		block := stepBlock(t, out, step)
		if !strings.Contains(block, "chosen: "+kind+", the smallest KS") {
			t.Errorf("%s: %s is not chosen:\n%s", step, kind, block)
		}
		if strings.Contains(block, "warning") {
			t.Errorf("%s: the true family is rejected:\n%s", step, block)
		}
	}
	walk := stepBlock(t, out, "zones.walk")
	if !strings.Contains(walk, "warning: even ") || !strings.Contains(walk, "rejected at the 1% level") {
		t.Errorf("zones.walk, two zones' walks mixed: no warning:\n%s", walk)
	}
	if !regexp.MustCompile(`(?m)^  delivery.door: 12 samples, fewer than --min 30$`).MatchString(out) {
		t.Errorf("delivery.door, 12 samples, is not listed as skipped:\n%s", out)
	}

	code, fragment, errs := runCordon("", "fit", "--observed", path, "--yaml")
	if code != 0 {
		t.Fatalf("--yaml: exit %d: %s", code, errs)
	}
	if !strings.HasSuffix(out, fragment) || !strings.HasPrefix(fragment, "# fitted by cordon fit") {
		t.Errorf("--yaml does not print the report's fragment alone:\n%s", fragment)
	}
	if !strings.Contains(errs, "warning: zones.walk") {
		t.Errorf("--yaml: no warning on stderr for zones.walk: %q", errs)
	}
	for _, want := range []string{"# zones.walk goes into every zone's walk (zones[i].walk):\n#   walk: {dist: ",
		"# delivery.door: not fitted: 12 samples, fewer than --min 30\n"} {
		if !strings.Contains(fragment, want) {
			t.Errorf("the fragment has no %q:\n%s", want, fragment)
		}
	}
	sc := pasteIntoBaseline(t, fragment)
	checkFit(t, "gate.intake", sc.Gate.Intake.Spec, fitIntake)
	checkFit(t, "transfer.trip", sc.Transfer.Trip.Spec, fitTrip)
}

// pasteIntoBaseline reads the fragment as YAML and sets each of its values
// in the baseline by its path, as --set does: the scenario that results.
func pasteIntoBaseline(t *testing.T, fragment string) *compound.Scenario {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fragment), &doc); err != nil {
		t.Fatalf("the fragment is not YAML: %v\n%s", err, fragment)
	}
	var overrides []scenarios.Override
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if n.Kind == yaml.MappingNode && (path == "" || !isDistMapping(n)) {
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
			}
			return
		}
		n.HeadComment, n.LineComment, n.FootComment = "", "", ""
		value, err := yaml.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		overrides = append(overrides, scenarios.Override{Path: path, Value: string(value)})
	}
	walk(doc.Content[0], "")
	if len(overrides) != 2 {
		t.Errorf("the fragment sets %d values, want gate.intake and transfer.trip: %v", len(overrides), overrides)
	}
	sc, err := scenarios.Resolve("baseline", overrides...)
	if err != nil {
		t.Fatalf("the fragment does not load into the baseline: %v\n%s", err, fragment)
	}
	return sc
}

// isDistMapping reports whether a mapping is a distribution: it has dist.
func isDistMapping(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "dist" {
			return true
		}
	}
	return false
}

// checkFit checks that the fitted Spec is of the truth's kind with its
// parameters within 5%.
func checkFit(t *testing.T, step string, got, truth random.Spec) {
	t.Helper()
	if got.Family != truth.Family {
		t.Errorf("%s: loaded %s, want %s", step, got.Family, truth.Family)
		return
	}
	for _, p := range [][3]any{{"mean", got.Mean, truth.Mean}, {"sd", got.SD, truth.SD}, {"cv", got.CV, truth.CV}} {
		g, w := p[1].(float64), p[2].(float64)
		if math.Abs(g-w) > 0.05*w {
			t.Errorf("%s: %s %.4g, want within 5%% of %.4g", step, p[0], g, w)
		}
	}
}

// TestFitBadInput: bad rows are exit 2 with every error on one line naming
// file:line, or skipped and counted with --lenient; --step filters, and a
// step not in the file is exit 2.
func TestFitBadInput(t *testing.T) {
	path := writeFitDurations(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	// Line 3 is the header (after the comment); break rows at lines 5 and 9.
	lines[4] = "gate.intake,soon"
	lines[8] = "gate.intake,-3s"
	bad := filepath.Join(filepath.Dir(path), "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, errs := runCordon("", "fit", "--observed", bad)
	if code != 2 || out != "" {
		t.Fatalf("bad rows: exit %d, stdout %q; want 2 and nothing", code, out)
	}
	want := []string{
		bad + `:5: duration: "soon" is not a duration: write a Go duration like 23s or 1m30s, or a number of seconds`,
		bad + `:9: duration: "-3s" is negative: a duration is 0 or more`,
		"cordon: " + bad + ": 2 problems; --lenient skips bad rows",
	}
	if got := strings.Split(strings.TrimSpace(errs), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bad rows: stderr\n%s\nwant\n%s", errs, strings.Join(want, "\n"))
	}

	code, out, errs = runCordon("", "fit", "--observed", bad, "--lenient", "--step", "transfer.trip")
	if code != 0 {
		t.Fatalf("--lenient: exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(errs, "cordon: "+bad+": skipped 2 bad rows (--lenient):\n  "+bad+":5: duration: ") {
		t.Errorf("--lenient: stderr %q", errs)
	}
	if !strings.Contains(out, "\ntransfer.trip: n 2000,") || strings.Contains(out, "gate.intake") {
		t.Errorf("--step transfer.trip: the report is not of that step alone:\n%s", out)
	}

	code, _, errs = runCordon(string(data), "fit", "--observed", "-", "--step", "gate.intak", "--step", "zones.walk", "--step", "lift.ride")
	wantErrs := "cordon: --step gate.intak: stdin has no such step, did you mean gate.intake?\n" +
		"cordon: --step lift.ride: stdin has no such step (its steps: delivery.door, gate.intake, transfer.trip, zones.walk)\n"
	if code != 2 || errs != wantErrs {
		t.Errorf("unknown steps: exit %d, stderr\n%s\nwant 2 and\n%s", code, errs, wantErrs)
	}
}
