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
}

// bags is one building's garbage for one night.
type bags struct {
	households int
	building   int
	zone       int
	due        float64 // when the window closes
	time       float64 // drawn when the window opens
}

func (m *Model) buildGarbage() error {
	g := m.sc.Garbage
	if g == nil {
		return nil
	}
	gr := &garbageRound{spec: g, firstOpen: -1}
	m.garbage = gr
	var err error
	if gr.perBag, err = m.dist(g.PerBag, "garbage/per-bag"); err != nil {
		return err
	}
	if gr.bagCount, err = random.NewUniform(0, 1, m.streams.Source("garbage/bags")); err != nil {
		return err
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
			if m.s.Now() > b.due {
				gr.late += b.households
			}
			gr.lastDone = m.s.Now() - gr.firstOpen
		}),
	)
	gr.flow = f
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
	whole, part := math.Modf(gr.spec.BagsPerHousehold)
	for i, b := range m.sc.Buildings {
		t := 0.0
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
		}
		gr.households += b.Households
		m.s.Start(gr.flow, &bags{households: b.Households, building: i, zone: m.zoneOf[b.ID], due: n.due, time: t})
	}
}
