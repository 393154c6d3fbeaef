package reports

import (
	"errors"

	"cordon/experiment"
)

// RunPlots builds the figures of a run report, in report order: staging
// occupancy, items and tasks waiting at the posts, times to the door (and
// by day, in a run of several days), staff utilisation, the staff on duty
// by hour, the sampling round
// (residents sampled and queues at the sites, only when the scenario has a
// round) and the bottlenecks; the scenario's events are marked on those
// whose x axis is the time of day.
func RunPlots(o *experiment.Outcome) ([]Plot, error) {
	return English().RunPlots(o)
}

// RunPlots is RunPlots in w's language.
func (w *Words) RunPlots(o *experiment.Outcome) ([]Plot, error) {
	l := w.figures
	if o == nil || o.Scenario == nil || o.Plots == nil || o.Plots.Replications == 0 {
		return nil, errors.New("run plots: the outcome has no replications")
	}
	builders := []func(look, *experiment.Outcome) (Plot, error){stagingPlot, queuesPlot, taskQueuesPlot, doorTimesPlot}
	if o.Scenario.Horizon.Days >= 2 {
		builders = append(builders, daysPlot)
	}
	builders = append(builders, utilisationPlot, onDutyPlot)
	if sp := o.Scenario.Sampling; sp != nil && len(sp.Sites) > 0 {
		builders = append(builders, samplingPlot, siteQueuesPlot)
	}
	builders = append(builders, bottlenecksPlot)
	out := make([]Plot, 0, len(builders))
	for _, b := range builders {
		p, err := b(l, o)
		if err != nil {
			return nil, err
		}
		if err := markEvents(l, &p, o.Scenario); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
