// Package fuzzguard bounds the memory and the time of one fuzz input, so
// that an input that makes cordon allocate without end, or loop without
// end, fails as a crasher the fuzzer keeps, with its own message, instead
// of exhausting the machine or hanging the run.
//
// Every fuzz target of cordon runs its body through Check. The limits are
// generous (an input takes micro- to milliseconds); they catch runaways,
// not slowness, and say nothing about speed. CORDON_FUZZ_MEMORY (bytes,
// with an optional KiB, MiB or GiB suffix) and CORDON_FUZZ_TIME (a Go
// duration) change them.
package fuzzguard
