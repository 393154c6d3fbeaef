package experiment

import (
	"math"
	"testing"
)

// TestColumnKeepsEveryBit: a column gives back every value to the bit
// (NaN of any payload, -0, values a float32 cannot hold) and NaN for a
// replication never added, whatever the order the replications come in
// and whether their number is known; while every value is the same it
// holds one, and while each is a float32 exactly it holds float32s.
func TestColumnKeepsEveryBit(t *testing.T) {
	odd := math.Float64frombits(0x7ff8_0000_0000_00ff) // a NaN float32 would change
	for _, c := range []struct {
		name   string
		values []float64
		form   string // same, narrow or wide
	}{
		{"zeros", []float64{0, 0, 0, 0, 0, 0}, "same"},
		{"one NaN", []float64{odd, odd, odd, odd, odd, odd}, "same"},
		{"counts", []float64{3, 0, 17, 3, 1e6, 0}, "narrow"},
		{"negative zero", []float64{0, math.Copysign(0, -1), 0, 0, 0, 0.5}, "narrow"},
		{"shares", []float64{0.25, 0.25, 0.1, 0.25, 0.5, 1}, "wide"},
		{"NaN among counts", []float64{1, 2, odd, 4, 5, 6}, "wide"},
		{"not measured once", []float64{math.NaN(), 1, 1, 1, 1, 1}, "wide"},
	} {
		for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 3, 1, 0, 2, 4}, {2, 0, 1, 4, 5, 3}} {
			for _, room := range []int{0, 2, 6} {
				var col column
				var in []bool
				for _, r := range order[:5] { // replication order[5] never comes
					col.put(r, c.values[r], in, room)
					in = grown(in, r, room)
					in[r] = true
				}
				col.put(order[5], c.values[order[5]], in, room)
				in = grown(in, order[5], room)
				in[order[5]] = true
				got := col.values(in, len(c.values))
				for r, want := range c.values {
					if math.Float64bits(got[r]) != math.Float64bits(want) {
						t.Errorf("%s, order %v, room %d: replication %d is %v (%#x), want %v (%#x)", c.name, order, room, r, got[r], math.Float64bits(got[r]), want, math.Float64bits(want))
					}
				}
				form := "same"
				if col.narrow != nil {
					form = "narrow"
				} else if col.wide != nil {
					form = "wide"
				}
				if form != c.form {
					t.Errorf("%s, order %v, room %d: held %s, want %s", c.name, order, room, form, c.form)
				}
				in[order[2]] = false
				if v := col.values(in, len(c.values))[order[2]]; !math.IsNaN(v) {
					t.Errorf("%s: a replication not added reads %v, want NaN", c.name, v)
				}
			}
		}
	}
	var none column
	if none.values(nil, 3) != nil {
		t.Error("a column with nothing in gives values")
	}
}
