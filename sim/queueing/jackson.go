package queueing

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Jackson is an open Jackson network of K stations. Station k has
// Servers[k] exponential servers at rate Mu[k] each and receives external
// Poisson arrivals at rate External[k]; a job leaving station i goes to
// station j with probability Routing[i][j] and leaves the network with the
// rest of row i. Stations are numbered from 0.
type Jackson struct {
	External []float64   // external arrival rate per station
	Mu       []float64   // service rate per server
	Servers  []int       // servers per station
	Routing  [][]float64 // Routing[i][j]: probability a job leaving i goes to j
}

// StationResult is the steady state of one station of a [Jackson] network.
type StationResult struct {
	Lambda, Rho, Lq, L, Wq, W float64
}

// rowSumTol is how far above 1 a routing row may sum, for rounding.
const rowSumTol = 1e-12

// Validate reports whether n is well formed: at least one station, slices
// of equal length, rates finite (External >= 0, Mu > 0), Servers >= 1,
// routing probabilities in [0,1] with row sums <= 1, and every station able
// to reach the exit, so that I-P is invertible. Stability is checked by
// [Jackson.Stations].
func (n Jackson) Validate() error {
	k := len(n.External)
	if k == 0 {
		return fmt.Errorf("jackson: External must list at least one station, got none")
	}
	if len(n.Mu) != k || len(n.Servers) != k || len(n.Routing) != k {
		return fmt.Errorf("jackson: Mu, Servers and Routing must have len(External) = %d entries, got %d, %d and %d",
			k, len(n.Mu), len(n.Servers), len(n.Routing))
	}
	for i := range k {
		if err := nonNegative("jackson", fmt.Sprintf("External[%d]", i), n.External[i]); err != nil {
			return err
		}
		if err := positive("jackson", fmt.Sprintf("Mu[%d]", i), n.Mu[i]); err != nil {
			return err
		}
		if n.Servers[i] < 1 {
			return fmt.Errorf("jackson: Servers[%d] must be >= 1, got %d", i, n.Servers[i])
		}
		if len(n.Routing[i]) != k {
			return fmt.Errorf("jackson: Routing[%d] must have %d entries, got %d", i, k, len(n.Routing[i]))
		}
		sum := 0.0
		for j, p := range n.Routing[i] {
			if !(p >= 0 && p <= 1) {
				return fmt.Errorf("jackson: Routing[%d][%d] must be in [0,1], got %g", i, j, p)
			}
			sum += p
		}
		if sum > 1+rowSumTol {
			return fmt.Errorf("jackson: Routing[%d] must sum to <= 1, got %g", i, sum)
		}
	}
	if i := n.trapped(); i >= 0 {
		return fmt.Errorf("jackson: jobs at station %d never leave the network (I-P is singular)", i)
	}
	return nil
}

// trapped returns a station from which no routing path reaches a station
// with positive exit probability, or -1 if there is none. A substochastic P
// has spectral radius < 1, i.e. I-P invertible, exactly when there is none.
func (n Jackson) trapped() int {
	k := len(n.Routing)
	exits := make([]bool, k)
	var queue []int
	for i, row := range n.Routing {
		sum := 0.0
		for _, p := range row {
			sum += p
		}
		if sum < 1 {
			exits[i] = true
			queue = append(queue, i)
		}
	}
	// Walk routing edges backwards from the exits.
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		for i := range k {
			if !exits[i] && n.Routing[i][j] > 0 {
				exits[i] = true
				queue = append(queue, i)
			}
		}
	}
	for i, ok := range exits {
		if !ok {
			return i
		}
	}
	return -1
}

// ArrivalRates solves the traffic equations λ = γ + Pᵀλ, that is
// (I - Pᵀ)λ = γ, for the total arrival rate at each station.
func (n Jackson) ArrivalRates() ([]float64, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	k := len(n.External)
	a := mat.NewDense(k, k, nil)
	for i, row := range n.Routing {
		for j, p := range row {
			a.Set(j, i, -p)
		}
		a.Set(i, i, a.At(i, i)+1)
	}
	gamma := mat.NewVecDense(k, append([]float64(nil), n.External...))
	var x mat.VecDense
	if err := x.SolveVec(a, gamma); err != nil {
		return nil, fmt.Errorf("jackson: routing matrix too close to jobs never leaving: %v", err)
	}
	lambda := make([]float64, k)
	for i := range lambda {
		// The exact solution is >= 0; drop rounding noise below zero.
		lambda[i] = max(x.AtVec(i), 0)
		if !finite(lambda[i]) {
			return nil, fmt.Errorf("jackson: traffic equations gave arrival rate %g at station %d", lambda[i], i)
		}
	}
	return lambda, nil
}

// Stations returns each station's steady state as an independent M/M/c
// queue fed at its total arrival rate (Jackson's theorem). The error names
// the first unstable station.
func (n Jackson) Stations() ([]StationResult, error) {
	lambda, err := n.ArrivalRates()
	if err != nil {
		return nil, err
	}
	res := make([]StationResult, len(lambda))
	for i, l := range lambda {
		q := MMc{Lambda: l, Mu: n.Mu[i], C: n.Servers[i]}
		if rho := q.Rho(); rho >= 1 {
			return nil, fmt.Errorf("jackson: station %d %w, utilisation %.6g >= 1", i, ErrUnstable, rho)
		}
		r := StationResult{Lambda: l, Rho: q.Rho()}
		// q is valid and stable here, so these cannot fail.
		r.Lq, _ = q.Lq()
		r.L, _ = q.L()
		r.Wq, _ = q.Wq()
		r.W, _ = q.W()
		res[i] = r
	}
	return res, nil
}

// SojournTime returns the mean time an external arrival spends in the
// network, Σ L_k / Σ γ_k (Little's law on the whole network). It needs some
// external traffic.
func (n Jackson) SojournTime() (float64, error) {
	st, err := n.Stations()
	if err != nil {
		return 0, err
	}
	g, err := n.externalTotal()
	if err != nil {
		return 0, err
	}
	l := 0.0
	for _, s := range st {
		l += s.L
	}
	return l / g, nil
}

// VisitRatios returns λ_k / Σ γ: the mean number of visits an external
// arrival makes to each station. It needs some external traffic.
func (n Jackson) VisitRatios() ([]float64, error) {
	lambda, err := n.ArrivalRates()
	if err != nil {
		return nil, err
	}
	g, err := n.externalTotal()
	if err != nil {
		return nil, err
	}
	for i := range lambda {
		lambda[i] /= g
	}
	return lambda, nil
}

func (n Jackson) externalTotal() (float64, error) {
	g := 0.0
	for _, v := range n.External {
		g += v
	}
	if g <= 0 || math.IsInf(g, 0) {
		return 0, fmt.Errorf("jackson: External must sum to a finite rate > 0, got %g", g)
	}
	return g, nil
}
