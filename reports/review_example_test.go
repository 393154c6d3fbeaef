package reports_test

import (
	"context"
	"fmt"
	"os"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// A day logged on a tiny compound (one building, parcels arriving between
// 09:00 and 10:00), reviewed against three replays of it: the hours in
// which anything happened, the KPIs the log can tell, and where the
// parcels' time went.
func ExampleWriteReviewSummary() {
	sc, err := scenarios.Load("tiny.yaml", []byte(`name: tiny
seed: 3
buildings:
  - {id: "1", households: 20, residents: 40}
zones:
  - {name: all, buildings: ["1"], walk: 2m}
staff:
  - {name: crew, count: 2, tasks: [{task: intake}, {task: transfer}, {task: sorting}]}
  - {name: volunteers, count: 2, per_zone: true, tasks: [{task: delivery}]}
deliveries:
  - {name: parcels, per_day: 6, profile: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
gate: {ground: 20, intake: 30s}
transfer: {carts: 1, capacity: 10, trip: 5m}
disinfection: {space: 50, dwell: 20m}
sorting: {time: 20s}
delivery: {items_per_run: 5, door: {dist: exponential, mean: 1m}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	log, _, err := experiment.RecordLog(ctx, sc, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := experiment.ReviewDay(ctx, sc, log.Arrivals, nil, experiment.ObservedOf(log), experiment.ReviewAsk{}, experiment.Options{Replications: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	src := reports.ReviewSources{Arrivals: "arrivals.csv", Observed: "delivered.csv", Synthetic: true}
	if err := reports.WriteReviewSummary(os.Stdout, r, src); err != nil {
		fmt.Println(err)
	}
	// Output:
	// tiny: a logged day replayed: 2 logged arrivals (arrivals.csv), the scenario's own shifts, observed deliveries (delivered.csv); 3 replications, seed 3; synthetic log (made by cordon, not observed)
	//
	// observed and simulated, hour by hour
	//   each figure as observed, then in the replay: the mean of 3 replications [the 95% prediction interval for one day]
	//   door time: the mean time to the door of the items that arrived in the hour
	//   backlog: the items still on their way at the hour's end (neither delivered nor turned away, as items.backlog)
	//   hour   arrived  delivered  replay        door time  replay          backlog  replay
	//   09:00  2        2          1.7 [0, 4.5]  29m        29m [27m, 32m]  0        0.3 [0, 3.2]
	//   10:00  0        0          0.3 [0, 3.2]  —          — [—, —]        0        0 [0, 0]
	//
	// observed KPIs against the replay
	//   each KPI the log can tell beside the replay's mean [95% confidence interval]
	//   a day's figure falls inside its 95% prediction interval 19 times in 20 when the model is right about it
	//   KPI                     observed  replay mean [95% CI]     95% prediction interval  verdict
	//   parcels.delivered       2         2 [2, 2]                 [2, 2]                   inside
	//   parcels.door_time.mean  29m       29m18s [28m11s, 30m25s]  [27m5s, 31m32s]          inside
	//   parcels.door_time.p95   30m9s     30m41s [28m21s, 33m1s]   [26m2s, 35m21s]          inside
	//   items.delivered         2         2 [2, 2]                 [2, 2]                   inside
	//   4 of 4 observed KPIs inside their 95% prediction intervals
	//
	// where the time went
	//   each kind's mean time from the gate to the door in the replay: the mean of 3 replications [95% confidence interval]
	//   under it, the mean time its items spent in each stage, and the stage's share of the time to the door
	//   kind / stage    mean time  share  what the item is doing
	//   parcels         29m18s     100%   to the door [28m11s, 30m25s]
	//     put_down      0s         0.0%   waiting at the gate to be put down
	//     intake        30s        1.7%   waiting for and being checked and labelled
	//     wait_cart     1m3s       3.6%   waiting in staging for a cart
	//     carried       5m         17.1%  on the cart, in
	//     disinfection  20m        68.3%  waiting for and standing in the disinfection area
	//     sorting       20s        1.1%   waiting for and being sorted
	//     wait_run      0s         0.0%   waiting on the zone's shelf for a run
	//     run           2m25s      8.2%   on the run to the door
}
