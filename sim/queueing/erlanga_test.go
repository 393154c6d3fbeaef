package queueing

import (
	"math"
	"testing"
)

// TestErlangAWithPatienceAsService: with θ = μ every customer leaves at
// rate μ whether served or waiting, so the number in system is that of
// M/M/∞, Poisson(λ/μ): Lq = E[(N−c)+], busy servers E[min(N,c)].
func TestErlangAWithPatienceAsService(t *testing.T) {
	m := mustF(t)
	for _, c := range []int{1, 3, 10} {
		for _, a := range []float64{0.5, 3, 12} {
			q := MMcA{Lambda: a * 2, Mu: 2, Theta: 2, C: c}
			lq, busy := 0.0, 0.0
			pn := math.Exp(-a)
			for n := 0; n < 200; n++ {
				lq += float64(max(n-c, 0)) * pn
				busy += float64(min(n, c)) * pn
				pn *= a / float64(n+1)
			}
			checkNear(t, "Lq", m(q.Lq()), lq, 1e-9)
			checkNear(t, "Utilisation", m(q.Utilisation()), busy/float64(c), 1e-9)
			checkNear(t, "ProbAbandon", m(q.ProbAbandon()), 2*lq/q.Lambda, 1e-9)
		}
	}
}

// TestErlangANearErlangC: as patience grows without end (θ → 0) a stable
// queue's Lq tends to Erlang C's.
func TestErlangANearErlangC(t *testing.T) {
	m := mustF(t)
	c := MMc{Lambda: 2.4, Mu: 1, C: 3}
	want := m(c.Lq())
	got := m(MMcA{Lambda: 2.4, Mu: 1, Theta: 1e-7, C: 3}.Lq())
	checkNear(t, "Lq", got, want, 1e-4)
}

// TestErlangAConservation: arrivals are served or abandon: the served
// rate λ(1 − P(abandon)) is the busy servers' rate, c·ρ·μ, also when the
// load is over the servers.
func TestErlangAConservation(t *testing.T) {
	m := mustF(t)
	for _, q := range []MMcA{{Lambda: 1, Mu: 1, Theta: 0.5, C: 1}, {Lambda: 60, Mu: 20, Theta: 12, C: 3}, {Lambda: 500, Mu: 1, Theta: 0.1, C: 100}} {
		served := q.Lambda * (1 - m(q.ProbAbandon()))
		checkNear(t, "served rate", served, float64(q.C)*m(q.Utilisation())*q.Mu, 1e-9)
	}
}

// TestErlangARefusesBadParameters: no patience rate, no servers.
func TestErlangARefusesBadParameters(t *testing.T) {
	for _, q := range []MMcA{{Lambda: 1, Mu: 1, Theta: 0, C: 1}, {Lambda: 1, Mu: 1, Theta: 1, C: 0}, {Lambda: math.NaN(), Mu: 1, Theta: 1, C: 1}} {
		if _, err := q.Lq(); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}
