package experiment_test

import (
	"slices"
	"strings"
	"testing"

	"cordon/experiment"
	"cordon/scenarios"
)

// postsAtTheSites add to small.yaml a fever check for a tenth of the
// residents at their sites, with servers of its own, and a tent served by
// the gate crew.
var postsAtTheSites = []scenarios.Override{
	{Path: "posts", Value: "[{name: fever, servers: 2, service: 5m, hour_cost: 50}, {name: tent, staff: gate-crew, service: 10m}]"},
	{Path: "routes", Value: "[{from: site, to: fever, share: 0.1}, {from: site, to: site, share: 0.9}, {from: fever, to: tent, share: 0.2}, {from: fever, to: site, share: 0.8}]"},
}

// TestPostKnobs: a post with servers of its own is a staff knob at its
// hour cost that moves the posts' KPIs and those of the flow that reaches
// it (here the sampling round); a pool that serves at a post moves them
// too; the posts' servers are in the cost.
func TestPostKnobs(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/small.yaml", postsAtTheSites...)
	if err != nil {
		t.Fatal(err)
	}
	ks := experiment.Knobs(sc)
	i := slices.IndexFunc(ks, func(k experiment.Knob) bool { return k.Path == "posts.fever.servers" })
	if i < 0 {
		t.Fatal("no knob posts.fever.servers")
	}
	k := ks[i]
	hours := float64(sc.Horizon.Days) * 24
	if k.Resource != experiment.KnobStaff || k.UnitCost != 50*hours || k.Value(sc) != 2 {
		t.Errorf("knob %+v", k)
	}
	for _, name := range []string{"posts.fever.wait.mean", "posts.network_time.mean", "sampling.makespan"} {
		if !k.Affects(name) {
			t.Errorf("%s does not affect %s", k.Name, name)
		}
	}
	if k.Affects("express.door_time.mean") {
		t.Errorf("%s affects deliveries", k.Name)
	}
	if slices.ContainsFunc(ks, func(k experiment.Knob) bool { return strings.HasPrefix(k.Path, "posts.tent") }) {
		t.Error("a knob for the tent's servers: the gate crew serves there")
	}
	crew := slices.IndexFunc(ks, func(k experiment.Knob) bool { return k.Pool == "gate-crew" })
	if crew < 0 || !ks[crew].Affects("posts.tent.wait.mean") {
		t.Errorf("the gate crew's knob does not move the tent's wait")
	}
	if d := experiment.Cost(k.With(sc, 3)) - experiment.Cost(sc); d != 50*hours {
		t.Errorf("one more fever server costs %v, want %v", d, 50*hours)
	}
}
