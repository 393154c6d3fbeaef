package reports

import (
	"bytes"
	"fmt"
	"io"
	"text/tabwriter"

	"cordon/experiment"
	"cordon/text"
)

// WriteSensitivityTable writes a sensitivity analysis on the terminal: for
// each KPI, the factors that move it most.
func WriteSensitivityTable(out io.Writer, s *experiment.Sensitivity, top int) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "what moves the KPIs: each volume and service time −%.0f%% and +%.0f%%, common random numbers (%d replications, seed %d)\n",
		100*s.Delta, 100*s.Delta, s.Base.Replications, s.Base.Seed)
	for i, k := range s.KPIs {
		base, _ := s.Base.KPI(k.Name)
		fmt.Fprintf(&buf, "\n%s: %s\n", text.TermSafe(k.Name), FormatValue(k.Unit, base.Mean))
		tw := tabwriter.NewWriter(&buf, 2, 0, 2, ' ', 0)
		for j, e := range s.Effects[i] {
			if top > 0 && j >= top {
				break
			}
			fmt.Fprintf(tw, "  %s\t−%.0f%%: %s\t+%.0f%%: %s\tswing %s\n", text.TermSafe(e.Factor.Name), 100*s.Delta, FormatValue(k.Unit, e.Low.Mean),
				100*s.Delta, FormatValue(k.Unit, e.High.Mean), FormatValue(k.Unit, e.Swing))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// SensitivityReport is the report folder of a sensitivity analysis: a
// tornado chart per KPI, the table and results.json.
func SensitivityReport(s *experiment.Sensitivity) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := w.TornadoPlots(s)
		if err != nil {
			return nil, plotsError(err)
		}
		p := page{Title: "sensitivity of " + s.Base.Scenario.Name, Files: "index.html, results.json, effects.csv and plots/tornado-*.png, .svg, .csv",
			Lines: []string{fmt.Sprintf("each volume and service time −%.0f%% and +%.0f%%, %d replications, seed %d, common random numbers",
				100*s.Delta, 100*s.Delta, s.Base.Replications, s.Base.Seed)}}
		for i, k := range s.KPIs {
			title := k.Name
			if Unmoved(s, i) {
				title += ": no input moves it (scaled each way, every input leaves its mean where it was), so it has no chart"
			}
			t := table{Title: title, Head: []string{"factor", "kind", fmt.Sprintf("−%.0f%%", 100*s.Delta), fmt.Sprintf("+%.0f%%", 100*s.Delta), "swing"}}
			for _, e := range s.Effects[i] {
				t.Rows = append(t.Rows, []string{e.Factor.Name, e.Factor.Scales, FormatValue(k.Unit, e.Low.Mean), FormatValue(k.Unit, e.High.Mean), FormatValue(k.Unit, e.Swing)})
			}
			p.Tables = append(p.Tables, t)
		}
		return &contents{plots: plots, page: p, files: []file{jsonFile("results.json", NewSensitivityResults(s)), rawFile("effects.csv", EffectsCSV(s))}}, nil
	}}
}
