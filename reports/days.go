package reports

import (
	"bytes"
	"fmt"
	"math"

	"cordon/compound"
	"cordon/experiment"
	"cordon/text"
)

// The KPIs of each day of a run of several days, compactly: the headline
// KPIs that have a figure for a day, one row each, a column per day,
// means only (the results document has every day's KPI with its interval,
// under the name KPI@dayN).

// daysPerTable is how many days one table of the days shows side by side;
// a longer run has a table for each run of that many days.
const daysPerTable = 7

// dayRow is one headline KPI, day by day.
type dayRow struct {
	kpi   compound.KPI
	means []float64 // by day, NaN where the KPI has no figure that day
}

// dayRows returns the days of the outcome's run (0 for a run of one day)
// and the headline KPIs with figures for some day, in report order.
func dayRows(o *experiment.Outcome) (int, []dayRow) {
	days := 0
	byName := map[string]int{}
	var rows []dayRow
	for _, k := range o.KPIs {
		if k.Day == 0 {
			if k.Headline {
				byName[k.Name] = len(rows)
				rows = append(rows, dayRow{kpi: k.KPI})
			}
			continue
		}
		days = max(days, k.Day)
		base, _ := compound.WholeRun(k.Name)
		i, ok := byName[base]
		if !ok {
			continue
		}
		for len(rows[i].means) < k.Day {
			rows[i].means = append(rows[i].means, math.NaN())
		}
		rows[i].means[k.Day-1] = k.Mean
	}
	out := rows[:0]
	for _, r := range rows {
		if len(r.means) > 0 {
			for len(r.means) < days {
				r.means = append(r.means, math.NaN())
			}
			out = append(out, r)
		}
	}
	return days, out
}

// dayTables returns the tables of the days in w's language. A
// KPI is named by its label, with its name for --target in a last column.
func (w *Words) dayTables(o *experiment.Outcome) []table {
	days, rows := dayRows(o)
	var out []table
	for from := 0; from < days; from += daysPerTable {
		to := min(from+daysPerTable, days)
		t := table{Title: w.dayTableTitle(from, to, days), Head: []string{w.T("KPI")}}
		for d := from; d < to; d++ {
			t.Head = append(t.Head, w.Sprintf("day %d", d+1))
		}
		t.Head = append(t.Head, w.T("name (for --target)"))
		group := ""
		for _, r := range rows {
			if g := w.groupTitle(r.kpi); g != group {
				t.Rows = append(t.Rows, []string{g})
				group = g
			}
			row := []string{w.dayLabel(r.kpi)}
			for d := from; d < to; d++ {
				row = append(row, w.value(r.kpi.Unit, r.means[d]))
			}
			row = append(row, r.kpi.Name)
			t.Rows = append(t.Rows, row)
		}
		out = append(out, t)
	}
	return out
}

// dayLabel is a KPI's label under its group's title, as the summary
// writes it: a kind's group names it, a pool's KPIs say which pool.
func (w *Words) dayLabel(k compound.KPI) string {
	if k.Of != "" && k.Of != k.Group {
		return w.kpiTitle(k)
	}
	return w.kpiLabel(k)
}

func (w *Words) dayTableTitle(from, to, days int) string {
	if days <= daysPerTable {
		return w.T("By day")
	}
	return w.Sprintf("By day, days %d to %d", from+1, to)
}

// writeDays writes the terminal tables of the days: a KPI's row under its
// group's title, a column per day, each the mean of the day's KPI
// (KPI@dayN). Nothing for a run of one day.
func (wd *Words) writeDays(w *bytes.Buffer, o *experiment.Outcome) error {
	for _, t := range wd.dayTables(o) {
		title := t.Title
		if !wd.Chinese() {
			title = lowerFirst(title)
		}
		fmt.Fprint(w, wd.Sprintf("\n%s: means of each day's KPI (KPI@dayN), the whole run's above\n", title))
		a := &aligned{}
		a.add(append([]string{""}, t.Head[1:]...)...)
		for _, r := range t.Rows {
			if len(r) == 1 {
				a.add(text.TermSafe(r[0]))
				continue
			}
			a.add(append([]string{"  " + text.TermSafe(r[0])}, r[1:]...)...)
		}
		if err := a.write(w); err != nil {
			return err
		}
	}
	return nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// dayMarkdownRows writes the rows of a table of the days for Markdown: a
// group's title in bold, a KPI's label (its name as code in the last
// column), blank cells where a row has none.
func (w *Words) dayMarkdownRows(t table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		row := make([]string, len(t.Head))
		switch {
		case len(r) == 1:
			row[0] = "**" + mdEscape(r[0]) + "**"
		default:
			copy(row, r)
			row[0] = mdEscape(r[0])
			row[len(row)-1] = mdCode(r[len(r)-1])
		}
		out[i] = row
	}
	return out
}

// padRows gives every row of t a cell in every column (a group's title
// row blank past its title), for the report page.
func padRows(t table) table {
	out := table{Title: t.Title, Head: t.Head}
	for _, r := range t.Rows {
		row := make([]string, len(t.Head))
		copy(row, r)
		out.Rows = append(out.Rows, row)
	}
	return out
}
