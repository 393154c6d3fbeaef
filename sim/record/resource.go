package record

import (
	"cordon/sim"
	"cordon/sim/stats"
)

// Resource records one resource's figures over a run.
type Resource struct {
	res   *sim.Resource
	start float64

	// Time-weighted levels.
	Busy   *stats.Level // units held, including those finishing past a shift end
	OnDuty *stats.Level // units rostered and not resting
	// Working is the units on duty and busy: Busy less the units finishing
	// a task past their shift end, whose time is overtime. It is never more
	// than OnDuty.
	Working  *stats.Level
	Queue    *stats.Level // entities waiting
	InSystem *stats.Level // waiting plus units busy
	// Active is 1 while the post is open (a unit on duty) or has work
	// waiting, 0 otherwise: the time over which its load is judged.
	Active *stats.Level

	// Wait is the time each granted entity waited (zero when it was served at
	// once).
	Wait stats.Tally

	// Counts since the start (or the last Reset).
	Granted, Balked, Reneged, Preempted int

	// Overtime is the total time units worked past a shift end or a duty
	// limit.
	Overtime float64

	keepWaits bool
	unitBusy  []float64 // busy seconds per unit
	unitSince []float64 // when a busy unit's task began; -1 when idle

	// Hourly means of units working on duty, units on duty and entities
	// waiting, when asked for.
	hourlyWorking, hourlyOnDuty, hourlyQueue *stats.Buckets
}

// NewResource starts recording r at time start and installs the recorder as
// r's monitor.
func NewResource(r *sim.Resource, start float64) *Resource {
	x := &Resource{res: r, start: start}
	x.Busy = stats.NewLevel(start, float64(r.Busy()))
	x.OnDuty = stats.NewLevel(start, float64(r.Available()))
	x.Working = stats.NewLevel(start, working(r))
	x.Queue = stats.NewLevel(start, float64(r.Queued()))
	x.InSystem = stats.NewLevel(start, float64(r.Busy()+r.Queued()))
	x.Active = stats.NewLevel(start, active(r))
	for u := range r.Units() {
		x.grow(u)
		if r.Holder(u) != nil {
			x.unitSince[u] = start
		}
	}
	r.SetMonitor(x)
	return x
}

// KeepWaits keeps every wait so that quantiles can be asked for.
func (x *Resource) KeepWaits() {
	x.keepWaits = true
	x.Wait.KeepValues()
}

// Hourly keeps time-weighted means of units working on duty and units on
// duty in n buckets of width seconds from the start.
func (x *Resource) Hourly(width float64, n int) error {
	b, err := stats.NewBuckets(x.start, width, n)
	if err != nil {
		return err
	}
	d, _ := stats.NewBuckets(x.start, width, n)
	q, _ := stats.NewBuckets(x.start, width, n)
	b.Set(x.start, working(x.res))
	d.Set(x.start, float64(x.res.Available()))
	q.Set(x.start, float64(x.res.Queued()))
	x.hourlyWorking, x.hourlyOnDuty, x.hourlyQueue = b, d, q
	return nil
}

func (x *Resource) grow(u int) {
	for len(x.unitBusy) <= u {
		x.unitBusy = append(x.unitBusy, 0)
		x.unitSince = append(x.unitSince, -1)
	}
}

// ResourceChanged records one change; it makes Resource a sim.ResourceMonitor.
func (x *Resource) ResourceChanged(ev sim.ResourceEvent) {
	r, now := ev.Resource, ev.Time
	switch ev.Kind {
	case sim.ResourceGranted:
		x.Granted++
		x.Wait.Add(ev.Waited)
		x.grow(ev.Unit)
		x.unitSince[ev.Unit] = now
	case sim.ResourceReleased, sim.ResourcePreempted:
		if ev.Kind == sim.ResourcePreempted {
			x.Preempted++
		}
		x.grow(ev.Unit)
		if s := x.unitSince[ev.Unit]; s >= 0 {
			x.unitBusy[ev.Unit] += now - s
		}
		x.unitSince[ev.Unit] = -1
	case sim.ResourceBalked:
		x.Balked++
	case sim.ResourceReneged:
		x.Reneged++
	case sim.ResourceUnitOff, sim.ResourceUnitRest:
		x.Overtime += ev.Overtime
	}
	// A level only needs telling when its value changes: the time it held
	// the old value is accounted for at the next change or when read.
	busy, onDuty, queued := float64(r.Busy()), float64(r.Available()), float64(r.Queued())
	if busy != x.Busy.Value() {
		x.Busy.Set(now, busy)
	}
	if w := working(r); w != x.Working.Value() {
		x.Working.Set(now, w)
		if x.hourlyWorking != nil {
			x.hourlyWorking.Set(now, w)
		}
	}
	if onDuty != x.OnDuty.Value() {
		x.OnDuty.Set(now, onDuty)
		if x.hourlyOnDuty != nil {
			x.hourlyOnDuty.Set(now, onDuty)
		}
	}
	if queued != x.Queue.Value() {
		x.Queue.Set(now, queued)
		if x.hourlyQueue != nil {
			x.hourlyQueue.Set(now, queued)
		}
	}
	if v := busy + queued; v != x.InSystem.Value() {
		x.InSystem.Set(now, v)
	}
	if v := active(r); v != x.Active.Value() {
		x.Active.Set(now, v)
	}
}

