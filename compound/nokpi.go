package compound

import (
	"errors"

	"cordon/text"
)

// NoKPI is the error of a KPI named that a scenario does not have, with
// the nearest of the KPIs it has: "baseline has no KPI express.delivred,
// did you mean express.delivered?". It is the one wording of that error,
// for every place that looks a KPI up by name: a scenario's targets
// (package scenarios), a --target and a --kpi (package experiment).
func NoKPI(scenario, kpi string, have []string) error {
	return errors.New(scenario + " has no KPI " + kpi + text.DidYouMean(kpi, have))
}

// KPINames returns the names of the KPIs of a catalogue, in its order.
func KPINames(cat []KPI) []string {
	names := make([]string, len(cat))
	for i, k := range cat {
		names[i] = k.Name
	}
	return names
}
