package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"cordon/experiment"
	"cordon/text"
)

// formatGain writes a KPI gain with its sign and interval.
func formatGain(g experiment.Gain) string {
	return fmt.Sprintf("%s [%s, %s]", formatDiff(g.KPI.Unit, g.Mean), formatDiff(g.KPI.Unit, g.Low), formatDiff(g.KPI.Unit, g.High))
}

// marginalHeading says what the analysis ran: its replications and seed,
// and how the zero-cost knobs were tried.
func marginalHeading(m *experiment.Marginal) []string {
	lines := []string{fmt.Sprintf("what one step of each knob buys, with common random numbers (%d replications, seed %d); gains are improvements, with 95%% intervals",
		m.Base.Replications, m.Base.Seed)}
	switch {
	case m.Screen > 0 && m.Confirmed:
		lines = append(lines, fmt.Sprintf("zero-cost knobs (cost 0) were tried one step either way with %d replications; the better way is shown, "+
			"run again with all %d where it improves a KPI (* where not)", m.Screen, m.Base.Replications))
	case m.Screen > 0 && m.BoughtScreened:
		lines = append(lines, fmt.Sprintf("every step was screened with the first %d replications: zero-cost knobs (cost 0) one step either way, the better way shown (*); "+
			"the others run with all %d where the screen changed some KPI (* where it changed none in any replication)", m.Screen, m.Base.Replications))
	case m.Screen > 0:
		lines = append(lines, fmt.Sprintf("zero-cost knobs (cost 0) were tried one step either way with %d replications (*); the better way is shown",
			m.Screen))
	case free(m):
		lines = append(lines, "zero-cost knobs (cost 0) were tried one step either way; the better way is shown")
	}
	return lines
}

// free reports whether the analysis has zero-cost knobs.
func free(m *experiment.Marginal) bool {
	for _, k := range m.Knobs {
		if k.Knob.TwoWay {
			return true
		}
	}
	return false
}

// knobRow is the figures of one step in the tables: rank, knob, now, step
// (marked * when only screened), cost, utilisation, and its gains.
func knobRow(m *experiment.Marginal, rank int, k experiment.KnobGain) []string {
	step := k.StepText()
	if k.Replications < m.Base.Replications {
		step += " *"
	}
	row := []string{fmt.Sprint(rank), k.Knob.Name, k.NowText(), step, fmt.Sprintf("%.0f", k.Knob.UnitCost), FormatValue("share", k.Utilisation)}
	for _, g := range k.Gains {
		row = append(row, formatGain(g))
	}
	return row
}

// knobHead is the head of the knobs' table.
func knobHead(m *experiment.Marginal) []string {
	head := []string{"rank", "knob", "now", "step", "cost", "utilisation"}
	for _, k := range m.KPIs {
		head = append(head, k.Name)
	}
	return head
}

