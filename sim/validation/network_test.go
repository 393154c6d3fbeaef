package validation

import (
	"context"
	"math"
	"testing"

	"cordon/sim"
	"cordon/sim/queueing"
	"cordon/sim/random"
	"cordon/sim/record"
	"cordon/sim/replicate"
	"cordon/sim/stats"
)

// job is the record a network job carries: when it arrived and when it
// reached its current station.
type job struct {
	born, atStation float64
}

// networkRun simulates one replication of an open network of M/M/c stations:
// external Poisson arrivals at station 0 only, routing by a named stream.
func networkRun(seed uint64, rep int, n queueing.Jackson, warm, end float64) (networkResult, error) {
	var none networkResult
	streams := random.NewStreams(seed, rep)
	k := len(n.Mu)
	s := sim.New()
	route, err := random.NewUniform(0, 1, streams.Source("routing"))
	if err != nil {
		return none, err
	}
	flow := sim.NewFlow("job")
	res := make([]*sim.Resource, k)
	recs := make([]*record.Resource, k)
	visit := make([]stats.Tally, k)
	var total stats.Tally
	wip := stats.NewLevel(0, 0)
	arrived := 0
	for i := range k {
		res[i] = s.NewResource(name("station %d", i), n.Servers[i])
		recs[i] = record.NewResource(res[i], 0)
		svc, err := random.NewExponential(1/n.Mu[i], streams.Source(name("service %d", i)))
		if err != nil {
			return none, err
		}
		i := i
		flow.Label(name("s%d", i)).Then(
			sim.Do(func(e *sim.Entity) { e.Data.(*job).atStation = s.Now() }),
			sim.Seize(res[i], 1), sim.Delay(svc), sim.Release(res[i], 1),
			sim.Do(func(e *sim.Entity) {
				j := e.Data.(*job)
				if j.atStation >= warm {
					visit[i].Add(s.Now() - j.atStation)
				}
				// Route: the next station by the row's probabilities, or out.
				u, acc := route.Rand(), 0.0
				e.Key = -1
				for to, p := range n.Routing[i] {
					if acc += p; u < acc {
						e.Key = to
						break
					}
				}
			}),
		)
		for to := range k {
			flow.Then(sim.If(func(e *sim.Entity) bool { return e.Key == to }, name("s%d", to)))
		}
		flow.Then(sim.Goto("out"))
	}
	flow.Label("out").Then(sim.Do(func(e *sim.Entity) {
		j := e.Data.(*job)
		if j.born >= warm {
			total.Add(s.Now() - j.born)
		}
		wip.Add(s.Now(), -1)
	}))
	gap, err := random.NewExponential(1/n.External[0], streams.Source("arrivals"))
	if err != nil {
		return none, err
	}
	s.NewSource(flow, sim.Renewal{Gap: gap}).Setup(func(e *sim.Entity, _ int64) {
		e.Data = &job{born: s.Now()}
		wip.Add(s.Now(), 1)
		if s.Now() >= warm {
			arrived++
		}
	}).Start()
	s.RunUntil(warm)
	wip.Reset(warm)
	for _, r := range recs {
		r.Reset(warm)
	}
	s.RunUntil(end)
	out := networkResult{
		perStation: make([]float64, k),
		inStation:  make([]float64, k),
		sojourn:    total.Mean(),
		lambda:     float64(arrived) / (end - warm),
		wip:        wip.Mean(end),
	}
	for i := range k {
		out.perStation[i] = visit[i].Mean()
		out.inStation[i] = recs[i].InSystem.Mean(end)
	}
	return out, nil
}

// networkResult is one replication's estimates after the warm-up: per
// station the mean time from reaching it to leaving it and the mean number
// there; for the network the mean time in it per job, the arrival rate and
// the mean number of jobs in it.
type networkResult struct {
	perStation, inStation []float64
	sojourn, lambda, wip  float64
}

