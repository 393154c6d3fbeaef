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
	days     []needsDay // by the day the cards were handed in, in a run of several days
}

// needsDay is the cards handed in on one day.
type needsDay struct {
	arrived, done int
	carried       int // not done when the day ended
	response      stats.Tally
}

// card is one special-needs card, its times drawn when it is handed in.
type card struct {
	at       float64
	day      int // the day of the run it was handed in on
	handling float64
	trip     float64
}

func (m *Model) buildSpecialNeeds() error {
	sn := m.sc.SpecialNeeds
	if sn == nil {
		return nil
	}
	st := &specialNeeds{spec: sn}
	values := m.keep.has(figResponses)
	if values {
		st.response.KeepValues()
	}
	if n := m.tl.days(); n > 1 && m.keep.has(figDays) {
		st.days = make([]needsDay, n)
		for d := range st.days {
			if values {
				st.days[d].response.KeepValues()
			}
		}
	}
	m.needs = st
	staff := m.doer(TaskSpecialNeeds)
	handling, err := m.dailyDist(sn.Handling, "special-needs/handling")
	if err != nil {
		return err
	}
	var trip, tripShare random.Dist
	if sn.TripShare > 0 {
		if trip, err = m.dailyDist(sn.Trip, "special-needs/trip"); err != nil {
			return err
		}
		if tripShare, err = m.dailyUniform("special-needs/trip-share"); err != nil {
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
			c := e.Data.(*card)
			st.done++
			st.response.Add(m.s.Now() - c.at)
			if st.days != nil {
				st.days[c.day].done++
				st.days[c.day].response.Add(m.s.Now() - c.at)
			}
		}),
	)
	if sn.PerDay == 0 || m.opts.Part == PartSampling {
		return nil // no card comes in
	}
	return m.dailyArrivals("special-needs/arrivals", hourlyRates(sn.PerDay, sn.Profile), f, nil, func(e *sim.Entity, _ int64) {
		c := &card{at: m.s.Now(), day: m.tl.dayOf(m.s.Now()), handling: handling.Rand()}
		if trip != nil && tripShare.Rand() < sn.TripShare {
			c.trip = trip.Rand()
		}
		e.Data = c
		e.Prio = staff.prio(TaskSpecialNeeds, 0)
		st.arrived++
		if st.days != nil {
			st.days[c.day].arrived++
		}
	})
}
