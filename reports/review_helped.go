package reports

import (
	"fmt"
	"regexp"
	"strings"

	"cordon/experiment"
)

// HelpedEntry is one change that would have helped on the logged day, in
// review.json's what_would_have_helped (best first): the change as --set
// takes it (or the roster's pool restored to its plan), the post it
// changes, its kind (restore, staff, equipment, schedule), what it would
// have cost over the run, the headline KPI it improves most with the effect
// (the change minus the day, paired, in the KPI's unit) and its 95%
// interval, its score (the significant relative gains on the headline KPIs,
// losses counted against) and every headline KPI's paired difference.
type HelpedEntry struct {
	Change   string            `json:"change"`
	Post     string            `json:"post"`
	Resource string            `json:"kind"` // HelpedChange.Resource; the document keeps the name "kind" its readers know
	Cost     Number            `json:"cost"`
	KPI      string            `json:"kpi"`
	Unit     string            `json:"unit"`
	Effect   Number            `json:"effect"`
	CILow    Number            `json:"ci_low"`
	CIHigh   Number            `json:"ci_high"`
	Score    Number            `json:"score"`
	Effects  []DifferenceEntry `json:"effects"`
}

// HelpedSummary is how what_would_have_helped was made: the day the changes
// were made to, the likely cause (the first change when it restores the
// plan; "" when none does), the shortfall inferred from the observations
// without a roster, the roster's shortfalls, the headline KPIs, how many
// changes were tried with how many replications each, and notes on what
// could not be done.
type HelpedSummary struct {
	Day          string           `json:"day"`
	LikelyCause  string           `json:"likely_cause"`
	Inferred     *InferredEntry   `json:"inferred,omitempty"`
	Shortfalls   []ShortfallEntry `json:"roster_shortfalls"`
	KPIs         []string         `json:"kpis"`
	Tried        int              `json:"changes_tried"`
	Replications int              `json:"replications"`
	Notes        []string         `json:"notes"`
}

// InferredEntry is the staff shortfall that best explains an observed day
// replayed without its roster: the knob (--set path), the planned count and
// the count that fits, and the observed KPIs inside their 95% prediction
// intervals with it and with the plan, of how many, over fit_replications.
//
// Misfit measures how far the observed KPIs are from the replay's, each in
// units of its spread (the plan's: PlanMisfit; see experiment.Inferred).
// Alike are the other shortfalls that fit the observations alike (empty
// when this one alone fits best; with any, likely_cause is "").
type InferredEntry struct {
	Path       string       `json:"path"`
	Post       string       `json:"post"`
	Planned    string       `json:"planned"`
	OnDuty     string       `json:"on_duty"`
	Inside     int          `json:"inside"`
	PlanInside int          `json:"plan_inside"`
	Of         int          `json:"of"`
	FitReps    int          `json:"fit_replications"`
	Misfit     Number       `json:"misfit"`
	PlanMisfit Number       `json:"plan_misfit"`
	Alike      []CauseEntry `json:"fit_alike"`
}

// CauseEntry is a shortfall that fits the observations as well as the
// best: the knob, the planned count and the count tried, the observed KPIs
// inside their 95% prediction intervals with it, and its misfit.
type CauseEntry struct {
	Path    string `json:"path"`
	Post    string `json:"post"`
	Planned string `json:"planned"`
	OnDuty  string `json:"on_duty"`
	Inside  int    `json:"inside"`
	Misfit  Number `json:"misfit"`
}

// ShortfallEntry is a pool the logged roster had fewer of on duty than the
// plan: the staff-hours short and the most missing at once.
type ShortfallEntry struct {
	Pool        string  `json:"pool"`
	StaffHours  float64 `json:"staff_hours"`
	MostMissing int     `json:"most_missing"`
}

