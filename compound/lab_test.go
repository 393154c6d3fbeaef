package compound

import (
	"math"
	"slices"
	"testing"

	"cordon/sim/random"
	"cordon/sim/stats"
)

// withLab is small() with a lab: servers 2 testing a tube in 10 minutes,
// exponential, a share p of residents positive, results reported in 5
// minutes, pools of 10, and the share sampled counted at 14:00. Its
// servers cost nothing, so that the run's cost is as without it.
func withLab(p float64) *Scenario {
	sc := small()
	sc.Sampling.Pooling.PerTube = 10
	sc.Sampling.Lab = &Lab{Servers: 2, Test: Dist{random.Spec{Family: random.FamilyExponential, Mean: 600}},
		Prevalence: p, Report: Const(300), SampledBy: 14 * 3600}
	return sc
}

// TestLabOfItsOwnStreams: a lab draws from streams of its own and only
// takes in the samples at the end of their way, so every KPI of a round
// without it is the same with it; a round without a lab has no lab KPIs
// and no lab among its posts.
func TestLabOfItsOwnStreams(t *testing.T) {
	base, with := small(), withLab(0.05)
	base.Sampling.Pooling.PerTube = 10
	if errs := with.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	catA, catB := Catalog(base), Catalog(with)
	for rep := range 3 {
		a, b := runSmall(t, base, rep), runSmall(t, with, rep)
		for i, k := range catA {
			vb, ok := b.Value(catB, k.Name)
			if !ok {
				t.Fatalf("%s is missing with the lab", k.Name)
			}
			if va := a.Values[i]; va != vb && !(math.IsNaN(va) && math.IsNaN(vb)) {
				t.Errorf("rep %d, %s: %v without the lab, %v with it", rep, k.Name, va, vb)
			}
		}
		if slices.ContainsFunc(a.Posts, func(p PostResult) bool { return p.Name == LabPost }) ||
			!slices.ContainsFunc(b.Posts, func(p PostResult) bool { return p.Name == LabPost }) {
			t.Errorf("rep %d: the lab is among the posts without a lab, or not with one", rep)
		}
	}
	for _, name := range []string{"sampling.sampled_by", "sampling.results_known", "sampling.pools_retested", "sampling.lab_wait.mean", "sampling.lab_queue.max"} {
		if slices.ContainsFunc(catA, func(k KPI) bool { return k.Name == name }) {
			t.Errorf("%s without a lab", name)
		}
		if !slices.ContainsFunc(catB, func(k KPI) bool { return k.Name == name }) {
			t.Errorf("no %s with a lab", name)
		}
	}
	with.Sampling.Lab.SampledBy = 0
	if slices.ContainsFunc(Catalog(with), func(k KPI) bool { return k.Name == "sampling.sampled_by" }) {
		t.Error("sampling.sampled_by without a sampled_by time")
	}
}

// TestLabResultForEverySample: every resident sampled gets a result; every
// site's samples go in whole tubes of per_tube and one of the rest; no
// pool is re-tested when nobody is positive and every pool when everybody
// is; the last result is known after the last sample was taken and after
// it reached the lab, by the report time at least.
func TestLabResultForEverySample(t *testing.T) {
	for _, p := range []float64{0, 0.05, 1} {
		sc := withLab(p)
		sc.Sampling.Lab.Test.Mean = 60 // every result known in the day, everyone positive too
		for rep := range 3 {
			m, res := runModel(t, sc, rep, Options{})
			smp, l := m.sampling, m.sampling.lab
			if smp.sampled != smp.residents || l.results != smp.sampled {
				t.Fatalf("p %v, rep %d: %d residents, %d sampled, %d results", p, rep, smp.residents, smp.sampled, l.results)
			}
			tubes := 0
			for _, s := range smp.sites {
				tubes += (s.expected + l.perTube - 1) / l.perTube
			}
			if l.pools != tubes {
				t.Errorf("p %v, rep %d: %d pools at the lab, want %d", p, rep, l.pools, tubes)
			}
			switch {
			case p == 0 && l.retested != 0, p == 1 && l.retested != l.pools:
				t.Errorf("p %v, rep %d: %d of %d pools re-tested", p, rep, l.retested, l.pools)
			case p == 0.05 && !(l.retested > 0 && l.retested < l.pools):
				t.Errorf("p %v, rep %d: %d of %d pools re-tested, want some", p, rep, l.retested, l.pools)
			}
			known := value(t, sc, res, "sampling.results_known")
			if got := value(t, sc, res, "sampling.pools_retested"); got != float64(l.retested) {
				t.Errorf("sampling.pools_retested %v, want %d", got, l.retested)
			}
			if lab := value(t, sc, res, "sampling.lab_done"); !(known >= lab+300) || !(lab > value(t, sc, res, "sampling.makespan")) {
				t.Errorf("p %v, rep %d: results known %v, last at the lab %v: want known 5 minutes after at least", p, rep, known, lab)
			}
			if l.waiting.Value() != 0 || l.res.Busy() != 0 {
				t.Errorf("p %v, rep %d: tubes left at the lab", p, rep)
			}
		}
	}
}

// TestLabResultsNotKnownByTheEnd: while a sample has no result at the
// end of the run, every result is known only at the end (as the round's
// length is counted).
func TestLabResultsNotKnownByTheEnd(t *testing.T) {
	sc := withLab(0)
	sc.Sampling.Lab.Test = Const(3 * 3600) // 27 tubes, 2 at a time: 42 hours
	m, res := runModel(t, sc, 0, Options{})
	if m.sampling.lab.results == m.sampling.sampled {
		t.Fatal("every result known: the test is too short")
	}
	want := m.tl.horizon - m.sampling.start
	if got := value(t, sc, res, "sampling.results_known"); got != want {
		t.Errorf("results known %v, want the end of the run, %v", got, want)
	}
}

