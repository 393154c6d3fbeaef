package compound_test

import (
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestPartRefused: a part runs alone only of a separable scenario, and
// never with a log or a replay, which are of the whole compound.
func TestPartRefused(t *testing.T) {
	sealed, err := scenarios.Resolve("sealed-building")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compound.Build(sealed, 0, compound.Options{Part: compound.PartSampling}); err == nil {
		t.Error("the sampling of a scenario with a sealed building ran alone")
	}
	base, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compound.Build(base, 0, compound.Options{Part: compound.PartDeliveries, Log: &compound.Log{}}); err == nil {
		t.Error("a part ran alone with a log")
	}
	if _, err := compound.Build(base, 0, compound.Options{Part: compound.PartDeliveries}); err != nil {
		t.Errorf("the baseline's deliveries alone: %v", err)
	}
}
