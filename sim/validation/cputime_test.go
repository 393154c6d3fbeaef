package validation

import (
	"runtime"
	"slices"
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time the calling OS thread has used so far. A
// benchmark that compares two loops on a machine shared with other work
// times each by the CPU it used, on one locked thread, rather than by the
// wall clock, which counts the time other processes held the core. It reads
// the thread's CPU clock, to the nanosecond: getrusage's time for one
// thread advances in coarse, uneven steps (0.15 to 0.9 ms measured under
// load), so turns of 12 to 16 ms came out as a few steps and the ratios as
// 0.4, 0.5 or 0.75.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// pairedRates runs each of serve in turn, n customers a turn, for rounds
// rounds on one locked OS thread, and returns, for each, its median rate in
// customers per CPU second, and for each after the first the median over
// rounds of the first's rate divided by its rate in the same round: paired
// runs, so that a round slowed by other work on the machine slows both
// sides alike.
func pairedRates(rounds, n int, serve ...func(n int)) (rates, ratios []float64) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	per := make([][]float64, len(serve))
	for range rounds {
		for i, f := range serve {
			start := threadCPU()
			f(n)
			took := (threadCPU() - start).Seconds()
			if took <= 0 {
				took = 1e-9
			}
			per[i] = append(per[i], float64(n)/took)
		}
	}
	for i := range serve {
		rates = append(rates, median(per[i]))
		if i == 0 {
			continue
		}
		r := make([]float64, rounds)
		for k := range r {
			r[k] = per[0][k] / per[i][k]
		}
		ratios = append(ratios, median(r))
	}
	return rates, ratios
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}
