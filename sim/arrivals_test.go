package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// unitExp draws exponential values of mean 1 from a fixed PCG stream.
type unitExp struct{ r *rand.Rand }

func (u unitExp) Rand() float64 { return u.r.ExpFloat64() }

func newUnitExp(seed uint64) unitExp {
	return unitExp{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func TestRenewal(t *testing.T) {
	r := Renewal{Gap: &seq{v: []float64{2, 0.5, -3}}}
	for _, x := range []struct{ after, want float64 }{
		{0, 2}, {10, 10.5}, {20, 20}, // a negative gap counts as zero
	} {
		got, ok := r.Next(x.after)
		if !ok || got != x.want {
			t.Errorf("Next(%v) = %v %v, want %v", x.after, got, ok, x.want)
		}
	}
}

func TestSourceRenewalUntil(t *testing.T) {
	for _, x := range []struct {
		until float64
		want  string
	}{
		{7, "a@2, a@4, a@6"},
		{6, "a@2, a@4"}, // arrivals at the Until time do not happen
		{math.Inf(1), "a@2, a@4, a@6, a@8, a@10"},
	} {
		s := New()
		j := &journal{s: s}
		f := NewFlow("f").Then(j.note("a"))
		src := s.NewSource(f, Renewal{Gap: Constant(2)})
		if !math.IsInf(x.until, 1) {
			src.Until(x.until)
		}
		src.Start()
		s.RunUntil(10.5)
		if got := j.String(); got != x.want {
			t.Errorf("Until(%v): %s, want %s", x.until, got, x.want)
		}
		if int(src.Arrived()) != len(j.lines) {
			t.Errorf("Arrived %d, logged %d", src.Arrived(), len(j.lines))
		}
	}
}

func TestSourceBatchAndSetup(t *testing.T) {
	s := New()
	var got []string
	f := NewFlow("f").Then(Do(func(e *Entity) {
		got = append(got, fmt.Sprintf("%d/b%d/p%d@%g", e.ID, e.Key, e.Prio, s.Now()))
	}))
	lst, err := NewListed([]float64{1, 2, 3, 3})
	if err != nil {
		t.Fatal(err)
	}
	// Sizes 3, 0.4 (rounds to 0, so 1), 2.6 (3), -1 (1): 8 entities.
	src := s.NewSource(f, lst).Batch(&seq{v: []float64{3, 0.4, 2.6, -1}}).Setup(func(e *Entity, batch int64) {
		e.Key = int(batch)
		e.Prio = int(10 * batch)
		if e.Born != s.Now() {
			t.Errorf("Born %v at %v", e.Born, s.Now())
		}
	})
	src.Start()
	s.Run()
	want := "1/b1/p10@1 2/b1/p10@1 3/b1/p10@1 4/b2/p20@2 5/b3/p30@3 6/b3/p30@3 7/b3/p30@3 8/b4/p40@3"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	if src.Arrived() != 8 {
		t.Errorf("Arrived = %d", src.Arrived())
	}
}

func TestListed(t *testing.T) {
	l, err := NewListed([]float64{-5, 1, 1, 2.5, 7})
	if err != nil {
		t.Fatal(err)
	}
	// Next returns the listed times at or after its argument, each once,
	// duplicates included, skipping those before it.
	var got []float64
	for _, after := range []float64{0, 1, 1, 3} {
		x, ok := l.Next(after)
		if !ok {
			t.Fatalf("Next(%v): none", after)
		}
		got = append(got, x)
	}
	// -5 is skipped (before 0); the duplicate 1 comes twice; the third call
	// (after 1) gives 2.5 and the fourth (after 3) 7.
	if fmt.Sprint(got) != "[1 1 2.5 7]" {
		t.Errorf("got %v, want [1 1 2.5 7]", got)
	}
	if x, ok := l.Next(0); ok {
		t.Errorf("Next after the end = %v", x)
	}
	// The list given is copied.
	times := []float64{1, 2}
	l2, _ := NewListed(times)
	times[0] = 100
	if x, _ := l2.Next(0); x != 1 {
		t.Errorf("Listed kept the caller's slice: %v", x)
	}
	// An empty list has no arrivals.
	l3, err := NewListed(nil)
	if _, ok := l3.Next(0); err != nil || ok {
		t.Errorf("empty list: %v %v", err, ok)
	}
}

func TestListedErrors(t *testing.T) {
	for _, x := range []struct {
		name  string
		times []float64
		msg   string
	}{
		{"NaN", []float64{1, math.NaN()}, "not a number"},
		{"+Inf", []float64{math.Inf(1)}, "not a number"},
		{"-Inf", []float64{math.Inf(-1), 0}, "not a number"},
		{"decreasing", []float64{1, 3, 2}, "comes before"},
	} {
		l, err := NewListed(x.times)
		if err == nil || l != nil || !strings.Contains(err.Error(), x.msg) {
			t.Errorf("%s: %v %v", x.name, l, err)
		}
	}
}

func TestSourceListedDuplicates(t *testing.T) {
	s := New()
	j := &journal{s: s}
	l, _ := NewListed([]float64{-1, 0, 1, 1, 1, 4})
	src := s.NewSource(NewFlow("f").Then(j.note("a")), l)
	src.Start()
	s.Run()
	// The time before the start is skipped; the three at 1 all come.
	j.want(t, "a@0", "a@1", "a@1", "a@1", "a@4")
}

func TestHourlyExactInversion(t *testing.T) {
	// Rates 3600/h (1/s), 0, 7200/h (2/s); a unit draw of 1 each time.
	h, err := NewHourly([]float64{3600, 0, 7200}, 0, Constant(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ after, want float64 }{
		{0, 1},             // 1 s at 1/s
		{3599.5, 7200.25},  // 0.5 spent in hour 0, none in hour 1, 0.25 s at 2/s
		{3600, 7200.5},     // hour 1 has no arrivals
		{10799, 10799.5},   // last second of hour 2
		{10800, 10801},     // the profile repeats
		{10800 * 5, 54001}, // five cycles on
		{-10795, -10794},   // before the origin, periodically
	} {
		got, ok := h.Next(x.after)
		if !ok || got != x.want {
			t.Errorf("Next(%v) = %v %v, want %v", x.after, got, ok, x.want)
		}
	}
	for _, x := range []struct{ t, rate float64 }{
		{0, 3600}, {3599, 3600}, {3600, 0}, {7200, 7200}, {10800, 3600}, {-1, 7200}, {-3601, 0},
	} {
		if got := h.Rate(x.t); got != x.rate {
			t.Errorf("Rate(%v) = %v, want %v", x.t, got, x.rate)
		}
	}
}

func TestHourlyBeforeOrigin(t *testing.T) {
	// A 4-hour profile with arrivals only in its hour 0 (1/s), starting at
	// origin 24400. Hour -4, [10000, 13600), is hour 0 of the cycle before:
	// from 0 the first arrival is 1 s into it.
	h, err := NewHourly([]float64{3600, 0, 0, 0}, 24400, Constant(1))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := h.Next(0); got != 10001 {
		t.Errorf("Next(0) = %v, want 10001", got)
	}
	if got, _ := h.Next(13599.5); got != 24400.5 {
		t.Errorf("Next(13599.5) = %v, want 24400.5", got)
	}
	if h.Rate(10000) != 3600 || h.Rate(9999) != 0 || h.Rate(-4400) != 3600 {
		t.Errorf("Rate: %v %v %v", h.Rate(10000), h.Rate(9999), h.Rate(-4400))
	}
}

func TestHourlyCountsFollowProfile(t *testing.T) {
	// A 24-hour profile over 5,000 days. Each hour's daily count is Poisson
	// with mean rates[k]: its sample mean must lie within 4 standard errors
	// (sqrt(rate/days)) of the rate, and its sample variance near the rate
	// too; hours of rate zero get no arrivals at all.
	rates := []float64{0, 0, 0, 0.5, 1, 2, 4, 8, 12, 10, 9, 7, 6, 7, 8, 9, 10, 6, 4, 3, 2, 1, 0, 0.25}
	const days = 5000
	h, err := NewHourly(rates, 0, newUnitExp(1))
	if err != nil {
		t.Fatal(err)
	}
	counts := make([][]int, len(rates)) // [hour][day]
	for k := range counts {
		counts[k] = make([]int, days)
	}
	var frac, nfrac float64
	end := float64(days * 86400)
	for tm, ok := h.Next(0); ok && tm < end; tm, ok = h.Next(tm) {
		day := int(tm / 86400)
		hour := int(math.Mod(tm, 86400) / 3600)
		counts[hour][day]++
		frac += math.Mod(tm, 3600) / 3600
		nfrac++
	}
	for k, r := range rates {
		sum, sq := 0.0, 0.0
		for _, c := range counts[k] {
			sum += float64(c)
			sq += float64(c) * float64(c)
		}
		mean := sum / days
		if r == 0 {
			if sum != 0 {
				t.Errorf("hour %d of rate 0 got %v arrivals", k, sum)
			}
			continue
		}
		se := math.Sqrt(r / days)
		if math.Abs(mean-r) > 4*se {
			t.Errorf("hour %d: mean %v, want %v ± %v", k, mean, r, 4*se)
		}
		variance := (sq - sum*sum/days) / (days - 1)
		// The sample variance of Poisson counts has a standard error of
		// about sqrt((r + 2r²)/days).
		if vse := math.Sqrt((r + 2*r*r) / days); math.Abs(variance-r) > 4*vse {
			t.Errorf("hour %d: variance %v, want %v ± %v", k, variance, r, 4*vse)
		}
	}
	// Within an hour of constant rate the arrivals are uniform: the mean
	// position in the hour is 1/2, standard error sqrt(1/12/n).
	if m, se := frac/nfrac, math.Sqrt(1/12.0/nfrac); math.Abs(m-0.5) > 4*se {
		t.Errorf("mean position in the hour %v, want 0.5 ± %v", m, 4*se)
	}
}

func TestHourlyThroughSource(t *testing.T) {
	// 100 days of a 2-hour profile (30/h then 0/h) through a Source: every
	// arrival falls in an even hour, about 30 per even hour.
	s := New()
	h, err := NewHourly([]float64{30, 0}, 0, newUnitExp(7))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	f := NewFlow("f").Then(Do(func(*Entity) {
		n++
		if k := int(s.Now()/3600) % 2; k != 0 {
			t.Fatalf("arrival at %v, in an hour of rate 0", s.Now())
		}
	}))
	s.NewSource(f, h).Until(100 * 86400).Start()
	s.Run()
	// 1,200 even hours: mean 36,000, standard deviation 190.
	if math.Abs(float64(n)-36000) > 4*190 {
		t.Errorf("%d arrivals, want 36000 ± 760", n)
	}
}

func TestNewHourlyErrors(t *testing.T) {
	u := Constant(1)
	for _, x := range []struct {
		name   string
		rates  []float64
		origin float64
		unit   Sampler
		msg    string
	}{
		{"empty", nil, 0, u, "no hours"},
		{"negative", []float64{1, -1}, 0, u, "hour 1"},
		{"NaN", []float64{math.NaN()}, 0, u, "hour 0"},
		{"+Inf", []float64{1, math.Inf(1)}, 0, u, "hour 1"},
		{"no stream", []float64{1}, 0, nil, "no random stream"},
		{"NaN origin", []float64{1}, math.NaN(), u, "origin"},
		{"infinite origin", []float64{1}, math.Inf(-1), u, "origin"},
	} {
		h, err := NewHourly(x.rates, x.origin, x.unit)
		if err == nil || h != nil || !strings.Contains(err.Error(), x.msg) {
			t.Errorf("%s: %v %v", x.name, h, err)
		}
	}
	// All zero: valid, and no arrivals ever.
	h, err := NewHourly([]float64{0, 0, 0}, 0, u)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := h.Next(0); ok {
		t.Error("an all-zero profile gave an arrival")
	}
	s := New()
	s.NewSource(NewFlow("f"), h).Start()
	if s.Pending() != 0 {
		t.Error("a source of an all-zero profile scheduled an arrival")
	}
	// The profile is copied.
	rates := []float64{3600}
	h2, _ := NewHourly(rates, 0, u)
	rates[0] = 0
	if got, ok := h2.Next(0); !ok || got != 1 {
		t.Errorf("NewHourly kept the caller's slice: %v %v", got, ok)
	}
}
