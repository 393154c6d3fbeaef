// Package validation holds the tests that check cordon's kernel against
// queueing theory — M/M/c waits (Erlang C), M/M/1/K blocking, the
// Pollaczek–Khinchine mean wait of M/D/1 and M/G/1, tandem stations and an
// open Jackson network with feedback, Little's law — and against its own
// promises: hourly arrivals that follow their profile, and runs that are
// reproducible stream by stream. It also holds the kernel's speed benchmarks
// (BenchmarkMMC and the reference loops it is compared with).
//
// The package has no code of its own; the models are built in the tests with
// the same public API the compound model uses.
package validation
