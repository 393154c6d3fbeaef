package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/random"
)

// garbageRound is the night's garbage collection: at the start of each
// night's window every building's bags wait for a volunteer of its zone, who
// collects from each household in turn.
type garbageRound struct {
	spec       *Garbage
	households int     // households whose bags were due in the run
	collected  int     // households collected
	late       int     // households collected after the window closed
	lastDone   float64 // when the last building was done (seconds after the first window opened)
	firstOpen  float64
	flow       *sim.Flow
	perBag     random.Dist
	bagCount   random.Dist // uniform draws deciding a household's bags
	// the rest of the collection, nil when the scenario leaves it out
	stairs, walk, binTrip random.Dist
	nights                []night // by the day of the run each night's window opens on
}

// night is one night's round: its households, and when its window opened
// and its last building was done (simulation times).
type night struct {
	households, collected, late int
	carried                     int // households not collected when its day ended
	open, lastDone              float64
}

// bags is one building's garbage for one night.
type bags struct {
	households int
	building   int
	zone       int
	night      int     // the day of the run its night's window opened on
	due        float64 // when the window closes
	time       float64 // drawn when the window opens
}

func (m *Model) buildGarbage() error {
	g := m.sc.Garbage
	if g == nil {
		return nil
	}
	gr := &garbageRound{spec: g, firstOpen: -1, nights: make([]night, m.tl.days())}
	m.garbage = gr
	var err error
	if gr.perBag, err = m.dailyDist(g.PerBag, "garbage/per-bag"); err != nil {
		return err
	}
	if gr.bagCount, err = m.dailyUniform("garbage/bags"); err != nil {
		return err
	}
	for _, o := range []struct {
		d    Dist
		to   *random.Dist
		name string
	}{{g.Stairs, &gr.stairs, "garbage/stairs"}, {g.Walk, &gr.walk, "garbage/walk"}, {g.BinTrip, &gr.binTrip, "garbage/bin-trip"}} {
		if o.d.IsNone() {
			continue
		}
		if *o.to, err = m.dailyDist(o.d, o.name); err != nil {
			return err
		}
	}
	vols := m.doer(TaskGarbage)
	f := sim.NewFlow("garbage")
	f.Then(
		sim.StepFunc(func(e *sim.Entity) sim.Outcome {
			res, prio := m.garbageCrew(e.Data.(*bags), vols)
			e.Prio = prio
			return res.Seize(e, 1, 0, -1, -1)
		}),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*bags).time }),
		sim.ReleaseAll(),
		sim.Do(func(e *sim.Entity) {
			b := e.Data.(*bags)
			gr.collected += b.households
			n := &gr.nights[b.night]
			n.collected += b.households
			if m.s.Now() > b.due {
				gr.late += b.households
				n.late += b.households
			}
			gr.lastDone = m.s.Now() - gr.firstOpen
			n.lastDone = m.s.Now()
		}),
	)
	gr.flow = f
	if m.opts.Part == PartSampling {
		return nil // no garbage put out
	}
	for d := 0; d <= m.sc.Horizon.Days; d++ {
		open := m.tl.at(d, g.From)
		if open < 0 || open >= m.tl.horizon {
			continue
		}
		if gr.firstOpen < 0 {
			gr.firstOpen = open
		}
		to := g.To
		if to <= g.From {
			to += day
		}
		m.s.Schedule(open, sim.PriorityDefault, &garbageNight{m: m, due: m.tl.at(d, to)})
	}
	return nil
}

// zoneIndex returns which of the pool's resources serves zone z.
func (p *pool) zoneIndex(z int) int {
	if len(p.res) == 1 {
		return 0
	}
	return z
}

// garbageNight opens one night's window: every building's bags join the
// queue of its zone's volunteers.
type garbageNight struct {
	m   *Model
	due float64
}

func (n *garbageNight) Handle() {
	m := n.m
	gr := m.garbage
	d := m.tl.dayOf(m.s.Now())
	gr.nights[d].open = m.s.Now()
	whole, part := math.Modf(gr.spec.BagsPerHousehold)
	for i, b := range m.sc.Buildings {
		t, put := 0.0, 0
		for range b.Households {
			// A household puts out the whole number of bags, and one more
			// with the probability of the fraction: the mean is right.
			n := int(whole)
			if gr.bagCount.Rand() < part {
				n++
			}
			for range n {
				t += gr.perBag.Rand()
			}
			put += n
		}
		t += gr.rest(b.Households, put)
		gr.households += b.Households
		gr.nights[d].households += b.Households
		m.s.Start(gr.flow, &bags{households: b.Households, building: i, zone: m.zoneOf[b.ID], night: d, due: n.due, time: t})
	}
}

// rest is the time a building's collection takes besides picking up its
// bags: the walk to it, the stairs to each of its households' doors, and a
// trip to the bins each time the volunteer's hands are full. Each part is
// drawn only when the scenario gives it, from a stream of its own, so a
// scenario without them draws exactly as before.
func (gr *garbageRound) rest(households, bags int) float64 {
	t := 0.0
	if gr.walk != nil {
		t += gr.walk.Rand()
	}
	if gr.stairs != nil {
		for range households {
			t += gr.stairs.Rand()
		}
	}
	if gr.binTrip != nil && bags > 0 {
		per := gr.spec.BagsPerTrip
		for range (bags + per - 1) / per {
			t += gr.binTrip.Rand()
		}
	}
	return t
}
