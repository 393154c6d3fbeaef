package experiment_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/sim/stats"
)

// kpiOf returns the KPI of the baseline's catalogue named name.
func kpiOf(t *testing.T, name string) compound.KPI {
	t.Helper()
	for _, k := range compound.Catalog(load(t, "baseline")) {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("no KPI %s", name)
	return compound.KPI{}
}

// diff is a paired difference with mean m and interval [lo, hi].
func diff(m, lo, hi float64) stats.Summary {
	return stats.Summary{N: 30, Mean: m, Low: lo, High: hi, Level: experiment.Level}
}

// TestJudgeMinEffect: a significant difference smaller than the practical
// threshold of its unit is no verdict (8s → 8s in a sorting time was called
// better); one at least as large is; a difference from a reference of zero
// is judged like any other.
func TestJudgeMinEffect(t *testing.T) {
	var defaults experiment.MinEffects
	cases := []struct {
		kpi  string
		ref  float64
		d    stats.Summary
		want string
	}{
		{"takeout.time.sorting", 8.1, diff(-0.1, -0.2, -0.05), experiment.None},    // 100 ms
		{"takeout.time.intake", 21, diff(10, 8, 12), experiment.None},              // 10 s < 1 min
		{"express.door_time.p95", 5626, diff(772, 635, 910), experiment.Worse},     // +12m52s
		{"gate.staging.time_full", 0, diff(20083, 18449, 21718), experiment.Worse}, // from zero
		{"gate.turned_away", 0, diff(81.8, 48.4, 115), experiment.Worse},
		{"relatives.turned_away", 0, diff(0.5, 0.01, 1), experiment.None},               // half an item
		{"takeout.within_target", 0.869, diff(-0.049, -0.06, -0.038), experiment.Worse}, // 4.9 points
		{"staff.sorting-group.utilisation", 0.051, diff(-0.003, -0.004, -0.002), experiment.None},
		{"staff.gate-crew.utilisation", 0.136, diff(-0.008, -0.012, -0.005), experiment.Differs},
		{"relatives.throughput", 4.1, diff(-0.02, -0.03, -0.01), experiment.None}, // 0.5% of the mean
		{"reserve.throughput", 12.2, diff(-2.3, -3.5, -1.2), experiment.Worse},
		{"gate.turned_away", 0, diff(81.8, -5, 160), experiment.None}, // the interval holds zero
		{"gate.turned_away", 0, diff(math.NaN(), math.NaN(), math.NaN()), experiment.None},
	}
	for _, c := range cases {
		if got := experiment.Judge(kpiOf(t, c.kpi), c.ref, c.d, defaults); got != c.want {
			t.Errorf("%s %+.3g [%+.3g, %+.3g] from %g: %s, want %s", c.kpi, c.d.Mean, c.d.Low, c.d.High, c.ref, got, c.want)
		}
	}
	// With no minimum, every significant difference is a verdict, as before.
	off, err := experiment.ParseMinEffects([]string{"0"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := off.Describe(); d != "0 (no minimum)" {
		t.Errorf("--min-effect 0: %q", d)
	}
	if got := experiment.Judge(kpiOf(t, "takeout.time.sorting"), 8.1, diff(-0.1, -0.2, -0.05), off); got != experiment.Better {
		t.Errorf("with --min-effect 0, sorting −100ms: %s, want better", got)
	}
}

// TestParseMinEffects: --min-effect by kind of unit and by KPI, each value
// in its unit; bad values say what to write.
func TestParseMinEffects(t *testing.T) {
	kpis := compound.Catalog(load(t, "baseline"))
	m, err := experiment.ParseMinEffects([]string{"durations=2m", "shares=1%", "counts=5", "rates=2%",
		"takeout.door_time.p95=30s", "staff.runners.hours=0.5"}, kpis)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kpi  string
		ref  float64
		want float64
	}{
		{"express.door_time.mean", 3000, 120},
		{"takeout.door_time.p95", 3000, 30},
		{"staff.runners.hours", 40, 0.5},
		{"staff.runners.overtime", 0, 120},
		{"takeout.within_target", 0.8, 0.01},
		{"gate.turned_away", 0, 5},
		{"reserve.throughput", 12, 0.24},
	} {
		if got := m.For(kpiOf(t, c.kpi), c.ref); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.kpi, got, c.want)
		}
	}
	if d := m.Describe(); !strings.Contains(d, "2m for durations, 1 percentage point for shares, 5 for counts, 2% of the reference's mean for rates") {
		t.Errorf("Describe: %q", d)
	}
	var defaults experiment.MinEffects
	if d := defaults.Describe(); d != "1m for durations, 0.5 percentage points for shares, 1 for counts, 1% of the reference's mean for rates" {
		t.Errorf("defaults: %q", d)
	}
	for in, want := range map[string]string{
		"durations=2":               "a duration needs a unit: write 2m (or 2s, 1h)",
		"durations=5%":              "not a percentage",
		"shares=5":                  "write 5% for 5 percentage points (or 0.05)",
		"counts=1m":                 "counts take a number",
		"rates=1h":                  "not a duration",
		"counts=-1":                 "0 or more",
		"durationz=2m":              "did you mean durations?",
		"takeout.door_tme.p95=1m":   "did you mean takeout.door_time.p95?",
		"takeout.door_time.p95=30":  "a duration needs a unit",
		"2m":                        "write KIND=VALUE",
		"takeout.within_target=45m": "not a duration",
	} {
		_, err := experiment.ParseMinEffects([]string{in}, kpis)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "--min-effect "+in+": ") {
			t.Errorf("%s: error %v, want one saying %q", in, err, want)
		}
	}
}

// TestMinEffectKinds: Kinds gives each kind's minimum effect as a value
// to write in any language, in Describe's order, and the KPIs with one
// of their own; None is --min-effect 0.
func TestMinEffectKinds(t *testing.T) {
	kpis := compound.Catalog(load(t, "baseline"))
	m, err := experiment.ParseMinEffects([]string{"durations=2m", "shares=1%", "rates=2%", "gate.turned_away=3"}, kpis)
	if err != nil {
		t.Fatal(err)
	}
	kinds, own := m.Quantities()
	want := []experiment.QuantityEffect{{Quantity: experiment.Durations, Value: 120}, {Quantity: experiment.Shares, Value: 0.01},
		{Quantity: experiment.Counts, Value: 1}, {Quantity: experiment.Rates, Value: 0.02, Relative: true}}
	if !slices.Equal(kinds, want) || own != 1 {
		t.Errorf("Kinds: %v, %d; want %v, 1", kinds, own, want)
	}
	if m.None() {
		t.Error("None with minimum effects")
	}
	off, err := experiment.ParseMinEffects([]string{"0"}, kpis)
	if err != nil {
		t.Fatal(err)
	}
	if !off.None() {
		t.Error("--min-effect 0: not None")
	}
	if kinds, own := off.Quantities(); own != 0 || kinds[0].Value != 0 || kinds[3].Value != 0 {
		t.Errorf("--min-effect 0: %v, %d", kinds, own)
	}
}
