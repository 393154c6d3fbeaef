package reports

import (
	"bytes"
	"fmt"
	"io"
	"text/tabwriter"

	"cordon/experiment"
	"cordon/text"
)

// WriteSummary writes the terminal summary of an outcome: the headline KPIs
// with their confidence intervals, grouped by flow, and the top bottlenecks.
func WriteSummary(out io.Writer, o *experiment.Outcome, bottlenecks int) error {
	var buf bytes.Buffer
	w := &buf
	for _, u := range o.Unstable {
		fmt.Fprintln(w, text.TermSafe(u.Explain()))
	}
	// One replication has no spread to measure: means alone.
	intervals := o.Replications >= 2
	if intervals {
		fmt.Fprintf(w, "%s: %d replications, seed %d, means with %.0f%% confidence intervals\n",
			text.TermSafe(o.Scenario.Name), o.Replications, o.Seed, 100*experiment.Level)
	} else {
		fmt.Fprintf(w, "%s: %s, seed %d, means (no interval: %s)\n",
			text.TermSafe(o.Scenario.Name), text.Count(o.Replications, "replication", "replications"), o.Seed, text.Count(o.Replications, "replication", "replications"))
	}
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	group := ""
	for _, k := range o.KPIs {
		if !k.Headline || k.Day != 0 {
			continue // a day's KPIs are in the tables of the days (writeDays)
		}
		g := k.GroupTitle()
		if g != group {
			fmt.Fprintf(tw, "\n%s\n", text.TermSafe(g))
			group = g
		}
		if !intervals {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", text.TermSafe(k.Name), FormatValue(k.Unit, k.Mean), unitLabel(k.Unit))
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t[%s, %s]\t%s\n", text.TermSafe(k.Name), FormatValue(k.Unit, k.Mean),
			FormatValue(k.Unit, k.Low), FormatValue(k.Unit, k.High), unitLabel(k.Unit))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := writeDays(w, o); err != nil {
		return err
	}
	if bottlenecks > len(o.Bottlenecks) {
		bottlenecks = len(o.Bottlenecks)
	}
	if bottlenecks > 0 {
		fmt.Fprintf(w, "\nbottlenecks: work turned away, then work waiting (share of the time the post was open or had work), then utilisation\n")
		tw = tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  rank\tpost\tturned away\twork waiting\tutilisation\tmean queue\tmean wait\n")
		for _, b := range o.Bottlenecks[:bottlenecks] {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\n", b.Rank, text.TermSafe(b.Post),
				FormatValue("share", b.BlockedShare.Mean), FormatValue("share", b.Saturation.Mean),
				FormatValue("share", b.Utilisation.Mean), FormatValue("", b.QueueMean.Mean), FormatValue("s", b.WaitMean.Mean))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
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

// WriteTargets writes the targets checked against a run: each met or
// missed, and by how much.
func WriteTargets(out io.Writer, targets []experiment.TargetResult) error {
	if len(targets) == 0 {
		return nil
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "\ntargets\n")
	tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	for _, t := range targets {
		state := "met"
		switch {
		case !t.Met:
			state = "MISSED"
		case !t.Confident:
			state = "met (not with 95% confidence)"
		}
		fmt.Fprintf(tw, "  %s\t%s\tmean %s\t%s\n", text.TermSafe(t.Text), state, FormatValue(t.KPI.Unit, t.KPI.Mean), formatMargin(t))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}