func checkNetwork(t *testing.T, seed uint64, n queueing.Jackson, warm, end float64) {
	t.Helper()
	want, err := n.Stations()
	if err != nil {
		t.Fatal(err)
	}
	wantSojourn, err := n.SojournTime()
	if err != nil {
		t.Fatal(err)
	}
	out, err := replicate.Run(context.Background(), reps, func(_ context.Context, rep int) (networkResult, error) {
		return networkRun(seed, rep, n, warm, end)
	}, replicate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range want {
		w := make([]float64, reps)
		l := make([]float64, reps)
		for r, o := range out {
			w[r], l[r] = o.perStation[i], o.inStation[i]
		}
		within(t, name("station %d W", i), st.W, stats.Summarize(w, level))
		within(t, name("station %d L", i), st.L, stats.Summarize(l, level))
	}
	soj := make([]float64, reps)
	for r, o := range out {
		soj[r] = o.sojourn
		// Little's law for the whole network: jobs in it = λ × time in it.
		if d := math.Abs(o.wip-o.lambda*o.sojourn) / o.wip; d > 0.03 {
			t.Errorf("replication %d: Little's law for the network: L = %.4f, λW = %.4f", r, o.wip, o.lambda*o.sojourn)
		}
	}
	within(t, "time in the network", wantSojourn, stats.Summarize(soj, level))
}

// TestTandem checks two M/M/1 stations in series, λ = 0.8, μ1 = 1, μ2 = 1.25:
// each behaves as an M/M/1 queue (Burke's theorem), W1 = 1/(μ1−λ) = 5,
// W2 = 1/(μ2−λ) = 2.2222, and the time through both is 7.2222.
func TestTandem(t *testing.T) {
	n := queueing.Jackson{
		External: []float64{0.8, 0},
		Mu:       []float64{1, 1.25},
		Servers:  []int{1, 1},
		Routing:  [][]float64{{0, 1}, {0, 0}},
	}
	if w, _ := n.SojournTime(); math.Abs(w-7.2222222) > 1e-6 {
		t.Fatalf("closed form %v, want 7.2222", w)
	}
	warm, end := window(1/math.Pow(1-math.Sqrt(0.8), 2), 0.8, 100000)
	checkNetwork(t, 10, n, warm, end)
}

// TestJacksonWithFeedback checks a three-station open network with feedback.
// Jobs arrive at station 0 at γ = 1/s; from 0 they go to 1 (p = 0.6) or to 2
// (0.4); from 1 they go back to 0 (0.2) or leave; from 2 they go to 1 (0.5)
// or leave. The traffic equations λ = γ + Pᵀλ give
//
//	λ0 = 1 + 0.2 λ1,  λ1 = 0.6 λ0 + 0.5 λ2,  λ2 = 0.4 λ0
//	λ1 = 0.8 λ0 ⇒ λ0 = 1 / 0.84 = 1.1905, λ1 = 0.9524, λ2 = 0.4762.
//
// With station 0 two servers at μ = 1 (ρ = 0.595), station 1 one at μ = 1.5
// (ρ = 0.635) and station 2 one at μ = 1 (ρ = 0.476), each station is an
// independent M/M/c queue (Jackson's theorem); queueing.Jackson gives the
// per-station W and L and the mean time in the network ΣL / γ.
func TestJacksonWithFeedback(t *testing.T) {
	n := queueing.Jackson{
		External: []float64{1, 0, 0},
		Mu:       []float64{1, 1.5, 1},
		Servers:  []int{2, 1, 1},
		Routing:  [][]float64{{0, 0.6, 0.4}, {0.2, 0, 0}, {0, 0.5, 0}},
	}
	rates, _ := n.ArrivalRates()
	if math.Abs(rates[0]-1/0.84) > 1e-9 || math.Abs(rates[1]-0.8/0.84) > 1e-9 || math.Abs(rates[2]-0.4/0.84) > 1e-9 {
		t.Fatalf("traffic equations: %v", rates)
	}
	warm, end := window(1/math.Pow(1-math.Sqrt(0.64), 2), 1, 100000)
	checkNetwork(t, 11, n, warm, end)
}