// TestLabSampledBy: sampling.sampled_by is the share of the residents
// whose sample was taken by the time, counted from the log of every
// sample's time; by the end of a round that is over it is 1.
func TestLabSampledBy(t *testing.T) {
	for _, at := range []Clock{13 * 3600, 14*3600 + 1800, 23 * 3600} {
		sc := withLab(0)
		sc.Sampling.Lab.SampledBy = at
		log := &Log{}
		m, res := runModel(t, sc, 1, Options{Log: log})
		by := m.tl.at(0, at)
		n := 0
		for _, s := range log.Sampled {
			if s <= by {
				n++
			}
		}
		want := float64(n) / float64(m.sampling.residents)
		if got := value(t, sc, res, "sampling.sampled_by"); got != want {
			t.Errorf("sampled by %s: %v, want %v", at, got, want)
		}
		if at == 23*3600 && want != 1 || at == 13*3600 && !(want > 0 && want < 1) {
			t.Errorf("sampled by %s: %v of the residents", at, want)
		}
	}
}

// TestLabPositivePools: with prevalence p each sample is positive on its
// own, so a tube of k samples is a positive pool with probability
// 1-(1-p)^k; the pools re-tested over 40 replications of 1800 tubes of 10
// match that inside the 99% interval.
func TestLabPositivePools(t *testing.T) {
	const p = 0.02
	sc := dm1(14)
	sc.Sampling.Lab.Prevalence, sc.Sampling.Lab.Servers = p, 4
	want := 1800 * (1 - math.Pow(1-p, 10))
	var retested []float64
	for rep := range 40 {
		m, _ := runModel(t, sc, rep, Options{})
		if l := m.sampling.lab; l.pools != 1800 || l.results != 18000 {
			t.Fatalf("rep %d: %d pools, %d results, want 1800 and 18000", rep, l.pools, l.results)
		}
		retested = append(retested, float64(m.sampling.lab.retested))
	}
	s := stats.Summarize(retested, 0.99)
	if !s.Contains(want) {
		t.Errorf("positive pools re-tested %v, 99%% interval [%v, %v]: want %v", s.Mean, s.Low, s.High, want)
	}
}

// dm1 is a round that feeds the lab one tube exactly every 20 s, 1800
// tubes in all: one site with one swabber taking 2 s a resident, everyone called at once and
// there at once, a box of one tube of 10 samples sent as it closes, the
// trip 10 minutes for every box (no runner waited for). The lab is one
// server with exponential test times of mean test: a D/M/1 queue.
func dm1(test float64) *Scenario {
	sc := small()
	for i := range sc.Buildings {
		sc.Buildings[i].Residents = 3000
	}
	for i := range sc.Zones {
		sc.Zones[i].Site, sc.Zones[i].WalkToSite = "a", Const(0)
	}
	sc.Staff[4].Tasks = []Task{{TaskSpecialNeeds, 1}} // no runners: the trip is the same for every box
	sp := sc.Sampling
	sp.Sites = []Site{{Name: "a", Swab: 1}}
	sp.Calling = Calling{Interval: 900, PerWave: 6, ComeDown: Const(0)}
	sp.Swab = Const(2)
	sp.Pooling = Pooling{PerTube: 10, TubesPerBox: 1, Every: 1800, Trip: Const(600)}
	sp.DoorToDoor = DoorToDoor{}
	sp.Lab = &Lab{Servers: 1, Test: Dist{random.Spec{Family: random.FamilyExponential, Mean: test}}}
	return sc
}

// TestLabIsDM1: the lab fed a tube every T = 20 s and testing them in
// exponential times of mean 1/μ = 14 s (utilisation 0.7) is a D/M/1
// queue, whose mean wait is σ/(μ(1-σ)) with σ the root in (0, 1) of
// σ = exp(-μT(1-σ)). The mean wait at the lab over 30 replications of
// 1800 tubes each holds it inside its 99% interval.
func TestLabIsDM1(t *testing.T) {
	const period, test = 20.0, 14.0
	sc := dm1(test)
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	sigma := 0.5
	for range 200 {
		sigma = math.Exp(-period / test * (1 - sigma))
	}
	want := sigma * test / (1 - sigma)
	var waits []float64
	for rep := range 30 {
		m, res := runModel(t, sc, rep, Options{})
		if l := m.sampling.lab; l.pools != 1800 || l.results != 18000 {
			t.Fatalf("rep %d: %d pools, %d results, want 1800 and 18000", rep, l.pools, l.results)
		}
		waits = append(waits, value(t, sc, res, "sampling.lab_wait.mean"))
	}
	s := stats.Summarize(waits, 0.99)
	if !s.Contains(want) {
		t.Errorf("mean wait at the lab %v, 99%% interval [%v, %v]: D/M/1 gives %v", s.Mean, s.Low, s.High, want)
	}
}

// TestLabRetestsGoFirst: a positive pool's re-tests go ahead of first
// tests waiting. With everyone positive and one server far slower than
// the tubes come, the lab tests a pool and, while its result is read,
// takes the next pool; then the re-tests of both, 20 samples, before any
// other pool: at the end, the results known are 10 for every pool
// re-tested but the last two. Were re-tests queued behind the pools
// waiting, pools would be found positive far ahead of the results.
func TestLabRetestsGoFirst(t *testing.T) {
	sc := dm1(600)
	sc.Sampling.Lab.Prevalence = 1
	m, _ := runModel(t, sc, 0, Options{})
	l := m.sampling.lab
	if l.retested < 4 || l.results < 10*(l.retested-2) || l.results > 10*l.retested {
		t.Errorf("%d pools re-tested, %d results: re-tests did not go first", l.retested, l.results)
	}
}
