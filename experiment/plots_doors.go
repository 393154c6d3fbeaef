package experiment

import (
	"math"
	"slices"
)

// doorExact is how many times to the door of one kind DoorTimes keeps
// exactly (256 KiB); beyond, it counts them in buckets.
const doorExact = 1 << 15

// doorBits are the bits of a time's mantissa its bucket keeps: a bucket
// spans 1/1024 of its value (about 3.5 s at an hour).
const doorBits = 10

// DoorTimes are one kind's times to the door over the replications,
// pooled: every time, sorted, up to doorExact of them; beyond, how many
// fell in each bucket of 1/1024 of their value (the smallest and the
// longest kept exactly), so that they hold at most a few thousand numbers
// whatever the replications.
type DoorTimes struct {
	exact    []float64
	buckets  map[uint64]int
	keys     []uint64 // the buckets' keys in increasing order (finish)
	ends     []int    // by key, how many times fell in its bucket and those before (finish)
	n        int
	min, max float64
}

// add pools one replication's times.
func (d *DoorTimes) add(times []float64) {
	for _, t := range times {
		if d.n == 0 || t < d.min {
			d.min = t
		}
		if d.n == 0 || t > d.max {
			d.max = t
		}
		d.n++
	}
	if d.buckets == nil {
		d.exact = append(d.exact, times...)
		if len(d.exact) <= doorExact {
			return
		}
		d.buckets = map[uint64]int{}
		times, d.exact = d.exact, nil
	}
	for _, t := range times {
		d.buckets[math.Float64bits(t)>>(52-doorBits)]++
	}
}

// finish sorts the times, or the buckets' keys.
func (d *DoorTimes) finish() {
	slices.Sort(d.exact)
	d.keys = d.keys[:0]
	for k := range d.buckets {
		d.keys = append(d.keys, k)
	}
	slices.Sort(d.keys)
	d.ends = d.ends[:0]
	n := 0
	for _, k := range d.keys {
		n += d.buckets[k]
		d.ends = append(d.ends, n)
	}
}

// Len returns how many times there are.
func (d *DoorTimes) Len() int { return d.n }

// Exact reports whether every time is kept exactly (At is the exact order
// statistic).
func (d *DoorTimes) Exact() bool { return d.buckets == nil }

// At returns the r-th shortest time (from zero): exact while the times are
// kept (Exact), and beyond that the start of its bucket (the shortest and
// the longest are exact), found by bisection.
func (d *DoorTimes) At(r int) float64 {
	if d.buckets == nil {
		return d.exact[r]
	}
	switch r {
	case 0:
		return d.min
	case d.n - 1:
		return d.max
	}
	// The first bucket that ends after r.
	if i, _ := slices.BinarySearch(d.ends, r+1); i < len(d.keys) {
		return max(math.Float64frombits(d.keys[i]<<(52-doorBits)), d.min)
	}
	return d.max
}
