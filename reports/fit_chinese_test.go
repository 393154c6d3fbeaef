package reports

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/logs"
)

// cordon fit --lang zh-CN writes its report in Chinese: the heading, the
// table's heads, the families and their parameters, the family chosen, a
// fit every family misses, families left out for zeros and the steps
// skipped; the warnings of --yaml too. Only the names a planner types
// (steps, --min, --all) and KS, a statistic's name, stay.
func TestChineseFits(t *testing.T) {
	var rows []logs.Duration
	add := func(step string, x ...float64) {
		for _, v := range x {
			rows = append(rows, logs.Duration{Step: step, Seconds: v})
		}
	}
	for i := range 60 { // spread evenly: some family fits
		add("gate.intake", 20+float64(i))
	}
	for i := range 40 { // two clusters: every family misses
		add("zones.walk", 5+math.Mod(float64(i), 2)*60)
	}
	for i := range 30 { // zeros leave out the families on (0, ∞)
		add("sorting.time", float64(i%10))
	}
	add("lift.ride", 10, 11, 12)
	read := logs.Read[logs.Duration]{Rows: rows, Synthetic: true}
	steps, err := experiment.FitSteps("durations.csv", logs.DurationsByStep(rows), nil, 30)
	if err != nil {
		t.Fatal(err)
	}
	w := chinese()
	var b bytes.Buffer
	if err := w.WriteFits(&b, "durations.csv", read, steps, true); err != nil {
		t.Fatal(err)
	}
	warnings := w.FitWarnings(steps)
	out := b.String() + strings.Join(warnings, "\n")
	checkChinese(t, "cordon fit", out, "KS", "Kolmogorov", "Smirnov", "p", "cordon")
	for _, want := range []string{"durations.csv 的拟合：4个步骤共133个时长", "排名", "对数正态", "选用：", "警告：", "跳过", "3个样本，少于 --min 30", "个为0秒"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// Times in Chinese units, to the same digits as the fragment's Go
	// durations: 均值45.5秒, not 45.5s.
	if m := regexp.MustCompile(`[0-9](h|m|s|ms|µs)\b`).FindString(out); m != "" {
		t.Errorf("a time in English units (%q) in\n%s", m, out)
	}
	if !regexp.MustCompile(`均值[0-9.]+秒`).MatchString(out) {
		t.Errorf("no mean in seconds (均值...秒) in\n%s", out)
	}
	if len(warnings) != 1 {
		t.Errorf("%d warnings, want 1 (zones.walk): %q", len(warnings), warnings)
	}
}
