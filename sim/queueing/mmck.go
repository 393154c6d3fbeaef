package queueing

import "fmt"

// MMcK is an M/M/c/K queue: Poisson arrivals at rate Lambda, exponential
// service at rate Mu per server, C servers and room for K jobs in the system
// (K >= C); arrivals that find it full are blocked (lost). Utilisation may
// be >= 1, since the finite room keeps it stable.
type MMcK struct {
	Lambda, Mu float64
	C, K       int
}

// Validate reports whether q is well formed: Lambda finite and >= 0, Mu
// finite and > 0, C >= 1, C <= K <= 2^24 (the distribution is held in
// memory).
func (q MMcK) Validate() error { return q.validate("mmck") }

func (q MMcK) validate(who string) error {
	if err := nonNegative(who, "lambda", q.Lambda); err != nil {
		return err
	}
	if err := positive(who, "mu", q.Mu); err != nil {
		return err
	}
	if q.C < 1 {
		return fmt.Errorf("%s: servers must be >= 1, got %d", who, q.C)
	}
	if q.K < q.C {
		if q.C == 1 {
			return fmt.Errorf("%s: capacity K must be >= 1, got %d", who, q.K)
		}
		return fmt.Errorf("%s: capacity K must be >= servers %d, got %d", who, q.C, q.K)
	}
	if q.K > maxServers {
		return fmt.Errorf("%s: capacity K must be <= %d, got %d", who, maxServers, q.K)
	}
	return nil
}

// Probs returns the stationary distribution p_0..p_K of the number in
// system.
func (q MMcK) Probs() ([]float64, error) { return q.probs("mmck") }

// probs builds the birth–death distribution by its ratios
// p_n/p_{n-1} = a/min(n,c), starting from 1 at the mode and moving outward,
// so that every term lies in [0,1]: no overflow for any K or load. With
// ratio exactly 1 (ρ = 1 beyond c) the terms are exactly equal.
func (q MMcK) probs(who string) ([]float64, error) {
	if err := q.validate(who); err != nil {
		return nil, err
	}
	a := q.Lambda / q.Mu
	mode := q.K
	if a < float64(q.C) {
		mode = int(a) // floor; a < C <= K
	}
	p := make([]float64, q.K+1)
	p[mode] = 1
	for n := mode; n > 0; n-- {
		p[n-1] = p[n] * float64(min(n, q.C)) / a
	}
	for n := mode + 1; n <= q.K; n++ {
		p[n] = p[n-1] * a / float64(min(n, q.C))
	}
	sum := 0.0
	for _, v := range p {
		sum += v
	}
	for n := range p {
		p[n] /= sum
	}
	return p, nil
}

// kMetrics holds the summaries every method derives from the distribution.
type kMetrics struct {
	block, throughput, l, lq, w, wq float64
}

func (q MMcK) metrics(who string) (kMetrics, error) {
	p, err := q.probs(who)
	if err != nil {
		return kMetrics{}, err
	}
	var m kMetrics
	open := 0.0 // 1 - p_K, summed directly to avoid cancellation
	for n, v := range p {
		m.l += float64(n) * v
		m.lq += float64(max(n-q.C, 0)) * v
		if n < q.K {
			open += v
		}
	}
	m.block = p[q.K]
	m.throughput = q.Lambda * open
	// Little's law on the admitted stream; with no traffic an (imagined)
	// arrival finds the system empty: Wq = 0, W = 1/Mu.
	m.w = 1 / q.Mu
	if m.throughput > 0 {
		m.w, m.wq = m.l/m.throughput, m.lq/m.throughput
	}
	return m, nil
}

// ProbBlock returns p_K, the probability that an arrival is blocked.
func (q MMcK) ProbBlock() (float64, error) {
	m, err := q.metrics("mmck")
	return m.block, err
}

// L returns the mean number in system.
func (q MMcK) L() (float64, error) {
	m, err := q.metrics("mmck")
	return m.l, err
}

// Lq returns the mean number waiting.
func (q MMcK) Lq() (float64, error) {
	m, err := q.metrics("mmck")
	return m.lq, err
}

// Throughput returns the admitted rate Lambda·(1-p_K).
func (q MMcK) Throughput() (float64, error) {
	m, err := q.metrics("mmck")
	return m.throughput, err
}

// W returns the mean time in system of an admitted job, L/throughput.
func (q MMcK) W() (float64, error) {
	m, err := q.metrics("mmck")
	return m.w, err
}

// Wq returns the mean wait in queue of an admitted job, Lq/throughput.
func (q MMcK) Wq() (float64, error) {
	m, err := q.metrics("mmck")
	return m.wq, err
}
