package sim

import (
	"fmt"
	"math"
)

// Arrivals gives the times at which entities arrive.
type Arrivals interface {
	// Next returns the first arrival at or after time after, and false when
	// there are no more.
	Next(after float64) (float64, bool)
}

// Renewal is arrivals separated by independent gaps drawn from Gap; with
// exponential gaps of mean 1/λ it is a Poisson process of rate λ.
type Renewal struct {
	Gap Sampler
}

// Next returns after plus one gap.
func (r Renewal) Next(after float64) (float64, bool) {
	return after + nonNegative(r.Gap.Rand()), true
}

// Hourly is a non-homogeneous Poisson process whose rate is constant within
// each hour: Rates[k] arrivals per hour during hour k of the profile, which
// repeats every len(Rates) hours from Origin on (and before it). Times are
// drawn exactly, by inverting the integrated rate: a unit exponential draw E
// is spent hour by hour until the rate's integral reaches it.
type Hourly struct {
	rates  []float64
	origin float64
	unit   Sampler
	total  float64
}

// NewHourly checks the profile and returns the process. unit must draw
// exponential values of mean 1.
func NewHourly(rates []float64, origin float64, unit Sampler) (*Hourly, error) {
	if len(rates) == 0 {
		return nil, fmt.Errorf("hourly arrivals: the profile has no hours")
	}
	total := 0.0
	for k, r := range rates {
		if !(r >= 0) || math.IsInf(r, 1) {
			return nil, fmt.Errorf("hourly arrivals: hour %d: rate must be a number >= 0, got %v", k, r)
		}
		total += r
	}
	if unit == nil {
		return nil, fmt.Errorf("hourly arrivals: no random stream")
	}
	if math.IsNaN(origin) || math.IsInf(origin, 0) {
		return nil, fmt.Errorf("hourly arrivals: origin %v is not a finite time", origin)
	}
	return &Hourly{rates: append([]float64(nil), rates...), origin: origin, unit: unit, total: total}, nil
}

// Rate returns the rate per hour in force at time t.
func (h *Hourly) Rate(t float64) float64 {
	return h.rates[h.hourAt(t)]
}

func (h *Hourly) hourAt(t float64) int {
	k := int(math.Floor((t - h.origin) / 3600))
	n := len(h.rates)
	return ((k % n) + n) % n
}

// Next returns the next arrival after time after.
func (h *Hourly) Next(after float64) (float64, bool) {
	if h.total == 0 {
		return 0, false
	}
	e := h.unit.Rand()
	k := math.Floor((after - h.origin) / 3600)
	t := after
	n := len(h.rates)
	for {
		idx := ((int(k) % n) + n) % n
		end := h.origin + (k+1)*3600
		if r := h.rates[idx] / 3600; r > 0 {
			if mass := r * (end - t); e <= mass {
				return t + e/r, true
			} else {
				e -= mass
			}
		}
		t = end
		k++
	}
}

// Listed is arrivals at given times, for replaying a log.
type Listed struct {
	times []float64
	next  int
}

// NewListed checks that times are numbers in non-decreasing order and
// returns the arrivals.
func NewListed(times []float64) (*Listed, error) {
	for i, t := range times {
		if t != t || math.IsInf(t, 0) {
			return nil, fmt.Errorf("listed arrivals: arrival %d: time %v is not a number", i, t)
		}
		if i > 0 && t < times[i-1] {
			return nil, fmt.Errorf("listed arrivals: arrival %d at %v comes before the one before it (%v)", i, t, times[i-1])
		}
	}
	return &Listed{times: append([]float64(nil), times...)}, nil
}

// Next returns the next listed time at or after after.
func (l *Listed) Next(after float64) (float64, bool) {
	for l.next < len(l.times) && l.times[l.next] < after {
		l.next++
	}
	if l.next == len(l.times) {
		return 0, false
	}
	l.next++
	return l.times[l.next-1], true
}

// Source starts entities on a flow at the times of an arrival process, in
// batches when a batch size is set (a courier van drops 30 parcels at once).
type Source struct {
	sim     *Sim
	flow    *Flow
	times   Arrivals
	gap     Sampler // the gaps of Renewal arrivals, drawn without the interface hop
	batch   Sampler
	setup   func(e *Entity, batch int64)
	until   float64
	arrived int64
	batches int64
}

// NewSource returns a source of entities for flow; call Start to begin.
func (s *Sim) NewSource(flow *Flow, times Arrivals) *Source {
	src := &Source{sim: s, flow: flow, times: times, until: math.Inf(1)}
	if r, ok := times.(Renewal); ok {
		src.gap = r.Gap
	}
	return src
}

// Batch makes each arrival a batch of entities, as many as size draws
// (rounded, at least one).
func (src *Source) Batch(size Sampler) *Source {
	src.batch = size
	return src
}

// Setup sets a function that prepares each new entity (its Data, Key, Prio)
// before it starts; batch numbers the arrivals the entity came with.
func (src *Source) Setup(fn func(e *Entity, batch int64)) *Source {
	src.setup = fn
	return src
}

// Until stops arrivals at time t (arrivals at t or later do not happen).
func (src *Source) Until(t float64) *Source {
	src.until = t
	return src
}

// Arrived returns how many entities the source has started.
func (src *Source) Arrived() int64 { return src.arrived }

// Start schedules the first arrival.
func (src *Source) Start() { src.scheduleNext() }

func (src *Source) scheduleNext() {
	if src.gap != nil {
		if t := src.sim.now + nonNegative(src.gap.Rand()); t < src.until {
			src.sim.Schedule(t, PriorityDefault, src)
		}
		return
	}
	t, ok := src.times.Next(src.sim.now)
	if ok && t < src.until {
		src.sim.Schedule(t, PriorityDefault, src)
	}
}

// Handle is an arrival: start the batch, then schedule the next.
func (src *Source) Handle() {
	if s := src.sim; src.batch == nil && src.gap != nil && s.err == nil {
		// The usual case: renewal arrivals one at a time, Handle's loop
		// and scheduleNext written out for one entity.
		src.batches++
		e := s.NewEntity(nil)
		src.arrived++
		if src.setup != nil {
			src.setup(e, src.batches)
		}
		s.Begin(e, src.flow)
		if t := s.now + nonNegative(src.gap.Rand()); t < src.until {
			s.cal.push(t, PriorityDefault, src, s.now)
		}
		return
	}
	n := 1
	if src.batch != nil {
		n = max(int(math.Round(src.batch.Rand())), 1)
	}
	src.batches++
	for range n {
		if src.sim.err != nil {
			return // a guard stopped the run: the rest of the batch would only fill memory
		}
		e := src.sim.NewEntity(nil)
		src.arrived++
		if src.setup != nil {
			src.setup(e, src.batches)
		}
		src.sim.Begin(e, src.flow)
	}
	if src.gap != nil {
		// scheduleNext's renewal arrivals, written out.
		s := src.sim
		if t := s.now + nonNegative(src.gap.Rand()); t < src.until {
			s.cal.push(t, PriorityDefault, src, s.now)
		}
		return
	}
	src.scheduleNext()
}
