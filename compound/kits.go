package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/random"
)

// kitRound is an antigen round: every household of the buildings tested is
// handed a kit for each resident at its door by a volunteer of its zone;
// after the test time it puts out the used kits (a share of them), and a
// volunteer collects them. Every kit handed out is returned (collected),
// not returned (never used and put out), or out (put out and not yet
// collected).
type kitRound struct {
	kits        int // to hand out
	handedOut   int
	returned    int
	notReturned int
	out         int         // used and put out, not yet collected
	households  int         // to hand kits to
	handed      int         // households handed their kits
	toCollect   int         // households that will put used kits out
	collected   int         // households whose kits are collected
	lastHanded  float64     // when the last household was handed its kits
	lastBack    float64     // when the last used kits were collected
	flows       []*sim.Flow // by zone
}

// household is one household of an antigen round: its kits and its draws.
type household struct {
	kits, used          int
	hand, test, collect float64
	zone                int
}

// buildKitRound builds an antigen round: draws, in a fixed order, for each
// household of each building tested (zones as listed): the hand-out time
// (stream sampling/kits/hand-out), the test time (sampling/kits/test), for
// each kit whether it is used (sampling/kits/used) and the collection time
// (sampling/kits/collect); each stream named for the round, @roundN.
func (m *Model) buildKitRound(smp *sampling) error {
	p := smp.plan
	k := p.kits
	hand, err := m.dist(k.HandOut, p.stream("sampling/kits/hand-out"))
	if err != nil {
		return err
	}
	test, err := m.dist(k.Test, p.stream("sampling/kits/test"))
	if err != nil {
		return err
	}
	collect, err := m.dist(k.Collect, p.stream("sampling/kits/collect"))
	if err != nil {
		return err
	}
	used, err := m.dist(Dist{random.Spec{Family: random.FamilyUniform, Min: 0, Max: 1}}, p.stream("sampling/kits/used"))
	if err != nil {
		return err
	}
	kr := &kitRound{}
	smp.kits = kr
	vols := m.doer(TaskDelivery)
	for z := range m.sc.Zones {
		kr.flows = append(kr.flows, m.kitFlow(kr, vols, z))
	}
	var all []*household
	for z, zone := range m.sc.Zones {
		for _, ref := range zone.Buildings {
			ids, _ := ExpandBuildings(ref)
			for _, id := range ids {
				if !p.tests(id) {
					continue
				}
				b := m.sc.Buildings[m.building[id]]
				n := max(b.Households, 1)
				for h := range n {
					if err := m.stopped(); err != nil {
						return err
					}
					kits := b.Residents / n
					if h < b.Residents%n {
						kits++
					}
					if kits == 0 {
						continue
					}
					hh := &household{kits: kits, zone: z, hand: hand.Rand(), test: test.Rand()}
					for range kits {
						if used.Rand() < k.Returned {
							hh.used++
						}
					}
					hh.collect = collect.Rand()
					kr.kits += kits
					kr.households++
					if hh.used > 0 {
						kr.toCollect++
					}
					all = append(all, hh)
				}
			}
		}
	}
	if smp.start < m.tl.horizon {
		m.s.Schedule(smp.start, sim.PriorityDefault, sim.HandlerFunc(func() {
			for _, hh := range all {
				m.s.Start(kr.flows[hh.zone], hh)
			}
		}))
	}
	return nil
}

// kitFlow is the way of one household's kits in zone z: handed out by a
// volunteer of the zone, used, and the used ones collected by one, each
// visit at the delivery task's priority.
func (m *Model) kitFlow(kr *kitRound, vols *pool, z int) *sim.Flow {
	res := vols.res[vols.zoneIndex(z)]
	prio := vols.prio(TaskDelivery, 0)
	const done = "done"
	f := sim.NewFlow("antigen kits, zone " + m.sc.Zones[z].Name)
	f.Then(
		sim.Do(func(e *sim.Entity) { e.Prio = prio }),
		sim.Seize(res, 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*household).hand }),
		sim.Release(res, 1),
		sim.Do(func(e *sim.Entity) {
			hh := e.Data.(*household)
			kr.handedOut += hh.kits
			kr.notReturned += hh.kits - hh.used
			kr.handed++
			kr.lastHanded = m.s.Now()
			if hh.used == 0 {
				e.Jump(done)
			}
		}),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*household).test }),
		sim.Do(func(e *sim.Entity) {
			e.Prio = prio
			kr.out += e.Data.(*household).used
		}),
		sim.Seize(res, 1),
		sim.DelayFor(func(e *sim.Entity) float64 { return e.Data.(*household).collect }),
		sim.Release(res, 1),
		sim.Do(func(e *sim.Entity) {
			hh := e.Data.(*household)
			kr.out -= hh.used
			kr.returned += hh.used
			kr.collected++
			kr.lastBack = m.s.Now()
		}),
	)
	f.Label(done)
	return f
}

// handedOutBy is the time from the start of the round until the last
// household was handed its kits, to the end of the run when some were not;
// 0 when there is no one to hand kits to.
func (e *ending) handedOutBy() float64 {
	kr := e.smp().kits
	return e.lastOfRound(kr.handed, kr.households, kr.lastHanded)
}

// collectedBy is the time from the start of the round until the last used
// kits were collected, to the end of the run when some were not; 0 when
// no kit is used.
func (e *ending) collectedBy() float64 {
	kr := e.smp().kits
	return e.lastOfRound(kr.collected, kr.toCollect, kr.lastBack)
}

// lastOfRound is the time from the start of the round until the last of
// its total things was done (at last), to the end of the run while fewer
// are done; 0 when there is nothing to do.
func (e *ending) lastOfRound(done, total int, last float64) float64 {
	start := e.smp().start
	switch {
	case total == 0:
		return 0
	case done < total:
		return math.Max(e.now-start, 0)
	}
	return math.Max(last-start, 0)
}
