package experiment_test

import (
	"context"
	"fmt"

	"cordon/scenarios"
	"cordon/sim/experiment"
)

// Run the built-in day-one scenario over 10 replications and read a KPI and
// the top bottleneck.
func ExampleRun() {
	sc, _ := scenarios.Resolve("day-one")
	out, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	k, _ := out.KPI("sampling.not_sampled")
	fmt.Printf("residents not sampled: %.0f\n", k.Mean)
	fmt.Println("top bottleneck:", out.Bottlenecks[0].Post)
	// Output:
	// residents not sampled: 0
	// top bottleneck: staging
}
