package reports

import (
	"strings"
	"time"

	"cordon/experiment"
)

// minEffects says what a verdict needs (experiment.MinEffects.Describe)
// in w's language: "1m for durations, 0.5 percentage points for shares,
// ..." in English, 时长1分钟，比例0.5个百分点，... in Chinese. A part the
// Chinese does not know how to read is left as it is.
func (w *Words) minEffects(m experiment.MinEffects) string {
	en := m.Describe()
	if !w.Chinese() {
		return en
	}
	if en == "0 (no minimum)" {
		return w.T(en)
	}
	var parts []string
	for _, part := range strings.Split(en, ", ") {
		parts = append(parts, w.minEffect(part))
	}
	return strings.Join(parts, "，")
}

// minEffect is one part of MinEffects.Describe in Chinese: "1m for
// durations" is 时长1分钟, "3 KPIs their own" 另有3个指标单独设定.
func (w *Words) minEffect(part string) string {
	if rest, ok := strings.CutSuffix(part, " KPIs their own"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
		return w.Sprintf("%s KPIs their own", rest)
	}
	value, kind, ok := strings.Cut(part, " for ")
	if !ok || !w.Has("effect:"+kind) {
		return part
	}
	switch {
	case value == "0":
	case strings.HasSuffix(value, "% of the reference's mean"):
		value = w.Sprintf("%s of the reference's mean", strings.TrimSuffix(value, " of the reference's mean"))
	case strings.HasSuffix(value, " percentage points"), strings.HasSuffix(value, " percentage point"):
		value = w.Sprintf("%s percentage points", strings.Fields(value)[0])
	case kind == experiment.Durations:
		d, err := time.ParseDuration(value)
		if err != nil {
			return part
		}
		value = w.Duration(d.Seconds())
	}
	return w.T("effect:"+kind) + value
}
