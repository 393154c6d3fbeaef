// Package experiment runs scenarios of the compound model over
// replications and turns the per-replication results into what planners
// read: each KPI's mean with a Student-t 95% confidence interval and its
// per-replication values, the bottleneck ranking, and the accounting of
// every item and resident.
//
// On Run are built: comparisons of scenarios with common random numbers
// and paired intervals (Compare), each difference judged by Judge (its
// interval leaves out zero and it is at least its KPI's minimum effect,
// MinEffects), sweeps over a grid of values (RunSweep),
// targets (CheckTargets), what one more unit at each post buys
// (MarginalAnalysis), the cheapest plan that meets the targets (MakePlan),
// sensitivity to every volume and service time (Analyse), and the review of
// a logged day: the logged arrivals and roster through the model, the
// observed figures beside the replay's prediction intervals, where the time
// went, what would have helped on the day, the likely cause first (Helped),
// and what a change would have done (ReviewDay, Replay, Counterfactual).
//
// Each replication builds its model afresh from the immutable scenario with
// the random streams of (seed, replication), and results are gathered in
// replication order, so an Outcome is the same whatever the number of
// workers.
//
// The commands' work is data: a Work lists every (scenario, replication)
// unit and what the command needs to assemble its Product. A Shard of the
// units (u mod N = I) runs anywhere and packs its results into a Part; Merge
// checks that parts are of one work and cover every unit exactly once, and
// Assemble gives the same Product as one process, to the byte. RunShard
// writes a shard's part unit by unit as the units finish, and MergeProduct
// reads parts unit by unit (PartReader) into the figures of a report, so
// that neither holds the results of all the units.
package experiment
