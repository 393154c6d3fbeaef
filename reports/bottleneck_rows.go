package reports

import (
	"bytes"
	"fmt"

	"cordon/experiment"
	"cordon/sim/stats"
)

// The bottleneck ranking's tables, the same in every report (terminal,
// Markdown, HTML): the ranking over the whole run and, in a run of
// several days, each day's posts with the most hours spent waiting there.

// dayBottleneckTop is how many posts a day's ranking lists.
const dayBottleneckTop = 3

// bottleneckHead is the head of the ranking's table.
func (w *Words) bottleneckHead() []string {
	return []string{w.T("rank"), w.T("post"), w.T("turned away"), w.T("hours waited"), w.T("95% interval"),
		w.T("worst hour"), w.T("ahead of next"), w.T("utilisation"), w.T("mean wait")}
}

// bottleneckCells is one post of the ranking, as bottleneckHead says.
func (w *Words) bottleneckCells(b experiment.Bottleneck) []string {
	return []string{fmt.Sprint(b.Rank), w.Post(b.Post), FormatValue("share", b.BlockedShare.Mean),
		w.value("h", b.Waited.Mean), w.interval("h", b.Waited.Low, b.Waited.High), w.value("h", b.WorstHour.Mean),
		w.ahead(b.Lead, b.Clear), FormatValue("share", b.Utilisation.Mean), w.value("s", b.WaitMean.Mean)}
}

// ahead says whether a post's lead over the next is clear of chance:
// nothing for the last post, "—" with one replication (no interval).
func (w *Words) ahead(lead stats.Summary, clear bool) string {
	switch {
	case lead.N == 0:
		return ""
	case lead.N < 2:
		return "—"
	case clear:
		return w.T("clear")
	}
	return w.T("within chance")
}

// bottleneckNote says how the posts are ranked and what each column is.
func (w *Words) bottleneckNote() string {
	return w.T("Posts ranked by the share of arrivals they turned away, then by the hours spent waiting there: " +
		"the time everything that waited there (items, residents or tasks) spent waiting, added up, " +
		"which is the time integral of the post's queue and its arrivals times their mean wait. " +
		"Items on the pile outside a full staging area wait at the staging area (an item on the pile waiting for a crew counts at both). " +
		"An item-hour and a resident-hour count alike: weigh them as the work needs. " +
		"Worst hour: the hours waited in the post's worst hour. Ahead of next: whether the post's lead over the next, " +
		"paired over the replications, is clear (its 95% interval above zero) or within chance.")
}

// dayBottleneckTable is the table of each day's posts with the most hours
// spent waiting there, in a run of several days (false otherwise).
func (w *Words) dayBottleneckTable(o *experiment.Outcome) (table, bool) {
	if len(o.DayBottlenecks) == 0 {
		return table{}, false
	}
	t := table{Title: w.T("Bottlenecks by day"),
		Head: []string{w.T("day"), w.T("rank"), w.T("post"), w.T("hours waited"), w.T("95% interval"), w.T("ahead of next")}}
	for _, d := range o.DayBottlenecks {
		for i, p := range d.Posts[:min(dayBottleneckTop, len(d.Posts))] {
			day := ""
			if i == 0 {
				day = w.Sprintf("day %d", d.Day)
			}
			t.Rows = append(t.Rows, []string{day, fmt.Sprint(i + 1), w.Post(p.Post), w.value("h", p.Waited.Mean),
				w.interval("h", p.Waited.Low, p.Waited.High), w.ahead(p.Lead, p.Clear)})
		}
	}
	return t, true
}

// dayBottleneckNote says what the table of the days' bottlenecks holds.
func (w *Words) dayBottleneckNote() string {
	return w.Sprintf("Each day's %d posts with the most hours spent waiting there that day, with 95%% intervals; "+
		"ahead of next: whether the post's lead over the next that day, paired over the replications, is clear or within chance.", dayBottleneckTop)
}

// bottleneckSection is the ranking of a page: nil when there are no
// posts.
func (w *Words) bottleneckSection(o *experiment.Outcome) *bottlenecks {
	if o == nil || len(o.Bottlenecks) == 0 {
		return nil
	}
	b := &bottlenecks{Note: w.bottleneckNote(), Head: w.bottleneckHead()}
	for _, x := range o.Bottlenecks {
		b.Rows = append(b.Rows, w.bottleneckCells(x))
	}
	if t, ok := w.dayBottleneckTable(o); ok {
		b.Days, b.DaysNote = &t, w.dayBottleneckNote()
	}
	return b
}

// writeBottlenecks writes the terminal tables of the ranking: its first
// top posts under title, and in a run of several days each day's.
func (w *Words) writeBottlenecks(out *bytes.Buffer, o *experiment.Outcome, top int, title string) error {
	top = min(top, len(o.Bottlenecks))
	if top <= 0 {
		return nil
	}
	fmt.Fprintf(out, "\n%s\n", title)
	t := &aligned{indent: "  "}
	t.add(w.bottleneckHead()...)
	for _, b := range o.Bottlenecks[:top] {
		t.add(termCells(w.bottleneckCells(b))...)
	}
	if err := t.write(out); err != nil {
		return err
	}
	d, ok := w.dayBottleneckTable(o)
	if !ok {
		return nil
	}
	fmt.Fprintf(out, "\n%s\n", w.T("bottlenecks by day: the posts with the most hours spent waiting there each day; ahead of next: the lead over the next post that day, paired over the replications"))
	t = &aligned{indent: "  "}
	t.add(d.Head...)
	for _, r := range d.Rows {
		t.add(termCells(r)...)
	}
	return t.write(out)
}
