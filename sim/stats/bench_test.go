package stats_test

import (
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
