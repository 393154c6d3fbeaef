package record

import (
	"math"

	"cordon/sim"
	"cordon/sim/stats"
)

// Store records one store's figures over a run.
type Store struct {
	st *sim.Store

	Level   *stats.Level // items held
	Blocked *stats.Level // puts waiting for room

	// Stay is the time items spent in the store; BlockedWait the time puts
	// waited for room.
	Stay, BlockedWait stats.Tally

	Put, Rejected, Taken int

	series *stats.Series
}

// NewStore starts recording st at time start, installs the recorder as st's
// monitor, and tracks the time the store is full.
func NewStore(st *sim.Store, start float64) *Store {
	x := &Store{st: st}
	x.Level = stats.NewLevel(start, float64(st.Len()))
	if c := st.Capacity(); c != sim.Unlimited {
		x.Level.TrackThreshold(float64(c))
	}
	x.Blocked = stats.NewLevel(start, float64(st.Blocked()))
	st.SetMonitor(x)
	return x
}

// Sample keeps the level every step seconds from start, n points, for plots.
func (x *Store) Sample(start, step float64, n int) error {
	s, err := stats.NewSeries(start, step, n)
	if err != nil {
		return err
	}
	s.Set(start, float64(x.st.Len()))
	x.series = s
	return nil
}

// Series returns the sampled level finished at now, or nil.
func (x *Store) Series(now float64) *stats.Series {
	if x.series != nil {
		x.series.Finish(now)
	}
	return x.series
}

// StoreChanged records one change; it makes Store a sim.StoreMonitor.
func (x *Store) StoreChanged(ev sim.StoreEvent) {
	switch ev.Kind {
	case sim.StorePut:
		x.Put++
		if ev.Waited > 0 {
			x.BlockedWait.Add(ev.Waited)
		}
	case sim.StoreRejected:
		x.Rejected++
	case sim.StoreTaken:
		x.Taken++
		x.Stay.Add(ev.Waited)
	}
	n := float64(ev.Store.Len())
	x.Level.Set(ev.Time, n)
	x.Blocked.Set(ev.Time, float64(ev.Store.Blocked()))
	if x.series != nil {
		x.series.Set(ev.Time, n)
	}
}

// TimeFull returns the time up to now the store was at capacity.
func (x *Store) TimeFull(now float64) float64 {
	c := x.st.Capacity()
	if c == sim.Unlimited {
		return 0
	}
	return x.Level.TimeAtOrAbove(now, float64(c))
}

func nan() float64 { return math.NaN() }
