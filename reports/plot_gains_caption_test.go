package reports

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
)

// The gains chart's caption is one set of sentences in both languages: in
// Chinese every sentence the English says is said (the KPIs whose base
// mean is zero too, with their labels), and so are the captions of the
// charts that draw a note instead of bars; no English word is left.
// Skipped without a CJK font, as the figures are then in English.
func TestGainsCaptionChinese(t *testing.T) {
	cjk, err := CJKFont(CJKFonts(os.Getenv))
	if err != nil {
		t.Skipf("no CJK font: %v", err)
	}
	w := NewWords(lang.New(language.SimplifiedChinese), cjk)
	m, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	// A KPI whose mean in the base run is zero: no relative gain.
	zero := -1
	for i, k := range m.Base.KPIs {
		if k.Mean == 0 && !slices.ContainsFunc(m.KPIs, func(c compound.KPI) bool { return c.Name == k.Name }) {
			zero = i
			break
		}
	}
	if zero < 0 {
		t.Fatal("no KPI of the base run has mean zero: the test would prove nothing")
	}
	withZero := *m
	withZero.KPIs = append(slices.Clone(m.KPIs), m.Base.KPIs[zero].KPI)
	onlyZero := *m
	onlyZero.KPIs = []compound.KPI{m.Base.KPIs[zero].KPI}
	noKnob := *m
	noKnob.Knobs = nil
	flat := *m
	flat.Knobs = slices.Clone(m.Knobs)
	for i, k := range flat.Knobs {
		flat.Knobs[i].Gains = slices.Clone(k.Gains)
		for j := range k.Gains {
			flat.Knobs[i].Gains[j].Mean, flat.Knobs[i].Gains[j].Low, flat.Knobs[i].Gains[j].High = 0, -1, 1
		}
	}
	label := w.KPILabel(m.Base.KPIs[zero].Name, m.Base.KPIs[zero].Of, m.Base.KPIs[zero].Label)
	for name, c := range map[string]struct {
		m    *experiment.Marginal
		want string
	}{
		"a KPI of zero base mean": {&withZero, "未画出（基准运行中平均值为零，收益没有相对大小）：" + label},
		"only that KPI":           {&onlyZero, label},
		"no knob":                 {&noKnob, "没有"},
		"no significant gain":     {&flat, "置信区间"},
	} {
		en, err := GainsPlot(c.m)
		if err != nil {
			t.Fatal(err)
		}
		zh, err := w.GainsPlot(c.m)
		if err != nil {
			t.Fatal(err)
		}
		checkChinese(t, name, zh.Caption, keptWords...)
		if !strings.Contains(zh.Caption, c.want) {
			t.Errorf("%s: no %q in the Chinese caption %q (English: %q)", name, c.want, zh.Caption, en.Caption)
		}
	}
}
