package experiment

import "math"

// column is one figure of every replication, replication r at index r,
// held as compactly as its values allow without changing a bit of any:
// as one value while every replication in has it (a count that stays
// zero), as float32 while each is one exactly (counts, most shares), else
// as float64. Which replications are in is the figures' (their in).
type column struct {
	set    bool      // a value is in
	same   float64   // every value in, while narrow and wide are nil
	narrow []float32 // the values, while each is a float32 exactly
	wide   []float64 // the values
}

// put sets replication r's value to v; in says which replications are in
// already (not r), room how many there will be (0: not known).
func (c *column) put(r int, v float64, in []bool, room int) {
	switch {
	case c.wide != nil:
		c.wide = grown(c.wide, r, room)
		c.wide[r] = v
	case c.narrow != nil:
		if n, ok := narrowed(v); ok {
			c.narrow = grown(c.narrow, r, room)
			c.narrow[r] = n
			return
		}
		c.wide = make([]float64, max(room, len(c.narrow), r+1))
		for i, n := range c.narrow {
			c.wide[i] = float64(n)
		}
		c.narrow = nil
		c.wide[r] = v
	case !c.set:
		c.set, c.same = true, v
	case math.Float64bits(v) != math.Float64bits(c.same):
		n := max(room, len(in), r+1)
		if _, ok := narrowed(c.same); ok {
			c.narrow = make([]float32, n)
		} else {
			c.wide = make([]float64, n)
		}
		for i, ok := range in {
			if ok {
				c.put(i, c.same, nil, room)
			}
		}
		c.put(r, v, in, room)
	}
}

// narrowed returns v as a float32, and whether that is v exactly.
func narrowed(v float64) (float32, bool) {
	n := float32(v)
	return n, math.Float64bits(float64(n)) == math.Float64bits(v)
}

// grown returns col with room for index r: room values when that is
// enough, else twice as many as r needs.
func grown[T any](col []T, r, room int) []T {
	if r < len(col) {
		return col
	}
	n := room
	if r >= room {
		n = 2 * (r + 1)
	}
	out := make([]T, n)
	copy(out, col)
	return out
}

// values returns the column as float64s, replications 0 to n-1, NaN for
// those not in; nil when no value is in.
func (c *column) values(in []bool, n int) []float64 {
	if !c.set {
		return nil
	}
	out := make([]float64, n)
	for r := range out {
		switch {
		case r >= len(in) || !in[r]:
			out[r] = math.NaN()
		case c.wide != nil:
			out[r] = c.wide[r]
		case c.narrow != nil:
			out[r] = float64(c.narrow[r])
		default:
			out[r] = c.same
		}
	}
	return out
}
