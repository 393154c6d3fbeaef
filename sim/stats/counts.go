package stats

import "slices"

// Counts records events per fixed time bucket, such as arrivals per hour:
// bucket i is [start+i*width, start+(i+1)*width). Events before start are
// counted as underflow, events at or after the end of the last bucket as
// overflow. Events may come in any time order.
//
// A call with a time that is not finite or a negative count is ignored and
// counted in [Counts.Rejected].
type Counts struct {
	g                   grid
	counts              []int
	underflow, overflow int
	rejected            int
}

// NewCounts returns Counts for n buckets of the given width from start. It
// fails unless start is finite, width is finite and > 0 and n >= 1.
func NewCounts(start, width float64, n int) (*Counts, error) {
	g, err := newGrid(start, width, n)
	if err != nil {
		return nil, err
	}
	return &Counts{g: g, counts: make([]int, n)}, nil
}

// Add records k events at time now.
func (c *Counts) Add(now float64, k int) {
	switch {
	case !finite(now) || k < 0:
		c.rejected++
	case now < c.g.start:
		c.underflow += k
	case now >= c.g.end():
		c.overflow += k
	default:
		c.counts[c.g.index(now)] += k
	}
}

// Values returns a copy of the count in each bucket.
func (c *Counts) Values() []int { return slices.Clone(c.counts) }

// Underflow returns the number of events before start.
func (c *Counts) Underflow() int { return c.underflow }

// Overflow returns the number of events at or after the end of the last
// bucket.
func (c *Counts) Overflow() int { return c.overflow }

// Rejected returns the number of Add calls ignored because the time was not
// finite or the count was negative.
func (c *Counts) Rejected() int { return c.rejected }
