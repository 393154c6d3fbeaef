package queueing

import (
	"math"
	"testing"
)

// TestMM1KClosedForm compares with p_n = (1-ρ)ρ^n / (1-ρ^{K+1}) and
// L = ρ/(1-ρ) - (K+1)ρ^{K+1}/(1-ρ^{K+1}) (ρ != 1).
func TestMM1KClosedForm(t *testing.T) {
	m := mustF(t)
	for _, rho := range []float64{0.1, 0.5, 0.9, 1.5, 3} {
		for _, k := range []int{1, 2, 5, 20} {
			q := MM1K{Lambda: rho * 2, Mu: 2, K: k}
			rk1 := math.Pow(rho, float64(k+1))
			pk := (1 - rho) * math.Pow(rho, float64(k)) / (1 - rk1)
			l := rho/(1-rho) - float64(k+1)*rk1/(1-rk1)
			checkNear(t, "ProbBlock", m(q.ProbBlock()), pk, 1e-12)
			checkNear(t, "L", m(q.L()), l, 1e-12)
			x := q.Lambda * (1 - pk)
			checkNear(t, "Throughput", m(q.Throughput()), x, 1e-12)
			checkNear(t, "W", m(q.W()), l/x, 1e-12)
			// One server: Lq = L - (1-p0), Wq = W - 1/μ.
			checkNear(t, "Wq", m(q.Wq()), l/x-0.5, 1e-12)
		}
	}
}

// TestMM1KRhoOne: with λ = μ every state is equally likely, p_n = 1/(K+1),
// so L = K/2.
func TestMM1KRhoOne(t *testing.T) {
	m := mustF(t)
	for _, k := range []int{1, 2, 7, 100, 10000} {
		q := MM1K{Lambda: 3, Mu: 3, K: k}
		p, err := q.Probs()
		if err != nil {
			t.Fatal(err)
		}
		for n, v := range p {
			if v != p[0] {
				t.Fatalf("K=%d: p[%d] = %g != p[0] = %g", k, n, v, p[0])
			}
		}
		checkNear(t, "ProbBlock", m(q.ProbBlock()), 1/float64(k+1), 1e-15)
		checkNear(t, "L", m(q.L()), float64(k)/2, 1e-12)
		checkNear(t, "Throughput", m(q.Throughput()), 3*float64(k)/float64(k+1), 1e-12)
	}
}

// TestMMcKToMMc: as K grows, M/M/c/K tends to M/M/c.
func TestMMcKToMMc(t *testing.T) {
	m := mustF(t)
	for _, base := range []MMc{{1.5, 1, 2}, {4.5, 1, 5}, {0.5, 1, 1}, {190, 1, 200}} {
		q := MMcK{Lambda: base.Lambda, Mu: base.Mu, C: base.C, K: base.C + 5000}
		checkNear(t, "ProbBlock", m(q.ProbBlock()), 0, 1e-12)
		checkNear(t, "L", m(q.L()), m(base.L()), 1e-9)
		checkNear(t, "Lq", m(q.Lq()), m(base.Lq()), 1e-9)
		checkNear(t, "W", m(q.W()), m(base.W()), 1e-9)
		checkNear(t, "Wq", m(q.Wq()), m(base.Wq()), 1e-9)
		checkNear(t, "Throughput", m(q.Throughput()), base.Lambda, 1e-9)
	}
}

// TestMMcKErlangLoss: with no waiting room (K = c), p_K is Erlang B.
func TestMMcKErlangLoss(t *testing.T) {
	m := mustF(t)
	for _, tc := range []struct {
		c int
		a float64
	}{{1, 0.5}, {10, 5}, {200, 190}, {3, 12}} {
		q := MMcK{Lambda: tc.a * 0.25, Mu: 0.25, C: tc.c, K: tc.c}
		checkNear(t, "ProbBlock", m(q.ProbBlock()), m(ErlangB(tc.c, tc.a)), 1e-12)
		checkNear(t, "Lq", m(q.Lq()), 0, 0)
		checkNear(t, "Wq", m(q.Wq()), 0, 0)
	}
}

// TestMMcKHeavy: heavy overload and huge K must not overflow; nearly every
// arrival is blocked and the servers are saturated.
func TestMMcKHeavy(t *testing.T) {
	m := mustF(t)
	q := MMcK{Lambda: 1e6, Mu: 1, C: 3, K: 5000}
	checkNear(t, "Throughput", m(q.Throughput()), 3, 1e-9)
	checkNear(t, "L", m(q.L()), 5000, 1e-6)
	pb := m(q.ProbBlock())
	if !(pb > 0.99 && pb <= 1) {
		t.Errorf("ProbBlock = %g, want near 1", pb)
	}
	none := MMcK{Lambda: 0, Mu: 2, C: 2, K: 4}
	checkNear(t, "idle L", m(none.L()), 0, 0)
	checkNear(t, "idle W", m(none.W()), 0.5, 0)
	checkNear(t, "idle Throughput", m(none.Throughput()), 0, 0)
}
