package queueing

import (
	"math"
	"testing"
)

func TestErlangBTable(t *testing.T) {
	m := mustF(t)
	tests := []struct {
		c    int
		a    float64
		want float64
		note string
	}{
		{0, 3, 1, "no servers: every arrival is lost"},
		{1, 1, 0.5, "B(1,a) = a/(1+a)"},
		{2, 1, 0.2, "B(2,1) = (1/2)/(1+1+1/2)"},
		{10, 5, 0.018384570336648, "standard table ~0.018385; exact rational arithmetic"},
		{5, 0, 0, "no load"},
	}
	for _, tt := range tests {
		got := m(ErlangB(tt.c, tt.a))
		checkNear(t, tt.note, got, tt.want, 1e-12)
	}
}

// TestErlangCDirect compares the recurrence with the factorial formula.
func TestErlangCDirect(t *testing.T) {
	m := mustF(t)
	for c := 1; c <= 20; c++ {
		for _, frac := range []float64{0, 0.1, 0.5, 0.8, 0.95, 0.999} {
			a := frac * float64(c)
			got := m(ErlangC(c, a))
			checkNear(t, "ErlangC", got, erlangCDirect(c, a), 1e-12)
			b := m(ErlangB(c, a))
			checkNear(t, "ErlangB", b, erlangBDirect(c, a), 1e-12)
		}
	}
}

func TestErlangCKnown(t *testing.T) {
	m := mustF(t)
	tests := []struct {
		c    int
		a    float64
		want float64
		note string
	}{
		{1, 0.5, 0.5, "M/M/1: C = ρ"},
		{2, 1.5, 4.5 / 7, "M/M/2 λ=1.5 μ=1: P0 = 1/7, C = (a²/2)/(1-ρ)·P0 = 4.5/7"},
		{5, 4.5, 0.76249322073293, "M/M/5 a=4.5; exact rational arithmetic"},
		// Exact rational arithmetic on the recurrence (Python fractions).
		{200, 190, 0.36526385656254, "large c"},
	}
	for _, tt := range tests {
		got := m(ErlangC(tt.c, tt.a))
		checkNear(t, tt.note, got, tt.want, 1e-11)
	}
}

// TestErlangLargeC checks c = 200, a = 190, where a^c/c! overflows, against
// the factorial formula evaluated in logs (Lgamma).
func TestErlangLargeC(t *testing.T) {
	m := mustF(t)
	const c, a = 200, 190.0
	got := m(ErlangC(c, a))
	if math.IsNaN(got) || got <= 0 || got >= 1 {
		t.Fatalf("ErlangC(200, 190) = %g, want in (0,1)", got)
	}
	logTerm := func(k int) float64 { // log(a^k/k!)
		lg, _ := math.Lgamma(float64(k) + 1)
		return float64(k)*math.Log(a) - lg
	}
	top := math.Exp(logTerm(c)-logTerm(c)) * c / (c - a) // scaled by a^c/c!
	sum := 0.0
	for k := 0; k < c; k++ {
		sum += math.Exp(logTerm(k) - logTerm(c))
	}
	checkNear(t, "ErlangC(200,190) via logs", got, top/(sum+top), 1e-10)

	b := m(ErlangB(c, a))
	if !(b > 0 && b < got) {
		t.Errorf("ErlangB(200,190) = %g, want in (0, C = %g)", b, got)
	}
}
