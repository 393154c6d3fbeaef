package reports

import (
	"fmt"
	"math"
	"strings"
	"time"

	"cordon/compound"
	"cordon/experiment"
)

// value writes a KPI value in its unit in w's language: FormatValue, with
// durations in w's words.
func (w *Words) value(unit string, v float64) string {
	switch {
	case unit == "s":
		return w.Duration(v)
	case unit == "h" && w.Chinese() && finite(v):
		return fmt.Sprintf("%.1f小时", v)
	}
	return FormatValue(unit, v)
}

// unit is the unit written after a count in w's language; durations and
// shares carry their own.
func (w *Words) unit(unit string) string { return w.Unit(unitLabel(unit)) }

// kpiTitle is the KPI's label with its subject, in w's language:
// "express: time to the door, 95th percentile".
func (w *Words) kpiTitle(k compound.KPI) string { return w.KPITitle(k.Name, k.Of, k.Label) }

// kpiLabel is the KPI's label without its subject, in w's language.
func (w *Words) kpiLabel(k compound.KPI) string { return w.KPILabel(k.Name, k.Of, k.Label) }

// kpiDesc is the KPI's description in w's language.
func (w *Words) kpiDesc(k compound.KPI) string { return w.KPIDesc(k.Name, k.Of, k.Desc) }

// groupTitle is the title of a KPI's group in w's language.
func (w *Words) groupTitle(k compound.KPI) string {
	if g := "group:" + k.Group; w.Chinese() && w.Has(g) {
		return w.T(g)
	}
	if w.Chinese() {
		return w.Sprintf("deliveries: %s", w.Name(k.Group))
	}
	return k.GroupTitle()
}

// targetText is a target in words: "takeout: time to the door, 95th
// percentile ≤ 45 min".
func (w *Words) targetText(t experiment.TargetResult) string {
	op := map[string]string{"<=": "≤", ">=": "≥", "<": "<", ">": ">"}[t.Op]
	if op == "" {
		op = t.Op
	}
	return fmt.Sprintf("%s %s %s", w.kpiTitle(t.KPI.KPI), op, w.value(t.KPI.Unit, t.Value))
}

// targetState says whether a target was met: "met", "MISSED", "met (not
// with 95% confidence)".
func (w *Words) targetState(t experiment.TargetResult) string {
	switch {
	case !t.Met:
		return w.T("MISSED")
	case !t.Confident:
		return w.Sprintf("met (not with 95%% confidence)")
	}
	return w.T("met")
}

// margin says by how much a target was met or missed: "by 17 min",
// "missed by 12 min 44 s".
func (w *Words) margin(t experiment.TargetResult) string {
	m := w.value(t.KPI.Unit, absf(t.Margin))
	if t.Margin < 0 {
		return w.Sprintf("missed by %s", m)
	}
	return w.Sprintf("by %s", m)
}

// interval writes a confidence interval "low – high" in w's language, or
// "—" when there is none.
func (w *Words) interval(unit string, low, high float64) string {
	if math.IsNaN(low) && math.IsNaN(high) {
		return "—"
	}
	return w.value(unit, low) + " – " + w.value(unit, high)
}

// files is a page's list of files in w's language: "a, b and c" is
// "a, b 和 c" in Chinese.
func (w *Words) files(list string) string {
	if !w.Chinese() {
		return list
	}
	return strings.Replace(list, " and ", " "+w.and()+" ", 1)
}

// and is the word between the last two of a list of files, "and" or 和,
// the catalogue's joiner ("join: and", spaced around by the caller: the
// files are Latin words).
func (w *Words) and() string { return strings.TrimSpace(w.T("join: and")) }

// fullStop ends a sentence of a page in w's language: "." in English,
// "。" in Chinese (a figure's title before its caption, the note of the
// files).
func (w *Words) fullStop() string {
	if w.Chinese() {
		return "。"
	}
	return "."
}

// gap is the space between a page's sentences, or after a colon, in w's
// language: none after Chinese's full-width punctuation.
func (w *Words) gap() string {
	if w.Chinese() {
		return ""
	}
	return " "
}

// fileList is the list of a report folder's files for its page's note,
// "index.html, summary.md and plots/*.png", listed with 、 in Chinese.
func (w *Words) fileList(list string) string {
	if !w.Chinese() {
		return list
	}
	return strings.ReplaceAll(list, ", ", w.T("join: list"))
}

// knobDuration writes a knob's value that is a span as --set takes it
// ("10m") in w's language; ok is false for any other value.
func (w *Words) knobDuration(v string) (string, bool) {
	d, err := time.ParseDuration(v)
	if err != nil || !strings.ContainsAny(v, "hms") {
		return "", false
	}
	return w.Duration(d.Seconds()), true
}

// word is s, a word of the engine's (a plan's action, a verdict, a
// factor's kind), in w's language: the catalogue's entry prefix+s, or s
// itself when the catalogue has none.
func (w *Words) word(prefix, s string) string {
	if !w.Has(prefix + s) {
		return s
	}
	return w.T(prefix + s)
}
