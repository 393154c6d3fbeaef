package queueing

import (
	"fmt"
	"math"
)

// MMcA is the Erlang-A queue, M/M/c+M: Poisson arrivals at rate Lambda,
// exponential service at rate Mu per server, C servers, and customers who
// leave the queue unserved after an exponential patience of rate Theta.
// With Theta > 0 it is stable at any load.
type MMcA struct {
	Lambda, Mu, Theta float64
	C                 int
}

// Validate reports whether q is well formed: Lambda finite and >= 0, Mu and
// Theta finite and > 0, 1 <= C <= 2^24.
func (q MMcA) Validate() error {
	if err := nonNegative("mmca", "lambda", q.Lambda); err != nil {
		return err
	}
	if err := positive("mmca", "mu", q.Mu); err != nil {
		return err
	}
	if err := positive("mmca", "theta", q.Theta); err != nil {
		return err
	}
	if q.C < 1 || q.C > maxServers {
		return fmt.Errorf("mmca: servers must be from 1 to %d, got %d", maxServers, q.C)
	}
	return nil
}

// tailCut is how far below its largest term the distribution is cut off:
// e^-60 of the mode, below any figure's rounding.
const tailCut = 60

// Probs returns the stationary distribution p_0, p_1, ... of the number in
// system, cut where the terms fall below e^-60 of the largest. It is the
// birth–death chain with birth rate λ and death rate min(n,c)μ +
// max(n−c,0)θ, built in logarithms so that no term overflows.
func (q MMcA) Probs() ([]float64, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if q.Lambda == 0 {
		return []float64{1}, nil
	}
	logs := []float64{0}
	top := 0.0
	for n := 1; ; n++ {
		death := float64(min(n, q.C))*q.Mu + float64(max(n-q.C, 0))*q.Theta
		l := logs[n-1] + math.Log(q.Lambda/death)
		logs = append(logs, l)
		top = math.Max(top, l)
		if death > q.Lambda && l < top-tailCut || n >= maxServers {
			break
		}
	}
	p := make([]float64, len(logs))
	sum := 0.0
	for n, l := range logs {
		p[n] = math.Exp(l - top)
		sum += p[n]
	}
	for n := range p {
		p[n] /= sum
	}
	return p, nil
}

// aMetrics are the figures of an Erlang-A queue.
type aMetrics struct {
	lq, l, busy float64
}

func (q MMcA) metrics() (aMetrics, error) {
	p, err := q.Probs()
	if err != nil {
		return aMetrics{}, err
	}
	var m aMetrics
	for n, v := range p {
		m.l += float64(n) * v
		m.lq += float64(max(n-q.C, 0)) * v
		m.busy += float64(min(n, q.C)) * v
	}
	return m, nil
}

// Lq returns the mean number waiting.
func (q MMcA) Lq() (float64, error) {
	m, err := q.metrics()
	return m.lq, err
}

// ProbAbandon returns the share of arrivals who leave unserved, θ·Lq/λ (0
// with no arrivals).
func (q MMcA) ProbAbandon() (float64, error) {
	m, err := q.metrics()
	if err != nil || q.Lambda == 0 {
		return 0, err
	}
	return q.Theta * m.lq / q.Lambda, nil
}

// Wq returns the mean time in queue of an arrival, served or not, Lq/λ.
func (q MMcA) Wq() (float64, error) {
	m, err := q.metrics()
	if err != nil || q.Lambda == 0 {
		return 0, err
	}
	return m.lq / q.Lambda, nil
}

// Utilisation returns the mean share of the servers busy.
func (q MMcA) Utilisation() (float64, error) {
	m, err := q.metrics()
	return m.busy / float64(q.C), err
}
