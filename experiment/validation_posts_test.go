package experiment_test

import (
	"testing"

	"cordon/scenarios"
	"cordon/sim/queueing"
	"cordon/sim/stats"
)

// within99 checks that theory lies in the 99% interval of the KPI's
// replications in the validation scenario file.
func within99(t *testing.T, file string, want map[string]float64) {
	t.Helper()
	sc, err := scenarios.LoadFile("../scenarios/validation/" + file)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, sc, sc.Replications)
	for name, theory := range want {
		s := stats.Summarize(kpi(t, out, name).Values, 0.99)
		if !s.Contains(theory) {
			t.Errorf("%s: %s is %.4g, 99%% interval [%.4g, %.4g]; theory %.4g", file, name, s.Mean, s.Low, s.High, theory)
		}
	}
}

// must returns v, failing t on err.
func must(t *testing.T) func(float64, error) float64 {
	return func(v float64, err error) float64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// TestValidationJacksonNetwork runs scenarios/validation/jackson.yaml,
// three posts with feedback written as posts and routes: each post's
// arrival rate is the traffic equations' λ_k, its utilisation λ_k/(c_k μ_k),
// and the mean time in the network of an outside arrival Jackson's
// Σ L_k / Σ γ_k, each inside the 99% interval of 20 replications of 30
// days.
func TestValidationJacksonNetwork(t *testing.T) {
	const h = 3600.0
	net := queueing.Jackson{
		External: []float64{30 / h, 12 / h, 0},
		Mu:       []float64{1 / 72.0, 1 / 180.0, 1 / 216.0},
		Servers:  []int{1, 2, 3},
		Routing:  [][]float64{{0, 0.5, 0.5}, {0, 0, 0.7}, {0.2, 0, 0}},
	}
	m := must(t)
	stations, err := net.Stations()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"posts.network_time.mean": m(net.SojournTime())}
	for k, name := range []string{"s1", "s2", "s3"} {
		want["posts."+name+".per_hour"] = stations[k].Lambda * h
		want["posts."+name+".utilisation"] = stations[k].Rho
		want["posts."+name+".time.mean"] = stations[k].W
	}
	if d := want["posts.network_time.mean"] - 1080.9; d*d > 0.01 {
		t.Fatalf("Jackson: mean time in the network %v s, the file says 1080.9 s", want["posts.network_time.mean"])
	}
	within99(t, "jackson.yaml", want)
}

// TestValidationMMcK runs scenarios/validation/mmck.yaml, a post of 2
// servers and 3 places to wait (M/M/2/5): its share of arrivals finding
// it full is the blocking probability p_5, and the mean time at the post
// and the mean wait of those let in are W and Wq.
func TestValidationMMcK(t *testing.T) {
	q := queueing.MMcK{Lambda: 50 / 3600.0, Mu: 1 / 120.0, C: 2, K: 5}
	m := must(t)
	within99(t, "mmck.yaml", map[string]float64{
		"posts.desk.blocking":   m(q.ProbBlock()),
		"posts.desk.time.mean":  m(q.W()),
		"posts.desk.wait.mean":  m(q.Wq()),
		"posts.desk.queue.mean": m(q.Lq()),
	})
}

// TestValidationErlangA runs scenarios/validation/erlang-a.yaml, a post of
// 3 servers whose callers leave after an exponential patience (M/M/3+M):
// the share who leave unserved, the mean queue and the utilisation are
// Erlang A's.
func TestValidationErlangA(t *testing.T) {
	q := queueing.MMcA{Lambda: 60 / 3600.0, Mu: 1 / 180.0, Theta: 1 / 300.0, C: 3}
	m := must(t)
	within99(t, "erlang-a.yaml", map[string]float64{
		"posts.hotline.abandoning":  m(q.ProbAbandon()),
		"posts.hotline.queue.mean":  m(q.Lq()),
		"posts.hotline.utilisation": m(q.Utilisation()),
	})
}
