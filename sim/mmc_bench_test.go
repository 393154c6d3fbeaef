package sim_test

import (
	"math/rand/v2"
	"testing"

	"cordon/sim"
)

type expo struct {
	r    *rand.Rand
	mean float64
}

func (e expo) Rand() float64 { return e.r.ExpFloat64() * e.mean }

func BenchmarkMMCSmoke(b *testing.B) {
	s := sim.New()
	servers := s.NewResource("servers", 5)
	svc := expo{rand.New(rand.NewPCG(1, 2)), 1}
	var done int64
	flow := sim.NewFlow("customer").Then(sim.Seize(servers, 1), sim.Delay(svc), sim.Release(servers, 1)).
		OnDone(func(*sim.Entity) { done++ })
	src := s.NewSource(flow, sim.Renewal{Gap: expo{rand.New(rand.NewPCG(3, 4)), 1 / 4.5}})
	src.Start()
	b.ReportAllocs()
	for b.Loop() {
		before := done
		for done == before {
			s.Step()
		}
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "customers/s")
}
