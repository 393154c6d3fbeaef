package queueing

import "testing"

func TestMG1(t *testing.T) {
	m := mustF(t)
	tests := []struct {
		name         string
		q            MG1
		wq, lq, w, l float64
	}{
		{
			// Exponential service: M/M/1 with λ=0.5, μ=1: Wq = 1, Lq = 0.5, W = 2, L = 1.
			name: "M/M/1", q: MG1{Lambda: 0.5, MeanService: 1, VarService: ExponentialVariance(1)},
			wq: 1, lq: 0.5, w: 2, l: 1,
		},
		{
			// Deterministic service: half the M/M/1 wait, Wq = ρ/(2μ(1-ρ)) = 0.5.
			name: "M/D/1", q: MG1{Lambda: 0.5, MeanService: 1, VarService: 0},
			wq: 0.5, lq: 0.25, w: 1.5, l: 0.75,
		},
		{
			// Log-normal mean 2, sd 3, λ = 0.25: ρ = 0.5, E[S²] = 9+4 = 13,
			// Wq = 0.25·13/(2·0.5) = 3.25, Lq = λWq = 0.8125.
			name: "lognormal", q: MG1{Lambda: 0.25, MeanService: 2, VarService: LogNormalVariance(2, 3)},
			wq: 3.25, lq: 0.8125, w: 5.25, l: 1.3125,
		},
		{name: "idle", q: MG1{Lambda: 0, MeanService: 3, VarService: 1}, wq: 0, lq: 0, w: 3, l: 0},
	}
	for _, tt := range tests {
		checkNear(t, tt.name+" Wq", m(tt.q.Wq()), tt.wq, 1e-12)
		checkNear(t, tt.name+" Lq", m(tt.q.Lq()), tt.lq, 1e-12)
		checkNear(t, tt.name+" W", m(tt.q.W()), tt.w, 1e-12)
		checkNear(t, tt.name+" L", m(tt.q.L()), tt.l, 1e-12)
	}
}

// TestMG1MatchesMM1 over a range of loads: exponential service equals the
// M/M/1 results; deterministic service halves the wait.
func TestMG1MatchesMM1(t *testing.T) {
	m := mustF(t)
	for _, rho := range []float64{0, 0.1, 0.5, 0.9, 0.99} {
		mean := 0.7
		mm1 := MMc{Lambda: rho / mean, Mu: 1 / mean, C: 1}
		exp := MG1{Lambda: rho / mean, MeanService: mean, VarService: ExponentialVariance(mean)}
		det := MG1{Lambda: rho / mean, MeanService: mean}
		checkNear(t, "Wq exp", m(exp.Wq()), m(mm1.Wq()), 1e-12)
		checkNear(t, "L exp", m(exp.L()), m(mm1.L()), 1e-12)
		checkNear(t, "Wq det", m(det.Wq()), m(mm1.Wq())/2, 1e-12)
	}
}
