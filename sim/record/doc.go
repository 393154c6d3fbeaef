// Package record connects the kernel's monitors to the statistics of
// cordon/sim/stats: a Resource recorder keeps the time-weighted number of
// units busy, on duty and waiting, the waits, each unit's busy time and the
// overtime of a resource; a Store recorder keeps the level, the blocked and
// rejected puts and the time items spend in a store. A run attaches recorders
// only to what it reports on; the kernel pays nothing for the rest.
package record
