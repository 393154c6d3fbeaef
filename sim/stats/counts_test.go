package stats_test

import (
	"math"
	"slices"
	"testing"

	"cordon/sim/stats"
)

func TestCounts(t *testing.T) {
	c, err := stats.NewCounts(0, 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct {
		at float64
		k  int
	}{
		{-1, 1},          // underflow
		{0, 2},           // bucket 0 (its start)
		{59.999, 1},      // bucket 0
		{60, 1},          // bucket 1 (an edge belongs to the bucket it starts)
		{179.9, 4},       // bucket 2
		{180, 1},         // overflow: the end of the last bucket
		{1000, 2},        // overflow
		{30, 0},          // nothing
		{math.NaN(), 1},  // rejected
		{math.Inf(1), 1}, // rejected
		{5, -1},          // rejected
	} {
		c.Add(e.at, e.k)
	}
	if got, want := c.Values(), []int{3, 1, 4}; !slices.Equal(got, want) {
		t.Errorf("Values = %v, want %v", got, want)
	}
	if c.Underflow() != 1 || c.Overflow() != 3 || c.Rejected() != 3 {
		t.Errorf("Underflow, Overflow, Rejected = %d, %d, %d; want 1, 3, 3",
			c.Underflow(), c.Overflow(), c.Rejected())
	}
}

func TestCountsEdgesWithRounding(t *testing.T) {
	// 0.1 is not exact in binary: an event at the computed edge
	// start + i*width must land in bucket i all the same.
	const n = 50
	c, _ := stats.NewCounts(0.1, 0.1, n)
	for i := range n {
		c.Add(0.1+float64(i)*0.1, 1)
	}
	for i, v := range c.Values() {
		if v != 1 {
			t.Fatalf("Values = %v, want all 1 (bucket %d)", c.Values(), i)
		}
	}
}
