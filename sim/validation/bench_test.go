package validation

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"cordon/sim"
	"cordon/sim/random"
)

// BenchmarkMMC is M/M/5 with λ = 4.5, μ = 1 (ρ = 0.9), written with the
// public API the compound model uses: named random streams, a Source, a flow
// of Seize, Delay and Release. It reports customers served per second of
// wall time and the ratios to a textbook hand-coded event loop that does
// M/M/c and nothing else (x-eventloop), to a specialised hand-coded loop
// (x-handcoded) and, where Debian's python3-simpy3 and the reference script
// are present, to SimPy on the same model (x-simpy). The ratios are of CPU
// time, measured in the same run: the kernel and the loops take turns of
// 200,000 customers on one thread (the median of 15 paired turns), and
// SimPy's CPU time is compared with the kernel's median.
//
//	go test -run x -bench 'MMC$' ./sim/validation/
func BenchmarkMMC(b *testing.B) {
	k := newKernelMMC()
	b.ReportAllocs()
	for b.Loop() {
		k.serve(1)
	}
	b.ReportMetric(float64(k.served)/b.Elapsed().Seconds(), "customers/s")
	b.ReportMetric(float64(k.s.Fired())/float64(k.served), "events/customer")
	loop, hand := newEventLoop(), newHandCoded()
	rates, ratios := pairedRates(15, 200_000, k.serve, loop.serve, hand.serve)
	b.ReportMetric(rates[0], "cpu-customers/s")
	b.ReportMetric(rates[1], "eventloop-customers/s")
	b.ReportMetric(ratios[0], "x-eventloop")
	b.ReportMetric(rates[2], "handcoded-customers/s")
	b.ReportMetric(ratios[1], "x-handcoded")
	if py := simpyRate(); py > 0 {
		b.ReportMetric(py, "simpy-customers/s")
		b.ReportMetric(rates[0]/py, "x-simpy")
	}
}

// kernelMMC is the M/M/5 queue on the kernel's public API.
type kernelMMC struct {
	s      *sim.Sim
	served int64
}

func newKernelMMC() *kernelMMC {
	k := &kernelMMC{s: sim.New()}
	streams := random.NewStreams(1, 0)
	gap, _ := random.NewExponential(1/4.5, streams.Source("arrivals"))
	svc, _ := random.NewExponential(1, streams.Source("service"))
	servers := k.s.NewResource("servers", 5)
	flow := sim.NewFlow("customer").
		Then(sim.Seize(servers, 1), sim.Delay(svc), sim.Release(servers, 1)).
		OnDone(func(*sim.Entity) { k.served++ })
	k.s.NewSource(flow, sim.Renewal{Gap: gap}).Start()
	return k
}

// serve runs the queue until n more customers have been served.
func (k *kernelMMC) serve(n int) {
	for goal := k.served + int64(n); k.served < goal; {
		k.s.Step()
	}
}

// handCoded is a hand-written M/M/5 loop, specialised: a heap of departure
// times, a counter of busy servers, a slice of waiting arrival times.
type handCoded struct {
	ra, rs      *rand.Rand
	deps, queue []float64
	head, busy  int
	next        float64
}

func newHandCoded() *handCoded {
	h := &handCoded{ra: rand.New(rand.NewPCG(1, 2)), rs: rand.New(rand.NewPCG(3, 4)),
		deps: make([]float64, 0, 16), queue: make([]float64, 0, 1024)}
	h.next = h.ra.ExpFloat64() / 4.5
	return h
}

