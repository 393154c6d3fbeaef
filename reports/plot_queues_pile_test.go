package reports

import (
	"context"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// TestPlotQueuesShowsThePile: when the gate piles (two-days, day 1), the
// queues plot has a line for the items on the pile outside the gate, the
// mean over replications of each one's pile, rising above zero; the
// staging line stays the couriers waiting for a place, none with a pile.
func TestPlotQueuesShowsThePile(t *testing.T) {
	sc, err := scenarios.Resolve("two-days")
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(1)
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 3, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	all, _, err := queuePosts(o)
	if err != nil {
		t.Fatal(err)
	}
	var pile, staging *postQueue
	for _, q := range all {
		switch q.name {
		case "pile":
			pile = q
		case "staging":
			staging = q
		}
	}
	if pile == nil || staging == nil {
		t.Fatalf("a pile line %t, a staging line %t: want both", pile != nil, staging != nil)
	}
	want, err := seriesOf(o, "pile at staging")
	if err != nil {
		t.Fatal(err)
	}
	mean := want.mean()
	for i := range mean {
		if !near(pile.mean[i], mean[i]) {
			t.Fatalf("pile line at %d = %v, want the replications' mean %v", i, pile.mean[i], mean[i])
		}
	}
	if pile.peak < 10 || staging.peak != 0 {
		t.Errorf("most on the pile %v (want many on day 1), couriers waiting for staging %v (want none)", pile.peak, staging.peak)
	}
	fig, err := queuesPlot(English().figures, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fig.layer("pile outside the gate"); !ok {
		t.Errorf("the queues plot draws no pile: layers %v", fig.layers)
	}
}
