// Package experiment runs scenarios of the compound model over
// replications and turns the per-replication results into what planners
// read: each KPI's mean with a Student-t 95% confidence interval and its
// per-replication values, the bottleneck ranking, and the accounting of
// every item and resident. Later parts of cordon (comparison, sweeps, the
// planner) are built on Run.
//
// Each replication builds its model afresh from the immutable scenario with
// the random streams of (seed, replication), and results are gathered in
// replication order, so an Outcome is the same whatever the number of
// workers.
package experiment
