package reports

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"

	"cordon/experiment"
	"cordon/text"
)

// Comparison is the comparison document: what `cordon compare --json`
// prints and comparison.json holds.
type Comparison struct {
	SchemaVersion int      `json:"schema_version"`
	Scenarios     []string `json:"scenarios"`
	Reference     string   `json:"reference"`
	Seed          uint64   `json:"seed"`
	Replications  int      `json:"replications"`
	Confidence    float64  `json:"confidence"`
	// Identical names the scenarios that simulate exactly what the
	// reference does: nothing differs between them.
	Identical   []string          `json:"identical,omitempty"`
	KPIs        []ComparedKPI     `json:"kpis"`
	Differences []DifferenceEntry `json:"differences"`
}

// ComparedKPI is one KPI in every scenario that reports it, and the
// smallest difference from the reference that is a verdict (null when the
// reference does not report it).
type ComparedKPI struct {
	Name      string          `json:"name"`
	Unit      string          `json:"unit"`
	Better    string          `json:"better,omitempty"`
	MinEffect Number          `json:"min_effect"`
	Scenarios []ScenarioValue `json:"scenarios"`
}

// ScenarioValue is a KPI's mean and interval in one scenario.
type ScenarioValue struct {
	Scenario string `json:"scenario"`
	Estimate
}

// DifferenceEntry is one KPI of one scenario against the reference.
type DifferenceEntry struct {
	Scenario string `json:"scenario"`
	KPI      string `json:"kpi"`
	Unit     string `json:"unit"`
	Mean     Number `json:"mean"`
	CILow    Number `json:"ci_low"`
	CIHigh   Number `json:"ci_high"`
	Verdict  string `json:"verdict"`
}

// NewComparison builds the comparison document.
func NewComparison(c *experiment.Comparison) *Comparison {
	ref := c.Outcomes[0]
	doc := &Comparison{SchemaVersion: SchemaVersion, Reference: ref.Scenario.Name, Seed: ref.Seed,
		Replications: ref.Replications, Confidence: experiment.Level, Identical: c.Identical, KPIs: []ComparedKPI{}, Differences: []DifferenceEntry{}}
	for _, o := range c.Outcomes {
		doc.Scenarios = append(doc.Scenarios, o.Scenario.Name)
	}
	seen := map[string]bool{}
	for _, o := range c.Outcomes {
		for _, k := range o.KPIs {
			if seen[k.Name] {
				continue
			}
			seen[k.Name] = true
			ck := ComparedKPI{Name: k.Name, Unit: k.Unit, Better: k.Better, MinEffect: Number(math.NaN())}
			if base, ok := ref.KPI(k.Name); ok {
				ck.MinEffect = Number(c.MinEffects.For(k.KPI, base.Mean))
			}
			for _, o2 := range c.Outcomes {
				if v, ok := o2.KPI(k.Name); ok {
					ck.Scenarios = append(ck.Scenarios, ScenarioValue{Scenario: o2.Scenario.Name, Estimate: estimate(v.Summary)})
				}
			}
			doc.KPIs = append(doc.KPIs, ck)
		}
	}
	for _, d := range c.Differences {
		doc.Differences = append(doc.Differences, DifferenceEntry{Scenario: d.Scenario, KPI: d.Name, Unit: d.Unit,
			Mean: Number(d.Mean), CILow: Number(d.Low), CIHigh: Number(d.High), Verdict: d.Verdict})
	}
	return doc
}

// JSON writes the document indented, with a final newline.
func (c *Comparison) JSON() ([]byte, error) {
	return indentJSON(c)
}

// formatDiff writes a difference in a KPI's unit with its sign.
func formatDiff(unit string, v float64) string { return English().diff(unit, v) }

// diff writes a difference in a KPI's unit with its sign, in w's language.
func (w *Words) diff(unit string, v float64) string {
	s := w.value(unit, absf(v))
	if s == w.value(unit, 0) {
		return s // no sign on a difference that rounds to nothing: not "−0 s"
	}
	if v < 0 {
		return "−" + s
	}
	if v > 0 {
		return "+" + s
	}
	return s
}

