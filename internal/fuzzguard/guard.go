package fuzzguard

import (
	"fmt"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Limits bound one fuzz input: the heap it may grow by and the time it may
// take.
type Limits struct {
	Memory uint64
	Time   time.Duration
}

// Default limits: far above what any input of cordon's parsers or of a
// small scenario needs, far below what would swap a 2-core CI machine.
const (
	DefaultMemory = 512 << 20
	DefaultTime   = 20 * time.Second
)

// FromEnv are the default limits, or those of CORDON_FUZZ_MEMORY and
// CORDON_FUZZ_TIME when set.
func FromEnv(t testing.TB) Limits {
	t.Helper()
	l := Limits{Memory: DefaultMemory, Time: DefaultTime}
	if s := os.Getenv("CORDON_FUZZ_MEMORY"); s != "" {
		m, err := parseBytes(s)
		if err != nil {
			t.Fatalf("CORDON_FUZZ_MEMORY=%s: %v", s, err)
		}
		l.Memory = m
	}
	if s := os.Getenv("CORDON_FUZZ_TIME"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			t.Fatalf("CORDON_FUZZ_TIME=%s: want a positive duration such as 20s", s)
		}
		l.Time = d
	}
	return l
}

// parseBytes reads "512MiB", "1GiB", "65536".
func parseBytes(s string) (uint64, error) {
	mult := uint64(1)
	for _, u := range []struct {
		suffix string
		mult   uint64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("want a positive size such as 512MiB")
	}
	return n * mult, nil
}

// Check runs body, one fuzz input's work, under the limits of FromEnv.
func Check(t testing.TB, body func()) { CheckWith(FromEnv(t), body) }

// heapMetric is the bytes of live and not yet swept heap objects.
const heapMetric = "/memory/classes/heap/objects:bytes"

// CheckWith runs body under l. A watchdog samples the heap every few
// milliseconds; when body has grown it by more than l.Memory, or run for
// longer than l.Time, the watchdog panics, which ends the process: a
// runaway cannot be stopped any other way, and the fuzzer keeps the input
// that caused it as a crasher, with the panic's message.
func CheckWith(l Limits, body func()) {
	sample := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	done := make(chan struct{})
	go watch(l, base, done)
	defer close(done)
	body()
}

// watch is the watchdog of CheckWith.
func watch(l Limits, base uint64, done <-chan struct{}) {
	sample := []metrics.Sample{{Name: heapMetric}}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(l.Time)
	defer deadline.Stop()
	for {
		select {
		case <-done:
			return
		case <-deadline.C:
			panic(fmt.Sprintf("fuzzguard: the input ran for more than %v (CORDON_FUZZ_TIME): a hang, or a loop without end", l.Time))
		case <-tick.C:
			metrics.Read(sample)
			if h := sample[0].Value.Uint64(); h > base && h-base > l.Memory {
				panic(fmt.Sprintf("fuzzguard: the input grew the heap by %d MiB, more than the %d MiB of CORDON_FUZZ_MEMORY", (h-base)>>20, l.Memory>>20))
			}
		}
	}
}
