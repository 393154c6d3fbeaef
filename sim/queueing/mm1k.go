package queueing

// MM1K is an M/M/1/K queue: [MMcK] with one server, arrival rate Lambda,
// service rate Mu and room for K >= 1 jobs in the system. Arrivals that find
// it full are lost; any utilisation is allowed, and ρ = 1 is handled exactly
// (p_n = 1/(K+1)).
type MM1K struct {
	Lambda, Mu float64
	K          int
}

func (q MM1K) general() MMcK { return MMcK{Lambda: q.Lambda, Mu: q.Mu, C: 1, K: q.K} }

// Validate reports whether q is well formed: Lambda finite and >= 0, Mu
// finite and > 0, 1 <= K <= 2^24.
func (q MM1K) Validate() error { return q.general().validate("mm1k") }

// Probs returns the stationary distribution p_0..p_K of the number in
// system.
func (q MM1K) Probs() ([]float64, error) { return q.general().probs("mm1k") }

// ProbBlock returns p_K, the probability that an arrival is blocked.
func (q MM1K) ProbBlock() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.block, err
}

// L returns the mean number in system.
func (q MM1K) L() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.l, err
}

// Lq returns the mean number waiting.
func (q MM1K) Lq() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.lq, err
}

// Throughput returns the admitted rate Lambda·(1-p_K).
func (q MM1K) Throughput() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.throughput, err
}

// W returns the mean time in system of an admitted job, L/throughput.
func (q MM1K) W() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.w, err
}

// Wq returns the mean wait in queue of an admitted job, Lq/throughput.
func (q MM1K) Wq() (float64, error) {
	m, err := q.general().metrics("mm1k")
	return m.wq, err
}
