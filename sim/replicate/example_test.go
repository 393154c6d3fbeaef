package replicate_test

import (
	"context"
	"fmt"

	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/replicate"
)

// Each replication builds its own model from its own streams, so the
// results are the same, in replication order, for any number of workers.
func ExampleRun_model() {
	served := func(_ context.Context, rep int) (int, error) {
		s := sim.New()
		streams := random.NewStreams(7, rep)
		gap, err := random.NewExponential(60, streams.Source("arrivals"))
		if err != nil {
			return 0, err
		}
		n := 0
		flow := sim.NewFlow("resident").OnDone(func(*sim.Entity) { n++ })
		s.NewSource(flow, sim.Renewal{Gap: gap}).Start()
		s.RunUntil(3600)
		return n, nil
	}
	one, _ := replicate.Run(context.Background(), 4, served, replicate.Options{Workers: 1})
	many, _ := replicate.Run(context.Background(), 4, served, replicate.Options{Workers: 3})
	fmt.Println(len(one), fmt.Sprint(one) == fmt.Sprint(many))
	// Output: 4 true
}

// A failing replication stops the ones numbered after it from starting,
// and Run reports the lowest-numbered failure whatever the workers.
func ExampleRun_error() {
	fn := func(_ context.Context, rep int) (int, error) {
		if rep >= 2 {
			return 0, fmt.Errorf("no staff on duty")
		}
		return rep, nil
	}
	_, err := replicate.Run(context.Background(), 5, fn, replicate.Options{Workers: 2})
	fmt.Println(err)
	// Output: replication 2: no staff on duty
}
