package queueing

import (
	"fmt"
	"math"
)

// MinServers returns the least c such that the M/M/c queue with arrival
// rate lambda and service rate mu per server is stable and its mean wait in
// queue Wq is at most maxWq: the staffing a planner needs for a mean-wait
// target. The answer is at least 1 (an M/M/c queue has a server), even when
// lambda is 0; see [MinStable] for a bound that may be 0.
//
// lambda must be finite and >= 0, mu finite and > 0, maxWq >= 0 (+Inf asks
// for stability only); maxWq = 0 is only reachable when lambda is 0.
func MinServers(lambda, mu, maxWq float64) (int, error) {
	const who = "minservers"
	if err := staffingRates(who, lambda, mu); err != nil {
		return 0, err
	}
	if math.IsNaN(maxWq) || maxWq < 0 {
		return 0, fmt.Errorf("%s: maxWq must be >= 0, got %g", who, maxWq)
	}
	if maxWq == 0 && lambda > 0 {
		return 0, fmt.Errorf("%s: maxWq must be > 0 when lambda > 0 (the mean wait is then positive), got 0", who)
	}
	return searchServers(who, lambda, mu, func(q MMc, cw float64) bool {
		return q.wq(cw) <= maxWq
	})
}

// MinServersForQuantile returns the least c such that the M/M/c queue with
// arrival rate lambda and service rate mu per server is stable and the
// p-quantile of its FIFO waiting time is at most maxWait (see
// [MMc.WaitQuantile]). p must be in [0,1) and maxWait >= 0; the answer is
// at least 1.
func MinServersForQuantile(lambda, mu, p, maxWait float64) (int, error) {
	const who = "minserversforquantile"
	if err := staffingRates(who, lambda, mu); err != nil {
		return 0, err
	}
	if err := probability(who, "quantile p", p); err != nil {
		return 0, err
	}
	if math.IsNaN(maxWait) || maxWait < 0 {
		return 0, fmt.Errorf("%s: maxWait must be >= 0, got %g", who, maxWait)
	}
	return searchServers(who, lambda, mu, func(q MMc, cw float64) bool {
		return q.waitQuantile(cw, p) <= maxWait
	})
}

func staffingRates(who string, lambda, mu float64) error {
	if err := nonNegative(who, "lambda", lambda); err != nil {
		return err
	}
	return positive(who, "mu", mu)
}

// searchServers scans c = 1, 2, ... carrying the Erlang B recurrence along,
// and returns the first stable c whose Erlang C value cw satisfies ok. The
// values it tests are bit-for-bit those [MMc] computes for the same c.
func searchServers(who string, lambda, mu float64, ok func(q MMc, cw float64) bool) (int, error) {
	a := lambda / mu
	if a >= maxServers {
		return 0, fmt.Errorf("%s: offered load %g Erlangs exceeds the supported %d servers", who, a, maxServers)
	}
	b := 1.0
	for c := 1; c <= maxServers; c++ {
		b = erlangBStep(b, c, a)
		q := MMc{Lambda: lambda, Mu: mu, C: c}
		if q.Rho() < 1 && ok(q, erlangCFromB(c, a, b)) {
			return c, nil
		}
	}
	return 0, fmt.Errorf("%s: no server count up to %d meets the target", who, maxServers)
}
