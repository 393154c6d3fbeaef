package queueing

import (
	"errors"
	"math"
	"testing"
)

// firstErr keeps only the error of a (value, error) pair.
func firstErr[T any](_ T, err error) error { return err }

func TestErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	okNet := func() Jackson {
		return Jackson{
			External: []float64{1, 0},
			Mu:       []float64{2, 2},
			Servers:  []int{1, 1},
			Routing:  [][]float64{{0, 1}, {0, 0}},
		}
	}
	tests := []struct {
		name     string
		err      error
		want     string // exact message
		unstable bool
	}{
		{"mmc servers", MMc{Lambda: 1, Mu: 2, C: 0}.Validate(), "mmc: servers must be >= 1, got 0", false},
		{"mmc negative lambda", MMc{Lambda: -1, Mu: 1, C: 1}.Validate(), "mmc: lambda must be finite and >= 0, got -1", false},
		{"mmc NaN lambda", firstErr(MMc{Lambda: nan, Mu: 1, C: 1}.Wq()), "mmc: lambda must be finite and >= 0, got NaN", false},
		{"mmc zero mu", firstErr(MMc{Lambda: 1, Mu: 0, C: 1}.L()), "mmc: mu must be finite and > 0, got 0", false},
		{"mmc infinite mu", firstErr(MMc{Lambda: 1, Mu: inf, C: 1}.W()), "mmc: mu must be finite and > 0, got +Inf", false},
		{"mmc unstable", firstErr(MMc{Lambda: 6, Mu: 1, C: 5}.Lq()), "mmc: unstable, utilisation 1.2 >= 1", true},
		{"mmc saturated", MMc{Lambda: 2, Mu: 1, C: 2}.Validate(), "mmc: unstable, utilisation 1 >= 1", true},
		{"mmc quantile p", firstErr(MMc{Lambda: 1, Mu: 2, C: 1}.WaitQuantile(1)), "mmc: quantile p must be in [0,1), got 1", false},
		{"mmc quantile NaN", firstErr(MMc{Lambda: 1, Mu: 2, C: 1}.WaitQuantile(nan)), "mmc: quantile p must be in [0,1), got NaN", false},
		{"mmc negative t", firstErr(MMc{Lambda: 1, Mu: 2, C: 1}.ProbWaitExceeds(-1)), "mmc: wait t must be >= 0, got -1", false},

		{"erlangb servers", firstErr(ErlangB(-1, 1)), "erlangb: servers must be >= 0, got -1", false},
		{"erlangb load", firstErr(ErlangB(3, inf)), "erlangb: offered load must be finite and >= 0, got +Inf", false},
		{"erlangc servers", firstErr(ErlangC(0, 1)), "erlangc: servers must be >= 1, got 0", false},
		{"erlangc load", firstErr(ErlangC(2, -0.5)), "erlangc: offered load must be finite and >= 0, got -0.5", false},
		{"erlangc unstable", firstErr(ErlangC(10, 12)), "erlangc: unstable, offered load 12 >= servers 10", true},

		{"minservers lambda", firstErr(MinServers(-2, 1, 1)), "minservers: lambda must be finite and >= 0, got -2", false},
		{"minservers mu", firstErr(MinServers(2, nan, 1)), "minservers: mu must be finite and > 0, got NaN", false},
		{"minservers target", firstErr(MinServers(2, 1, -1)), "minservers: maxWq must be >= 0, got -1", false},
		{"minservers zero target", firstErr(MinServers(2, 1, 0)), "minservers: maxWq must be > 0 when lambda > 0 (the mean wait is then positive), got 0", false},
		{"minservers huge load", firstErr(MinServers(1e300, 1, 1)), "minservers: offered load 1e+300 Erlangs exceeds the supported 16777216 servers", false},
		{"quantile p", firstErr(MinServersForQuantile(2, 1, 1.5, 1)), "minserversforquantile: quantile p must be in [0,1), got 1.5", false},
		{"quantile target", firstErr(MinServersForQuantile(2, 1, 0.9, nan)), "minserversforquantile: maxWait must be >= 0, got NaN", false},

		{"mmck capacity", MMcK{Lambda: 1, Mu: 1, C: 3, K: 2}.Validate(), "mmck: capacity K must be >= servers 3, got 2", false},
		{"mmck servers", firstErr(MMcK{Lambda: 1, Mu: 1, C: 0, K: 2}.L()), "mmck: servers must be >= 1, got 0", false},
		{"mmck lambda", firstErr(MMcK{Lambda: -1, Mu: 1, C: 1, K: 2}.W()), "mmck: lambda must be finite and >= 0, got -1", false},
		{"mmck huge capacity", MMcK{Lambda: 1, Mu: 1, C: 1, K: math.MaxInt}.Validate(), "mmck: capacity K must be <= 16777216, got 9223372036854775807", false},
		{"mm1k capacity", firstErr(MM1K{Lambda: 1, Mu: 1, K: 0}.ProbBlock()), "mm1k: capacity K must be >= 1, got 0", false},
		{"mm1k mu", firstErr(MM1K{Lambda: 1, Mu: -1, K: 3}.Throughput()), "mm1k: mu must be finite and > 0, got -1", false},

		{"mg1 mean", MG1{Lambda: 1, MeanService: 0}.Validate(), "mg1: mean service must be finite and > 0, got 0", false},
		{"mg1 variance", firstErr(MG1{Lambda: 1, MeanService: 0.5, VarService: -1}.Wq()), "mg1: service variance must be finite and >= 0, got -1", false},
		{"mg1 unstable", firstErr(MG1{Lambda: 2, MeanService: 0.75}.L()), "mg1: unstable, utilisation 1.5 >= 1", true},

		{"jackson empty", Jackson{}.Validate(), "jackson: External must list at least one station, got none", false},
		{"jackson sizes", func() error { n := okNet(); n.Mu = n.Mu[:1]; return n.Validate() }(),
			"jackson: Mu, Servers and Routing must have len(External) = 2 entries, got 1, 2 and 2", false},
		{"jackson row size", func() error { n := okNet(); n.Routing[1] = []float64{0}; return n.Validate() }(),
			"jackson: Routing[1] must have 2 entries, got 1", false},
		{"jackson negative external", func() error { n := okNet(); n.External[1] = -1; return n.Validate() }(),
			"jackson: External[1] must be finite and >= 0, got -1", false},
		{"jackson mu", func() error { n := okNet(); n.Mu[0] = 0; return n.Validate() }(),
			"jackson: Mu[0] must be finite and > 0, got 0", false},
		{"jackson servers", func() error { n := okNet(); n.Servers[1] = 0; return n.Validate() }(),
			"jackson: Servers[1] must be >= 1, got 0", false},
		{"jackson probability", func() error { n := okNet(); n.Routing[0][1] = 1.5; return n.Validate() }(),
			"jackson: Routing[0][1] must be in [0,1], got 1.5", false},
		{"jackson NaN probability", func() error { n := okNet(); n.Routing[1][0] = nan; return n.Validate() }(),
			"jackson: Routing[1][0] must be in [0,1], got NaN", false},
		{"jackson row sum", func() error { n := okNet(); n.Routing[0] = []float64{0.6, 0.6}; return n.Validate() }(),
			"jackson: Routing[0] must sum to <= 1, got 1.2", false},
		{"jackson never leaves", func() error { n := okNet(); n.Routing[1] = []float64{0, 1}; return n.Validate() }(),
			"jackson: jobs at station 0 never leave the network (I-P is singular)", false},
		{"jackson closed loop", firstErr(Jackson{
			External: []float64{1, 0, 0},
			Mu:       []float64{5, 5, 5},
			Servers:  []int{1, 1, 1},
			// 0 → 1 ⇄ 2 with no way out of {1, 2}.
			Routing: [][]float64{{0, 1, 0}, {0, 0, 1}, {0, 1, 0}},
		}.ArrivalRates()), "jackson: jobs at station 0 never leave the network (I-P is singular)", false},
		{"jackson unstable", firstErr(Jackson{
			External: []float64{1}, Mu: []float64{1.5}, Servers: []int{1}, Routing: [][]float64{{0.5}},
		}.SojournTime()), "jackson: station 0 unstable, utilisation 1.33333 >= 1", true},
		{"jackson no traffic", firstErr(Jackson{
			External: []float64{0}, Mu: []float64{1}, Servers: []int{1}, Routing: [][]float64{{0}},
		}.VisitRatios()), "jackson: External must sum to a finite rate > 0, got 0", false},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error, want %q", tt.name, tt.want)
			continue
		}
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s: error %q, want %q", tt.name, got, tt.want)
		}
		if errors.Is(tt.err, ErrUnstable) != tt.unstable {
			t.Errorf("%s: errors.Is(err, ErrUnstable) = %v, want %v", tt.name, !tt.unstable, tt.unstable)
		}
	}
}

// TestErrorsReturnZero: a failing method returns the zero value with the
// error, never a half-computed number.
func TestErrorsReturnZero(t *testing.T) {
	bad := MMcK{Lambda: 1, Mu: 0, C: 1, K: 3}
	for name, f := range map[string]func() (float64, error){
		"W": bad.W, "Wq": bad.Wq, "L": bad.L, "Lq": bad.Lq, "ProbBlock": bad.ProbBlock, "Throughput": bad.Throughput,
		"MM1K W": MM1K{Lambda: 1, Mu: 0, K: 3}.W, "MMc W": MMc{Lambda: 1, Mu: 0, C: 1}.W,
		"MG1 W": MG1{Lambda: 1, MeanService: 0}.W,
	} {
		if v, err := f(); err == nil || v != 0 {
			t.Errorf("%s = %g, %v; want 0 and an error", name, v, err)
		}
	}
	if p, err := bad.Probs(); err == nil || p != nil {
		t.Errorf("Probs = %v, %v; want nil and an error", p, err)
	}
}
