package reports

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"cordon/experiment"
)

// WritePlanTable writes a plan on the terminal: what changes and what it
// costs, the targets with their intervals, and the search path.
func WritePlanTable(out io.Writer, p *experiment.Plan) error {
	var buf bytes.Buffer
	state := "meets every target with 95% confidence"
	if !p.Feasible {
		state = "NO PLAN MEETS EVERY TARGET; the best found"
	}
	fmt.Fprintf(&buf, "plan for %s: %s\ncost %.0f (input %.0f, %s); %d scenario evaluations; confirmed with %d replications on a fresh seed\n\n",
		termSafe(p.Input.Name), state, p.Cost, p.InputCost, formatDiff("", p.Cost-p.InputCost), p.Evaluations, p.ConfirmReplications)
	tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "change\tfrom\tto\t--set")
	for _, s := range p.Settings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s=%s\n", termSafe(s.Knob.Name), s.Knob.Text(s.From), s.Knob.Text(s.To), termSafe(s.Knob.Path), s.Knob.Text(s.To))
	}
	if len(p.Settings) == 0 {
		fmt.Fprintln(tw, "(none)\t\t\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := WriteTargets(&buf, p.Targets); err != nil {
		return err
	}
	for _, u := range p.Unmet {
		fmt.Fprintf(&buf, "cannot be met within the budget and the knobs' limits: %s (best %s, interval up to %s)\n",
			termSafe(u.Text), FormatValue(u.KPI.Unit, u.KPI.Mean), FormatValue(u.KPI.Unit, u.KPI.High))
	}
	fmt.Fprintf(&buf, "\nsearch\n")
	tw = tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
	for _, s := range p.Path {
		what := s.Knob
		if what != "" {
			what = fmt.Sprintf("%s → %s", termSafe(s.Knob), termSafe(s.Text))
		}
		met := "not met"
		if s.Met {
			met = "met"
		}
		fmt.Fprintf(tw, "  %s\t%s\tcost %.0f\t%s\n", termSafe(s.Action), what, s.Cost, met)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}

// WritePlan writes the report folder of a plan: the changes, the targets,
// the search, the cost against KPI frontier and the planned run's plots.
func WritePlan(ctx context.Context, dest Dest, p *experiment.Plan, s *experiment.Sensitivity) error {
	plots, err := FrontierPlots(p)
	if err != nil {
		return err
	}
	if s != nil {
		tornado, err := TornadoPlots(s)
		if err != nil {
			return err
		}
		plots = append(plots, tornado...)
	}
	run, err := RunPlots(p.Outcome)
	if err != nil {
		return err
	}
	plots = append(plots, run...)
	f, err := NewFolder(ctx, dest)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := f.WriteJSON("results.json", NewResults(p.Outcome, p.Targets...)); err != nil {
		return err
	}
	figs, err := writePlots(ctx, f, plots)
	if err != nil {
		return err
	}
	pg := runPage(p.Outcome, p.Targets, figs)
	pg.Title = "plan for " + p.Input.Name
	state := "meets every target with 95% confidence"
	if !p.Feasible {
		state = "no plan meets every target; this is the best found"
	}
	pg.Lines = []string{state, fmt.Sprintf("cost %.0f (input %.0f); %d scenario evaluations; confirmed with %d replications on a fresh seed",
		p.Cost, p.InputCost, p.Evaluations, p.ConfirmReplications)}
	changes := table{Title: "Changes", Head: []string{"change", "from", "to", "--set"}}
	for _, st := range p.Settings {
		changes.Rows = append(changes.Rows, []string{st.Knob.Name, st.Knob.Text(st.From), st.Knob.Text(st.To), st.Knob.Path + "=" + st.Knob.Text(st.To)})
	}
	path := table{Title: "Search", Head: []string{"step", "knob", "value", "cost", "targets"}}
	for _, st := range p.Path {
		met := "not met"
		if st.Met {
			met = "met"
		}
		path.Rows = append(path.Rows, []string{st.Action, st.Knob, st.Text, fmt.Sprintf("%.0f", st.Cost), met})
	}
	pg.Tables = append([]table{changes}, append(pg.Tables, path)...)
	pg.Files = "index.html, results.json (the planned scenario's confirmation run) and plots/*.png, *.svg"
	return finish(ctx, f, pg)
}

// WriteSensitivityTable writes a sensitivity analysis on the terminal: for
// each KPI, the factors that move it most.
func WriteSensitivityTable(out io.Writer, s *experiment.Sensitivity, top int) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "what moves the KPIs: each volume and service time −%.0f%% and +%.0f%%, common random numbers (%d replications, seed %d)\n",
		100*s.Delta, 100*s.Delta, s.Base.Replications, s.Base.Seed)
	for i, k := range s.KPIs {
		base, _ := s.Base.KPI(k.Name)
		fmt.Fprintf(&buf, "\n%s: %s\n", termSafe(k.Name), FormatValue(k.Unit, base.Mean))
		tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
		for j, e := range s.Effects[i] {
			if top > 0 && j >= top {
				break
			}
			fmt.Fprintf(tw, "  %s\t−%.0f%%: %s\t+%.0f%%: %s\tswing %s\n", termSafe(e.Factor.Name), 100*s.Delta, FormatValue(k.Unit, e.Low.Mean),
				100*s.Delta, FormatValue(k.Unit, e.High.Mean), FormatValue(k.Unit, e.Swing))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// WriteSensitivity writes the report folder of a sensitivity analysis: a
// tornado chart per KPI, the table and results.json.
func WriteSensitivity(ctx context.Context, dest Dest, s *experiment.Sensitivity) error {
	plots, err := TornadoPlots(s)
	if err != nil {
		return err
	}
	f, err := NewFolder(ctx, dest)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := f.WriteJSON("results.json", NewSensitivityResults(s)); err != nil {
		return err
	}
	figs, err := writePlots(ctx, f, plots)
	if err != nil {
		return err
	}
	p := page{Title: "sensitivity of " + s.Base.Scenario.Name, Plots: figs, Files: "index.html, results.json and plots/tornado-*.png, .svg",
		Lines: []string{fmt.Sprintf("each volume and service time −%.0f%% and +%.0f%%, %d replications, seed %d, common random numbers",
			100*s.Delta, 100*s.Delta, s.Base.Replications, s.Base.Seed)}}
	for i, k := range s.KPIs {
		t := table{Title: k.Name, Head: []string{"factor", "kind", fmt.Sprintf("−%.0f%%", 100*s.Delta), fmt.Sprintf("+%.0f%%", 100*s.Delta), "swing"}}
		for _, e := range s.Effects[i] {
			t.Rows = append(t.Rows, []string{e.Factor.Name, e.Factor.Kind, FormatValue(k.Unit, e.Low.Mean), FormatValue(k.Unit, e.High.Mean), FormatValue(k.Unit, e.Swing)})
		}
		p.Tables = append(p.Tables, t)
	}
	return finish(ctx, f, p)
}
