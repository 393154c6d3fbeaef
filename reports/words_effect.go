package reports

import (
	"strconv"
	"strings"

	"cordon/experiment"
)

// minEffects says what a verdict needs in w's language: in English
// experiment.MinEffects.Describe, "1m for durations, 0.5 percentage points
// for shares, ..."; in Chinese the same minimum effects (Quantities) in
// Chinese, 时长1分钟，比例0.5个百分点，....
func (w *Words) minEffects(m experiment.MinEffects) string {
	if !w.Chinese() {
		return m.Describe()
	}
	if m.None() {
		return w.T("0 (no minimum)")
	}
	kinds, own := m.Quantities()
	var parts []string
	for _, k := range kinds {
		parts = append(parts, w.T("effect:"+k.Quantity)+w.quantityEffect(k))
	}
	if own > 0 {
		parts = append(parts, w.Sprintf("%s KPIs their own", strconv.Itoa(own)))
	}
	return strings.Join(parts, "，")
}

// quantityEffect is the amount of a kind's minimum effect in w's language:
// 1分钟, 0.5个百分点, 1, 参照场景平均值的1%.
func (w *Words) quantityEffect(k experiment.QuantityEffect) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	switch {
	case k.Value == 0:
		return "0"
	case k.Relative:
		return w.Sprintf("%s of the reference's mean", num(100*k.Value)+"%")
	case k.Quantity == experiment.Durations:
		return w.Duration(k.Value)
	case k.Quantity == experiment.Shares:
		return w.Sprintf("%s percentage points", num(100*k.Value))
	}
	return num(k.Value)
}
