package compound

import (
	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/stats"
)

// specialNeeds is the special-needs cards of a replication: each is taken up
// by the staff pool with the special-needs task, some with a trip out through
// the gate.
type specialNeeds struct {
	spec     *SpecialNeeds
	arrived  int
	done     int
	response stats.Tally
}

// card is one special-needs card, its times drawn when it is handed in.
type card struct {
	at       float64
	handling float64
	trip     float64
}

func (m *Model) buildSpecialNeeds() error {
	sn := m.sc.SpecialNeeds
	if sn == nil {
		return nil
	}
	st := &specialNeeds{spec: sn}
	st.response.KeepValues()
	m.needs = st
	staff := m.doer(TaskSpecialNeeds)
	handling, err := m.dist(sn.Handling, "special-needs/handling")
	if err != nil {
		return err
	}
	var trip, tripShare random.Dist
	if sn.TripShare > 0 {
		if trip, err = m.dist(sn.Trip, "special-needs/trip"); err != nil {
			return err
		}
		if tripShare, err = random.NewUniform(0, 1, m.streams.Source("special-needs/trip-share")); err != nil {
			return err
		}
	}
	f := sim.NewFlow("special needs").Then(
		sim.Seize(staff.res[0], 1),
		sim.DelayFor(func(e *sim.Entity) float64 {
			c := e.Data.(*card)
			return c.handling + c.trip
		}),
		sim.Release(staff.res[0], 1),
		sim.Do(func(e *sim.Entity) {
			st.done++
			st.response.Add(m.s.Now() - e.Data.(*card).at)
		}),
	)
	if sn.PerDay == 0 {
		return nil
	}
	unit, err := random.NewExponential(1, m.streams.Source("special-needs/arrivals"))
	if err != nil {
		return err
	}
	arr, err := sim.NewHourly(hourlyRates(sn.PerDay, sn.Profile), -m.tl.start, unit)
	if err != nil {
		return err
	}
	m.s.NewSource(f, arr).Until(m.tl.horizon).Setup(func(e *sim.Entity, _ int64) {
		c := &card{at: m.s.Now(), handling: handling.Rand()}
		if trip != nil && tripShare.Rand() < sn.TripShare {
			c.trip = trip.Rand()
		}
		e.Data = c
		e.Prio = staff.prio(TaskSpecialNeeds, 0)
		st.arrived++
	}).Start()
	return nil
}