// Utilisation returns the share of on-duty unit-time that was busy, from
// the start to now (NaN when no unit was on duty): from 0 to 1. A unit
// finishing a task past its shift end is off duty and its time is
// overtime, counted there and not here.
func (x *Resource) Utilisation(now float64) float64 {
	on := x.OnDuty.Integral(now)
	if on == 0 {
		return nan()
	}
	return min(x.Working.Integral(now)/on, 1) // not 1 + ε from rounding
}

// UnitBusy returns each unit's busy seconds up to now.
func (x *Resource) UnitBusy(now float64) []float64 {
	out := make([]float64, len(x.unitBusy))
	for u, b := range x.unitBusy {
		out[u] = b
		if s := x.unitSince[u]; s >= 0 {
			out[u] += now - max(s, x.start)
		}
	}
	return out
}

// HourlyUtilisation returns, per bucket, the mean units working on duty
// over the mean units on duty (NaN where none was on duty), after finishing
// the buckets at now. It returns nil unless Hourly was called.
func (x *Resource) HourlyUtilisation(now float64) []float64 {
	if x.hourlyWorking == nil {
		return nil
	}
	x.hourlyWorking.Finish(now)
	x.hourlyOnDuty.Finish(now)
	b, d := x.hourlyWorking.Means(), x.hourlyOnDuty.Means()
	out := make([]float64, len(b))
	for i := range b {
		if d[i] > 0 {
			out[i] = min(b[i]/d[i], 1) // not 1 + ε from rounding
		} else {
			out[i] = nan()
		}
	}
	return out
}

// HourlyQueue returns the time-weighted mean number waiting per bucket,
// after finishing the buckets at now; nil unless Hourly was called.
func (x *Resource) HourlyQueue(now float64) []float64 {
	if x.hourlyQueue == nil {
		return nil
	}
	x.hourlyQueue.Finish(now)
	return x.hourlyQueue.Means()
}

// HourlyOnDuty returns the time-weighted mean number of units on duty
// (resting ones not counted) per bucket, after finishing the buckets at
// now; nil unless Hourly was called.
func (x *Resource) HourlyOnDuty(now float64) []float64 {
	if x.hourlyOnDuty == nil {
		return nil
	}
	x.hourlyOnDuty.Finish(now)
	return x.hourlyOnDuty.Means()
}

// Reset forgets everything before now (a warm-up period).
func (x *Resource) Reset(now float64) {
	x.start = now
	x.Busy.Reset(now)
	x.OnDuty.Reset(now)
	x.Working.Reset(now)
	x.Queue.Reset(now)
	x.InSystem.Reset(now)
	x.Active.Reset(now)
	x.Wait = stats.Tally{}
	if x.keepWaits {
		x.Wait.KeepValues()
	}
	x.Granted, x.Balked, x.Reneged, x.Preempted = 0, 0, 0, 0
	x.Overtime = 0
	for u := range x.unitBusy {
		x.unitBusy[u] = 0
		if x.unitSince[u] >= 0 {
			x.unitSince[u] = now
		}
	}
}

// working is the units of r on duty and busy: on duty and not idle (a
// unit finishing a task past its shift end is busy and no longer on duty).
func working(r *sim.Resource) float64 {
	return float64(r.Available() - r.Idle())
}

// active is 1 while r has a unit on duty or work waiting.
func active(r *sim.Resource) float64 {
	if r.Available() > 0 || r.Busy() > 0 || r.Queued() > 0 {
		return 1
	}
	return 0
}