// helpedEntries writes what would have helped for review.json.
func helpedEntries(h *experiment.Helped) ([]HelpedEntry, *HelpedSummary) {
	out := []HelpedEntry{}
	if h == nil {
		return out, nil
	}
	for _, c := range h.Changes {
		e := HelpedEntry{Change: c.Change, Post: c.Post, Resource: c.Resource, Cost: Number(c.Cost), KPI: c.Lead.Name, Unit: c.Lead.Unit,
			Effect: Number(c.Lead.Mean), CILow: Number(c.Lead.Low), CIHigh: Number(c.Lead.High), Score: Number(c.Score),
			Effects: []DifferenceEntry{}}
		for _, d := range c.Effects {
			e.Effects = append(e.Effects, DifferenceEntry{Scenario: d.Scenario, KPI: d.Name, Unit: d.Unit,
				Mean: Number(d.Mean), CILow: Number(d.Low), CIHigh: Number(d.High), Verdict: d.Verdict})
		}
		out = append(out, e)
	}
	s := &HelpedSummary{Day: English().helpedDay(h), Shortfalls: []ShortfallEntry{}, KPIs: []string{}, Tried: h.Tried,
		Replications: h.Reps, Notes: append([]string{}, h.Notes...)}
	if c := h.LikelyCause(); c != nil {
		s.LikelyCause = c.Change
	}
	if in := h.Inferred; in != nil {
		s.Inferred = &InferredEntry{Path: in.Knob.Path, Post: in.Knob.Name, Planned: in.Knob.Text(in.Planned), OnDuty: in.Knob.Text(in.OnDuty),
			Inside: in.Inside, PlanInside: in.PlanIn, Of: in.Of, FitReps: in.FitReps,
			Misfit: Number(in.Misfit), PlanMisfit: Number(in.PlanMiss), Alike: []CauseEntry{}}
		for _, a := range in.Alike {
			s.Inferred.Alike = append(s.Inferred.Alike, CauseEntry{Path: a.Knob.Path, Post: a.Knob.Name, Planned: a.Knob.Text(a.Planned),
				OnDuty: a.Knob.Text(a.OnDuty), Inside: a.Inside, Misfit: Number(a.Misfit)})
		}
	}
	for _, sf := range h.Shortfalls {
		s.Shortfalls = append(s.Shortfalls, ShortfallEntry{Pool: sf.Pool, StaffHours: sf.StaffHours, MostMissing: sf.MostMissing})
	}
	for _, k := range h.KPIs {
		s.KPIs = append(s.KPIs, k.Name)
	}
	return out, s
}

// helpedDay says, in one line, what day the changes were made to.
func (w *Words) helpedDay(h *experiment.Helped) string {
	switch in := h.Inferred; {
	case in.Several():
		causes := []string{w.causeText(in.CauseFit)}
		for _, a := range in.Alike {
			causes = append(causes, w.causeText(a))
		}
		return w.Sprintf("%d shortfalls fit the observations alike, and they cannot tell which it was: %s; as planned, misfit %.1f "+
			"(misfit: how far the observed KPIs are from the replay's, in units of their spread over %d replications; a shortfall fits alike unless it puts the observed day beyond the 99%% prediction interval of its own days); "+
			"the changes are made to the day of the first",
			len(causes), strings.Join(causes, w.T("; ")), in.PlanMiss, in.FitReps)
	case in != nil:
		return w.Sprintf("inferred from the observations: %s with %s on duty, not the planned %s (%d of %d observed KPIs inside their 95%% prediction intervals, against %d of %d as planned; "+
			"misfit %.1f, against %.1f as planned, every other shortfall tried ruled out over %d replications)",
			w.knobName(in.Knob), w.KnobValue(in.Knob.Text(in.OnDuty)), w.KnobValue(in.Knob.Text(in.Planned)), in.Inside, in.Of, in.PlanIn, in.Of, in.Misfit, in.PlanMiss, in.FitReps)
	case len(h.Shortfalls) > 0:
		return w.T("the logged roster")
	}
	return w.T("the replay")
}

// causeText is one shortfall that fits the observations, in a few words.
func (w *Words) causeText(c experiment.CauseFit) string {
	return w.Sprintf("%s with %s on duty, not the planned %s (misfit %.1f, %d observed KPIs inside their 95%% prediction intervals)",
		w.knobName(c.Knob), w.KnobValue(c.Knob.Text(c.OnDuty)), w.KnobValue(c.Knob.Text(c.Planned)), c.Misfit, c.Inside)
}

// helpedShown is how many changes the terminal lists.
const helpedShown = 8

