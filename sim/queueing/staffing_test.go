package queueing

import (
	"math"
	"testing"
)

// scan is the reference search: the first c = 1, 2, ... for which the
// M/M/c queue is stable and ok holds.
func scan(t *testing.T, lambda, mu float64, ok func(MMc) bool) int {
	t.Helper()
	for c := 1; c < 100000; c++ {
		q := MMc{Lambda: lambda, Mu: mu, C: c}
		if q.Validate() == nil && ok(q) {
			return c
		}
	}
	t.Fatalf("scan found no c for lambda=%g mu=%g", lambda, mu)
	return 0
}

var staffingCases = []struct{ lambda, mu float64 }{
	{0, 1}, {0.5, 1}, {1.5, 1}, {4.5, 1}, {4, 1}, {0.5, 0.125}, {19, 0.1}, {190, 1}, {1000, 3},
}

func TestMinServersMatchesScan(t *testing.T) {
	for _, tc := range staffingCases {
		for _, target := range []float64{1e-6, 0.01, 0.1, 1, 10, math.Inf(1)} {
			got, err := MinServers(tc.lambda, tc.mu, target)
			if err != nil {
				t.Fatalf("MinServers(%g, %g, %g): %v", tc.lambda, tc.mu, target, err)
			}
			want := scan(t, tc.lambda, tc.mu, func(q MMc) bool {
				wq, err := q.Wq()
				return err == nil && wq <= target
			})
			if got != want {
				t.Errorf("MinServers(%g, %g, %g) = %d, scan gives %d", tc.lambda, tc.mu, target, got, want)
			}
		}
	}
}

func TestMinServersForQuantileMatchesScan(t *testing.T) {
	for _, tc := range staffingCases {
		for _, p := range []float64{0, 0.5, 0.8, 0.95, 0.999} {
			for _, target := range []float64{0, 0.01, 1, 30} {
				got, err := MinServersForQuantile(tc.lambda, tc.mu, p, target)
				if err != nil {
					t.Fatalf("MinServersForQuantile(%g, %g, %g, %g): %v", tc.lambda, tc.mu, p, target, err)
				}
				want := scan(t, tc.lambda, tc.mu, func(q MMc) bool {
					w, err := q.WaitQuantile(p)
					return err == nil && w <= target
				})
				if got != want {
					t.Errorf("MinServersForQuantile(%g, %g, %g, %g) = %d, scan gives %d",
						tc.lambda, tc.mu, p, target, got, want)
				}
			}
		}
	}
}

func TestMinServersKnown(t *testing.T) {
	tests := []struct {
		lambda, mu, maxWq float64
		want              int
		note              string
	}{
		{1.5, 1, math.Inf(1), 2, "stability only: least c > a = 1.5"},
		{1.5, 1, 1.3, 2, "M/M/2 Wq = 9/7 = 1.2857 <= 1.3"},
		{1.5, 1, 1.28, 3, "M/M/2 Wq = 1.2857 > 1.28, so three servers"},
		{0, 1, 0, 1, "no traffic: one server, no wait"},
		{4, 1, math.Inf(1), 5, "integer load: c must exceed a = 4"},
	}
	for _, tt := range tests {
		got, err := MinServers(tt.lambda, tt.mu, tt.maxWq)
		if err != nil || got != tt.want {
			t.Errorf("%s: MinServers(%g, %g, %g) = %d, %v; want %d", tt.note, tt.lambda, tt.mu, tt.maxWq, got, err, tt.want)
		}
	}
}
