package stats

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// The recorders as they were before they took shortcuts (a Level summing
// the zero of a change at the same instant, Buckets and a Series looking up
// their grid at every change): the shortcuts must give the same bits.

type refLevel struct {
	last, value, integral, min, max float64
	marks                           []mark
}

func (l *refLevel) set(now, value float64) {
	if !(now >= l.last) {
		now = l.last
	}
	dt := now - l.last
	l.integral += l.value * dt
	for i := range l.marks {
		if l.value >= l.marks[i].threshold {
			l.marks[i].time += dt
		}
	}
	l.last = now
	l.value = value
	if value < l.min {
		l.min = value
	}
	if value > l.max {
		l.max = value
	}
}

type refBuckets struct {
	g              grid
	area, observed []float64
	started        bool
	last, value    float64
}

func (b *refBuckets) advance(now float64) {
	now = max(now, b.last)
	from, to := max(b.last, b.g.start), min(now, b.g.end())
	b.last = now
	if !b.started || !(from < to) {
		return
	}
	for i := b.g.index(from); i < b.g.n; i++ {
		lo, hi := max(from, b.g.edge(i)), min(to, b.g.edge(i+1))
		if hi <= lo {
			break
		}
		b.area[i] += b.value * (hi - lo)
		b.observed[i] += hi - lo
	}
}

type refSeries struct {
	g           grid
	pts         []float64
	next        int
	last, value float64
}

func (s *refSeries) fill(now float64, inclusive bool) {
	for s.next < s.g.n {
		t := s.g.edge(s.next)
		if t > now || (t == now && !inclusive) {
			return
		}
		s.pts[s.next] = s.value
		s.next++
	}
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func TestPropertyRecordersMatchReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.SampledFrom([]float64{0, -7.5, 3600, 1e4 / 3}).Draw(t, "start")
		width := rapid.SampledFrom([]float64{3600, 0.1, 1, 7.3}).Draw(t, "width")
		n := rapid.IntRange(1, 12).Draw(t, "n")
		initial := float64(rapid.IntRange(-3, 5).Draw(t, "initial"))
		threshold := float64(rapid.IntRange(-1, 4).Draw(t, "threshold"))

		l, rl := NewLevel(start, initial), &refLevel{last: start, value: initial, min: initial, max: initial}
		l.TrackThreshold(threshold)
		rl.marks = []mark{{threshold: threshold, exact: true}}
		b, _ := NewBuckets(start, width, n)
		g, _ := newGrid(start, width, n)
		rb := &refBuckets{g: g, area: make([]float64, n), observed: make([]float64, n), last: math.Inf(-1)}
		s, _ := NewSeries(start, width, n)
		rs := &refSeries{g: g, pts: nanSlice(n), last: start, value: math.NaN()}

		at := start - width
		span := float64(n+2) * width
		for range rapid.IntRange(0, 80).Draw(t, "changes") {
			switch rapid.IntRange(0, 4).Draw(t, "when") {
			case 0: // at the same time
			case 1: // on a grid point
				at = start + float64(rapid.IntRange(-1, n+1).Draw(t, "edge"))*width
			case 2: // back in time: taken as the last change
				at -= rapid.Float64Range(0, width).Draw(t, "back")
			default:
				at += rapid.Float64Range(0, span/8).Draw(t, "dt")
			}
			v := float64(rapid.IntRange(-3, 5).Draw(t, "value")) / 3
			if rapid.IntRange(0, 5).Draw(t, "finish") == 0 {
				b.Finish(at)
				rb.advance(at)
				s.Finish(at)
				now := max(at, rs.last)
				rs.fill(now, true)
				continue
			}
			l.Set(at, v)
			rl.set(at, v)
			b.Set(at, v)
			rb.advance(at)
			rb.value, rb.started = v, true
			s.Set(at, v)
			now := max(at, rs.last)
			rs.fill(now, false)
			rs.last, rs.value = now, v
		}
		if !sameBits(l.integral, rl.integral) || !sameBits(l.last, rl.last) || l.min != rl.min || l.max != rl.max ||
			!sameBits(l.marks[0].time, rl.marks[0].time) {
			t.Fatalf("level: integral %v last %v time at or above %v; reference %v %v %v",
				l.integral, l.last, l.marks[0].time, rl.integral, rl.last, rl.marks[0].time)
		}
		for i := range n {
			if !sameBits(b.area[i], rb.area[i]) || !sameBits(b.observed[i], rb.observed[i]) {
				t.Fatalf("bucket %d: area %v over %v; reference %v over %v", i, b.area[i], b.observed[i], rb.area[i], rb.observed[i])
			}
			if !sameBits(s.pts[i], rs.pts[i]) {
				t.Fatalf("series point %d: %v; reference %v", i, s.pts[i], rs.pts[i])
			}
		}
	})
}
