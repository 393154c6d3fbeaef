package stats_test

import (
	"math"
	"testing"

	"cordon/sim/stats"
)

func TestBuckets(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name    string
		changes []change
		finish  float64
		want    []float64 // buckets [0,60), [60,120), [120,180)
	}{
		{
			name:    "changes inside buckets",
			changes: []change{{0, 2}, {30, 4}, {90, 1}},
			finish:  150,
			// (2*30 + 4*30)/60 = 3; (4*30 + 1*30)/60 = 2.5;
			// the last bucket is observed for 30 s only: 1*30/30 = 1.
			want: []float64{3, 2.5, 1},
		},
		{
			name:    "change on a bucket edge",
			changes: []change{{0, 1}, {60, 3}},
			finish:  180,
			want:    []float64{1, 3, 3},
		},
		{
			name:    "first change inside a bucket",
			changes: []change{{30, 2}},
			finish:  60,
			want:    []float64{2, nan, nan}, // 2*30/30; the rest never observed
		},
		{
			name:    "time outside the buckets is not recorded",
			changes: []change{{-60, 5}, {-10, 1}, {170, 7}},
			finish:  1000,
			// The 5 before start counts nowhere; the last bucket is
			// (1*50 + 7*10)/60 = 2; time past 180 counts nowhere.
			want: []float64{1, 1, 2},
		},
		{
			name:    "finish on an edge leaves the next bucket unobserved",
			changes: []change{{0, 4}},
			finish:  120,
			want:    []float64{4, 4, nan},
		},
		{
			name:    "zero-length values weigh nothing",
			changes: []change{{0, 1}, {60, 100}, {60, 2}, {90, 100}, {90, 4}},
			finish:  120,
			want:    []float64{1, 3, nan}, // (2*30 + 4*30)/60
		},
		{
			name:    "nothing set",
			changes: nil,
			finish:  180,
			want:    []float64{nan, nan, nan},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := stats.NewBuckets(0, 60, 3)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.changes {
				b.Set(c.at, c.value)
			}
			b.Finish(tc.finish)
			checkFloats(t, "Means", b.Means(), tc.want, 1e-12)
		})
	}
}

func TestBucketsRejects(t *testing.T) {
	b, _ := stats.NewBuckets(0, 60, 2)
	b.Set(0, 1)
	b.Set(math.NaN(), 5)
	b.Set(30, math.Inf(1))
	b.Finish(math.Inf(1))
	b.Set(30, 3) // the rejected calls left 1 held from 0
	b.Finish(120)
	checkFloats(t, "Means", b.Means(), []float64{2, 3}, 1e-12) // (1*30 + 3*30)/60
	if b.Rejected() != 3 {
		t.Errorf("Rejected = %d, want 3", b.Rejected())
	}
}

func TestBucketsSetAllocs(t *testing.T) {
	b, _ := stats.NewBuckets(0, 60, 24)
	now := 0.0
	n := testing.AllocsPerRun(1000, func() {
		now += 7
		b.Set(now, math.Mod(now, 5))
	})
	if n != 0 {
		t.Errorf("Set allocates %v times per call", n)
	}
}
