package validation

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"cordon/sim"
	"cordon/sim/random"
)

// BenchmarkMMC is M/M/5 with λ = 4.5, μ = 1 (ρ = 0.9), written with the
// public API the compound model uses: named random streams, a Source, a flow
// of Seize, Delay and Release. It reports customers served per second of
// wall time and, measured in the same run, the ratio to a hand-coded event
// loop that does M/M/c and nothing else and (where Debian's python3-simpy3
// and the reference script are present) to SimPy on the same model.
//
//	go test -run x -bench MMC ./sim/validation/
func BenchmarkMMC(b *testing.B) {
	streams := random.NewStreams(1, 0)
	gap, _ := random.NewExponential(1/4.5, streams.Source("arrivals"))
	svc, _ := random.NewExponential(1, streams.Source("service"))
	s := sim.New()
	servers := s.NewResource("servers", 5)
	var served int64
	flow := sim.NewFlow("customer").
		Then(sim.Seize(servers, 1), sim.Delay(svc), sim.Release(servers, 1)).
		OnDone(func(*sim.Entity) { served++ })
	s.NewSource(flow, sim.Renewal{Gap: gap}).Start()
	b.ReportAllocs()
	for b.Loop() {
		for before := served; served == before; {
			s.Step()
		}
	}
	perSec := float64(served) / b.Elapsed().Seconds()
	b.ReportMetric(perSec, "customers/s")
	b.ReportMetric(float64(s.Fired())/float64(served), "events/customer")
	if hand := handCodedRate(2_000_000); hand > 0 {
		b.ReportMetric(hand, "handcoded-customers/s")
		b.ReportMetric(perSec/hand, "x-handcoded")
	}
	if loop := eventLoopRate(2_000_000); loop > 0 {
		b.ReportMetric(loop, "eventloop-customers/s")
		b.ReportMetric(perSec/loop, "x-eventloop")
	}
	if py := simpyRate(); py > 0 {
		b.ReportMetric(py, "simpy-customers/s")
		b.ReportMetric(perSec/py, "x-simpy")
	}
}

// handCodedRate times a hand-written M/M/5 loop (a heap of departure times, a
// counter of busy servers, a slice of waiting arrival times) over n
// customers and returns its customers per second.
func handCodedRate(n int) float64 {
	ra := rand.New(rand.NewPCG(1, 2))
	rs := rand.New(rand.NewPCG(3, 4))
	const lam, mu, c = 4.5, 1.0, 5
	deps := make([]float64, 0, 16)
	queue := make([]float64, 0, 1024)
	head, busy, done := 0, 0, 0
	next := ra.ExpFloat64() / lam
	push := func(t float64) {
		deps = append(deps, t)
		i := len(deps) - 1
		for i > 0 {
			p := (i - 1) / 2
			if deps[p] <= t {
				break
			}
			deps[i] = deps[p]
			i = p
		}
		deps[i] = t
	}
	pop := func() float64 {
		top := deps[0]
		n := len(deps) - 1
		last := deps[n]
		deps = deps[:n]
		i := 0
		for {
			k := 2*i + 1
			if k >= n {
				break
			}
			if k+1 < n && deps[k+1] < deps[k] {
				k++
			}
			if deps[k] >= last {
				break
			}
			deps[i] = deps[k]
			i = k
		}
		if n > 0 {
			deps[i] = last
		}
		return top
	}
	start := time.Now()
	for done < n {
		if len(deps) > 0 && deps[0] < next {
			now := pop()
			done++
			if head < len(queue) {
				head++
				if head == len(queue) {
					queue, head = queue[:0], 0
				}
				push(now + rs.ExpFloat64()/mu)
			} else {
				busy--
			}
		} else {
			now := next
			next = now + ra.ExpFloat64()/lam
			if busy < c {
				busy++
				push(now + rs.ExpFloat64()/mu)
			} else {
				queue = append(queue, now)
			}
		}
	}
	return float64(n) / time.Since(start).Seconds()
}

