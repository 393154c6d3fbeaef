package stats_test

import (
	"math"
	"testing"

	"cordon/sim/stats"
)

func BenchmarkTallyAdd(b *testing.B) {
	var t stats.Tally
	b.ReportAllocs()
	x := 0.0
	for b.Loop() {
		x += 0.5
		t.Add(x)
	}
}

func BenchmarkTallyAddKeepValues(b *testing.B) {
	var t stats.Tally
	t.KeepValues()
	b.ReportAllocs()
	x := 0.0
	for b.Loop() {
		x += 0.5
		t.Add(x)
	}
}

func BenchmarkLevelSet(b *testing.B) {
	l := stats.NewLevel(0, 0)
	for _, th := range []float64{1, 5, 10} {
		l.TrackThreshold(th)
	}
	b.ReportAllocs()
	now := 0.0
	for b.Loop() {
		now += 0.25
		l.Set(now, float64(int(now)%12))
	}
}

func BenchmarkBucketsSet(b *testing.B) {
	// A day of hourly buckets with a change every 7 s; a fresh day starts
	// (off the clock) when the last one is full.
	newDay := func() *stats.Buckets {
		bk, _ := stats.NewBuckets(0, 3600, 24)
		return bk
	}
	bk := newDay()
	b.ReportAllocs()
	now := 0.0
	for b.Loop() {
		now += 7
		if now > 24*3600 {
			b.StopTimer()
			bk, now = newDay(), 7
			b.StartTimer()
		}
		bk.Set(now, float64(int(now)%12))
	}
}

// BenchmarkTallyQuantiles is what a run's end asks of a kept tally: the
// median, the 90th and the 95th percentile of 10,000 waits, once.
func BenchmarkTallyQuantiles(b *testing.B) {
	var src stats.Tally
	src.KeepValues()
	x := 0.5
	for range 10_000 {
		x = math.Mod(x*7919+0.37, 1) // a fixed scramble, no random source
		src.Add(600 * x)
	}
	b.ReportAllocs()
	for b.Loop() {
		var t stats.Tally
		t.KeepValues()
		t.Merge(&src)
		t.Quantile(0.5)
		t.Quantile(0.9)
		t.Quantile(0.95)
	}
}
