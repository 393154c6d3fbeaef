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
	//   hour   arrived  delivered  replay        door time  replay                   backlog  replay
	//   09:00  2        2          1.7 [0, 4.5]  29 min     29 min [27 min, 32 min]  0        0.3 [0, 3.2]
	//   10:00  0        0          0.3 [0, 3.2]  —          — [—, —]                 0        0 [0, 0]
	//
	// observed KPIs against the replay
	//   each KPI the log can tell beside the replay's mean [95% confidence interval]
	//   a day's figure falls inside its 95% prediction interval 19 times in 20 when the model is right about it
	//   KPI                                         observed    replay mean [95% CI]                    95% prediction interval    verdict
	//   parcels: items delivered                    2           2 [2, 2]                                [2, 2]                     inside
	//   parcels: time to the door, mean             29 min      29 min 18 s [28 min 11 s, 30 min 25 s]  [27 min 5 s, 31 min 32 s]  inside
	//   parcels: time to the door, 95th percentile  30 min 9 s  30 min 41 s [28 min 21 s, 33 min 1 s]   [26 min 2 s, 35 min 21 s]  inside
	//   items delivered, every kind                 2           2 [2, 2]                                [2, 2]                     inside
	//   4 of 4 observed KPIs inside their 95% prediction intervals
	//
	// where the time went
	//   each kind's mean time from the gate to the door in the replay: the mean of 3 replications [95% confidence interval]
	//   under it, the mean time its items spent in each stage, and the stage's share of the time to the door
	//   kind / stage              mean time    share  what the item is doing
	//   parcels                   29 min 18 s  100%   to the door [28 min 11 s, 30 min 25 s]
	//     waiting to be put down  0 s          0.0%   waiting at the gate to be put down
	//     checked and labelled    30 s         1.7%   waiting for and being checked and labelled
	//     waiting for a cart      1 min 3 s    3.6%   waiting in staging for a cart
	//     carried in              5 min        17.1%  on the cart, in
	//     disinfection            20 min       68.3%  waiting for and standing in the disinfection area
	//     sorting                 20 s         1.1%   waiting for and being sorted
	//     on the zone's shelf     0 s          0.0%   waiting on the zone's shelf for a run
	//     run to the door         2 min 25 s   8.2%   on the run to the door
}
