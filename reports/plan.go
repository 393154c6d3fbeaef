package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"cordon/experiment"
	"cordon/text"
)

// planLines are the lines that head a plan, on the terminal and its page:
// whether it meets every target, what it costs, how it may change the
// input, what it ran, and what it left out or kept.
func (w *Words) planLines(p *experiment.Plan) []string {
	state := w.T("meets every target with 95% confidence")
	if !p.Feasible {
		state = w.T("NO PLAN MEETS EVERY TARGET; the best found")
	}
	mode := w.T("only adds (zero-cost knobs move either way); --allow-cuts also removes, down to the scenario's floors")
	if p.AllowCuts {
		mode = w.Sprintf("adds and removes, never below the scenario's floors (%d on capacities, %d on duty)",
			len(p.Input.Floors.Knobs), len(p.Input.Floors.OnDuty))
	}
	run := w.Sprintf("%d scenario evaluations, %d replications: candidates screened with %d replications (seed %d)",
		p.Evaluations, p.Replications, p.SearchReplications, p.SearchSeed)
	switch {
	case p.Confirmed && p.Feasible:
		run += w.Sprintf(", the plan confirmed with %d replications on a fresh seed (%d)", p.ConfirmReplications, p.ConfirmSeed)
	case p.Confirmed:
		run += w.Sprintf("; the best plan run with %d replications on a fresh seed (%d), where it misses %d of %d targets",
			p.ConfirmReplications, p.ConfirmSeed, len(p.Unmet), len(p.Targets))
	default:
		run += w.T("; no confirmation ran")
	}
	out := []string{
		w.Sprintf("plan for %s: %s", p.Input.Name, state),
		w.Sprintf("cost %.0f (staff and equipment; input %.0f, %s); %s", p.Cost, p.InputCost, formatDiff("", p.Cost-p.InputCost), mode),
		run,
	}
	if len(p.LeftOut) > 0 {
		var ts []string
		for _, t := range p.LeftOut {
			ts = append(ts, t.Text)
		}
		out = append(out, w.Sprintf("left out (--only-given): the scenario's targets %s", strings.Join(ts, ", ")))
	}
	for _, s := range p.UnderFloors {
		out = append(out, w.Sprintf("the input is already under its floors: %s; the plan keeps what it has there", s))
	}
	return out
}

// boundLines say, for each target no plan meets, what bounds it: its KPI
// with unlimited staff and equipment.
func (w *Words) boundLines(p *experiment.Plan) []string {
	var out []string
	bounded := map[string]bool{}
	for _, b := range p.Bounds {
		bounded[b.Text] = true
		unit := b.KPI.Unit
		unlimited := w.Sprintf("with unlimited staff and equipment (every capacity ×%d)", b.Factor)
		if b.Met {
			best := ""
			for _, u := range p.Unmet {
				if u.Text == b.Text {
					best = w.Sprintf(" (best %s)", w.value(u.KPI.Unit, u.KPI.Mean))
				}
			}
			out = append(out, w.Sprintf("%s: not met within the budget and the knobs' limits%s; %s it is %s",
				b.Text, best, unlimited, w.value(unit, b.KPI.Mean)))
			continue
		}
		if b.Op == ">=" || b.Op == ">" {
			out = append(out, w.Sprintf("%s: the ceiling %s is %s: no staffing reaches %s",
				b.Text, unlimited, w.value(unit, b.KPI.Mean), w.value(unit, b.Value)))
			continue
		}
		out = append(out, w.Sprintf("%s: the floor %s is %s: no staffing meets %s",
			b.Text, unlimited, w.value(unit, b.KPI.Mean), w.value(unit, b.Value)))
	}
	for _, u := range p.Unmet {
		if !bounded[u.Text] {
			out = append(out, w.Sprintf("%s: cannot be met within the budget and the knobs' limits (best %s, interval up to %s)",
				u.Text, w.value(u.KPI.Unit, u.KPI.Mean), w.value(u.KPI.Unit, u.KPI.High)))
		}
	}
	return out
}

