package reports

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"cordon/compound"
	"cordon/experiment"
)

// reviewTable is one section of a review, built once and written for the
// terminal, for summary.md and for index.html: a title, short lines saying
// how to read it, the table, and lines after it.
type reviewTable struct {
	Title string // lower case, as the terminal shows it
	Note  []string
	Head  []string
	Rows  [][]reviewCell
	Foot  []string
}

// reviewCell is one cell of a review table. Code cells are names (KPIs,
// kinds, stages) shown as code in Markdown; Star marks an observed figure
// outside its prediction interval; Alert is a verdict to stand out; Num is
// a number, right-aligned on the page; Indent is a row under the one above
// (a stage under its kind).
type reviewCell struct {
	Text                           string
	Code, Star, Alert, Num, Indent bool
}

// textCell, codeCell and numCell make the three kinds of cell.
func textCell(s string) reviewCell { return reviewCell{Text: s} }
func codeCell(s string) reviewCell { return reviewCell{Text: s, Code: true} }
func numCell(s string) reviewCell  { return reviewCell{Text: s, Num: true} }

// starNote says what the mark beside an observed figure means.
const starNote = "* the observed figure is outside the replay's 95% prediction interval for one day"

// reviewTables are the sections of a review in report order. all says
// whether the change lists every significant difference (the files) or
// only the headline KPIs among them (the terminal).
func (w *Words) reviewTables(r *experiment.Review, src ReviewSources, all bool) []reviewTable {
	out := []reviewTable{w.hoursTable(r), w.kpisTable(r), w.stagesTable(r)}
	if r.Change != nil {
		out = append(out, w.changeTable(r, src, all))
	}
	if r.Helped != nil {
		out = append(out, w.helpedTable(r, all))
	}
	return out
}

// predCell writes a simulated figure as "mean [prediction interval]".
func (w *Words) predCell(unit string, b experiment.Beside, round func(float64) float64) reviewCell {
	return numCell(w.estimate(unit, round(b.Simulated.Mean), round(b.PredLow), round(b.PredHigh)))
}

// observedCell writes an observed figure, starred when it is outside its
// prediction interval.
func (w *Words) observedCell(unit string, b experiment.Beside, round func(float64) float64) reviewCell {
	return reviewCell{Text: w.value(unit, round(b.Observed)), Num: true, Star: outside(b)}
}

// asIs leaves a figure as it is.
func asIs(v float64) float64 { return v }

// toMinute rounds a time of ten minutes or more to the minute, enough for
// an hour's mean time to the door.
func toMinute(v float64) float64 {
	if math.Abs(v) >= 600 {
		return math.Round(v/60) * 60
	}
	return v
}

