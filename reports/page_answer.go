package reports

import "cordon/experiment"

// Every page puts its answer first: a run its targets and headline KPIs,
// a comparison the differences with a verdict, a plan its changes, a
// review what would have helped on the day and what the change asked for
// would have done.

// headlineTables are a run's headline KPIs, for the page after its
// targets; none when the outcome marks none (a run read back from its
// results document).
func (w *Words) headlineTables(o *experiment.Outcome) []table {
	t := table{Title: w.T("Headline KPIs"), Head: []string{w.T("KPI"), w.T("mean"), w.T("95% interval"), w.T("unit"), w.T("name (for --target)")}, Answer: true}
	for _, k := range o.KPIs {
		if k.Headline {
			t.Rows = append(t.Rows, []string{w.kpiTitle(k.KPI), w.value(k.Unit, k.Mean), w.interval(k.Unit, k.Low, k.High), w.unit(k.Unit), k.Name})
		}
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return []table{t}
}

// answerFirst orders a review's sections for its page: what would have
// helped, then what the change would have done, then the day observed
// beside the replay (reviewTables' order is the day first, as the terminal
// reads it).
func answerFirst(sections []reviewTable) []reviewTable {
	day := 3 // the hours, the KPIs, where the time went
	if len(sections) <= day {
		return sections
	}
	var out []reviewTable
	for i := len(sections) - 1; i >= day; i-- {
		out = append(out, sections[i])
	}
	return append(out, sections[:day]...)
}
