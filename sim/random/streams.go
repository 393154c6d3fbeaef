package random

import (
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"math/rand/v2"
	"slices"
)

// Streams hands out the named random streams of one replication.
//
// A Streams is not safe for concurrent use; make one per replication.
type Streams struct {
	seed        uint64
	replication int
	byName      map[string]*rand.PCG
}

// NewStreams returns the streams of the given replication of a scenario
// run with the given seed.
func NewStreams(seed uint64, replication int) *Streams {
	return &Streams{seed: seed, replication: replication, byName: map[string]*rand.PCG{}}
}

// Seed returns the scenario seed.
func (s *Streams) Seed() uint64 { return s.seed }

// Replication returns the replication number.
func (s *Streams) Replication() int { return s.replication }

// Source returns the stream called name: a *rand.PCG seeded from (seed,
// replication, name). Asking twice for the same name returns the same stream
// (the same pointer), so two users of one name share draws.
func (s *Streams) Source(name string) *rand.PCG {
	if src, ok := s.byName[name]; ok {
		return src
	}
	src := rand.NewPCG(streamSeed(s.seed, s.replication, name))
	s.byName[name] = src
	return src
}

// Names returns the names handed out so far, sorted.
func (s *Streams) Names() []string {
	return slices.Sorted(maps.Keys(s.byName))
}

// streamSeed hashes (seed, replication, name) into the two 64-bit words of a
// PCG. The encoding is unambiguous: two fixed-width little-endian words,
// then the name's bytes to the end. Both PCG words come from the hash, since
// the second is state, not a stream selector.
func streamSeed(seed uint64, replication int, name string) (uint64, uint64) {
	buf := make([]byte, 0, 16+len(name))
	buf = binary.LittleEndian.AppendUint64(buf, seed)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(replication))
	buf = append(buf, name...)
	sum := sha256.Sum256(buf)
	return binary.LittleEndian.Uint64(sum[0:8]), binary.LittleEndian.Uint64(sum[8:16])
}