// hoursTable is the observed day beside the replay, hour by hour, for the
// hours in which anything happened.
func (w *Words) hoursTable(r *experiment.Review) reviewTable {
	sc := r.Replay.Scenario
	observed := r.Observed != nil
	sampling := hasSampling(r)
	replay := w.Sprintf("replay: the mean of %d replications [the 95%% prediction interval for one day]", r.Replay.Replications)
	if observed {
		replay = w.Sprintf("each figure as observed, then in the replay: the mean of %d replications [the 95%% prediction interval for one day]", r.Replay.Replications)
	}
	t := reviewTable{Title: w.T("observed and simulated, hour by hour"), Note: []string{replay,
		w.T("door time: the mean time to the door of the items that arrived in the hour"),
		w.T("backlog: the items still on their way at the hour's end (neither delivered nor turned away, as items.backlog)"),
	}}
	turned := anyTurnedAway(r)
	if turned {
		t.Note = append(t.Note, w.T("turned away: the items couriers took away from a full gate in the hour"))
		if observed && r.Observed.TurnedAway == nil {
			t.Note = append(t.Note, w.T("the log has no turned_away rows: its backlog counts every item not delivered, turned away or not"))
		}
	}
	type column struct {
		name, unit string
		round      func(float64) float64
		get        func(experiment.ReviewHour) experiment.Beside
	}
	cols := []column{
		{w.T("delivered"), "", asIs, func(h experiment.ReviewHour) experiment.Beside { return h.Delivered }},
		{w.T("door time"), "s", toMinute, func(h experiment.ReviewHour) experiment.Beside { return h.DoorTime }},
		{w.T("backlog"), "", asIs, func(h experiment.ReviewHour) experiment.Beside { return h.Backlog }},
	}
	if turned {
		cols = append(cols, column{w.T("column:turned away"), "", asIs, func(h experiment.ReviewHour) experiment.Beside { return h.TurnedAway }})
	}
	if sampling {
		cols = append(cols, column{w.T("sampled"), "", asIs, func(h experiment.ReviewHour) experiment.Beside { return h.Sampled }})
	}
	t.Head = []string{w.T("hour"), w.T("arrived")}
	for _, c := range cols {
		if observed {
			t.Head = append(t.Head, c.name, w.T("replay"))
		} else {
			t.Head = append(t.Head, w.Sprintf("%s (replay)", c.name))
		}
	}
	stars := 0
	for _, h := range r.Hours {
		if !busyHour(h) {
			continue
		}
		row := []reviewCell{numCell(w.hourLabel(sc, h)), numCell(fmt.Sprint(h.Arrived))}
		for _, c := range cols {
			b := c.get(h)
			if observed {
				o := w.observedCell(c.unit, b, c.round)
				if o.Star {
					stars++
				}
				row = append(row, o)
			}
			row = append(row, w.predCell(c.unit, b, c.round))
		}
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 {
		t.Foot = append(t.Foot, w.T("nothing arrived, was delivered or was sampled in any hour"))
	}
	if stars > 0 {
		t.Foot = append(t.Foot, w.T(starNote))
	}
	return t
}

// kpisTable is each KPI the log can tell beside the replay's, inside or
// outside its prediction interval.
func (w *Words) kpisTable(r *experiment.Review) reviewTable {
	t := reviewTable{Title: w.T("observed KPIs against the replay"),
		Note: []string{w.T("each KPI the log can tell beside the replay's mean [95% confidence interval]"),
			w.T("a day's figure falls inside its 95% prediction interval 19 times in 20 when the model is right about it")},
		Head: []string{w.T("KPI"), w.T("review:observed"), w.T("replay mean [95% CI]"), w.T("95% prediction interval"), w.T("verdict")}}
	if len(r.KPIs) == 0 {
		t.Foot = []string{w.T("no observations: nothing to set beside the replay")}
		return t
	}
	in, missing := 0, 0
	for _, k := range r.KPIs {
		u := k.KPI.Unit
		verdict := textCell(w.T("inside"))
		switch {
		case !finite(k.Observed):
			verdict = textCell(w.T("not in the log"))
			missing++
		case !finite(k.PredLow) || !finite(k.PredHigh):
			verdict = textCell(w.T("no interval"))
		case k.Inside():
			in++
		default:
			verdict = reviewCell{Text: w.T("OUTSIDE"), Alert: true}
		}
		t.Rows = append(t.Rows, []reviewCell{w.kpiCell(k.KPI, k.KPI.Name), numCell(w.value(u, k.Observed)),
			numCell(w.estimate(u, k.Simulated.Mean, k.Simulated.Low, k.Simulated.High)),
			numCell(fmt.Sprintf("[%s, %s]", w.value(u, k.PredLow), w.value(u, k.PredHigh))), verdict})
	}
	foot := w.Sprintf("%d of %d observed KPIs inside their 95%% prediction intervals", in, len(r.KPIs)-missing)
	if missing > 0 {
		foot += w.Sprintf("; %d not in the log", missing)
	}
	t.Foot = []string{foot}
	return t
}

// stagesTable is where each kind's time to the door went in the replay,
// stage by stage.
func (w *Words) stagesTable(r *experiment.Review) reviewTable {
	t := reviewTable{Title: w.T("where the time went"),
		Note: []string{w.Sprintf("each kind's mean time from the gate to the door in the replay: the mean of %d replications [95%% confidence interval]", r.Replay.Replications),
			w.T("under it, the mean time its items spent in each stage, and the stage's share of the time to the door")},
		Head: []string{w.T("kind / stage"), w.T("mean time"), w.T("share"), w.T("what the item is doing")}}
	for _, ks := range r.Stages {
		kind := textCell(w.Name(ks.Kind))
		t.Rows = append(t.Rows, []reviewCell{kind, numCell(w.value("s", ks.Total.Mean)), numCell("100%"),
			textCell(w.Sprintf("to the door [%s, %s]", w.value("s", ks.Total.Low), w.value("s", ks.Total.High)))})
		for _, st := range ks.Stages {
			stage := reviewCell{Text: w.Stage(st.Name), Indent: true}
			desc := w.KPILabel(ks.Kind+".time."+st.Name, ks.Kind, st.Desc)
			t.Rows = append(t.Rows, []reviewCell{stage, numCell(w.value("s", st.Time.Mean)),
				numCell(FormatValue("share", st.Share)), textCell(desc)})
		}
	}
	if len(r.Stages) == 0 {
		t.Foot = []string{w.T("no item was delivered in the replay")}
	}
	return t
}

// changeTable is what the change would have done on the day: the paired
// differences with the change minus the replay. With all it lists every
// significant difference, otherwise only those of the headline KPIs.
func (w *Words) changeTable(r *experiment.Review, src ReviewSources, all bool) reviewTable {
	c := r.Change
	ref := c.Outcomes[0]
	there := ref
	if len(c.Outcomes) > 1 {
		there = c.Outcomes[1]
	}
	t := reviewTable{Title: w.Sprintf("what the change would have done on the day: %s", changeName(r, src)),
		Note: []string{w.Sprintf("the logged day replayed with the change against the replay: %d replications, common random numbers", ref.Replications),
			w.T("difference: the mean of the paired differences, with the change minus without [95% interval]")},
		Head: []string{w.T("KPI"), w.T("replay"), w.T("with the change"), w.T("difference"), w.T("95% interval"), w.T("verdict")}}
	if len(r.ChangeRosterPools) > 0 {
		t.Note = append(t.Note, w.Sprintf("applied to the logged roster for %s (a --set count is the count on duty in that shift; --vs adds the difference between the plans)",
			strings.Join(r.ChangeRosterPools, ", ")))
	}
	significant, shown := 0, 0
	for _, d := range c.Differences {
		if d.Verdict == experiment.None {
			continue
		}
		significant++
		if !all && !d.Headline {
			continue
		}
		shown++
		base, _ := ref.KPI(d.Name)
		changed, _ := there.KPI(d.Name)
		t.Rows = append(t.Rows, []reviewCell{w.kpiCell(base.KPI, d.Name), numCell(w.value(d.Unit, base.Mean)), numCell(w.value(d.Unit, changed.Mean)),
			numCell(w.diff(d.Unit, d.Mean)), numCell(fmt.Sprintf("[%s, %s]", w.diff(d.Unit, d.Low), w.diff(d.Unit, d.High))),
			reviewCell{Text: w.verdict(d.Verdict), Alert: d.Verdict == experiment.Worse}})
	}
	foot := w.Sprintf("%d of %d KPIs differ significantly", significant, len(c.Differences))
	if shown < significant {
		foot += w.Sprintf("; the %d headline ones are shown (summary.md lists them all)", shown)
	}
	if significant == 0 {
		foot = w.Sprintf("no KPI differs significantly (%d compared): on this day the change is within chance", len(c.Differences))
	}
	t.Foot = []string{foot}
	return t
}

// kpiCell names a KPI in a review's table: its label, or its name as code
// for a KPI k is not.
func (w *Words) kpiCell(k compound.KPI, name string) reviewCell {
	if k.Name == name {
		return textCell(w.kpiTitle(k))
	}
	return codeCell(name)
}

// anyTurnedAway reports whether any item was turned away in any hour,
// observed or in the replay.
func anyTurnedAway(r *experiment.Review) bool {
	for _, h := range r.Hours {
		if somethingIn(h.TurnedAway) {
			return true
		}
	}
	return false
}

// capitalised writes a title with its first letter upper case, for the
// Markdown and HTML headings.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
