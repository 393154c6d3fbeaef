package reports

import (
	"bytes"
	"fmt"
	"strings"

	"cordon/experiment"
	"cordon/text"
)

// mdEscape makes user text safe in a Markdown table cell or paragraph:
// characters with a meaning in Markdown or HTML are escaped, line breaks
// and tabs become spaces, and the other characters compound.OneLine escapes
// (controls, bidirectional controls) are written as Go escapes.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case text.Escapes(r):
			b.WriteString(text.EscapeRune(r))
		case strings.ContainsRune("\\`*_[]|<>&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.HasPrefix(out, "#") || strings.HasPrefix(out, "-") || strings.HasPrefix(out, "+") {
		out = "\\" + out
	}
	return out
}

// mdCode writes a name (a KPI, a post, a target) as inline code, which needs
// no escaping, unless it holds a character code spans cannot carry.
func mdCode(s string) string {
	if s == "" || strings.ContainsAny(s, "`|") || strings.ContainsFunc(s, text.Escapes) {
		return mdEscape(s)
	}
	return "`" + s + "`"
}

// SummaryMarkdown is summary.md in English: the run's KPIs with their
// intervals, the targets, the bottlenecks and the plots.
func SummaryMarkdown(o *experiment.Outcome, targets []experiment.TargetResult, plots []Plot) []byte {
	return English().SummaryMarkdown(o, targets, plots)
}

// SummaryMarkdown is summary.md in w's language: each KPI by its label,
// with its name for --target and --kpi.
func (w *Words) SummaryMarkdown(o *experiment.Outcome, targets []experiment.TargetResult, plots []Plot) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(o.Scenario.Name))
	if d := strings.TrimSpace(w.description(o.Scenario)); d != "" {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(d))
	}
	for _, u := range o.Unstable {
		b.WriteString(w.Sprintf("**%s** (%s): expect a backlog.\n\n", mdEscape(w.Unstable(u)), w.UnstableAmounts(u)))
	}
	if o.Replications >= 2 {
		b.WriteString(w.Sprintf("%d replications, seed %d. Each figure is the mean over the replications with its %.0f%% Student-t confidence interval.\n\n",
			o.Replications, o.Seed, 100*experiment.Level))
	} else {
		n := w.Sprintf("%d replications", o.Replications)
		if !w.Chinese() {
			n = text.Count(o.Replications, "replication", "replications")
		}
		b.WriteString(w.Sprintf("%s, seed %d. Each figure is its value (no interval: %s).\n\n", n, o.Seed, n))
	}
	row := func(cells ...string) { fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | ")) }
	head := func(cells ...string) {
		row(cells...)
		b.WriteString("|" + strings.Repeat("---|", len(cells)) + "\n")
	}
	if len(targets) > 0 {
		fmt.Fprintf(&b, "## %s\n\n", w.T("Targets"))
		head(w.T("target"), w.T("mean"), w.T("met"), w.T("margin"), w.T("as written"))
		for _, t := range targets {
			met := w.T("yes")
			switch {
			case !t.Met:
				met = "**" + w.T("no") + "**"
			case !t.Confident:
				met = w.Sprintf("yes (not with 95%% confidence)")
			}
			row(mdEscape(w.targetText(t)), w.value(t.KPI.Unit, t.KPI.Mean), met, w.margin(t), mdCode(t.Text))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", w.T("Bottlenecks"), mdEscape(w.bottleneckNote()))
	head(w.bottleneckHead()...)
	for _, p := range o.Bottlenecks {
		cells := w.bottleneckCells(p)
		cells[1] = mdEscape(cells[1])
		row(cells...)
	}
	if t, ok := w.dayBottleneckTable(o); ok {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", mdEscape(t.Title), mdEscape(w.dayBottleneckNote()))
		head(t.Head...)
		for _, r := range t.Rows {
			r[2] = mdEscape(r[2])
			row(r...)
		}
	}
	for _, t := range w.dayTables(o) {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", mdEscape(t.Title), w.T("The mean of each day's KPI (named KPI@dayN); the KPIs below have each with its interval."))
		writeMarkdownGrid(&b, t.Head, mdEscape, w.dayMarkdownRows(t), func(s string) string { return s })
		b.Truncate(b.Len() - 1) // the blank line before the next section is its own
	}
	fmt.Fprintf(&b, "\n## %s\n\n", w.T("KPIs"))
	head(w.T("KPI"), w.T("mean"), w.T("95% interval"), w.T("unit"), w.T("name (for --target)"))
	for _, k := range o.KPIs {
		row(mdEscape(w.kpiTitle(k.KPI)), w.value(k.Unit, k.Mean), w.interval(k.Unit, k.Low, k.High), mdEscape(w.unit(k.Unit)), mdCode(k.Name))
	}
	writeMarkdownPlots(&b, plots, w)
	return b.Bytes()
}

// writeMarkdownPlots writes the Plots section of summary.md: each plot's
// title, its PNG and its caption; nothing when there are no plots.
func writeMarkdownPlots(b *bytes.Buffer, plots []Plot, w *Words) {
	if len(plots) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", w.T("Plots"))
	for _, p := range plots {
		fmt.Fprintf(b, "### %s\n\n![%s](plots/%s.png)\n\n%s\n\n", mdEscape(p.Title), mdEscape(p.Title), p.Name, mdEscape(p.Caption))
	}
}

// writeMarkdownGrid writes a Markdown table and the blank line after it:
// the head with each name written by headCell, then every row with each
// cell written by cell.
func writeMarkdownGrid[C any](b *bytes.Buffer, head []string, headCell func(string) string, rows [][]C, cell func(C) string) {
	b.WriteString("|")
	for _, h := range head {
		fmt.Fprintf(b, " %s |", headCell(h))
	}
	b.WriteString("\n|")
	for range head {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("|")
		for _, c := range r {
			fmt.Fprintf(b, " %s |", cell(c))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

func absf(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// MarginalMarkdown is the marginal analysis as a section of summary.md.
func MarginalMarkdown(m *experiment.Marginal) []byte { return English().MarginalMarkdown(m) }

// MarginalMarkdown is the marginal analysis as a section of summary.md in
// w's language.
func (w *Words) MarginalMarkdown(m *experiment.Marginal) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "## %s\n\n", w.T("What one step of each knob buys"))
	for _, l := range w.marginalHeading(m) {
		fmt.Fprintf(&b, "%s%s\n", mdEscape(upperFirst(l)), w.T("."))
	}
	b.WriteString("\n")
	for _, t := range w.marginalTables(m) {
		fmt.Fprintf(&b, "### %s\n\n", mdEscape(t.Title))
		writeMarkdownGrid(&b, t.Head, mdEscape, t.Rows, mdEscape)
	}
	return b.Bytes()
}
