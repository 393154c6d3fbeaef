package queueing

import (
	"math"
	"testing"
)

func TestMMcTextbook(t *testing.T) {
	tests := []struct {
		name             string
		q                MMc
		pw, lq, wq, w, l float64
	}{
		{
			// M/M/1: C = ρ = 0.5, Wq = ρ/(μ-λ) = 1, W = 1/(μ-λ) = 2,
			// L = ρ/(1-ρ) = 1, Lq = ρ²/(1-ρ) = 0.5.
			name: "M/M/1 λ=0.5 μ=1", q: MMc{Lambda: 0.5, Mu: 1, C: 1},
			pw: 0.5, lq: 0.5, wq: 1, w: 2, l: 1,
		},
		{
			// P0 = 1/(1 + 1.5 + (1.5²/2)/(1-0.75)) = 1/7, C = 4.5/7,
			// Lq = C·ρ/(1-ρ) = 3C = 1.9285714, Wq = Lq/λ = 1.2857143,
			// W = Wq + 1, L = Lq + a = 3.4285714.
			name: "M/M/2 λ=1.5 μ=1", q: MMc{Lambda: 1.5, Mu: 1, C: 2},
			pw: 4.5 / 7, lq: 13.5 / 7, wq: 9.0 / 7, w: 16.0 / 7, l: 24.0 / 7,
		},
		{
			// a = 4.5, ρ = 0.9; C from the factorial formula; Wq = C/(5-4.5).
			name: "M/M/5 λ=4.5 μ=1", q: MMc{Lambda: 4.5, Mu: 1, C: 5},
			pw: erlangCDirect(5, 4.5),
			lq: erlangCDirect(5, 4.5) * 9,
			wq: erlangCDirect(5, 4.5) / 0.5,
			w:  erlangCDirect(5, 4.5)/0.5 + 1,
			l:  erlangCDirect(5, 4.5)*9 + 4.5,
		},
		{
			name: "no arrivals", q: MMc{Lambda: 0, Mu: 2, C: 3},
			pw: 0, lq: 0, wq: 0, w: 0.5, l: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustF(t)
			checkNear(t, "ProbWait", m(tt.q.ProbWait()), tt.pw, 1e-12)
			checkNear(t, "Lq", m(tt.q.Lq()), tt.lq, 1e-12)
			checkNear(t, "Wq", m(tt.q.Wq()), tt.wq, 1e-12)
			checkNear(t, "W", m(tt.q.W()), tt.w, 1e-12)
			checkNear(t, "L", m(tt.q.L()), tt.l, 1e-12)
		})
	}
}

func TestMMcWaitTail(t *testing.T) {
	m := mustF(t)
	q := MMc{Lambda: 1.5, Mu: 1, C: 2} // C = 4.5/7, decay cμ-λ = 0.5
	cw := 4.5 / 7
	tests := []struct {
		p, want float64
	}{
		{0, 0},
		{1 - cw, 0},                   // exactly the share that does not wait
		{0.2, 0},                      // 1-p = 0.8 >= C
		{0.5, math.Log(cw/0.5) / 0.5}, // ln(C/(1-p))/(cμ-λ)
		{0.9, math.Log(cw/0.1) / 0.5},
		{0.99, math.Log(cw/0.01) / 0.5},
		{0.999, math.Log(cw/0.001) / 0.5},
	}
	for _, tt := range tests {
		got := m(q.WaitQuantile(tt.p))
		checkNear(t, "WaitQuantile", got, tt.want, 1e-12)
		if tt.want > 0 {
			// The quantile inverts the tail.
			checkNear(t, "tail at quantile", m(q.ProbWaitExceeds(got)), 1-tt.p, 1e-12)
		}
	}
	checkNear(t, "P(Wq > 0)", m(q.ProbWaitExceeds(0)), cw, 1e-15)
	checkNear(t, "P(Wq > 2)", m(q.ProbWaitExceeds(2)), cw*math.Exp(-1), 1e-15)
	checkNear(t, "P(Wq > Inf)", m(q.ProbWaitExceeds(math.Inf(1))), 0, 0)
}

func TestMMcLargeC(t *testing.T) {
	m := mustF(t)
	q := MMc{Lambda: 190, Mu: 1, C: 200}
	for name, f := range map[string]func() (float64, error){
		"ProbWait": q.ProbWait, "Wq": q.Wq, "Lq": q.Lq, "W": q.W, "L": q.L,
	} {
		v := m(f())
		if !finite(v) || v <= 0 {
			t.Errorf("%s = %g, want finite and > 0", name, v)
		}
	}
	// Wq = C/(cμ-λ) = C/10.
	checkNear(t, "Wq", m(q.Wq()), 0.36526385656254/10, 1e-11)
}
