// Package stats holds the statistics primitives the simulator records with
// and the summaries it draws across replications.
//
// Recorders, fed while a run goes on:
//
//   - [Tally]: observations of a quantity (a waiting time), with mean,
//     variance (Welford), extremes and, if asked for, empirical quantiles.
//   - [Level]: a quantity that holds its value between changes (a queue
//     length), time-weighted, with time spent at or above set thresholds.
//   - [Series]: a level sampled on a fixed time grid, for plots.
//   - [Buckets]: the time-weighted mean of a level per fixed time bucket.
//   - [Counts]: events per fixed time bucket.
//
// Summaries, drawn after runs:
//
//   - [Summarize]: one KPI across replications with a Student-t confidence
//     interval; [Paired] for the difference of two KPIs over common random
//     numbers; [BatchMeans] for a steady-state estimate from one long run.
//
// # Conventions
//
// Time is float64 seconds. The zero value of [Tally] is ready to use; the
// other recorders come from their constructors.
//
// Recorders never panic on data. A call carrying a time or a value that is
// not finite (NaN or ±Inf) is ignored and counted: each recorder reports how
// many calls it ignored through its Rejected method. A time earlier than
// the last change of a [Level], [Series] or [Buckets] is taken as the time of
// the last change, since none of them can rewrite history.
//
// Summaries exclude values that are not finite and count them in
// [Summary.Missing], keeping every input in [Summary.Values] so that index i
// is still replication i.
//
// The package keeps no global state, reads no clock and draws no random
// numbers; nothing in it is safe for concurrent use by several goroutines.
package stats
