package validation

import (
	"math"
	"testing"

	"cordon/sim/queueing"
	"cordon/sim/random"
)

// TestMMcMatchesErlangC checks M/M/c for c in {1, 3, 7, 21} and utilisation
// ρ in {0.5, 0.8, 0.95}: Erlang C's Wq, Lq, W and L must lie inside the 99%
// confidence interval of 20 independent replications, warm-up discarded.
//
// With μ = 1 (mean service 1 s) and λ = ρc, Erlang C gives
//
//	P(wait) = C(c, a), a = λ/μ
//	Wq = C(c, a) / (cμ − λ),  Lq = λ Wq,  W = Wq + 1/μ,  L = λ W.
//
// The relaxation time of the queue is about τ = 1 / (cμ (1 − √ρ)²); runs
// discard 50τ and observe 200τ (at least 20,000 customers).
func TestMMcMatchesErlangC(t *testing.T) {
	if testing.Short() {
		t.Skip("long validation run")
	}
	const mu = 1.0
	for _, c := range []int{1, 3, 7, 21} {
		for _, rho := range []float64{0.5, 0.8, 0.95} {
			t.Run(name("c=%d/rho=%.2f", c, rho), func(t *testing.T) {
				t.Parallel()
				q := queueing.MMc{Lambda: rho * float64(c) * mu, Mu: mu, C: c}
				wq, _ := q.Wq()
				lq, _ := q.Lq()
				w, _ := q.W()
				l, _ := q.L()
				tau := 1 / (float64(c) * mu * math.Pow(1-math.Sqrt(rho), 2))
				warm, end := window(tau, q.Lambda, 20000)
				got := replicated(t, func(rep int) (measures, error) {
					return stationRun(1, rep, q.Lambda, random.Spec{Family: random.FamilyExponential, Mean: 1 / mu}, c, 0, warm, end)
				})
				within(t, "Wq", wq, got["Wq"])
				within(t, "Lq", lq, got["Lq"])
				within(t, "W", w, got["W"])
				within(t, "L", l, got["L"])
			})
		}
	}
}

// TestMM1KBlocking checks M/M/1/K: λ = 0.9, μ = 1, room for K = 5 in the
// system (one in service, four waiting; an arrival finding four waiting is
// turned away). The blocking probability is p_K = (1−ρ)ρ^K / (1−ρ^(K+1)) =
// 0.1 × 0.59049 / 0.468559 = 0.12602, and the mean number in the system is
// L = Σ n p_n = 10.28385 / 4.68559 = 2.19478.
func TestMM1KBlocking(t *testing.T) {
	q := queueing.MM1K{Lambda: 0.9, Mu: 1, K: 5}
	pb, _ := q.ProbBlock()
	l, _ := q.L()
	if math.Abs(pb-0.12602) > 1e-4 {
		t.Fatalf("closed form p_K = %v, want 0.12602 (check the formula)", pb)
	}
	warm, end := window(20, 0.9, 50000)
	got := replicated(t, func(rep int) (measures, error) {
		return stationRun(2, rep, 0.9, random.Spec{Family: random.FamilyExponential, Mean: 1}, 1, 5, warm, end)
	})
	within(t, "P(block)", pb, got["P(block)"])
	within(t, "L", l, got["L"])
}

// TestPollaczekKhinchine checks the mean wait of M/G/1 queues:
//
//	Wq = λ E[S²] / (2 (1 − ρ)),  E[S²] = Var[S] + E[S]²,  ρ = λ E[S].
//
// M/D/1 with λ = 0.8 and a constant service of 1 s: Wq = 0.8 × 1 / 0.4 = 2.
// M/G/1 with λ = 0.7 and lognormal service of mean 1 s, sd 1.5 s:
// E[S²] = 2.25 + 1 = 3.25, Wq = 0.7 × 3.25 / 0.6 = 3.7917.
func TestPollaczekKhinchine(t *testing.T) {
	cases := []struct {
		name string
		lam  float64
		svc  random.Spec
		want float64
	}{
		{"M/D/1", 0.8, random.Constant(1), 2},
		{"M/G/1 lognormal", 0.7, random.Spec{Family: random.FamilyLogNormal, Mean: 1, SD: 1.5}, 3.7916667},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q := queueing.MG1{Lambda: tc.lam, MeanService: tc.svc.MeanValue(), VarService: tc.svc.SD * tc.svc.SD}
			wq, err := q.Wq()
			if err != nil || math.Abs(wq-tc.want) > 1e-6 {
				t.Fatalf("P-K gives %v (%v), want %v", wq, err, tc.want)
			}
			rho := tc.lam * tc.svc.MeanValue()
			tau := 1 / math.Pow(1-math.Sqrt(rho), 2) // as for M/M/1, a rough guide
			warm, end := window(tau, tc.lam, 100000)
			got := replicated(t, func(rep int) (measures, error) {
				return stationRun(uint64(3+i), rep, tc.lam, tc.svc, 1, 0, warm, end)
			})
			within(t, "Wq", wq, got["Wq"])
			within(t, "Lq", tc.lam*wq, got["Lq"])
		})
	}
}