// WriteComparisonTable writes the terminal table of a comparison in
// English.
func WriteComparisonTable(out io.Writer, c *experiment.Comparison) error {
	return English().WriteComparisonTable(out, c)
}

// WriteComparisonTable writes the terminal table of a comparison in w's
// language: what a verdict needs, each difference with a verdict, and a
// count of the rest. A scenario that simulates exactly what the reference
// does is said to. In Chinese each KPI is named by its label, with its
// name for --target last.
func (w *Words) WriteComparisonTable(out io.Writer, c *experiment.Comparison) error {
	var buf bytes.Buffer
	ref := c.Outcomes[0]
	buf.WriteString(w.Sprintf("compared with %s: %d replications, seed %d, common random numbers; paired differences with %.0f%% intervals\n",
		text.TermSafe(ref.Scenario.Name), ref.Replications, ref.Seed, 100*experiment.Level))
	buf.WriteString(w.Sprintf("a verdict needs the interval to leave out zero and a difference of at least %s (--min-effect)\n", w.minEffects(c.MinEffects)))
	for _, name := range c.Identical {
		fmt.Fprintf(&buf, "%s\n", w.identicalLine(name, ref.Scenario.Name, text.TermSafe))
	}
	if len(c.Significant()) > 0 {
		buf.WriteString("\n")
	}
	tw := &aligned{}
	for i, d := range c.Significant() {
		if i == 0 {
			tw.add(w.T("scenario"), w.T("KPI"), text.TermSafe(ref.Scenario.Name), w.T("there"), w.T("difference"), w.T("95% interval"), w.T("verdict"), w.T("name (for --target)"))
		}
		base, _ := ref.KPI(d.Name)
		var there experiment.KPIResult
		for _, o := range c.Outcomes {
			if o.Scenario.Name == d.Scenario {
				there, _ = o.KPI(d.Name)
			}
		}
		row := []string{text.TermSafe(d.Scenario), text.TermSafe(w.kpiTitle(there.KPI)), w.value(d.Unit, base.Mean),
			w.value(d.Unit, there.Mean), w.diff(d.Unit, d.Mean), "[" + w.diff(d.Unit, d.Low) + ", " + w.diff(d.Unit, d.High) + "]", w.verdict(d.Verdict),
			text.TermSafe(d.Name)}
		tw.add(row...)
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	fmt.Fprintf(&buf, "\n%s\n", w.countLine(c))
	return writeTrimmed(out, buf.Bytes())
}

// verdict is a difference's verdict in w's language: better, worse,
// differs or none.
func (w *Words) verdict(v string) string { return w.word("verdict:", v) }

// identicalLine says that scenario simulates exactly what the reference
// does, with names written by safe, in w's language.
func (w *Words) identicalLine(name, ref string, safe func(string) string) string {
	if name == ref {
		return w.Sprintf("%s is compared with itself: nothing differs between them, so no KPI can.", safe(name))
	}
	return w.Sprintf("%s simulates exactly what %s does (they differ at most in name, description, targets and costs): nothing differs between them, so no KPI can.",
		safe(name), safe(ref))
}

// countLine counts a comparison's differences: those with a verdict, those
// significant but smaller than their minimum effect, and the rest.
func (w *Words) countLine(c *experiment.Comparison) string {
	judged, small := 0, 0
	for _, d := range c.Differences {
		switch {
		case d.Verdict != experiment.None:
			judged++
		case d.Small():
			small++
		}
	}
	return w.Sprintf("%d KPI differences with a verdict; %d significant but smaller than the minimum effect and %d within chance (verdict none)",
		judged, small, len(c.Differences)-judged-small)
}

// DifferencesCSV is differences.csv: every KPI of every scenario against
// the reference.
func DifferencesCSV(c *experiment.Comparison) []byte {
	var w csvLines
	writeCSVRow(&w, []string{"scenario", "kpi", "unit", "mean", "ci_low", "ci_high", "n", "verdict", "min_effect"})
	for _, d := range c.Differences {
		writeCSVRow(&w, []string{d.Scenario, d.Name, d.Unit, formatFloat(d.Mean), formatFloat(d.Low), formatFloat(d.High), strconv.Itoa(d.N), d.Verdict,
			formatFloat(d.MinEffect)})
	}
	return w.b
}

// ComparisonReport is the report folder of a comparison: index.html,
// comparison.json, differences.csv and the differences chart.
func ComparisonReport(c *experiment.Comparison) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plot, err := w.DifferencesPlot(c)
		if err != nil {
			return nil, plotsError(err)
		}
		doc := NewComparison(c)
		return &contents{plots: []Plot{plot}, page: w.comparisonPage(c, doc), files: []file{
			jsonFile("comparison.json", doc),
			rawFile("differences.csv", DifferencesCSV(c)),
		}}, nil
	}}
}

