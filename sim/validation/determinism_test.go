package validation

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"testing"

	"cordon/sim"
	"cordon/sim/random"
)

// traceHash hashes every event the kernel fires: time, priority, sequence.
type traceHash struct {
	h interface{ Write([]byte) (int, error) }
}

func (t traceHash) Trace(at float64, p sim.Priority, seq uint64) {
	var b [18]byte
	binary.LittleEndian.PutUint64(b[0:], math.Float64bits(at))
	binary.LittleEndian.PutUint16(b[8:], uint16(p))
	binary.LittleEndian.PutUint64(b[10:], seq)
	t.h.Write(b[:])
}

// mmcTrace runs an M/M/3 with reneging for 10,000 s and returns the hash of
// its event trace and of its arrival times.
func mmcTrace(seed uint64, serviceMean float64) (events, arrivals uint64) {
	streams := random.NewStreams(seed, 0)
	gap, _ := random.NewExponential(1.0/2.5, streams.Source("arrivals"))
	svc, _ := random.NewLogNormal(serviceMean, 0.5, streams.Source("service"))
	pat, _ := random.NewExponential(5, streams.Source("patience"))
	s := sim.New()
	ev, arr := fnv.New64a(), fnv.New64a()
	s.SetTracer(traceHash{ev})
	r := s.NewResource("desk", 3)
	flow := sim.NewFlow("c").Then(sim.Seize(r, 1).Patience(pat, ""), sim.Delay(svc), sim.Release(r, 1))
	s.NewSource(flow, sim.Renewal{Gap: gap}).Setup(func(e *sim.Entity, _ int64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(s.Now()))
		arr.Write(b[:])
	}).Start()
	s.RunUntil(10000)
	return ev.Sum64(), arr.Sum64()
}

// TestSameSeedSameTrace checks that the same seed gives the same event trace,
// and another seed another.
func TestSameSeedSameTrace(t *testing.T) {
	a, _ := mmcTrace(7, 1)
	b, _ := mmcTrace(7, 1)
	c, _ := mmcTrace(8, 1)
	if a != b {
		t.Errorf("same seed, traces %x and %x", a, b)
	}
	if a == c {
		t.Errorf("seeds 7 and 8 gave the same trace %x", a)
	}
}

// TestStreamsAreIndependent checks that changing the service time's
// parameters changes the run but leaves the arrival stream's draws, and so
// the arrival times, exactly as they were.
func TestStreamsAreIndependent(t *testing.T) {
	ev1, arr1 := mmcTrace(7, 1)
	ev2, arr2 := mmcTrace(7, 1.3)
	if ev1 == ev2 {
		t.Error("a slower service did not change the event trace")
	}
	if arr1 != arr2 {
		t.Error("a slower service changed the arrival times")
	}
}
