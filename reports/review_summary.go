package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"cordon/experiment"
	"cordon/text"
)

// WriteReviewSummary writes what `cordon replay` shows on the terminal: a
// header naming the logs, then the observed day beside the replay hour by
// hour (an observed figure outside its prediction interval is starred), the
// observed KPIs against the replay, where each kind's time went stage by
// stage, and, when a change was asked for, what it would have done on the
// day (the headline KPIs that differ significantly). The same review always
// gives the same text.
func WriteReviewSummary(out io.Writer, r *experiment.Review, src ReviewSources) error {
	return English().WriteReviewSummary(out, r, src)
}

// WriteReviewSummary writes what `cordon replay` shows on the terminal in
// w's language.
func (w *Words) WriteReviewSummary(out io.Writer, r *experiment.Review, src ReviewSources) error {
	if r == nil || r.Replay == nil || r.Replay.Scenario == nil {
		return errors.New("review summary: no replay")
	}
	var buf bytes.Buffer
	for _, u := range r.Replay.Unstable {
		fmt.Fprintln(&buf, text.TermSafe(w.ExplainUnstable(u)))
	}
	buf.WriteString(w.Sprintf("%s: a logged day replayed: %s\n", text.TermSafe(r.Replay.Scenario.Name), text.TermSafe(w.reviewHeader(r, src))))
	for _, t := range w.reviewTables(r, src, false) {
		if err := writeTermTable(&buf, t); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// writeTermTable writes one section of a review for the terminal: its
// title and note, the table aligned in columns, and the lines after it.
func writeTermTable(w *bytes.Buffer, t reviewTable) error {
	fmt.Fprintf(w, "\n%s\n", text.TermSafe(t.Title))
	for _, n := range t.Note {
		fmt.Fprintf(w, "  %s\n", text.TermSafe(n))
	}
	if len(t.Rows) > 0 {
		tw := &aligned{indent: "  "}
		tw.add(termCells(t.Head)...)
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = text.TermSafe(c.Text)
				if c.Indent {
					cells[i] = "  " + cells[i]
				}
				if c.Star {
					cells[i] += "*"
				}
			}
			tw.add(cells...)
		}
		if err := tw.write(w); err != nil {
			return err
		}
	}
	for _, f := range t.Foot {
		fmt.Fprintf(w, "  %s\n", text.TermSafe(f))
	}
	return nil
}

// termCells makes every cell of a heading safe for a terminal.
func termCells(head []string) []string {
	out := make([]string, len(head))
	for i, h := range head {
		out[i] = text.TermSafe(h)
	}
	return out
}