// comparisonPage is the page of a comparison in w's language, its figure
// left to Write. A KPI is named by its label, its name beside it.
func (w *Words) comparisonPage(c *experiment.Comparison, doc *Comparison) page {
	ref := c.Outcomes[0]
	refName := ref.Scenario.Name
	p := page{Title: w.Sprintf("comparison with %s", refName),
		Files: "index.html, comparison.json, differences.csv " + w.and() + " plots/differences.png, .svg, .csv",
		DifferencesNote: w.Sprintf("Each scenario against %s under common random numbers: the mean of the paired differences (there minus %s) with its 95%% interval. ", refName, refName) +
			w.Sprintf("Only differences with a verdict are listed: the interval leaves out zero and the difference is at least %s. ", w.minEffects(c.MinEffects)) +
			w.countLine(c) + w.T("; differences.csv has them all.")}
	for _, o := range c.Outcomes {
		p.Lines = append(p.Lines, w.Sprintf("%s: %s", o.Scenario.Name, firstLine(w.description(o.Scenario))))
	}
	p.Lines = append(p.Lines, w.Sprintf("%d replications, seed %d", ref.Replications, ref.Seed))
	for _, name := range c.Identical {
		p.Warnings = append(p.Warnings, w.identicalLine(name, refName, func(s string) string { return s }))
	}
	for _, d := range c.Differences {
		if d.Verdict == experiment.None {
			continue
		}
		row := differenceRow{Scenario: d.Scenario, KPI: d.Name, Mean: w.diff(d.Unit, d.Mean),
			Interval: w.diff(d.Unit, d.Low) + " – " + w.diff(d.Unit, d.High), Verdict: d.Verdict, VerdictText: w.verdict(d.Verdict)}
		if k, ok := ref.KPI(d.Name); ok {
			row.Label = w.kpiTitle(k.KPI)
		}
		p.Differences = append(p.Differences, row)
	}
	kpis := table{Title: w.T("KPIs by scenario"), Head: []string{w.T("KPI")}}
	for _, o := range c.Outcomes {
		kpis.Head = append(kpis.Head, o.Scenario.Name)
	}
	kpis.Head = append(kpis.Head, w.T("name (for --target)"))
	for _, k := range doc.KPIs {
		row := []string{w.kpiTitleOf(c, k.Name)}
		for _, o := range c.Outcomes {
			row = append(row, w.estimateCell(o, k.Name))
		}
		row = append(row, k.Name)
		kpis.Rows = append(kpis.Rows, row)
	}
	p.Tables = append(p.Tables, kpis)
	return p
}

// kpiTitleOf is the title of the KPI called name in the first outcome of
// c that reports it, in w's language; its name when none does.
func (w *Words) kpiTitleOf(c *experiment.Comparison, name string) string {
	for _, o := range c.Outcomes {
		if k, ok := o.KPI(name); ok {
			return w.kpiTitle(k.KPI)
		}
	}
	return name
}

func firstLine(s string) string {
	if l := lines(s); len(l) > 0 {
		return l[0]
	}
	return ""
}
