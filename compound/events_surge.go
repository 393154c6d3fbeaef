package compound

import (
	"fmt"
	"slices"

	"cordon/sim"
	"cordon/sim/random"
)

// itemDraws are the distributions an item draws its household and service
// times from when it arrives.
type itemDraws struct {
	zonePick random.Dist // chooses a household, so a zone, by household share
	intake   random.Dist
	dwell    random.Dist
	sort     random.Dist
	door     random.Dist
	// pileIntake is the intake of an item from the pile outside; nil
	// unless the gate piles items when staging is full.
	pileIntake random.Dist
}

// windowArrivals are the arrivals of a process from one time to another.
type windowArrivals struct {
	inner    sim.Arrivals
	from, to float64
}

// Next returns the inner process's next arrival at or after after, and from
// on; none from to on.
func (w *windowArrivals) Next(after float64) (float64, bool) {
	t, ok := w.inner.Next(max(after, w.from))
	if !ok || t >= w.to {
		return 0, false
	}
	return t, true
}

// buildSurges starts the extra arrivals of the surges of a kind, each on
// streams of its own ("deliveries/KIND/surge/N/..." for the kind's N-th
// surge in the events' order), so that the kind's own arrivals and their
// times are the same with the surge and without it, and a surge's draws
// the same whatever other events the timeline lists. Arrivals multiplied by times are a second process of the
// kind's hourly rates times (times − 1) over the surge, in drops of the
// kind's batch; extra items each come at a uniform random time over it (at
// once when it has no length).
func (m *Model) buildSurges(ks *kindState) error {
	k := ks.spec
	n := 0 // the kind's surges so far
	for _, ev := range m.sc.Events {
		s := ev.Surge
		if s == nil || s.Kind != k.Name {
			continue
		}
		n++
		from, to := ev.span(m.tl)
		if from >= m.tl.horizon {
			continue
		}
		name := fmt.Sprintf("deliveries/%s/surge/%d", k.Name, n)
		d, err := m.itemDraws(k, name)
		if err != nil {
			return err
		}
		newItem := func(e *sim.Entity, _ int64) { m.newItemWith(e, ks, d) }
		if s.Times > 1 && k.PerDay > 0 {
			rates := hourlyRates(k.PerDay/k.Batch.CountMean()*(s.Times-1), k.Profile)
			unit, err := random.NewExponential(1, m.streams.Source(name+"/arrivals"))
			if err != nil {
				return err
			}
			arr, err := sim.NewHourly(rates, -m.tl.start, unit)
			if err != nil {
				return err
			}
			batch, err := m.dist(k.Batch, name+"/batch")
			if err != nil {
				return err
			}
			m.s.NewSource(m.gate.itemFlow, &windowArrivals{arr, from, to}).Batch(batch).Until(m.tl.horizon).Setup(newItem).Start()
		}
		if s.Extra > 0 {
			times := make([]float64, s.Extra)
			if to > from {
				u, err := random.NewUniform(from, to, m.streams.Source(name+"/extra"))
				if err != nil {
					return err
				}
				for j := range times {
					times[j] = u.Rand()
				}
				slices.Sort(times)
			} else {
				for j := range times {
					times[j] = from
				}
			}
			arr, err := sim.NewListed(times)
			if err != nil {
				return err
			}
			m.s.NewSource(m.gate.itemFlow, arr).Until(m.tl.horizon).Setup(newItem).Start()
		}
	}
	return nil
}

// surgeItems estimates the items the surges add over the run, for Memory:
// their extra items, and the kind's mean volume times (times − 1) over the
// share of a day each lasts.
func (sc *Scenario) surgeItems() float64 {
	n := 0.0
	for _, ev := range sc.Events {
		s := ev.Surge
		if s == nil {
			continue
		}
		n += float64(max(s.Extra, 0))
		for _, k := range sc.Kinds {
			if k.Name == s.Kind && s.Times > 1 && s.Times <= MaxSurgeTimes {
				n += k.PerDay * (s.Times - 1) * min(float64(s.For)/day, float64(max(sc.Horizon.Days, 0)))
			}
		}
	}
	return n
}

// itemDraws makes the distributions of the items of kind k on the streams
// name/zone, name/intake, name/dwell, name/sorting and name/door, each day
// its own (days.go).
func (m *Model) itemDraws(k Kind, name string) (*itemDraws, error) {
	d := &itemDraws{}
	dwell := m.sc.Disinfection.Dwell
	if k.Dwell.Family != "" {
		dwell = k.Dwell
	}
	for _, x := range []struct {
		to   *random.Dist
		dist Dist
		what string
	}{{&d.intake, m.sc.Gate.Intake, "intake"}, {&d.dwell, dwell, "dwell"}, {&d.sort, m.sc.Sorting.Time, "sorting"}, {&d.door, m.sc.Delivery.Door, "door"}} {
		v, err := m.dailyDist(x.dist, name+"/"+x.what)
		if err != nil {
			return nil, err
		}
		*x.to = v
	}
	if m.sc.Gate.WhenFull == WhenFullPile {
		v, err := m.dailyDist(m.sc.Gate.PileIntake, name+"/pile-intake")
		if err != nil {
			return nil, err
		}
		d.pileIntake = v
	}
	var err error
	d.zonePick, err = m.dailyUniform(name + "/zone")
	return d, err
}
