package compound

import (
	"math/rand/v2"

	"cordon/sim"
	"cordon/sim/stats"
)

// LabPost is the name the lab's servers go by among the posts of a run
// (Result.Posts, the queues and the bottleneck ranking).
const LabPost = "sampling lab"

// lab is the sampling round's lab in a replication (Lab): the tubes the
// runners bring wait for a server, are tested, and give their samples'
// results, or, for a positive pool, a re-test of each of its samples.
type lab struct {
	spec     *Lab
	smp      *sampling // the round whose samples it tests
	perTube  int
	res      *sim.Resource // the lab's servers, shared by the rounds
	flow     *sim.Flow     // a tube's way through the lab, shared by the rounds
	positive *rand.Rand    // whether a sample is positive; nil at prevalence 0

	pools    int     // tubes brought to the lab, each tested once as a pool
	retested int     // positive pools, re-tested sample by sample
	results  int     // samples whose result is known
	last     float64 // when the last result became known
	waiting  *stats.Level
	wait     stats.Tally // each test's wait for a server, re-tests too

	sampledBy *sampledBy // nil: no sampled_by
}

// tube is one tube at the lab: a pool of samples, or one sample of a
// positive pool re-tested.
type tube struct {
	lab       *lab // its round's tallies
	samples   int
	positives int
	retest    bool
	arrived   float64
}

// sampledBy counts the residents sampled by the lab's sampled_by time,
// an event at that time.
type sampledBy struct {
	smp   *sampling
	at    float64
	count int
	taken bool
}

func (s *sampledBy) Handle() {
	s.count, s.taken = s.smp.sampled, true
}

// share is the share of the round's residents sampled by the time: at
// the end of the run, everyone sampled so far, when the run ends first.
func (s *sampledBy) share() float64 {
	n := s.smp.sampled
	if s.taken {
		n = s.count
	}
	return ratio(float64(n), float64(s.smp.residents))
}

// buildLab builds a round's lab, if it has one: the first round's builds
// the servers and a tube's way through the lab, and a later round's (shared
// the first's) keeps its own tallies on them. It draws from streams of its
// own (sampling/lab/..., with @roundN for whether a later round's samples
// are positive), so a round without a lab, and every other draw of a round
// with one, are as before.
func (m *Model) buildLab(smp *sampling, shared *lab) error {
	spec := smp.spec.Lab
	if spec == nil {
		return nil
	}
	l := &lab{spec: spec, smp: smp, perTube: smp.spec.Pooling.PerTube, waiting: stats.NewLevel(0, 0)}
	smp.lab = l
	if spec.Prevalence > 0 {
		l.positive = rand.New(m.streams.Source(smp.plan.stream("sampling/lab/positive")))
	}
	l.sampledByTime(m, smp)
	if shared != nil {
		l.res, l.flow = shared.res, shared.flow
		return nil
	}
	l.res = m.s.NewResource(LabPost, spec.Servers)
	m.addPost(LabPost, "equipment", l.res, 0)
	test, err := m.dist(spec.Test, "sampling/lab/test")
	if err != nil {
		return err
	}
	f := sim.NewFlow("lab test").Then(
		sim.Do(func(e *sim.Entity) {
			t := e.Data.(*tube)
			t.arrived = m.s.Now()
			e.Prio = 0
			if t.retest {
				e.Prio = 1 // re-tests go ahead of first tests waiting
			}
			t.lab.waiting.Add(m.s.Now(), 1)
		}),
		sim.Seize(l.res, 1),
		sim.Do(func(e *sim.Entity) {
			t := e.Data.(*tube)
			t.lab.waiting.Add(m.s.Now(), -1)
			t.lab.wait.Add(m.s.Now() - t.arrived)
		}),
		sim.Delay(test),
		sim.Release(l.res, 1),
	)
	if !spec.Report.IsNone() {
		report, err := m.dist(spec.Report, "sampling/lab/report")
		if err != nil {
			return err
		}
		f.Then(sim.Delay(report))
	}
	f.Then(sim.Do(func(e *sim.Entity) { m.tested(e.Data.(*tube)) }))
	l.flow = f
	return nil
}

// sampledByTime counts the round's residents sampled by the lab's
// sampled_by time on the round's day, when it has one.
func (l *lab) sampledByTime(m *Model, smp *sampling) {
	if l.spec.SampledBy == 0 {
		return
	}
	s := &sampledBy{smp: smp, at: m.tl.at(smp.spec.Day-1, l.spec.SampledBy)}
	l.sampledBy = s
	if s.at < m.tl.horizon {
		m.s.Schedule(s.at, sim.PriorityLate, s)
	}
}

// toLab takes in a box of samples at the lab: its tubes, full ones of
// pooling.per_tube samples and at most one (a site's last) with fewer.
func (m *Model) toLab(l *lab, samples int) {
	p := l.spec.Prevalence
	for samples > 0 {
		t := &tube{lab: l, samples: min(samples, l.perTube)}
		samples -= t.samples
		if l.positive != nil {
			for range t.samples {
				if l.positive.Float64() < p {
					t.positives++
				}
			}
		}
		l.pools++
		m.s.Start(l.flow, t)
	}
}

// tested is the end of a tube's test (and report): the results of its
// samples, or, for a positive pool, each of its samples re-tested singly.
func (m *Model) tested(t *tube) {
	l := t.lab
	if t.positives > 0 && !t.retest {
		l.retested++
		for i := range t.samples {
			s := &tube{lab: l, samples: 1, retest: true}
			if i < t.positives {
				s.positives = 1
			}
			m.s.Start(l.flow, s)
		}
		return
	}
	l.results += t.samples
	l.last = m.s.Now()
}

// resultsKnown is the time from the start of the round to the last result
// known, or to the end of the run while some resident sampled or still to
// be sampled has none.
func (e *ending) resultsKnown() float64 {
	smp := e.smp()
	return e.lastOfRound(smp.lab.results, smp.awaited(), smp.lab.last)
}