func (h *handCoded) push(t float64) {
	h.deps = append(h.deps, t)
	deps := h.deps
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

func (h *handCoded) pop() float64 {
	deps := h.deps
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
	h.deps = deps
	return top
}

// serve runs the loop until n more customers have been served.
func (h *handCoded) serve(n int) {
	const lam, mu, c = 4.5, 1.0, 5
	for done := 0; done < n; {
		if len(h.deps) > 0 && h.deps[0] < h.next {
			now := h.pop()
			done++
			if h.head < len(h.queue) {
				h.head++
				if h.head == len(h.queue) {
					h.queue, h.head = h.queue[:0], 0
				}
				h.push(now + h.rs.ExpFloat64()/mu)
			} else {
				h.busy--
			}
		} else {
			now := h.next
			h.next = now + h.ra.ExpFloat64()/lam
			if h.busy < c {
				h.busy++
				h.push(now + h.rs.ExpFloat64()/mu)
			} else {
				h.queue = append(h.queue, now)
			}
		}
	}
}

// eventLoop is a hand-written M/M/5 event loop, the textbook kind: arrivals
// and departures as events in one heap ordered by time and insertion, a loop
// that takes the next event and switches on its kind, a counter of busy
// servers and a slice of waiting arrival times.
type eventLoop struct {
	ra, rs     *rand.Rand
	heap       []loopEvent
	seq        uint64
	queue      []float64
	head, busy int
}

type loopEvent struct {
	t    float64
	seq  uint64
	kind uint8
}

const (
	arrival uint8 = iota
	departure
)

func before(a, b *loopEvent) bool { return a.t < b.t || (a.t == b.t && a.seq < b.seq) }

func newEventLoop() *eventLoop {
	l := &eventLoop{ra: rand.New(rand.NewPCG(1, 2)), rs: rand.New(rand.NewPCG(3, 4)),
		heap: make([]loopEvent, 0, 16), queue: make([]float64, 0, 1024)}
	l.schedule(l.ra.ExpFloat64()/4.5, arrival)
	return l
}

func (l *eventLoop) schedule(t float64, kind uint8) {
	l.seq++
	e := loopEvent{t, l.seq, kind}
	l.heap = append(l.heap, e)
	heap := l.heap
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

func (l *eventLoop) next() loopEvent {
	heap := l.heap
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
	l.heap = heap
	return top
}

// serve runs the loop until n more customers have been served.
func (l *eventLoop) serve(n int) {
	const lam, mu, c = 4.5, 1.0, 5
	for done := 0; done < n; {
		ev := l.next()
		switch ev.kind {
		case arrival:
			l.schedule(ev.t+l.ra.ExpFloat64()/lam, arrival)
			if l.busy < c {
				l.busy++
				l.schedule(ev.t+l.rs.ExpFloat64()/mu, departure)
			} else {
				l.queue = append(l.queue, ev.t)
			}
		case departure:
			done++
			if l.head < len(l.queue) {
				l.head++
				if l.head == len(l.queue) {
					l.queue, l.head = l.queue[:0], 0
				}
				l.schedule(ev.t+l.rs.ExpFloat64()/mu, departure)
			} else {
				l.busy--
			}
		}
	}
}

// simpyRate runs the SimPy model of the same queue (testdata/simpy_mmc.py,
// or the script CORDON_SIMPY_MMC names) on the same parameters and returns
// its customers per CPU second, or 0 when SimPy is missing.
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
		CustomersPerS float64 `json:"customers_per_cpu_s"`
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
// 1,000 and 100,000 events pending: events per second of wall time, and of
// the CPU time of the benchmark's thread (cpu-events/s, what the figures in
// the README are, as other work on the machine does not count in it).
//
//	go test -run x -bench Calendar ./sim/validation/
func BenchmarkCalendar(b *testing.B) {
	for _, n := range []int{10, 1000, 100_000} {
		b.Run(name("pending=%d", n), func(b *testing.B) {
			s := sim.New()
			h := &hold{s, rand.New(rand.NewPCG(1, 2))}
			for range n {
				s.After(h.r.ExpFloat64(), sim.PriorityDefault, h)
			}
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			cpu := threadCPU()
			for b.Loop() {
				s.Step()
			}
			cpu = threadCPU() - cpu
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(b.N)/cpu.Seconds(), "cpu-events/s")
		})
	}
}
