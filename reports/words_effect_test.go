package reports

import (
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// What a verdict needs is written from the minimum effects themselves in
// each language: in English as experiment's Describe, in Chinese with
// every kind, amount and unit in Chinese.
func TestMinEffectsInEachLanguage(t *testing.T) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	kpis := compound.Catalog(sc)
	parse := func(texts ...string) experiment.MinEffects {
		m, err := experiment.ParseMinEffects(texts, kpis)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	for _, c := range []struct {
		m    experiment.MinEffects
		want string
	}{
		{parse(), "时长1分钟，比例0.5个百分点，计数1，速率参照场景平均值的1%"},
		{parse("durations=1h30m", "shares=1%", "counts=5", "rates=2%", "gate.turned_away=3"),
			"时长1小时30分钟，比例1个百分点，计数5，速率参照场景平均值的2%，另有1个指标单独设定"},
		{parse("rates=12", "shares=0.125"), "时长1分钟，比例12.5个百分点，计数1，速率12"},
		{parse("0"), "0（无最小差值）"},
		{parse("0", "durations=2m"), "时长2分钟，比例0，计数0，速率0"},
	} {
		if got := chinese().minEffects(c.m); got != c.want {
			t.Errorf("Chinese: %q, want %q", got, c.want)
		}
		if got := English().minEffects(c.m); got != c.m.Describe() {
			t.Errorf("English: %q, want Describe's %q", got, c.m.Describe())
		}
	}
}