// sideEffectCells are one side effect's KPI, change and difference.
func (w *Words) sideEffectCells(e experiment.SideEffect) []string {
	return []string{w.kpiHeading(e.KPI), fmt.Sprintf("%s → %s", w.value(e.Unit, e.Base), w.value(e.Unit, e.Plan)),
		fmt.Sprintf("%s [%s, %s]", w.diff(e.Unit, e.Difference.Mean), w.diff(e.Unit, e.Difference.Low), w.diff(e.Unit, e.Difference.High))}
}

// sourceLabel says where a target comes from.
func (w *Words) sourceLabel(source string) string {
	if source == experiment.SourceFlag {
		return w.T("from --target")
	}
	return w.T("from the scenario")
}

// settingValue is a knob's value in a plan's changes: as --set takes it
// in English ("20m", "reversed"), in words in Chinese.
func (w *Words) settingValue(k experiment.Knob, v int) string { return w.KnobValue(k.Text(v)) }

// WritePlanTable writes a plan on the terminal in English.
func WritePlanTable(out io.Writer, p *experiment.Plan) error { return English().WritePlanTable(out, p) }

// WritePlanTable writes a plan on the terminal in w's language: whether it
// meets every target and what it costs, what changes, the targets with
// where each comes from, what bounds a target no plan meets, the side
// effects and the search path.
func (w *Words) WritePlanTable(out io.Writer, p *experiment.Plan) error {
	var buf bytes.Buffer
	for _, l := range w.planLines(p) {
		fmt.Fprintln(&buf, text.TermSafe(l))
	}
	fmt.Fprintln(&buf)
	tw := &aligned{}
	tw.add(w.T("change"), w.T("from"), w.T("to"), w.T("cost"), "--set")
	for _, s := range p.Settings {
		tw.add(text.TermSafe(w.knobName(s.Knob)), text.TermSafe(w.settingValue(s.Knob, s.From)), text.TermSafe(w.settingValue(s.Knob, s.To)),
			formatDiff("", p.ChangeCost(s)), text.TermSafe(s.Knob.Path)+"="+text.TermSafe(s.Knob.Text(s.To)))
	}
	if len(p.Settings) == 0 {
		tw.add(w.T("(none)"), "", "", "", "")
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	fmt.Fprintf(&buf, "\n%s\n", w.T("targets"))
	tw = &aligned{indent: "  "}
	for i, t := range p.Targets {
		// the mean with the interval "met with 95% confidence" rests on
		cells := []string{w.targetState(t), w.Sprintf("mean %s", w.estimate(t.KPI.Unit, t.KPI.Mean, t.KPI.Low, t.KPI.High)), w.margin(t), w.sourceLabel(p.Constraints[i].Source)}
		// the target in words first, as the run's; as written last
		tw.add(append(append([]string{text.TermSafe(w.targetText(t))}, cells...), text.TermSafe(t.Text))...)
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	for _, l := range w.boundLines(p) {
		fmt.Fprintf(&buf, "%s\n", text.TermSafe(l))
	}
	fmt.Fprintln(&buf)
	if len(p.SideEffects) == 0 {
		fmt.Fprintln(&buf, w.T("side effects: none (no KPI with a better direction is significantly worse than the input's; paired, common random numbers, 95%)"))
	} else {
		fmt.Fprintln(&buf, w.T("side effects: KPIs the plan makes significantly worse than the input (paired, common random numbers, 95%; staff-hours are the cost above)"))
		tw = &aligned{indent: "  "}
		for _, e := range p.SideEffects {
			c := w.sideEffectCells(e)
			tw.add(text.TermSafe(c[0]), c[1], c[2])
		}
		if err := tw.write(&buf); err != nil {
			return err
		}
	}
	fmt.Fprintf(&buf, "\n%s\n", w.T("search"))
	tw = &aligned{indent: "  "}
	for _, s := range p.Path {
		what := ""
		if s.Knob != "" {
			what = fmt.Sprintf("%s → %s", text.TermSafe(w.KnobNamed(s.Knob)), text.TermSafe(w.KnobValue(s.Value)))
		}
		tw.add(w.word("action:", s.Action), what, w.Sprintf("cost %.0f", s.Cost), w.metLabel(s.Met), w.Sprintf("%d replications", s.Replications))
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}

// metLabel says whether a step of the search met every target.
func (w *Words) metLabel(met bool) string {
	if met {
		return w.T("met")
	}
	return w.T("not met")
}

// PlanReport is the report folder of a plan: the plan document
// (plan.json), the changes, the targets, the side effects, the search, the
// cost against KPI frontier, a sensitivity analysis of the plan (s, when
// not nil) and the planned run's plots.
func PlanReport(p *experiment.Plan, s *experiment.Sensitivity) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := planPlots(w, p, s)
		if err != nil {
			return nil, plotsError(err)
		}
		return &contents{plots: plots, page: planPage(w, p), files: []file{
			jsonFile("plan.json", NewPlanDocument(p)),
			rawFile("changes.csv", ChangesCSV(p)),
			jsonFile("results.json", NewResults(p.Outcome, p.Targets...)),
		}}, nil
	}}
}