// WriteMarginalTable writes the marginal analysis on the terminal: what
// one step of each knob buys on each KPI, most valuable first, what moves
// each KPI, and the post limiting work hour by hour.
func WriteMarginalTable(out io.Writer, m *experiment.Marginal, top int) error {
	var buf bytes.Buffer
	for _, l := range marginalHeading(m) {
		fmt.Fprintln(&buf, l)
	}
	fmt.Fprintln(&buf)
	tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(termCells(knobHead(m)), "\t"))
	for i, kg := range m.Knobs {
		if top > 0 && i >= top {
			fmt.Fprintf(tw, "... %d more (--top)\n", len(m.Knobs)-top)
			break
		}
		fmt.Fprintln(tw, strings.Join(termCells(knobRow(m, i+1, kg)), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(m.Findings) > 0 {
		fmt.Fprintf(&buf, "\nwhat moves each KPI\n")
		tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
		for _, f := range m.Findings {
			fmt.Fprintf(tw, "  %s\t%s\n", text.TermSafe(f.KPI.Name), text.TermSafe(findingText(f)))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(m.Hourly) > 0 {
		fmt.Fprintf(&buf, "\nthe post limiting work, hour by hour\n")
		tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
		for _, h := range m.Hourly {
			fmt.Fprintf(tw, "  %s\t%s\tutilisation %s\twaiting %s\n", clockLabel(h.Hour), text.TermSafe(h.Post), FormatValue("share", h.Utilisation), FormatValue("", h.Queue))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// stepPhrase names a step and what it buys on the finding's KPI, with its
// cost and the chosen KPIs it makes significantly worse: "come-down window
// → 35m: +34 [+33, +35] (worse: sampling.makespan −24s [−30s, −17s])",
// "site-a swab +1: +3 [+1.4, +4.6], cost 800".
func stepPhrase(f experiment.Finding, k *experiment.KnobGain) string {
	s := fmt.Sprintf("%s %s: %s", k.Knob.Name, k.StepText(), formatGain(f.GainOf(k)))
	if k.Knob.UnitCost > 0 {
		s += fmt.Sprintf(", cost %.0f", k.Knob.UnitCost)
	}
	var worse []string
	for _, g := range experiment.SideEffects(k) {
		worse = append(worse, g.KPI.Name+" "+formatGain(g))
	}
	if len(worse) > 0 {
		s += " (worse: " + strings.Join(worse, "; ") + ")"
	}
	return s
}

// findingText says what moves a KPI, the step that buys most first, and
// when no unit bought does, what sets it.
func findingText(f experiment.Finding) string {
	var trials []string
	for _, t := range f.Trials {
		if t.Gain.Improves() {
			trials = append(trials, fmt.Sprintf("%s: %s", t.Change, formatGain(t.Gain)))
		}
	}
	switch f.SetBy {
	case experiment.SetByAtBest:
		return "nothing to improve: at its best in every replication"
	case experiment.SetByPosts:
		if lever := f.Lever(); lever == f.Free {
			return fmt.Sprintf("%s, at no cost: %s; the best unit bought: %s", f.Free.Knob.Arranges, stepPhrase(f, f.Free), stepPhrase(f, f.Post))
		}
		s := "the best unit bought: " + stepPhrase(f, f.Post)
		if f.Free != nil {
			s += fmt.Sprintf("; at no cost, %s: %s", f.Free.Knob.Arranges, stepPhrase(f, f.Free))
		}
		return s
	case experiment.SetBySchedule:
		return fmt.Sprintf("no unit bought improves it; set by %s, at no cost: %s", f.Free.Knob.Arranges, stepPhrase(f, f.Free))
	case experiment.SetByDelays:
		return "no knob improves it; set by fixed delays: " + strings.Join(trials, "; ")
	case experiment.SetByArrivals:
		return "no knob and no fixed delay improves it; set by the arrivals: " + strings.Join(trials, "; ")
	case experiment.SetByNothing:
		return "nothing tried improves it: no knob, nor the dwell, trips, walks or arrivals halved"
	}
	return "no knob improves it (cordon bottlenecks tries fixed delays and the arrivals halved)"
}

// marginalTables are the marginal analysis as page tables.
func marginalTables(m *experiment.Marginal) []table {
	gains := table{Title: "The steps, most valuable first", Head: knobHead(m)}
	for i, kg := range m.Knobs {
		gains.Rows = append(gains.Rows, knobRow(m, i+1, kg))
	}
	moves := table{Title: "What moves each KPI", Head: []string{"KPI", "what moves it"}}
	for _, f := range m.Findings {
		moves.Rows = append(moves.Rows, []string{f.KPI.Name, findingText(f)})
	}
	hours := table{Title: "The post limiting work, hour by hour", Head: []string{"hour", "post", "utilisation", "waiting"}}
	for _, h := range m.Hourly {
		hours.Rows = append(hours.Rows, []string{clockLabel(h.Hour), text.TermSafe(h.Post), FormatValue("share", h.Utilisation), FormatValue("", h.Queue)})
	}
	return []table{gains, moves, hours}
}

// MarginalPlots are the figures of a marginal analysis: what one step of
// each knob buys (GainsPlot) and the post limiting work hour by hour
// (HourlyPlot), with the base scenario's events marked.
func MarginalPlots(m *experiment.Marginal) ([]Plot, error) {
	return English().MarginalPlots(m)
}

// MarginalPlots is MarginalPlots in w's language.
func (w *Words) MarginalPlots(m *experiment.Marginal) ([]Plot, error) {
	gains, err := w.GainsPlot(m)
	if err != nil {
		return nil, err
	}
	hourly, err := w.HourlyPlot(m)
	if err != nil {
		return nil, err
	}
	if m.Base != nil && m.Base.Scenario != nil {
		if err := markEvents(w.figures, &hourly, m.Base.Scenario); err != nil {
			return nil, err
		}
	}
	return []Plot{gains, hourly}, nil
}

// MarginalReport is the report folder of a marginal analysis (cordon
// bottlenecks): index.html with the gains chart and the limiting posts, and
// bottlenecks.json.
func MarginalReport(m *experiment.Marginal) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := w.MarginalPlots(m)
		if err != nil {
			return nil, plotsError(err)
		}
		return &contents{plots: plots, files: []file{jsonFile("bottlenecks.json", NewBottlenecks(m)), rawFile("knobs.csv", KnobsCSV(m))},
			page: page{Title: "bottlenecks of " + m.Base.Scenario.Name, Tables: marginalTables(m),
				Files: "index.html, bottlenecks.json, knobs.csv and plots/gains, limiting-posts .png, .svg, .csv",
				Lines: marginalHeading(m)}}, nil
	}}
}

// upperFirst starts a line with a capital letter, as a sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
