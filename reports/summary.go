package reports

import (
	"bytes"
	"fmt"
	"io"

	"cordon/experiment"
	"cordon/text"
)

// WriteSummary writes the terminal summary of an outcome in English: the
// headline KPIs with their confidence intervals, grouped by flow, and the
// top bottlenecks.
func WriteSummary(out io.Writer, o *experiment.Outcome, bottlenecks int) error {
	return English().WriteSummary(out, o, bottlenecks)
}

// WriteSummary writes the terminal summary of an outcome in w's language:
// each headline KPI by its label, with its mean, confidence interval and
// unit, and its name for --target and --kpi; then the top bottlenecks.
func (wd *Words) WriteSummary(out io.Writer, o *experiment.Outcome, bottlenecks int) error {
	var buf bytes.Buffer
	w := &buf
	for _, u := range o.Unstable {
		fmt.Fprintln(w, text.TermSafe(wd.ExplainUnstable(u)))
	}
	// One replication has no spread to measure: means alone.
	intervals := o.Replications >= 2
	name := text.TermSafe(o.Scenario.Name)
	if intervals {
		fmt.Fprint(w, wd.Sprintf("%s: %d replications, seed %d, means with %.0f%% confidence intervals; the last column is each KPI's name for --target and --kpi\n",
			name, o.Replications, o.Seed, 100*experiment.Level))
	} else {
		n := wd.Sprintf("%d replications", o.Replications)
		if !wd.Chinese() {
			n = text.Count(o.Replications, "replication", "replications")
		}
		fmt.Fprint(w, wd.Sprintf("%s: %s, seed %d, means (no interval: %s); the last column is each KPI's name for --target and --kpi\n", name, n, o.Seed, n))
	}
	// Each group a table of its own, as tabwriter made them before.
	var table *aligned
	flush := func() error {
		if table == nil {
			return nil
		}
		return table.write(w)
	}
	group := ""
	for _, k := range o.KPIs {
		if !k.Headline || k.Day != 0 {
			continue // a day's KPIs are in the tables of the days (writeDays)
		}
		g := wd.groupTitle(k.KPI)
		if g != group {
			if err := flush(); err != nil {
				return err
			}
			fmt.Fprintf(w, "\n%s\n", text.TermSafe(g))
			table, group = &aligned{indent: "  "}, g
		}
		// A kind's group names it; a pool's KPIs say which pool.
		label := wd.kpiLabel(k.KPI)
		if k.Of != "" && k.Of != k.Group {
			label = wd.kpiTitle(k.KPI)
		}
		label = text.TermSafe(label)
		if !intervals {
			table.add(label, wd.value(k.Unit, k.Mean), wd.unit(k.Unit), text.TermSafe(k.Name))
			continue
		}
		table.add(label, wd.value(k.Unit, k.Mean), "["+wd.value(k.Unit, k.Low)+", "+wd.value(k.Unit, k.High)+"]",
			wd.unit(k.Unit), text.TermSafe(k.Name))
	}
	if err := flush(); err != nil {
		return err
	}
	if err := wd.writeDays(w, o); err != nil {
		return err
	}
	if err := wd.writeBottlenecks(w, o, bottlenecks, wd.T("bottlenecks: work turned away, then hours spent waiting there (added over everything that waited: items, residents or tasks); "+
		"ahead of next: the lead over the next post, paired over the replications")); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}

// writeTrimmed writes out for a terminal (text.TermText) without the
// spaces tabwriter leaves at the ends of lines: every terminal table and
// summary ends here.
func writeTrimmed(w io.Writer, out []byte) error {
	lines := bytes.Split(text.TermText(out), []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	_, err := w.Write(bytes.Join(lines, []byte("\n")))
	return err
}

// WriteTargets writes the targets checked against a run in English: each
// met or missed, and by how much.
func WriteTargets(out io.Writer, targets []experiment.TargetResult) error {
	return English().WriteTargets(out, targets)
}

// WriteTargets writes the targets checked against a run in w's language:
// each by its KPI's label, met or missed, by how much, and as written.
func (w *Words) WriteTargets(out io.Writer, targets []experiment.TargetResult) error {
	if len(targets) == 0 {
		return nil
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "\n%s\n", w.T("targets"))
	tw := &aligned{indent: "  "}
	for _, t := range targets {
		tw.add(text.TermSafe(w.targetText(t)), w.targetState(t),
			w.Sprintf("mean %s", w.value(t.KPI.Unit, t.KPI.Mean)), w.margin(t), text.TermSafe(t.Text))
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}
