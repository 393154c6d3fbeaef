package experiment_test

import (
	"context"
	"fmt"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
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

// Split a sweep into two shards, as two machines would run it, and merge
// their parts back into the sweep one process would have made.
func ExampleMerge() {
	axis, _ := experiment.ParseAxis("gate.ground=20,60")
	seed := uint64(7)
	opt := experiment.Options{Replications: 3, Seed: &seed}
	w, err := experiment.NewSweepWork([]experiment.Axis{axis}, func(v []string) (*compound.Scenario, error) {
		return scenarios.Resolve("day-one", scenarios.Override{Path: axis.Path, Value: v[0]})
	}, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	var parts []*experiment.Part
	for i := range 2 {
		shard := experiment.Shard{Index: i, Count: 2}
		results, err := experiment.RunWork(context.Background(), w, shard, opt)
		if err != nil {
			fmt.Println(err)
			return
		}
		p, err := experiment.NewPart(w, shard, results, "example")
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("shard %v: units %v\n", p.Shard, p.Units)
		parts = append(parts, p)
	}
	merged, results, err := experiment.Merge(parts, []string{"part-0", "part-1"}, func(s experiment.Shard) string { return "a shard" })
	if err != nil {
		fmt.Println(err)
		return
	}
	product, err := merged.Assemble(results)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, pt := range product.Sweep.Points {
		k, _ := pt.Outcome.KPI("gate.turned_away")
		fmt.Printf("ground %s: %d replications, items turned away %.0f\n", pt.Values[0], pt.Outcome.Replications, k.Mean)
	}
	_, _, err = experiment.Merge(parts[:1], []string{"part-0"}, func(s experiment.Shard) string { return "part-" + fmt.Sprint(s.Index) })
	fmt.Println(err)
	// Output:
	// shard 0/2: units [0 2 4]
	// shard 1/2: units [1 3 5]
	// ground 20: 3 replications, items turned away 12
	// ground 60: 3 replications, items turned away 0
	// part-1: missing: no part is shard 1/2
}
