package reports

import (
	"errors"

	"cordon/experiment"
)

// RunPlots builds the figures of a run report, in report order: staging
// occupancy, queues at the posts, times to the door, staff utilisation,
// the sampling round (residents sampled and queues at the sites, only when
// the scenario has a round) and the bottlenecks; the scenario's events are
// marked on those whose x axis is the time of day.
func RunPlots(o *experiment.Outcome) ([]Plot, error) {
	if o == nil || o.Scenario == nil || len(o.Runs) == 0 {
		return nil, errors.New("run plots: the outcome has no replications")
	}
	builders := []func(*experiment.Outcome) (Plot, error){stagingPlot, queuesPlot, doorTimesPlot, utilisationPlot}
	if sp := o.Scenario.Sampling; sp != nil && len(sp.Sites) > 0 {
		builders = append(builders, samplingPlot, siteQueuesPlot)
	}
	builders = append(builders, bottlenecksPlot)
	out := make([]Plot, 0, len(builders))
	for _, b := range builders {
		p, err := b(o)
		if err != nil {
			return nil, err
		}
		if err := markEvents(&p, o.Scenario); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
