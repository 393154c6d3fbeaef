package reports

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"cordon/compound"
	"cordon/experiment"
	"cordon/text"
)

// gain writes a KPI gain with its sign and interval in w's language.
func (w *Words) gain(g experiment.Gain) string {
	return fmt.Sprintf("%s [%s, %s]", w.diff(g.KPI.Unit, g.Mean), w.diff(g.KPI.Unit, g.Low), w.diff(g.KPI.Unit, g.High))
}

// marginalHeading says what the analysis ran: its replications and seed,
// and how the zero-cost knobs were tried.
func (w *Words) marginalHeading(m *experiment.Marginal) []string {
	lines := []string{w.Sprintf("what one step of each knob buys, with common random numbers (%d replications, seed %d); gains are improvements, with 95%% intervals",
		m.Base.Replications, m.Base.Seed)}
	switch {
	case m.Screen > 0 && m.Confirmed:
		lines = append(lines, w.Sprintf("zero-cost knobs (cost 0) were tried one step either way with %d replications; the better way is shown, "+
			"run again with all %d where it improves a KPI (* where not)", m.Screen, m.Base.Replications))
	case m.Screen > 0 && m.BoughtScreened:
		lines = append(lines, w.Sprintf("every step was screened with the first %d replications: zero-cost knobs (cost 0) one step either way, the better way shown (*); "+
			"the others run with all %d where the screen changed some KPI (* where it changed none in any replication)", m.Screen, m.Base.Replications))
	case m.Screen > 0:
		lines = append(lines, w.Sprintf("zero-cost knobs (cost 0) were tried one step either way with %d replications (*); the better way is shown",
			m.Screen))
	case free(m):
		lines = append(lines, w.T("zero-cost knobs (cost 0) were tried one step either way; the better way is shown"))
	}
	if n := len(m.NotRun); n > 0 {
		lines = append(lines, w.Sprintf("%d steps were not run: reckoned from the scenario alone, none can improve these KPIs (the table of steps not run says why)", n))
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

// knobHead is the head of the knobs' table.
func (w *Words) knobHead(m *experiment.Marginal) []string {
	head := []string{w.T("rank"), w.T("knob"), w.T("now"), w.T("step"), w.T("cost"), w.T("utilisation")}
	for _, k := range m.KPIs {
		head = append(head, w.kpiHeading(k))
	}
	return head
}

// knobRow is the figures of one step in the tables: rank, knob, now, step
// (marked * when only screened), cost, utilisation, and its gains.
func (w *Words) knobRow(m *experiment.Marginal, rank int, k experiment.KnobGain) []string {
	step := w.stepText(k)
	if k.Replications < m.Base.Replications {
		step += " *"
	}
	row := []string{fmt.Sprint(rank), w.knobName(k.Knob), w.KnobValue(k.NowText()), step, fmt.Sprintf("%.0f", k.Knob.UnitCost), FormatValue("share", k.Utilisation)}
	for _, g := range k.Gains {
		row = append(row, w.gain(g))
	}
	return row
}

// WriteMarginalTable writes the marginal analysis on the terminal in
// English.
func WriteMarginalTable(out io.Writer, m *experiment.Marginal, top int) error {
	return English().WriteMarginalTable(out, m, top)
}

// marginalBottlenecks is how many posts of the base run's ranking the
// terminal table of a marginal analysis lists.
const marginalBottlenecks = 5

// WriteMarginalTable writes the marginal analysis on the terminal in w's
// language: what one step of each knob buys on each KPI, most valuable
// first, what moves each KPI, where work waits in the base run (the
// bottleneck ranking) and the post limiting work hour by hour.

func (w *Words) WriteMarginalTable(out io.Writer, m *experiment.Marginal, top int) error {
	var buf bytes.Buffer
	for _, l := range w.marginalHeading(m) {
		fmt.Fprintln(&buf, l)
	}
	fmt.Fprintln(&buf)
	tw := &aligned{}
	tw.add(termCells(w.knobHead(m))...)
	for i, kg := range m.Knobs {
		if top > 0 && i >= top {
			tw.add(w.Sprintf("... %d more (--top)", len(m.Knobs)-top))
			break
		}
		tw.add(termCells(w.knobRow(m, i+1, kg))...)
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	if len(m.Findings) > 0 {
		fmt.Fprintf(&buf, "\n%s\n", w.T("what moves each KPI"))
		tw = &aligned{indent: "  "}
		for _, f := range m.Findings {
			tw.add(text.TermSafe(w.kpiHeading(f.KPI)), text.TermSafe(w.findingText(f)))
		}
		if err := tw.write(&buf); err != nil {
			return err
		}
	}
	if err := w.writeBottlenecks(&buf, m.Base, marginalBottlenecks, w.T("where work waits in the base run: work turned away, then hours spent waiting there "+
		"(added over everything that waited: items, residents or tasks); ahead of next: the lead over the next post, paired over the replications")); err != nil {
		return err
	}
	if len(m.Hourly) > 0 {
		fmt.Fprintf(&buf, "\n%s\n", w.T("the post limiting work, hour by hour"))
		tw = &aligned{indent: "  "}
		for _, h := range m.Hourly {
			util := w.T("nobody on duty")
			if !math.IsNaN(h.Utilisation) {
				util = w.Sprintf("utilisation %s", FormatValue("share", h.Utilisation))
			}
			tw.add(clockLabel(h.Hour), text.TermSafe(w.postName(h.Post)), util, w.Sprintf("waiting %s", FormatValue("", h.Queue)))
		}
		if err := tw.write(&buf); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// stepPhrase names a step and what it buys on the finding's KPI, with its
// cost and the chosen KPIs it makes significantly worse: "come-down window
// → 35m: +34 [+33, +35] (worse: sampling.makespan −24s [−30s, −17s])",
// "site-a swab +1: +3 [+1.4, +4.6], cost 800".
func (w *Words) stepPhrase(f experiment.Finding, k *experiment.KnobGain) string {
	s := w.Sprintf("%s %s: %s", w.knobName(k.Knob), w.stepText(*k), w.gain(f.GainOf(k)))
	if k.Knob.UnitCost > 0 {
		s += w.Sprintf(", cost %.0f", k.Knob.UnitCost)
	}
	var worse []string
	for _, g := range experiment.SideEffects(k) {
		worse = append(worse, w.kpiTitle(g.KPI)+" "+w.gain(g))
	}
	if len(worse) > 0 {
		s += w.Sprintf(" (worse: %s)", strings.Join(worse, w.T("; ")))
	}
	return s
}

// findingText says what moves a KPI, the step that buys most first, and
// when no unit bought does, what sets it.
func (w *Words) findingText(f experiment.Finding) string {
	var trials []string
	for _, t := range f.Trials {
		if t.Gain.Improves() {
			trials = append(trials, w.Sprintf("%s: %s", w.word("trial:", t.Change), w.gain(t.Gain)))
		}
	}
	sep := w.T("; ")
	switch f.SetBy {
	case experiment.SetByAtBest:
		return w.T("nothing to improve: at its best in every replication")
	case experiment.SetByPosts:
		if lever := f.Lever(); lever == f.Free {
			return w.Sprintf("%s, at no cost: %s; the best unit bought: %s", w.word("arranges:", f.Free.Knob.Arranges), w.stepPhrase(f, f.Free), w.stepPhrase(f, f.Post))
		}
		s := w.Sprintf("the best unit bought: %s", w.stepPhrase(f, f.Post))
		if f.Free != nil {
			s += w.Sprintf("; at no cost, %s: %s", w.word("arranges:", f.Free.Knob.Arranges), w.stepPhrase(f, f.Free))
		}
		return s
	case experiment.SetBySchedule:
		return w.Sprintf("no unit bought improves it; set by %s, at no cost: %s", w.word("arranges:", f.Free.Knob.Arranges), w.stepPhrase(f, f.Free))
	case experiment.SetByDelays:
		return w.Sprintf("no knob improves it; set by fixed delays: %s", strings.Join(trials, sep))
	case experiment.SetByArrivals:
		return w.Sprintf("no knob and no fixed delay improves it; set by the arrivals: %s", strings.Join(trials, sep))
	case experiment.SetByNothing:
		return w.T("nothing tried improves it: no knob, nor the dwell, trips, walks or arrivals halved")
	}
	return w.T("no knob improves it (cordon bottlenecks tries fixed delays and the arrivals halved)")
}

// knobName is a knob in w's language: its name in English ("suited-crew
// 07:00–19:00", "come-down window"); in Chinese the catalogue's words
// for it, or its words translated one by one as a post's are.
func (w *Words) knobName(k experiment.Knob) string { return w.KnobNamed(k.Name) }

// KnobNamed is the knob or post called name in w's language: as it is in
// English, in words in Chinese (knobName).
func (w *Words) KnobNamed(name string) string {
	if !w.Chinese() {
		return name
	}
	if key := "knob:" + name; w.Has(key) {
		return w.T(key)
	}
	return w.Post(name)
}

// postName is a post's name as the planner's tables write it: as it is in
// English, in words in Chinese.
func (w *Words) postName(name string) string {
	if !w.Chinese() {
		return name
	}
	return w.Post(name)
}

// stepText is a step of a knob ("+1", "→ 35m", "→ reversed") in w's
// language: a value that is a word (a calling order, a site) in Chinese.
func (w *Words) stepText(k experiment.KnobGain) string {
	s := k.StepText()
	if rest, ok := strings.CutPrefix(s, "→ "); ok {
		return "→ " + w.KnobValue(rest)
	}
	return s
}

// KnobValue is a knob's value in w's language: a calling order or a
// site's name in words in Chinese, a shift's hours as "06:30–14:30", a
// number or a time as it is.
func (w *Words) KnobValue(v string) string {
	if hours, ok := shiftHours(v); ok {
		return hours
	}
	if !w.Chinese() {
		return v
	}
	if key := "value:" + v; w.Has(key) {
		return w.T(key)
	}
	if d, ok := w.knobDuration(v); ok {
		return d
	}
	return w.Name(v)
}

// shiftHours is a shift's hours as --set writes them, "{from: 06:30, to:
// 14:30}" (a shift's start moved by a plan), as a planner reads them:
// "06:30–14:30"; false for any other value.
func shiftHours(v string) (string, bool) {
	rest, ok := strings.CutPrefix(v, "{from: ")
	if !ok {
		return "", false
	}
	from, to, ok := strings.Cut(strings.TrimSuffix(rest, "}"), ", to: ")
	if !ok || !strings.HasSuffix(rest, "}") || !isClock(from) || !isClock(to) {
		return "", false
	}
	return from + "–" + to, true
}

// isClock reports whether s is a time of day as the scenario format
// reads one (compound.ParseClock).
func isClock(s string) bool {
	_, err := compound.ParseClock(s)
	return err == nil
}

// marginalTables are the marginal analysis as page tables.
func (w *Words) marginalTables(m *experiment.Marginal) []table {
	gains := table{Title: w.T("The steps, most valuable first"), Head: w.knobHead(m)}
	for i, kg := range m.Knobs {
		gains.Rows = append(gains.Rows, w.knobRow(m, i+1, kg))
	}
	moves := table{Title: w.T("What moves each KPI"), Head: []string{w.T("KPI"), w.T("what moves it")}}
	for _, f := range m.Findings {
		moves.Rows = append(moves.Rows, []string{w.kpiHeading(f.KPI), w.findingText(f)})
	}
	hours := table{Title: w.T("The post limiting work, hour by hour"), Head: []string{w.T("hour"), w.T("post"), w.T("utilisation"), w.T("waiting")}}
	for _, h := range m.Hourly {
		util := w.T("nobody on duty")
		if !math.IsNaN(h.Utilisation) {
			util = FormatValue("share", h.Utilisation)
		}
		hours.Rows = append(hours.Rows, []string{clockLabel(h.Hour), text.TermSafe(w.postName(h.Post)), util, FormatValue("", h.Queue)})
	}
	if t := w.notRunTable(m); t != nil {
		return []table{gains, *t, moves, hours}
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
	if m.Base != nil && m.Base.Scenario != nil && len(m.Base.Scenario.Events) > 0 && hourly.P != nil {
		// Room above the top row for the events' numbers and bars, which
		// markEvents puts at the top: over the top row they read as one
		// more cell of that post.
		p := hourly.P
		p.Y.Max += eventRoom * (p.Y.Max - p.Y.Min)
		if err := markEvents(w.figures, &hourly, m.Base.Scenario); err != nil {
			return nil, err
		}
	}
	return []Plot{gains, hourly}, nil
}

// eventRoom is the share of a chart of rows added above its top row for
// the events' marks: two rows of numbers and bars (markEvents).
const eventRoom = 0.18

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
			page: page{Title: w.Sprintf("bottlenecks of %s", m.Base.Scenario.Name), Tables: w.marginalTables(m), Bottlenecks: w.bottleneckSection(m.Base),
				Files: "index.html, bottlenecks.json, knobs.csv " + w.and() + " plots/gains, limiting-posts .png, .svg, .csv",
				Lines: w.marginalHeading(m)}}, nil
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
