package sim_test

import (
	"fmt"

	"cordon/sim"
	"cordon/sim/queueing"
	"cordon/sim/random"
	"cordon/sim/record"
)

// An M/M/5 queue with λ = 4.5 and μ = 1, simulated for 100,000 s and compared
// with Erlang C.
func Example() {
	streams := random.NewStreams(1, 0) // seed 1, replication 0
	gap, _ := random.NewExponential(1/4.5, streams.Source("arrivals"))
	service, _ := random.NewExponential(1, streams.Source("service"))

	s := sim.New()
	servers := s.NewResource("servers", 5)
	rec := record.NewResource(servers, 0) // waits, queue length, utilisation
	flow := sim.NewFlow("customer").Then(
		sim.Seize(servers, 1),
		sim.Delay(service),
		sim.Release(servers, 1),
	)
	s.NewSource(flow, sim.Renewal{Gap: gap}).Start()
	s.RunUntil(100_000)

	q := queueing.MMc{Lambda: 4.5, Mu: 1, C: 5}
	wq, _ := q.Wq()
	fmt.Printf("mean wait %.1f s (Erlang C: %.1f s), utilisation %.2f\n",
		rec.Wait.Mean(), wq, rec.Utilisation(s.Now()))
	// Output: mean wait 1.5 s (Erlang C: 1.5 s), utilisation 0.90
}
