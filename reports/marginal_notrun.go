package reports

import (
	"fmt"
	"strings"

	"cordon/experiment"
)

// notRunTable lists the steps a run report's analysis did not run, with
// why: reckoned from the scenario alone, none can improve a KPI of the
// analysis. Nil when it ran every step.
func (w *Words) notRunTable(m *experiment.Marginal) *table {
	if len(m.NotRun) == 0 {
		return nil
	}
	t := &table{Title: w.T("The steps not run, reckoned to improve none of the KPIs"),
		Head: []string{w.T("knob"), w.T("now"), w.T("step"), w.T("cost"), w.T("utilisation"), w.T("why not run")}}
	for _, n := range m.NotRun {
		k := experiment.KnobGain{Knob: n.Knob, From: n.From, To: n.To}
		t.Rows = append(t.Rows, []string{w.knobName(n.Knob), w.KnobValue(n.NowText()), w.stepText(k), fmt.Sprintf("%.0f", n.Knob.UnitCost),
			FormatValue("share", n.Utilisation), w.notRunWhy(n)})
	}
	return t
}

// notRunWhy says why a step was not run: its knob moves none of the KPIs,
// or the reckoned round loses on each KPI the knob moves: "most at one
// site 366 (now 79); the round ends 16 min later".
func (w *Words) notRunWhy(n experiment.NotRun) string {
	if n.Unmoved {
		return w.T("its knob moves none of these KPIs")
	}
	var why []string
	if n.Queue > 0 {
		why = append(why, w.Sprintf("most at one site %s (now %s)", FormatValue("", n.Queue), FormatValue("", n.QueueNow)))
	}
	if n.Later > 0 {
		why = append(why, w.Sprintf("the round ends %s later", w.value("s", n.Later)))
	}
	if n.LastSite != "" {
		why = append(why, w.Sprintf("the round still ends at %s, which the step leaves as it is", w.postName(n.LastSite)))
	}
	return w.Sprintf("reckoned: %s", strings.Join(why, w.T("; ")))
}
