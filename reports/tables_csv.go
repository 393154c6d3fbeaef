package reports

import (
	"strconv"

	"cordon/experiment"
)

// The main table of each command as CSV, a header and then one row per
// line of the table: what `-o csv` prints and the report folder holds.
// Numbers are in the KPI's unit (seconds for durations, 0 to 1 for
// shares), written exactly; an empty cell could not be measured.

// csvTable writes a header and rows.
func csvTable(head []string, rows [][]string) []byte {
	var w csvLines
	writeCSVRow(&w, head)
	for _, r := range rows {
		writeCSVRow(&w, r)
	}
	return w.b
}

// KPIsCSV is kpis.csv of a run: one row per KPI, its mean and 95%
// interval, and the target on it with its verdict when there is one.
func KPIsCSV(o *experiment.Outcome, targets []experiment.TargetResult) []byte {
	var rows [][]string
	for _, k := range o.KPIs {
		target, met := "", ""
		for _, t := range targets {
			if t.KPI.Name == k.Name {
				target, met = t.Text, strconv.FormatBool(t.Met)
			}
		}
		rows = append(rows, []string{o.Scenario.Name, k.Name, k.Title(), k.Unit, formatFloat(k.Mean), formatFloat(k.Low),
			formatFloat(k.High), strconv.Itoa(k.N), target, met})
	}
	return csvTable([]string{"scenario", "kpi", "label", "unit", "mean", "ci_low", "ci_high", "n", "target", "met"}, rows)
}

// KnobsCSV is knobs.csv of a marginal analysis (cordon bottlenecks): one
// row per knob and KPI, knobs in rank order, with the step and what it
// buys on the KPI (an improvement, with its paired 95% interval).
func KnobsCSV(m *experiment.Marginal) []byte {
	doc := NewBottlenecks(m)
	var rows [][]string
	for _, k := range doc.Knobs {
		for _, g := range k.Gains {
			rows = append(rows, []string{strconv.Itoa(k.Rank), k.Knob, k.Path, k.Resource, k.From, k.To, formatFloat(float64(k.Cost)),
				formatFloat(float64(k.Utilisation)), g.KPI, formatFloat(float64(g.Gain)), formatFloat(float64(g.CILow)),
				formatFloat(float64(g.CIHigh)), strconv.FormatBool(g.Significant)})
		}
	}
	return csvTable([]string{"rank", "knob", "path", "kind", "from", "to", "cost", "utilisation", "kpi", "gain", "ci_low", "ci_high", "significant"}, rows)
}

// ChangesCSV is changes.csv of a plan: one row per change, with the
// --set that makes it and what it costs.
func ChangesCSV(p *experiment.Plan) []byte {
	var rows [][]string
	for _, s := range p.Settings {
		to := s.Knob.Text(s.To)
		rows = append(rows, []string{s.Knob.Name, s.Knob.Path, s.Knob.Text(s.From), to, formatFloat(p.ChangeCost(s)), s.Knob.Path + "=" + to})
	}
	return csvTable([]string{"change", "path", "from", "to", "cost", "set"}, rows)
}

// EffectsCSV is effects.csv of a sensitivity analysis: one row per KPI and
// factor in the analysis' order, with the KPI's mean at both ends, the
// swing, and the paired change's interval and whether it holds zero.
func EffectsCSV(s *experiment.Sensitivity) []byte {
	var rows [][]string
	for i, k := range s.KPIs {
		base, _ := s.Base.KPI(k.Name)
		for _, e := range s.Effects[i] {
			rows = append(rows, []string{k.Name, k.Unit, formatFloat(base.Mean), e.Factor.Name, e.Factor.Scales,
				formatFloat(e.Low.Mean), formatFloat(e.High.Mean), formatFloat(e.Swing),
				formatFloat(e.Change.Low), formatFloat(e.Change.High), strconv.FormatBool(e.WithinChance())})
		}
	}
	return csvTable([]string{"kpi", "unit", "base", "factor", "kind", "low", "high", "swing", "change_low", "change_high", "within_chance"}, rows)
}
