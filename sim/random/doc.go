// Package random provides the named random streams and the probability
// distributions of a cordon simulation.
//
// # Streams
//
// Every source of randomness in a model (arrivals at a gate, service at a
// counter, ...) draws from its own named stream. [Streams] derives each
// stream from the scenario seed, the replication number and the stream name
// alone, so adding a stream, or drawing more from one, never shifts the draws
// of any other: scenarios stay comparable (common random numbers) and a
// replication is reproducible from its seed.
//
// # Distributions
//
// A [Dist] samples non-negative, finite durations (in seconds) or
// quantities. The constructors ([NewExponential], [NewLogNormal], ...)
// validate their parameters and return an error naming the offending one;
// they never panic. Degenerate parameters (zero spread) give a [Fixed] value.
// Every distribution draws from the source it was built with; none ever
// touches a global source, and a draw never allocates. The constructors
// return pointers to the concrete types ([*Exponential], [*LogNormal], ...),
// so that a draw through the Dist interface calls the method directly
// rather than through a wrapper that copies the value first; their zero
// values are not usable. [Fixed], a value, is the exception.
//
// [Spec] is the same information as plain data, as read from a scenario file:
// a model builds one Dist per replication with [Spec.New] and the
// replication's stream.
//
// Draws are finite for any parameters of practical size; only parameters
// within a few orders of magnitude of the float64 limit (about 1e308) can
// make a draw overflow to +Inf.
package random
