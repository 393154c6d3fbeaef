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

// WriteSensitivityTable writes a sensitivity analysis on the terminal in
// English: for each KPI, the factors that move it most.
func WriteSensitivityTable(out io.Writer, s *experiment.Sensitivity, top int) error {
	return English().WriteSensitivityTable(out, s, top)
}

// WriteSensitivityTable writes a sensitivity analysis on the terminal in
// w's language: for each KPI, the factors that move it most.
func (w *Words) WriteSensitivityTable(out io.Writer, s *experiment.Sensitivity, top int) error {
	var buf bytes.Buffer
	pct := 100 * s.Delta
	buf.WriteString(w.Sprintf("what moves the KPIs: each volume and service time −%.0f%% and +%.0f%%, common random numbers (%d replications, seed %d)\n",
		pct, pct, s.Base.Replications, s.Base.Seed))
	buf.WriteString(w.swingNote(pct) + "\n")
	for i, k := range s.KPIs {
		base, _ := s.Base.KPI(k.Name)
		buf.WriteString(w.Sprintf("\n%s: %s\n", text.TermSafe(w.kpiHeading(k)), w.value(k.Unit, base.Mean)))
		tw := &aligned{indent: "  "}
		for j, e := range s.Effects[i] {
			if top > 0 && j >= top {
				break
			}
			tw.add(text.TermSafe(w.factorName(e.Factor)), w.Sprintf("−%.0f%%: %s", pct, w.value(k.Unit, e.Low.Mean)),
				w.Sprintf("+%.0f%%: %s", pct, w.value(k.Unit, e.High.Mean)), w.Sprintf("swing %s", w.value(k.Unit, e.Swing)),
				w.changeInterval(k.Unit, e), w.chanceMark(e))
		}
		if err := tw.write(&buf); err != nil {
			return err
		}
	}
	return writeTrimmed(out, buf.Bytes())
}

// swingNote says what the swing and its interval are, and how the factors
// are ordered, for a change of pct percent either way.
func (w *Words) swingNote(pct float64) string {
	return w.Sprintf("the swing is the change from −%.0f%% to +%.0f%%, paired over the replications, with its 95%% interval; "+
		"the factors whose change is within chance (the interval holds zero) come last", pct, pct)
}

// changeInterval is the 95% interval of an effect's change from the factor
// scaled down to scaled up, with signs, "[+5 min 2 s, +10 min 20 s]", or
// "—" with one replication.
func (w *Words) changeInterval(unit string, e experiment.Effect) string {
	if math.IsNaN(e.Change.Low) || math.IsNaN(e.Change.High) {
		return "—"
	}
	return fmt.Sprintf("[%s, %s]", w.diff(unit, e.Change.Low), w.diff(unit, e.Change.High))
}

// chanceMark says of an effect whose change could be chance that it is
// within chance; nothing of the others.
func (w *Words) chanceMark(e experiment.Effect) string {
	if e.WithinChance() {
		return w.T("within chance")
	}
	return ""
}

// kpiHeading names a KPI where a table is about it: its label and its
// name for --target, "takeout: time to the door, 95th percentile
// (takeout.door_time.p95)".
func (w *Words) kpiHeading(k compound.KPI) string { return w.withCode(w.kpiTitle(k), k.Name) }

// withCode is a label with the code a user types for it in parentheses
// (full-width ones in Chinese).
func (w *Words) withCode(label, code string) string {
	if w.Chinese() {
		return label + "（" + code + "）"
	}
	return label + " (" + code + ")"
}

// factorName is a factor of a sensitivity analysis in w's language: a
// path by its label ("sampling round, swab"), a kind's volume ("express
// per day", 快递每天件数), any other as the catalogue names it.
func (w *Words) factorName(f experiment.Factor) string {
	if !w.Chinese() {
		if strings.Contains(f.Name, ".") {
			return w.PathLabel(f.Name)
		}
		return f.Name
	}
	if key := "factor:" + f.Name; w.Has(key) {
		return w.T(key)
	}
	if kind, ok := strings.CutSuffix(f.Name, " per day"); ok {
		return w.Sprintf("%s per day", w.Name(kind))
	}
	if strings.Contains(f.Name, ".") {
		return w.PathLabel(f.Name)
	}
	return f.Name
}

// SensitivityReport is the report folder of a sensitivity analysis: a
// tornado chart per KPI, the table and results.json.
func SensitivityReport(s *experiment.Sensitivity) Report {
	return Report{build: func(w *Words) (*contents, error) {
		plots, err := w.TornadoPlots(s)
		if err != nil {
			return nil, plotsError(err)
		}
		pct := 100 * s.Delta
		p := page{Title: w.Sprintf("sensitivity of %s", s.Base.Scenario.Name), Files: "index.html, results.json, effects.csv " + w.and() + " plots/tornado-*.png, .svg, .csv",
			Lines: []string{w.Sprintf("each volume and service time −%.0f%% and +%.0f%%, %d replications, seed %d, common random numbers",
				pct, pct, s.Base.Replications, s.Base.Seed),
				w.swingNote(pct)}}
		for i, k := range s.KPIs {
			title := w.kpiHeading(k)
			if Unmoved(s, i) {
				title += w.T(": no input moves it (scaled each way, every input leaves its mean where it was), so it has no chart")
			}
			t := table{Title: title, Head: []string{w.T("factor"), w.T("kind"), fmt.Sprintf("−%.0f%%", pct), fmt.Sprintf("+%.0f%%", pct), w.T("swing"),
				w.Sprintf("change, 95%% interval"), w.T("within chance")}}
			for _, e := range s.Effects[i] {
				chance := ""
				if e.WithinChance() {
					chance = w.T("yes")
				}
				t.Rows = append(t.Rows, []string{w.factorName(e.Factor), w.word("factor-kind:", e.Factor.Scales), w.value(k.Unit, e.Low.Mean), w.value(k.Unit, e.High.Mean),
					w.value(k.Unit, e.Swing), w.changeInterval(k.Unit, e), chance})
			}
			p.Tables = append(p.Tables, t)
		}
		return &contents{plots: plots, page: p, files: []file{jsonFile("results.json", NewSensitivityResults(s)), rawFile("effects.csv", EffectsCSV(s))}}, nil
	}}
}
