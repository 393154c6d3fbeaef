// Package replicate runs independent replications of a simulation in
// parallel workers and returns their results in replication order, so that
// what a caller computes from them is the same whatever the number of
// workers.
//
// Each replication must build its model afresh from immutable input and draw
// only from streams seeded by its own replication number (see
// cordon/sim/random): then replication i gives the same result on any worker,
// in any order, and Run's output is byte-for-byte reproducible.
package replicate