// helpedTable is what would have helped on the day: the changes that would
// have improved the headline KPIs, best first, each with the KPI it
// improves most, and its losses.
func (w *Words) helpedTable(r *experiment.Review, all bool) reviewTable {
	h := r.Helped
	t := reviewTable{Title: w.T("what would have helped on the day"),
		Note: []string{
			w.Sprintf("each change replayed on the logged arrivals against %s: %d replications, common random numbers", w.helpedDayShort(h), h.Reps),
			w.Sprintf("first the plan restored where the day had less (the likely cause), then the others by their gains on %s", w.kpiNames(h)),
			w.T("effect: the change minus the day on the KPI it improves most [95% interval]; worse: the headline KPIs it makes significantly worse"),
		},
		Head: []string{w.T("change"), w.T("post"), w.T("cost"), w.T("improves most"), w.T("effect"), w.T("95% interval"), w.T("review:worse")}}
	if in := h.Inferred; in != nil {
		t.Note = append(t.Note, w.Sprintf("no roster: %s", w.helpedDay(h)))
	}
	for i, c := range h.Changes {
		if !all && i == helpedShown {
			break
		}
		var worse []string
		for _, d := range c.Effects {
			if d.Verdict == experiment.Worse {
				worse = append(worse, fmt.Sprintf("%s %s", w.kpiTitle(d.KPI), w.diff(d.Unit, d.Mean)))
			}
		}
		cost := "0"
		if c.Cost != 0 {
			cost = FormatValue("", c.Cost)
		}
		if c.Resource == experiment.Restore {
			cost = w.T("as planned")
		}
		lead := textCell(w.kpiTitle(c.Lead.KPI))
		t.Rows = append(t.Rows, []reviewCell{codeCell(w.ChangeText(c.Change)), textCell(w.KnobNamed(c.Post)), numCell(cost), lead,
			numCell(w.diff(c.Lead.Unit, c.Lead.Mean)),
			numCell(fmt.Sprintf("[%s, %s]", w.diff(c.Lead.Unit, c.Lead.Low), w.diff(c.Lead.Unit, c.Lead.High))),
			reviewCell{Text: orDash(strings.Join(worse, w.T("; "))), Alert: len(worse) > 0}})
	}
	var foot []string
	switch c := h.LikelyCause(); {
	case c != nil:
		foot = append(foot, w.Sprintf("likely cause: %s short of its plan; %s: %s %s [%s, %s]",
			w.KnobNamed(c.Post), w.ChangeText(c.Change), w.kpiTitle(c.Lead.KPI), w.diff(c.Lead.Unit, c.Lead.Mean), w.diff(c.Lead.Unit, c.Lead.Low), w.diff(c.Lead.Unit, c.Lead.High)))
	case h.Inferred.Several():
		// the notes say that several shortfalls fit alike
	case len(h.Changes) > 0:
		c := h.Changes[0]
		foot = append(foot, w.Sprintf("no departure from the plan is known to have helped; the change that would have helped most: %s (%s %s)",
			w.ChangeText(c.Change), w.kpiTitle(c.Lead.KPI), w.diff(c.Lead.Unit, c.Lead.Mean)))
	}
	if len(h.Changes) > helpedShown && !all {
		foot = append(foot, w.Sprintf("%d of %d changes tried would have helped; the first %d are shown (summary.md lists them all)", len(h.Changes), h.Tried, helpedShown))
	} else {
		foot = append(foot, w.Sprintf("%d of %d changes tried would have helped", len(h.Changes), h.Tried))
	}
	for _, n := range h.Notes {
		foot = append(foot, w.T(n))
	}
	t.Foot = foot
	return t
}

// helpedDayShort names the day the changes were made to, in a few words.
func (w *Words) helpedDayShort(h *experiment.Helped) string {
	switch {
	case h.Inferred != nil:
		return w.T("the day as the observations show it")
	case len(h.Shortfalls) > 0:
		return w.T("the day with its roster")
	}
	return w.T("the replay")
}

// kpiNames are the labels of the headline KPIs, in a list.
func (w *Words) kpiNames(h *experiment.Helped) string {
	var out []string
	for _, k := range h.KPIs {
		out = append(out, w.kpiTitle(k))
	}
	if w.Chinese() {
		return strings.Join(out, "、")
	}
	return strings.Join(out, "; ")
}

// ChangeText is a change of what would have helped as the review writes
// it: "gate.shelves=1", or "staff.POOL.shifts[0].count +1 on the roster"
// (in Chinese, the words after the path translated).
func (w *Words) ChangeText(change string) string {
	if !w.Chinese() {
		return change
	}
	if m := onRoster.FindStringSubmatch(change); m != nil {
		return w.Sprintf("%s %s on the roster", m[1], m[2])
	}
	if m := restored.FindStringSubmatch(change); m != nil {
		return w.Sprintf("%s as planned (%s staff-hours short, up to %s missing at once)", w.Name(m[1]), m[2], m[3])
	}
	if m := asPlanned.FindStringSubmatch(change); m != nil {
		return w.Sprintf("%s (as planned, not %s)", m[1], m[2])
	}
	return change
}

// The changes of what would have helped that say more than a --set:
// "PATH +1 on the roster", "POOL as planned (N staff-hours short, up to M
// missing at once)", "PATH=N (as planned, not M)".
var (
	onRoster  = regexp.MustCompile(`^(\S+) ([+-]\d+) on the roster$`)
	restored  = regexp.MustCompile(`^(\S+) as planned \((\d+) staff-hours short, up to (\d+) missing at once\)$`)
	asPlanned = regexp.MustCompile(`^(\S+) \(as planned, not (\S+)\)$`)
)

// orDash writes an empty cell as a dash.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
