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

// planLines are the lines that head a plan, on the terminal and its page:
// whether it meets every target, what it costs, how it may change the
// input, what it ran, and what it left out or kept.
func planLines(p *experiment.Plan) []string {
	state := "meets every target with 95% confidence"
	if !p.Feasible {
		state = "NO PLAN MEETS EVERY TARGET; the best found"
	}
	mode := "only adds (zero-cost knobs move either way); --allow-cuts also removes, down to the scenario's floors"
	if p.AllowCuts {
		mode = fmt.Sprintf("adds and removes, never below the scenario's floors (%d on capacities, %d on duty)",
			len(p.Input.Floors.Knobs), len(p.Input.Floors.OnDuty))
	}
	run := fmt.Sprintf("%d scenario evaluations, %d replications: candidates screened with %d replications (seed %d)",
		p.Evaluations, p.Replications, p.SearchReplications, p.SearchSeed)
	switch {
	case p.Confirmed && p.Feasible:
		run += fmt.Sprintf(", the plan confirmed with %d replications on a fresh seed (%d)", p.ConfirmReplications, p.ConfirmSeed)
	case p.Confirmed:
		run += fmt.Sprintf("; the best plan run with %d replications on a fresh seed (%d), where it misses %d of %d targets",
			p.ConfirmReplications, p.ConfirmSeed, len(p.Unmet), len(p.Targets))
	default:
		run += "; no confirmation ran"
	}
	out := []string{
		fmt.Sprintf("plan for %s: %s", p.Input.Name, state),
		fmt.Sprintf("cost %.0f (input %.0f, %s); %s", p.Cost, p.InputCost, formatDiff("", p.Cost-p.InputCost), mode),
		run,
	}
	if len(p.LeftOut) > 0 {
		var ts []string
		for _, t := range p.LeftOut {
			ts = append(ts, t.Text)
		}
		out = append(out, fmt.Sprintf("left out (--only-given): the scenario's targets %s", strings.Join(ts, ", ")))
	}
	for _, s := range p.UnderFloors {
		out = append(out, fmt.Sprintf("the input is already under its floors: %s; the plan keeps what it has there", s))
	}
	return out
}

// boundLines say, for each target no plan meets, what bounds it: its KPI
// with unlimited staff and equipment.
func boundLines(p *experiment.Plan) []string {
	var out []string
	bounded := map[string]bool{}
	for _, b := range p.Bounds {
		bounded[b.Text] = true
		unit := b.KPI.Unit
		unlimited := fmt.Sprintf("with unlimited staff and equipment (every capacity ×%d)", b.Factor)
		if b.Met {
			best := ""
			for _, u := range p.Unmet {
				if u.Text == b.Text {
					best = fmt.Sprintf(" (best %s)", FormatValue(u.KPI.Unit, u.KPI.Mean))
				}
			}
			out = append(out, fmt.Sprintf("%s: not met within the budget and the knobs' limits%s; %s it is %s",
				b.Text, best, unlimited, FormatValue(unit, b.KPI.Mean)))
			continue
		}
		floor, verb := "floor", "meets"
		if b.Op == ">=" || b.Op == ">" {
			floor, verb = "ceiling", "reaches"
		}
		out = append(out, fmt.Sprintf("%s: the %s %s is %s: no staffing %s %s",
			b.Text, floor, unlimited, FormatValue(unit, b.KPI.Mean), verb, FormatValue(unit, b.Value)))
	}
	for _, u := range p.Unmet {
		if !bounded[u.Text] {
			out = append(out, fmt.Sprintf("%s: cannot be met within the budget and the knobs' limits (best %s, interval up to %s)",
				u.Text, FormatValue(u.KPI.Unit, u.KPI.Mean), FormatValue(u.KPI.Unit, u.KPI.High)))
		}
	}
	return out
}

// sideEffectsTitle heads the side effects.
const sideEffectsTitle = "side effects: KPIs the plan makes significantly worse than the input (paired, common random numbers, 95%; staff-hours are the cost above)"

// noSideEffects says there are none.
const noSideEffects = "side effects: none (no KPI with a better direction is significantly worse than the input's; paired, common random numbers, 95%)"

// sideEffectCells are one side effect's KPI, change and difference.
func sideEffectCells(e experiment.SideEffect) []string {
	return []string{e.Name, fmt.Sprintf("%s → %s", FormatValue(e.Unit, e.Base), FormatValue(e.Unit, e.Plan)),
		fmt.Sprintf("%s [%s, %s]", formatDiff(e.Unit, e.Difference.Mean), formatDiff(e.Unit, e.Difference.Low), formatDiff(e.Unit, e.Difference.High))}
}

