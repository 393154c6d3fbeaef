package random_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"cordon/sim/random"
)

// draws returns the next n values of src.
func draws(src rand.Source, n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = src.Uint64()
	}
	return out
}

func TestStreamsReproducible(t *testing.T) {
	a := draws(random.NewStreams(42, 3).Source("gate"), 100)
	b := draws(random.NewStreams(42, 3).Source("gate"), 100)
	if !slices.Equal(a, b) {
		t.Error("the same (seed, replication, name) gave different draws")
	}
}

func TestStreamsDiffer(t *testing.T) {
	base := draws(random.NewStreams(42, 3).Source("gate"), 10)
	for _, tc := range []struct {
		what        string
		seed        uint64
		replication int
		name        string
	}{
		{"name", 42, 3, "gate2"},
		{"name prefix", 42, 3, "gat"},
		{"empty name", 42, 3, ""},
		{"replication", 42, 4, "gate"},
		{"negative replication", 42, -3, "gate"},
		{"seed", 43, 3, "gate"},
	} {
		got := draws(random.NewStreams(tc.seed, tc.replication).Source(tc.name), 10)
		if slices.Equal(got, base) {
			t.Errorf("changing the %s did not change the draws", tc.what)
		}
	}
}

// TestStreamsIndependent checks the key property: creating and drawing from
// other streams never shifts the draws of a stream.
func TestStreamsIndependent(t *testing.T) {
	const n = 1000
	alone := draws(random.NewStreams(42, 0).Source("a"), n)

	s := random.NewStreams(42, 0)
	b0 := s.Source("b") // created before "a"
	a := s.Source("a")
	draws(b0, 17)
	interleaved := make([]uint64, n)
	for i := range interleaved {
		interleaved[i] = a.Uint64()
		draws(s.Source("b"), i%3)
		draws(s.Source("c"), 1)
	}
	if !slices.Equal(alone, interleaved) {
		t.Error("drawing from other streams shifted the draws of stream a")
	}
}

func TestStreamsSourceShared(t *testing.T) {
	s := random.NewStreams(1, 2)
	first, again := s.Source("x"), s.Source("x")
	if first != again {
		t.Error("Source returned different streams for one name")
	}
	if s.Source("x") == s.Source("y") {
		t.Error("Source returned one stream for two names")
	}
}

func TestStreamsAccessors(t *testing.T) {
	s := random.NewStreams(9, 4)
	if s.Seed() != 9 || s.Replication() != 4 {
		t.Errorf("Seed, Replication = %v, %v, want 9, 4", s.Seed(), s.Replication())
	}
	if got := s.Names(); len(got) != 0 {
		t.Errorf("Names() = %q before any Source, want none", got)
	}
	for _, name := range []string{"service", "arrivals", "service", "gate"} {
		s.Source(name)
	}
	if got, want := s.Names(), []string{"arrivals", "gate", "service"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
}
