package stats_test

import (
	"math"
	"testing"

	"cordon/sim/stats"
)

// change is a level change at a time; the grid tests replay lists of them.
type change struct{ at, value float64 }

func TestSeries(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name    string
		changes []change
		finish  float64
		want    []float64 // at times 0, 10, 20, 30, 40
	}{
		{
			name: "on and between grid points",
			changes: []change{
				{0, 1}, {0, 2}, // at 0: the state after both, 2
				{15, 3},          // 10 keeps 2
				{20, 4}, {20, 5}, // at 20: 5
				{27, 6},
			},
			finish: 30, // 30 takes 6; 40 not reached
			want:   []float64{2, 2, 5, 6, nan},
		},
		{
			name:    "unknown before the first change",
			changes: []change{{15, 1}},
			finish:  20,
			want:    []float64{nan, nan, 1, nan, nan},
		},
		{
			name:    "time going back is taken as the last change",
			changes: []change{{0, 1}, {25, 2}, {5, 3}}, // 3 at 25
			finish:  50,                                // past the last point
			want:    []float64{1, 1, 1, 3, 3},
		},
		{
			name:    "rejected calls change nothing",
			changes: []change{{0, 1}, {nan, 2}, {5, nan}, {math.Inf(1), 4}},
			finish:  10,
			want:    []float64{1, 1, nan, nan, nan},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := stats.NewSeries(0, 10, 5)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.changes {
				s.Set(c.at, c.value)
			}
			s.Finish(tc.finish)
			checkFloats(t, "Points", s.Points(), tc.want, 0)
		})
	}
}

func TestSeriesGrid(t *testing.T) {
	s, err := stats.NewSeries(3600, 300, 4)
	if err != nil {
		t.Fatal(err)
	}
	checkFloats(t, "Times", s.Times(), []float64{3600, 3900, 4200, 4500}, 0)
	if s.Start() != 3600 || s.Step() != 300 {
		t.Errorf("Start, Step = %v, %v", s.Start(), s.Step())
	}
	s.Finish(math.NaN())
	if s.Rejected() != 1 {
		t.Errorf("Rejected = %d, want 1", s.Rejected())
	}
}

func TestGridConstructorsReject(t *testing.T) {
	tests := []struct {
		name        string
		start, step float64
		n           int
	}{
		{"zero step", 0, 0, 3},
		{"negative step", 0, -1, 3},
		{"NaN step", 0, math.NaN(), 3},
		{"infinite step", 0, math.Inf(1), 3},
		{"no points", 0, 1, 0},
		{"NaN start", math.NaN(), 1, 3},
		{"infinite start", math.Inf(-1), 1, 3},
	}
	for _, tc := range tests {
		if _, err := stats.NewSeries(tc.start, tc.step, tc.n); err == nil {
			t.Errorf("NewSeries %s: no error", tc.name)
		}
		if _, err := stats.NewBuckets(tc.start, tc.step, tc.n); err == nil {
			t.Errorf("NewBuckets %s: no error", tc.name)
		}
		if _, err := stats.NewCounts(tc.start, tc.step, tc.n); err == nil {
			t.Errorf("NewCounts %s: no error", tc.name)
		}
	}
}