// eventLoopRate times a hand-written M/M/5 event loop, the textbook kind:
// arrivals and departures as events in one heap ordered by time and
// insertion, a loop that takes the next event and switches on its kind, a
// counter of busy servers and a slice of waiting arrival times. It returns
// its customers per second over n customers.
func eventLoopRate(n int) float64 {
	ra := rand.New(rand.NewPCG(1, 2))
	rs := rand.New(rand.NewPCG(3, 4))
	const lam, mu, c = 4.5, 1.0, 5
	const arrival, departure = 0, 1
	type event struct {
		t    float64
		seq  uint64
		kind uint8
	}
	before := func(a, b *event) bool { return a.t < b.t || (a.t == b.t && a.seq < b.seq) }
	heap := make([]event, 0, 16)
	var seq uint64
	schedule := func(t float64, kind uint8) {
		seq++
		e := event{t, seq, kind}
		heap = append(heap, e)
		i := len(heap) - 1
		for i > 0 {
			p := (i - 1) / 2
			if !before(&e, &heap[p]) {
				break
			}
			heap[i] = heap[p]
			i = p
		}
		heap[i] = e
	}
	next := func() event {
		top := heap[0]
		n := len(heap) - 1
		last := heap[n]
		heap = heap[:n]
		i := 0
		for {
			k := 2*i + 1
			if k >= n {
				break
			}
			if k+1 < n && before(&heap[k+1], &heap[k]) {
				k++
			}
			if !before(&heap[k], &last) {
				break
			}
			heap[i] = heap[k]
			i = k
		}
		if n > 0 {
			heap[i] = last
		}
		return top
	}
	queue := make([]float64, 0, 1024)
	head, busy, done := 0, 0, 0
	schedule(ra.ExpFloat64()/lam, arrival)
	start := time.Now()
	for done < n {
		ev := next()
		switch ev.kind {
		case arrival:
			schedule(ev.t+ra.ExpFloat64()/lam, arrival)
			if busy < c {
				busy++
				schedule(ev.t+rs.ExpFloat64()/mu, departure)
			} else {
				queue = append(queue, ev.t)
			}
		case departure:
			done++
			if head < len(queue) {
				head++
				if head == len(queue) {
					queue, head = queue[:0], 0
				}
				schedule(ev.t+rs.ExpFloat64()/mu, departure)
			} else {
				busy--
			}
		}
	}
	return float64(n) / time.Since(start).Seconds()
}

// simpyRate runs the SimPy model of the same queue (testdata/simpy_mmc.py,
// or the script CORDON_SIMPY_MMC names) on the same parameters and returns
// its customers per second, or 0 when SimPy is missing.
func simpyRate() float64 {
	script := os.Getenv("CORDON_SIMPY_MMC")
	if script == "" {
		script = filepath.Join("testdata", "simpy_mmc.py")
	}
	if _, err := os.Stat(script); err != nil {
		return 0
	}
	out, err := exec.Command("/usr/bin/python3", script, "--lam", "4.5", "--mu", "1", "--c", "5",
		"--customers", "300000", "--seed", "1").Output()
	if err != nil {
		return 0
	}
	var r struct {
		CustomersPerS float64 `json:"customers_per_s"`
	}
	if json.Unmarshal(out, &r) != nil {
		return 0
	}
	return r.CustomersPerS
}

// BenchmarkEntityMemory reports the bytes each entity waiting in the system
// costs: 100,000 customers queue at a resource with no units.
func BenchmarkEntityMemory(b *testing.B) {
	const n = 100_000
	var bytes float64
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s := sim.New()
		r := s.NewResource("closed", 0)
		flow := sim.NewFlow("w").Then(sim.Seize(r, 1))
		for range n {
			s.Start(flow, nil)
		}
		runtime.ReadMemStats(&after)
		bytes = float64(after.TotalAlloc-before.TotalAlloc) / n
		runtime.KeepAlive(s)
	}
	b.ReportMetric(bytes, "B/entity")
}

// hold is an event that schedules itself again after a random delay: the
// classic hold model, which keeps the number of pending events constant.
type hold struct {
	s *sim.Sim
	r *rand.Rand
}

func (h *hold) Handle() { h.s.After(h.r.ExpFloat64(), sim.PriorityDefault, h) }

// BenchmarkCalendar measures one event (fire one, schedule one) with 10,
// 1,000 and 100,000 events pending.
func BenchmarkCalendar(b *testing.B) {
	for _, n := range []int{10, 1000, 100_000} {
		b.Run(name("pending=%d", n), func(b *testing.B) {
			s := sim.New()
			h := &hold{s, rand.New(rand.NewPCG(1, 2))}
			for range n {
				s.After(h.r.ExpFloat64(), sim.PriorityDefault, h)
			}
			b.ReportAllocs()
			for b.Loop() {
				s.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
