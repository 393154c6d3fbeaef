package experiment_test

import (
	"context"
	"math"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
	"cordon/sim/queueing"
	"cordon/sim/stats"
)

func load(t testing.TB, name string) *compound.Scenario {
	t.Helper()
	sc, err := scenarios.Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func run(t *testing.T, sc *compound.Scenario, reps int) *experiment.Outcome {
	t.Helper()
	out, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: reps})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func kpi(t *testing.T, o *experiment.Outcome, name string) experiment.KPIResult {
	t.Helper()
	k, ok := o.KPI(name)
	if !ok {
		t.Fatalf("no KPI %s", name)
	}
	return k
}

// TestBaselineRoundEndsInTheAfternoon: with 3 sites of 7 medical staff the
// baseline's round, from noon, samples every resident and is over before
// 18:00 (makespan under 6 hours) in every replication.
func TestBaselineRoundEndsInTheAfternoon(t *testing.T) {
	out := run(t, load(t, "baseline"), 10)
	if k := kpi(t, out, "sampling.not_sampled"); k.Mean != 0 || k.High != 0 {
		t.Errorf("residents not sampled: %v", k.Values)
	}
	for r, v := range kpi(t, out, "sampling.makespan").Values {
		if v <= 0 || v > 6*3600 {
			t.Errorf("replication %d: the round lasted %s, want it over in the afternoon", r, compound.FormatSeconds(v))
		}
	}
	for _, r := range out.Runs {
		if l := r.Ledger; l.Sampled != l.Residents || l.Residents != 4459 {
			t.Errorf("ledger %+v: want all 4459 residents sampled", l)
		}
	}
}

// TestStagingIsDayOnesBottleneck: before the shelves (day-one) the staging
// area is the top bottleneck; with them (baseline) it is not.
func TestStagingIsDayOnesBottleneck(t *testing.T) {
	dayOne := run(t, load(t, "day-one"), 10)
	if top := dayOne.Bottlenecks[0].Post; top != "staging" {
		t.Errorf("day-one: top bottleneck %s, want staging", top)
	}
	baseline := run(t, load(t, "baseline"), 10)
	if top := baseline.Bottlenecks[0].Post; top == "staging" {
		t.Error("baseline: staging is the top bottleneck")
	}
}

// TestConservationInEveryRun: items arrived = delivered + in the pipeline +
// turned away, and residents = sampled + not yet sampled, in every
// replication of every built-in scenario.
func TestConservationInEveryRun(t *testing.T) {
	for _, b := range scenarios.Builtins() {
		out := run(t, load(t, b.Name), 5)
		for r, res := range out.Runs {
			l := res.Ledger
			if l.Arrived != l.Delivered+l.InPipeline+l.TurnedAway {
				t.Errorf("%s replication %d: %+v", b.Name, r, l)
			}
			if l.Residents != l.Sampled+l.NotSampled {
				t.Errorf("%s replication %d: %+v", b.Name, r, l)
			}
		}
	}
}

// TestValidationScenarioMatchesErlangC runs scenarios/validation/mmc.yaml:
// one site as an M/M/3 queue with λ = 0.04/s and μ = 1/60 per second. Its
// mean wait must lie in the 95% interval around Erlang C's
// Wq = C(3, 2.4) / (3/60 − 0.04) = 64.72 s.
func TestValidationScenarioMatchesErlangC(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/validation/mmc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q := queueing.MMc{Lambda: 0.04, Mu: 1.0 / 60, C: 3}
	wq, err := q.Wq()
	if err != nil || math.Abs(wq-64.72) > 0.01 {
		t.Fatalf("Erlang C: %v %v", wq, err)
	}
	out := run(t, sc, 20)
	k := kpi(t, out, "sampling.wait.mean")
	if !k.Contains(wq) {
		t.Errorf("mean wait %.2f s, interval [%.2f, %.2f], Erlang C %.2f s", k.Mean, k.Low, k.High, wq)
	}
}

// TestOneMoreWorkerNeverSlower: for every pool of the baseline, one more
// worker (on every shift, in every zone) under common random numbers never
// makes that pool's own flows slower beyond the paired 95% interval.
func TestOneMoreWorkerNeverSlower(t *testing.T) {
	base := load(t, "baseline")
	const reps = 10
	before := run(t, base, reps)
	flows := map[string][]string{
		"gate-crew":         {"express.door_time.mean", "takeout.door_time.mean", "gate.courier_wait.mean"},
		"suited-crew":       {"express.door_time.mean", "takeout.door_time.mean", "reserve.door_time.mean"},
		"sorting-group":     {"express.door_time.mean", "takeout.door_time.mean"},
		"zone-volunteers":   {"express.door_time.mean", "takeout.door_time.mean", "garbage.done_after"},
		"community-workers": {"special_needs.response.mean"},
		"mobile-team":       {"sampling.makespan"},
		"runners":           {"sampling.lab_done", "sampling.in_transit.mean"},
	}
	for i, p := range base.Staff {
		kpis, ok := flows[p.Name]
		if !ok {
			t.Errorf("pool %s has no flows listed for this test", p.Name)
			continue
		}
		more := onMore(base, i)
		after := run(t, more, reps)
		for _, name := range kpis {
			d, err := stats.Paired(kpi(t, before, name).Values, kpi(t, after, name).Values, experiment.Level)
			if err != nil {
				t.Fatal(err)
			}
			if d.Low > 0 {
				t.Errorf("one more in %s: %s slower by %.1f s [%.1f, %.1f]", p.Name, name, d.Mean, d.Low, d.High)
			}
		}
	}
}

// TestOneMoreSwabberNeverSlower: one more swabber at any site never makes
// the round's waits or its makespan longer beyond the paired interval.
func TestOneMoreSwabberNeverSlower(t *testing.T) {
	base := load(t, "baseline")
	const reps = 10
	before := run(t, base, reps)
	for i, site := range base.Sampling.Sites {
		c := *base
		sp := *base.Sampling
		sp.Sites = append([]compound.Site(nil), base.Sampling.Sites...)
		sp.Sites[i].Swab++
		c.Sampling = &sp
		after := run(t, &c, reps)
		for _, name := range []string{"sampling.wait.mean", "sampling.makespan", "sampling.site." + site.Name + ".queue.mean"} {
			d, err := stats.Paired(kpi(t, before, name).Values, kpi(t, after, name).Values, experiment.Level)
			if err != nil {
				t.Fatal(err)
			}
			if d.Low > 0 {
				t.Errorf("one more swabber at %s: %s worse by %.1f [%.1f, %.1f]", site.Name, name, d.Mean, d.Low, d.High)
			}
		}
	}
}

// onMore returns a copy of sc with one more worker in pool i at all times.
func onMore(sc *compound.Scenario, i int) *compound.Scenario {
	c := *sc
	c.Staff = append([]compound.Pool(nil), sc.Staff...)
	p := c.Staff[i]
	if len(p.Shifts) > 0 {
		p.Shifts = append([]compound.Shift(nil), p.Shifts...)
		for j := range p.Shifts {
			p.Shifts[j].Count++
		}
	} else {
		p.Count++
	}
	if p.PerZone {
		c.Zones = append([]compound.Zone(nil), sc.Zones...)
		for z := range c.Zones {
			if c.Zones[z].Volunteers > 0 {
				c.Zones[z].Volunteers++
			}
		}
	}
	c.Staff[i] = p
	return &c
}

func nanSafe(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		if x != x {
			x = -1e300
		}
		out[i] = x
	}
	return out
}
