package stats_test

import (
	"math"
	"testing"

	"pgregory.net/rapid"

	"cordon/sim/stats"
)

// stepFunction draws a grid and a step function on it: a start, a bucket
// width, a bucket count and changes at ascending times within the window,
// some of them sharing a time and some on grid points.
func stepFunction(t *rapid.T) (start, width float64, n int, initial float64, changes []change) {
	start = rapid.Float64Range(-1e4, 1e4).Draw(t, "start")
	width = rapid.Float64Range(0.01, 1e3).Draw(t, "width")
	n = rapid.IntRange(1, 30).Draw(t, "n")
	initial = rapid.Float64Range(-100, 100).Draw(t, "initial")
	end := start + float64(n)*width
	at := start
	for range rapid.IntRange(0, 60).Draw(t, "changes") {
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0: // same time as the previous change
		case 1: // on a grid point at or after the previous change
			i := int(math.Ceil((at - start) / width))
			at = max(at, start+float64(min(i, n))*width)
		default:
			at += rapid.Float64Range(0, 2*width).Draw(t, "dt")
		}
		if at > end {
			break
		}
		changes = append(changes, change{at, rapid.Float64Range(-100, 100).Draw(t, "value")})
	}
	return start, width, n, initial, changes
}

// The buckets' means, each weighted by its width, add up to the level's
// integral over the same fully observed window.
func TestPropertyBucketsConserveIntegral(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, width, n, initial, changes := stepFunction(t)
		end := start + float64(n)*width
		l := stats.NewLevel(start, initial)
		b, err := stats.NewBuckets(start, width, n)
		if err != nil {
			t.Fatal(err)
		}
		b.Set(start, initial)
		var scale float64 // sum of |value| * time, for the tolerance
		for _, c := range changes {
			l.Set(c.at, c.value)
			b.Set(c.at, c.value)
			scale += math.Abs(c.value) * (end - start)
		}
		b.Finish(end)
		var total float64
		for _, m := range b.Means() {
			total += m * width
		}
		want := l.Integral(end)
		scale += math.Abs(initial) * (end - start)
		if !(math.Abs(total-want) <= 1e-9*math.Max(1, scale)) {
			t.Fatalf("sum of means*width = %v, integral = %v", total, want)
		}
	})
}

// Each grid point holds the value after every change up to and including
// its time.
func TestPropertySeriesSamplesState(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, step, n, initial, changes := stepFunction(t)
		s, err := stats.NewSeries(start, step, n)
		if err != nil {
			t.Fatal(err)
		}
		s.Set(start, initial)
		for _, c := range changes {
			s.Set(c.at, c.value)
		}
		s.Finish(start + float64(n)*step)
		for i, at := range s.Times() {
			want := initial
			for _, c := range changes {
				if c.at <= at {
					want = c.value
				}
			}
			if got := s.Points()[i]; got != want {
				t.Fatalf("point %d at %v = %v, want %v", i, at, got, want)
			}
		}
	})
}

// No event is lost: bucket counts, overflow and underflow add up to the
// events added, whatever their order.
func TestPropertyCountsConserveEvents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.Float64Range(-1e4, 1e4).Draw(t, "start")
		width := rapid.Float64Range(0.01, 1e3).Draw(t, "width")
		n := rapid.IntRange(1, 30).Draw(t, "n")
		c, err := stats.NewCounts(start, width, n)
		if err != nil {
			t.Fatal(err)
		}
		span := float64(n) * width
		var added int
		for range rapid.IntRange(0, 100).Draw(t, "events") {
			at := rapid.Float64Range(start-span, start+2*span).Draw(t, "at")
			k := rapid.IntRange(0, 5).Draw(t, "k")
			c.Add(at, k)
			added += k
		}
		var total int
		for _, v := range c.Values() {
			total += v
		}
		if got := total + c.Overflow() + c.Underflow(); got != added {
			t.Fatalf("counted %d (%v + %d over + %d under), added %d",
				got, c.Values(), c.Overflow(), c.Underflow(), added)
		}
	})
}