// sourceLabel says where a target comes from.
func sourceLabel(source string) string {
	if source == experiment.SourceFlag {
		return "from --target"
	}
	return "from the scenario"
}

// WritePlanTable writes a plan on the terminal: whether it meets every
// target and what it costs, what changes, the targets with where each
// comes from, what bounds a target no plan meets, the side effects and the
// search path.
func WritePlanTable(out io.Writer, p *experiment.Plan) error {
	var buf bytes.Buffer
	for _, l := range planLines(p) {
		fmt.Fprintln(&buf, text.TermSafe(l))
	}
	fmt.Fprintln(&buf)
	tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "change\tfrom\tto\tcost\t--set")
	for _, s := range p.Settings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s=%s\n", text.TermSafe(s.Knob.Name), text.TermSafe(s.Knob.Text(s.From)), text.TermSafe(s.Knob.Text(s.To)),
			formatDiff("", p.ChangeCost(s)), text.TermSafe(s.Knob.Path), text.TermSafe(s.Knob.Text(s.To)))
	}
	if len(p.Settings) == 0 {
		fmt.Fprintln(tw, "(none)\t\t\t\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(&buf, "\ntargets\n")
	tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	for i, t := range p.Targets {
		fmt.Fprintf(tw, "  %s\t%s\tmean %s\t%s\t%s\n", text.TermSafe(t.Text), targetState(t), FormatValue(t.KPI.Unit, t.KPI.Mean),
			formatMargin(t), sourceLabel(p.Constraints[i].Source))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, l := range boundLines(p) {
		fmt.Fprintf(&buf, "%s\n", text.TermSafe(l))
	}
	fmt.Fprintln(&buf)
	if len(p.SideEffects) == 0 {
		fmt.Fprintln(&buf, noSideEffects)
	} else {
		fmt.Fprintln(&buf, sideEffectsTitle)
		tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
		for _, e := range p.SideEffects {
			c := sideEffectCells(e)
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", text.TermSafe(c[0]), c[1], c[2])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(&buf, "\nsearch\n")
	tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	for _, s := range p.Path {
		what := ""
		if s.Knob != "" {
			what = fmt.Sprintf("%s → %s", text.TermSafe(s.Knob), text.TermSafe(s.Value))
		}
		fmt.Fprintf(tw, "  %s\t%s\tcost %.0f\t%s\t%d replications\n", s.Action, what, s.Cost, metLabel(s.Met), s.Replications)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}

// targetState is a plan target's verdict.
func targetState(t experiment.TargetResult) string {
	switch {
	case !t.Met:
		return "MISSED"
	case !t.Confident:
		return "met (not with 95% confidence)"
	}
	return "met"
}

func metLabel(met bool) string {
	if met {
		return "met"
	}
	return "not met"
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
	pg.Title = "plan for " + p.Input.Name
	pg.Lines = append(planLines(p), boundLines(p)...)
	for i := range pg.Targets {
		pg.Targets[i].Text += " (" + sourceLabel(p.Constraints[i].Source) + ")"
	}
	changes := table{Title: "Changes", Head: []string{"change", "from", "to", "cost", "--set"}, Answer: true}
	for _, st := range p.Settings {
		changes.Rows = append(changes.Rows, []string{st.Knob.Name, st.Knob.Text(st.From), st.Knob.Text(st.To),
			formatDiff("", p.ChangeCost(st)), st.Knob.Path + "=" + st.Knob.Text(st.To)})
	}
	effects := table{Title: "Side effects: KPIs the plan makes significantly worse than the input (paired, common random numbers, 95%)", Head: []string{"KPI", "input → plan", "difference [95% interval]"}}
	for _, e := range p.SideEffects {
		effects.Rows = append(effects.Rows, sideEffectCells(e))
	}
	if len(p.SideEffects) == 0 {
		effects.Rows = append(effects.Rows, []string{"none", "", ""})
	}
	path := table{Title: "Search", Head: []string{"step", "knob", "value", "cost", "targets", "replications"}}
	for _, st := range p.Path {
		path.Rows = append(path.Rows, []string{st.Action, st.Knob, st.Value, fmt.Sprintf("%.0f", st.Cost), metLabel(st.Met), fmt.Sprint(st.Replications)})
	}
	if len(p.Settings) == 0 {
		changes.Rows = append(changes.Rows, []string{"none", "", "", "", ""})
	}
	pg.Answer = []table{changes}
	pg.Tables = append([]table{effects}, append(pg.Tables, path)...)
	pg.Files = "index.html, plan.json (the plan document), changes.csv, results.json (the planned scenario's confirmation run) and plots/*.png, *.svg, *.csv"
	return pg
}
