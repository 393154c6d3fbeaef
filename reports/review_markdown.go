package reports

import (
	"bytes"
	"fmt"

	"cordon/experiment"
)

// reviewMarkdown is summary.md of a review: the replay's summary (its
// header, bottlenecks and KPIs) with the review's sections after its header
// (the observed day beside the replay hour by hour, the observed KPIs,
// where the time went, the change), and every plot at the end.
func (w *Words) reviewMarkdown(r *experiment.Review, src ReviewSources, plots []Plot) []byte {
	replay := w.SummaryMarkdown(r.Replay, nil, nil)
	// The replay's header is everything before its first section; user text
	// in it is escaped, line breaks included, so no line of it starts "## ".
	head, rest := replay, []byte(nil)
	if i := bytes.Index(replay, []byte("\n## ")); i >= 0 {
		head, rest = replay[:i+1], replay[i+1:]
	}
	var b bytes.Buffer
	b.Write(head)
	fmt.Fprintf(&b, "%s%s\n\n", mdEscape(w.Sprintf("A logged day replayed: %s", w.reviewHeader(r, src))), w.T("."))
	for _, t := range w.reviewTables(r, src, true) {
		writeMarkdownTable(&b, t)
	}
	b.Write(rest)
	writeMarkdownPlots(&b, plots, w)
	return b.Bytes()
}

// writeMarkdownTable writes one section of a review as Markdown: a heading,
// its note, the table and the lines after it.
func writeMarkdownTable(b *bytes.Buffer, t reviewTable) {
	fmt.Fprintf(b, "## %s\n\n", mdEscape(capitalised(t.Title)))
	for i, n := range t.Note {
		sep := "  \n" // a line break within the paragraph
		if i == len(t.Note)-1 {
			sep = "\n\n"
		}
		fmt.Fprintf(b, "%s%s", mdEscape(capitalised(n)), sep)
	}
	if len(t.Rows) > 0 {
		writeMarkdownGrid(b, t.Head, mdEscape, t.Rows, markdownCell)
	}
	for _, f := range t.Foot {
		fmt.Fprintf(b, "%s\n\n", mdEscape(capitalised(f)))
	}
}

// markdownCell writes a cell of a review table: names as code, a stage
// under its kind with an arrow, a starred figure with its star, an alert in
// bold.
func markdownCell(c reviewCell) string {
	s := mdEscape(c.Text)
	if c.Code {
		s = mdCode(c.Text)
	}
	if c.Indent {
		s = "↳ " + s
	}
	if c.Star {
		s += `\*`
	}
	if c.Alert {
		s = "**" + s + "**"
	}
	return s
}
