package reports

import (
	"io"
	"strings"

	"gonum.org/v1/plot/vg"

	"cordon/experiment"
	"cordon/text"
)

// Plot size in reports: wide enough for a day's time axis; the PNG is drawn
// at pngDPI.
const (
	plotWidth  = 9 * vg.Inch
	plotHeight = 4.5 * vg.Inch
)

// RunFiles lists the files of a run report.
const RunFiles = "index.html, summary.md, results.json, kpis.csv, replications.csv and plots/*.png, *.svg, *.csv"

// RunReport is the report folder of a run: index.html, summary.md,
// results.json, kpis.csv, replications.csv and every plot as PNG and SVG under
// plots/. With a marginal analysis (m not nil) the page and summary.md also
// say what one more unit at each post buys and which post limits work hour
// by hour.
func RunReport(o *experiment.Outcome, targets []experiment.TargetResult, m *experiment.Marginal) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := w.RunPlots(o)
		if err != nil {
			return nil, plotsError(err)
		}
		if m != nil {
			more, err := w.MarginalPlots(m)
			if err != nil {
				return nil, plotsError(err)
			}
			plots = append(plots, more...)
		}
		md, p := w.SummaryMarkdown(o, targets, plots), runPage(w, o, targets)
		if m != nil {
			md = append(md, w.MarginalMarkdown(m)...)
			p.Tables = append(w.marginalTables(m), p.Tables...)
		}
		return &contents{plots: plots, page: p, files: []file{
			jsonFile("results.json", NewResults(o, targets...)),
			rawFile("kpis.csv", KPIsCSV(o, targets)),
			csvFile("replications.csv", func(w io.Writer) error { return WriteReplicationsCSV(w, o) }),
			rawFile("summary.md", md),
		}}, nil
	}}
}

// runLine says what the run page's figures are: means with their
// intervals, or with one replication values without one.
func runLine(w *Words, o *experiment.Outcome) string {
	if o.Replications >= 2 {
		return w.Sprintf("%d replications, seed %d, 95%% confidence intervals", o.Replications, o.Seed)
	}
	n := w.Sprintf("%d replications", o.Replications)
	if !w.Chinese() {
		n = text.Count(o.Replications, "replication", "replications")
	}
	return w.Sprintf("%s, seed %d, no interval: %s", n, o.Seed, n)
}

// runPage is the page of a run, its figures left to Write.
func runPage(w *Words, o *experiment.Outcome, targets []experiment.TargetResult) page {
	p := page{
		Title: o.Scenario.Name,
		Lines: append(lines(w.description(o.Scenario)),
			runLine(w, o)),
		Files: w.files(RunFiles),
	}
	for _, u := range o.Unstable {
		p.Warnings = append(p.Warnings, w.ExplainUnstable(u))
	}
	for _, t := range targets {
		verdict := w.T("met")
		switch {
		case !t.Met:
			verdict = w.T("missed")
		case !t.Confident:
			verdict = w.Sprintf("met (not with 95%% confidence)")
		}
		p.Targets = append(p.Targets, targetRow{Text: w.targetText(t), Name: t.Text, Mean: w.value(t.KPI.Unit, t.KPI.Mean),
			Verdict: verdict, Margin: w.margin(t), Met: t.Met})
	}
	p.Bottlenecks = w.bottleneckSection(o)
	for _, t := range w.dayTables(o) {
		p.Tables = append(p.Tables, padRows(t))
	}
	kpis := table{Title: w.T("KPIs"), Head: []string{w.T("KPI"), w.T("mean"), w.T("95% interval"), w.T("unit"), w.T("what it is"), w.T("name (for --target)")}}
	for _, k := range o.KPIs {
		kpis.Rows = append(kpis.Rows, []string{w.kpiTitle(k.KPI), w.value(k.Unit, k.Mean),
			w.interval(k.Unit, k.Low, k.High), w.unit(k.Unit), w.kpiDesc(k.KPI), k.Name})
	}
	p.Tables = append(p.Tables, kpis)
	p.Headline = w.headlineTables(o)
	return p
}

// Slug makes a scenario name safe as a folder name.
func Slug(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), ".-")
	if s == "" {
		s = "scenario"
	}
	if len(s) > 64 {
		s = s[:64]
	}
	return s
}
