package reports

import (
	"bytes"
	"fmt"
	"io"

	"cordon/experiment"
	"cordon/text"
)

// SweepCSV is sweep.csv: one row per grid point and KPI, with the axes'
// values, the mean and the interval.
func SweepCSV(s *experiment.Sweep) []byte {
	var w csvLines
	head := []string{"point"}
	for _, a := range s.Axes {
		head = append(head, a.Path)
	}
	head = append(head, "kpi", "unit", "mean", "ci_low", "ci_high", "n")
	writeCSVRow(&w, head)
	for i, p := range s.Points {
		for _, k := range p.Outcome.KPIs {
			row := append([]string{fmt.Sprint(i)}, p.Values...)
			row = append(row, k.Name, k.Unit, formatFloat(k.Mean), formatFloat(k.Low), formatFloat(k.High), fmt.Sprint(k.N))
			writeCSVRow(&w, row)
		}
	}
	return w.b
}

// WriteSweepTable writes the terminal table of a sweep in English: one
// row per grid point, one column per chosen KPI (mean and interval).
func WriteSweepTable(out io.Writer, s *experiment.Sweep, kpis []string) error {
	return English().WriteSweepTable(out, s, kpis)
}

// WriteSweepTable writes the terminal table of a sweep in w's language;
// the columns are headed by the paths varied and the KPIs' names, in
// Chinese by their labels with the names.
func (w *Words) WriteSweepTable(out io.Writer, s *experiment.Sweep, kpis []string) error {
	var buf bytes.Buffer
	first := s.Points[0].Outcome
	buf.WriteString(w.Sprintf("sweep of %s: %d points, %d replications each, seed %d (common random numbers); means with %.0f%% intervals\n\n",
		text.TermSafe(first.Scenario.Name), len(s.Points), first.Replications, first.Seed, 100*experiment.Level))
	tw := &aligned{}
	t := w.sweepGrid(s, kpis)
	for _, row := range append([][]string{t.Head}, t.Rows...) {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = text.TermSafe(c)
		}
		tw.add(cells...)
	}
	if err := tw.write(&buf); err != nil {
		return err
	}
	return writeTrimmed(out, buf.Bytes())
}

// SweepReport is the report folder of a sweep: index.html, sweep.csv,
// results.json and a plot of each chosen KPI against the varied values.
func SweepReport(s *experiment.Sweep, kpis []string) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := w.SweepPlots(s, kpis)
		if err != nil {
			return nil, plotsError(err)
		}
		first := s.Points[0].Outcome
		p := page{Title: w.Sprintf("sweep of %s", first.Scenario.Name), Tables: []table{w.sweepGrid(s, kpis)},
			Files: "index.html, sweep.csv, results.json " + w.and() + " plots/*.png, *.svg, *.csv",
			Lines: []string{w.Sprintf("%d points, %d replications each, seed %d, common random numbers", len(s.Points), first.Replications, first.Seed)}}
		return &contents{plots: plots, page: p, files: []file{
			rawFile("sweep.csv", SweepCSV(s)),
			jsonFile("results.json", NewSweepResults(s)),
		}}, nil
	}}
}

// sweepGrid is the grid of a sweep, for the terminal and the page: one row
// per point, its values and each chosen KPI's mean and interval. In
// Chinese a column is headed by the path's or the KPI's label with its
// name.
func (w *Words) sweepGrid(s *experiment.Sweep, kpis []string) table {
	t := table{Title: w.T("Grid")}
	for _, a := range s.Axes {
		t.Head = append(t.Head, w.withCode(w.PathLabel(a.Path), a.Path))
	}
	for _, name := range kpis {
		h := name
		if k, ok := s.Points[0].Outcome.KPI(name); ok {
			h = w.kpiHeading(k.KPI)
		}
		t.Head = append(t.Head, h)
	}
	for _, pt := range s.Points {
		row := append([]string(nil), pt.Values...)
		for i, v := range row {
			row[i] = w.KnobValue(v) // in Chinese: in words, 5分钟, 等待（wait）
		}
		for _, name := range kpis {
			row = append(row, w.estimateCell(pt.Outcome, name))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