// planPlots are the figures of a plan: the frontiers, the tornado charts
// of s when there is one, and the planned run's.
func planPlots(w *Words, p *experiment.Plan, s *experiment.Sensitivity) ([]Plot, error) {
	plots, err := w.FrontierPlots(p)
	if err != nil {
		return nil, err
	}
	if s != nil {
		tornado, err := w.TornadoPlots(s)
		if err != nil {
			return nil, err
		}
		plots = append(plots, tornado...)
	}
	run, err := w.RunPlots(p.Outcome)
	if err != nil {
		return nil, err
	}
	return append(plots, run...), nil
}

// planPage is the page of a plan, its figures left to Write.
func planPage(w *Words, p *experiment.Plan) page {
	pg := runPage(w, p.Outcome, p.Targets)
	pg.Title = w.Sprintf("plan for %s", p.Input.Name)
	pg.Lines = append(w.planLines(p), w.boundLines(p)...)
	for i := range pg.Targets {
		pg.Targets[i].Text += w.Sprintf(" (%s)", w.sourceLabel(p.Constraints[i].Source))
	}
	changes := table{Title: w.T("Changes"), Head: []string{w.T("change"), w.T("from"), w.T("to"), w.T("cost"), "--set"}, Answer: true}
	for _, st := range p.Settings {
		changes.Rows = append(changes.Rows, []string{w.knobName(st.Knob), w.settingValue(st.Knob, st.From), w.settingValue(st.Knob, st.To),
			formatDiff("", p.ChangeCost(st)), st.Knob.Path + "=" + st.Knob.Text(st.To)})
	}
	effects := table{Title: w.T("Side effects: KPIs the plan makes significantly worse than the input (paired, common random numbers, 95%)"),
		Head: []string{w.T("KPI"), w.T("input → plan"), w.T("difference [95% interval]")}}
	for _, e := range p.SideEffects {
		effects.Rows = append(effects.Rows, w.sideEffectCells(e))
	}
	if len(p.SideEffects) == 0 {
		effects.Rows = append(effects.Rows, []string{w.T("none"), "", ""})
	}
	path := table{Title: w.T("Search"), Head: []string{w.T("step"), w.T("knob"), w.T("value"), w.T("cost"), w.T("targets"), w.T("replications")}}
	for _, st := range p.Path {
		path.Rows = append(path.Rows, []string{w.word("action:", st.Action), w.KnobNamed(st.Knob), w.KnobValue(st.Value), fmt.Sprintf("%.0f", st.Cost), w.metLabel(st.Met), fmt.Sprint(st.Replications)})
	}
	if len(p.Settings) == 0 {
		changes.Rows = append(changes.Rows, []string{w.T("none"), "", "", "", ""})
	}
	pg.Answer = []table{changes}
	pg.Tables = append([]table{effects}, append(pg.Tables, path)...)
	pg.Files = w.files("index.html, plan.json (the plan document), changes.csv, results.json (the planned scenario's confirmation run) and plots/*.png, *.svg, *.csv")
	if w.Chinese() {
		pg.Files = "index.html, plan.json, changes.csv, results.json " + w.and() + " plots/*.png, *.svg, *.csv"
	}
	return pg
}
