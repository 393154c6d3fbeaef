package queueing

import (
	"errors"
	"testing"
)

func checkSlice(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", name, len(got), len(want))
	}
	for i := range got {
		checkNear(t, name, got[i], want[i], tol)
	}
}

// TestJacksonTandem: two M/M/1 stations in series, λ = 1, μ = 2 and 3:
// W = 1/(μ1-λ) + 1/(μ2-λ) = 1 + 0.5.
func TestJacksonTandem(t *testing.T) {
	n := Jackson{
		External: []float64{1, 0},
		Mu:       []float64{2, 3},
		Servers:  []int{1, 1},
		Routing:  [][]float64{{0, 1}, {0, 0}},
	}
	lambda, err := n.ArrivalRates()
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "ArrivalRates", lambda, []float64{1, 1}, 1e-14)
	checkNear(t, "SojournTime", mustF(t)(n.SojournTime()), 1.5, 1e-14)
	st, err := n.Stations()
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "W1", st[0].W, 1, 1e-14)
	checkNear(t, "W2", st[1].W, 0.5, 1e-14)
	checkNear(t, "Rho2", st[1].Rho, 1.0/3, 1e-14)
}

// TestJacksonFeedback: one M/M/1 station, γ = 1, a job returns with
// probability p = 0.5: λ = γ/(1-p) = 2, L = λ/(μ-λ) = 2 with μ = 3, and
// the sojourn per external arrival is L/γ = 2 (= expected 2 visits × 1 each).
func TestJacksonFeedback(t *testing.T) {
	n := Jackson{
		External: []float64{1},
		Mu:       []float64{3},
		Servers:  []int{1},
		Routing:  [][]float64{{0.5}},
	}
	checkSlice(t, "ArrivalRates", mustSlice(t)(n.ArrivalRates()), []float64{2}, 1e-14)
	checkSlice(t, "VisitRatios", mustSlice(t)(n.VisitRatios()), []float64{2}, 1e-14)
	checkNear(t, "SojournTime", mustF(t)(n.SojournTime()), 2, 1e-14)
}

// TestJacksonThree solves a three-station network with feedback by hand.
//
//	γ = (1, 0.5, 0); 0 → 1 or 2 with 0.5 each; 1 → 2; 2 → 0 with 0.2, else out.
//	λ0 = 1 + 0.2·λ2,  λ1 = 0.5 + 0.5·λ0,  λ2 = 0.5·λ0 + λ1 = λ0 + 0.5
//	⇒ λ0 = 1.1 + 0.2·λ0 = 1.375, λ1 = 1.1875, λ2 = 1.875
//	(check: leaving 0.8·1.875 = 1.5 = Σγ).
//	Station 0: M/M/1 μ=2, ρ = 0.6875, L = ρ/(1-ρ) = 2.2.
//	Station 1: M/M/2 μ=1, ρ = 0.59375, L = 2ρ/(1-ρ²) = 1.1875/0.6474609375
//	           = 1.834087481146305.
//	Station 2: M/M/1 μ=2.5, ρ = 0.75, L = 3.
//	Sojourn = (2.2 + 1.834087481146305 + 3)/1.5 = 4.689391654097537.
func TestJacksonThree(t *testing.T) {
	n := Jackson{
		External: []float64{1, 0.5, 0},
		Mu:       []float64{2, 1, 2.5},
		Servers:  []int{1, 2, 1},
		Routing: [][]float64{
			{0, 0.5, 0.5},
			{0, 0, 1},
			{0.2, 0, 0},
		},
	}
	checkSlice(t, "ArrivalRates", mustSlice(t)(n.ArrivalRates()), []float64{1.375, 1.1875, 1.875}, 1e-14)
	checkSlice(t, "VisitRatios", mustSlice(t)(n.VisitRatios()), []float64{1.375 / 1.5, 1.1875 / 1.5, 1.25}, 1e-14)
	st, err := n.Stations()
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{2.2, 1.834087481146305, 3}
	for i, s := range st {
		checkNear(t, "L", s.L, want[i], 1e-13)
		checkNear(t, "Little", s.L, s.Lambda*s.W, 1e-13)
	}
	checkNear(t, "SojournTime", mustF(t)(n.SojournTime()), 4.689391654097537, 1e-13)
}

func TestJacksonUnstableStation(t *testing.T) {
	n := Jackson{
		External: []float64{1, 0},
		Mu:       []float64{3, 1.5},
		Servers:  []int{1, 1},
		Routing:  [][]float64{{0, 0.5}, {0.5, 0}},
	}
	// λ0 = 1 + 0.5λ1, λ1 = 0.5λ0 ⇒ λ0 = 4/3, λ1 = 2/3: stable.
	if _, err := n.Stations(); err != nil {
		t.Fatalf("stable network: %v", err)
	}
	n.Mu[1] = 0.5 // station 1 now has ρ = 4/3
	_, err := n.Stations()
	if !errors.Is(err, ErrUnstable) {
		t.Fatalf("want ErrUnstable, got %v", err)
	}
	if got, want := err.Error(), "jackson: station 1 unstable, utilisation 1.33333 >= 1"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}

func mustSlice(t *testing.T) func([]float64, error) []float64 {
	return func(v []float64, err error) []float64 {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}
