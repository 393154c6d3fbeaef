package validation

import (
	"context"
	"fmt"
	"math"
	"testing"

	"cordon/sim"
	"cordon/sim/random"
	"cordon/sim/record"
	"cordon/sim/replicate"
	"cordon/sim/stats"
)

// reps is the number of independent replications behind each confidence
// interval; the issue asks for at least 20.
const reps = 20

// level is the confidence level of the intervals the theory must fall in.
const level = 0.99

// measures are one replication's estimates after the warm-up.
type measures struct {
	Wq, W, Lq, L, Lambda, Block float64
}

// stationRun simulates one replication of a single station with exponential
// arrivals at rate lam, service from svc, c servers and room for k in the
// system (k <= 0: unlimited), discarding [0, warm) and observing [warm, end).
func stationRun(seed uint64, rep int, lam float64, svc random.Spec, c, k int, warm, end float64) (measures, error) {
	streams := random.NewStreams(seed, rep)
	gap, err := random.NewExponential(1/lam, streams.Source("arrivals"))
	if err != nil {
		return measures{}, err
	}
	service, err := svc.New(streams.Source("service"))
	if err != nil {
		return measures{}, err
	}
	s := sim.New()
	res := s.NewResource("servers", c)
	if k > 0 {
		res.SetBalking(k - c) // the queue holds k-c: an arrival finding it full is blocked
	}
	rec := record.NewResource(res, 0)
	var sojourn stats.Tally
	arrived, blocked := 0, 0
	flow := sim.NewFlow("customer").
		Then(sim.Seize(res, 1), sim.Delay(service), sim.Release(res, 1)).
		OnDone(func(e *sim.Entity) {
			if e.Born < warm {
				return
			}
			if e.Fate == sim.Balked {
				blocked++
				return
			}
			sojourn.Add(s.Now() - e.Born)
		})
	s.NewSource(flow, sim.Renewal{Gap: gap}).Setup(func(e *sim.Entity, _ int64) {
		if s.Now() >= warm {
			arrived++
		}
	}).Start()
	s.RunUntil(warm)
	rec.Reset(warm)
	s.RunUntil(end)
	m := measures{
		Wq:     rec.Wait.Mean(),
		W:      sojourn.Mean(),
		Lq:     rec.Queue.Mean(end),
		L:      rec.InSystem.Mean(end),
		Lambda: float64(arrived-blocked) / (end - warm),
	}
	if arrived > 0 {
		m.Block = float64(blocked) / float64(arrived)
	}
	return m, nil
}

// replicated runs reps replications of run and summarises each measure.
func replicated(t *testing.T, run func(rep int) (measures, error)) map[string]stats.Summary {
	t.Helper()
	out, err := replicate.Run(context.Background(), reps, func(_ context.Context, rep int) (measures, error) {
		return run(rep)
	}, replicate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	col := func(f func(measures) float64) stats.Summary {
		v := make([]float64, len(out))
		for i, m := range out {
			v[i] = f(m)
		}
		return stats.Summarize(v, level)
	}
	for i, m := range out {
		// Little's law on each sample path: L = λW. The observation window's
		// edges (customers present at its start and end) make it approximate;
		// over thousands of customers they are well under 3%.
		if d := math.Abs(m.L-m.Lambda*m.W) / m.L; d > 0.03 {
			t.Errorf("replication %d: Little's law: L = %.4f but λW = %.4f × %.4f = %.4f", i, m.L, m.Lambda, m.W, m.Lambda*m.W)
		}
		if d := math.Abs(m.Lq-m.Lambda*m.Wq) / math.Max(m.Lq, 1e-9); m.Lq > 0.01 && d > 0.03 {
			t.Errorf("replication %d: Little's law for the queue: Lq = %.4f but λWq = %.4f", i, m.Lq, m.Lambda*m.Wq)
		}
	}
	return map[string]stats.Summary{
		"Wq":       col(func(m measures) float64 { return m.Wq }),
		"W":        col(func(m measures) float64 { return m.W }),
		"Lq":       col(func(m measures) float64 { return m.Lq }),
		"L":        col(func(m measures) float64 { return m.L }),
		"P(block)": col(func(m measures) float64 { return m.Block }),
	}
}

// within reports a theoretical value outside its interval.
func within(t *testing.T, what string, theory float64, s stats.Summary) {
	t.Helper()
	if !s.Contains(theory) {
		t.Errorf("%s: theory %.5g outside the %.0f%% interval [%.5g, %.5g] (mean %.5g, %d replications)",
			what, theory, 100*s.Level, s.Low, s.High, s.Mean, s.N)
	} else {
		t.Logf("%s: theory %.5g in [%.5g, %.5g]", what, theory, s.Low, s.High)
	}
}

// window returns a warm-up and an end time for a queue whose relaxation
// time is tau: 50 relaxation times of warm-up, then 200 of observation, and
// at least minCustomers arrivals observed at rate lam.
func window(tau, lam float64, minCustomers int) (warm, end float64) {
	warm = 50 * tau
	obs := math.Max(200*tau, float64(minCustomers)/lam)
	return warm, warm + obs
}

func name(format string, a ...any) string { return fmt.Sprintf(format, a...) }
