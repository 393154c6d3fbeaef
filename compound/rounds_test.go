package compound

import (
	"math"
	"slices"
	"testing"
)

// threeRounds returns small() over four days with three rounds: round 1
// at the sites on day 1 (12:00), antigen kits on day 3 (09:00) and the
// sites again on day 4 (08:00) for buildings 1-3 only.
func threeRounds() *Scenario {
	sc := small()
	sc.Horizon.Days = 4
	sc.Sampling.Rounds = []Round{
		{Day: 3, Start: 9 * 3600, Method: MethodAntigenKits,
			Kits: &Kits{HandOut: Const(90), Test: Const(2 * 3600), Returned: 0.9, Collect: Const(60)}},
		{Day: 4, Start: 8 * 3600, Buildings: []string{"1-3"}},
	}
	return sc
}

func runModel(t *testing.T, sc *Scenario, rep int, opts Options) (*Model, *Result) {
	t.Helper()
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	m, err := Build(sc, rep, opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	return m, res
}

// TestRoundsOnTheirDays: a round at the sites on day 4 starts on day 4 at
// 08:00: no one is sampled between round 1's last and then, and from then
// on exactly the residents of the buildings it tests.
func TestRoundsOnTheirDays(t *testing.T) {
	sc := threeRounds()
	m, res := runModel(t, sc, 1, Options{Log: &Log{}})
	day4 := m.tl.at(3, 8*3600)
	times := m.opts.Log.Sampled
	if !slices.IsSorted(times) {
		t.Fatal("the samples are not logged in order")
	}
	first := slices.IndexFunc(times, func(v float64) bool { return v >= day4 })
	if first < 0 || first != 264 || len(times)-first != 44+48+40 {
		t.Errorf("%d sampled in round 1, %d from day 4 08:00; want 264 and 132 (buildings 1-3)", first, len(times)-first)
	}
	if times[263] >= m.tl.at(1, 0) {
		t.Errorf("round 1's last sample at %v, after day 1", times[263])
	}
	if got := value(t, sc, res, "sampling.sampled@round3"); got != 132 {
		t.Errorf("sampling.sampled@round3 = %v, want 132", got)
	}
	if got := value(t, sc, res, "sampling.sampled"); got != 264 {
		t.Errorf("round 1 sampled %v, want 264", got)
	}
	// Round 3's time is from its own start.
	if got := value(t, sc, res, "sampling.makespan@round3"); got <= 0 || got > 12*3600 {
		t.Errorf("round 3 took %v", got)
	}
	if l := res.Ledger; l.Residents != 264+132 || l.Sampled+l.NotSampled != l.Residents {
		t.Errorf("ledger %+v: want 396 residents sampled in the rounds at the sites", l)
	}
}

// TestAntigenKitsAccountedFor: every kit handed out is returned, not
// returned or still out; by the end of a long run all are handed out, one
// a resident, about the share returned, and none is out; the kits are
// handed out from the round's start on day 3.
func TestAntigenKitsAccountedFor(t *testing.T) {
	sc := threeRounds()
	for rep := range 3 {
		m, res := runModel(t, sc, rep, Options{})
		kr := m.rounds[1].kits
		if kr.handedOut != kr.returned+kr.notReturned+kr.out {
			t.Errorf("rep %d: %d handed out != %d returned + %d not returned + %d out", rep, kr.handedOut, kr.returned, kr.notReturned, kr.out)
		}
		out := value(t, sc, res, "sampling.kits.handed_out@round2")
		back, not := value(t, sc, res, "sampling.kits.returned@round2"), value(t, sc, res, "sampling.kits.not_returned@round2")
		if out != 264 || out != back+not || value(t, sc, res, "sampling.kits.out@round2") != 0 {
			t.Errorf("rep %d: %v handed out, %v returned, %v not returned", rep, out, back, not)
		}
		if share := back / out; share < 0.8 || share > 0.97 {
			t.Errorf("rep %d: %.2f of the kits returned, want about 0.9", rep, share)
		}
		// 130 households, 6 volunteers: at least 130 x 90 s / 6 to hand out;
		// collected at least the test time after the first.
		handed, collected := value(t, sc, res, "sampling.kits.handed_out_by@round2"), value(t, sc, res, "sampling.kits.collected_by@round2")
		if handed < 130*90/6 || collected < 2*3600 || collected <= handed {
			t.Errorf("rep %d: kits handed out by %v, collected by %v", rep, handed, collected)
		}
	}
	// Caught halfway: six hours a household, the run ends long before all
	// are handed their kits.
	k := *sc.Sampling.Rounds[0].Kits
	k.HandOut = Const(6 * 3600)
	sc.Sampling.Rounds[0].Kits = &k
	m, res := runModel(t, sc, 0, Options{})
	kr := m.rounds[1].kits
	if kr.handedOut == 0 || kr.handedOut == kr.kits || kr.handedOut != kr.returned+kr.notReturned+kr.out {
		t.Errorf("halfway: %d of %d handed out, %d returned, %d not returned, %d out", kr.handedOut, kr.kits, kr.returned, kr.notReturned, kr.out)
	}
	if got := value(t, sc, res, "sampling.kits.not_handed_out@round2"); got != float64(kr.kits-kr.handedOut) {
		t.Errorf("halfway: %v not handed out", got)
	}
}

// TestRoundsDrawTheirOwn: later rounds draw from streams of their own, so
// round 1 is the same with them or without them.
func TestRoundsDrawTheirOwn(t *testing.T) {
	with := threeRounds()
	without := threeRounds()
	without.Sampling.Rounds = nil
	_, a := runModel(t, with, 2, Options{})
	_, b := runModel(t, without, 2, Options{})
	for _, k := range []string{"sampling.makespan", "sampling.wait.mean", "sampling.wait.p95", "sampling.lab_done", "sampling.site.a.makespan"} {
		if x, y := value(t, with, a, k), value(t, without, b, k); x != y {
			t.Errorf("%s: %v with the later rounds, %v without", k, x, y)
		}
	}
	if x, y := value(t, with, a, "sampling.wait.mean@round3"), value(t, with, a, "sampling.wait.mean"); x == y || math.IsNaN(x) {
		t.Errorf("round 3's mean wait %v, round 1's %v: the same draws?", x, y)
	}
}

// TestRoundDoorToDoor: a round door to door swabs every resident of its
// buildings at home, with no one at the sites, whose staff stay off duty.
func TestRoundDoorToDoor(t *testing.T) {
	sc := threeRounds()
	sc.Sampling.Rounds = []Round{{Day: 2, Start: 9 * 3600, Method: MethodDoorToDoor, Buildings: []string{"5", "6"}}}
	sc.Staff[len(sc.Staff)-1].Count = 4
	m, res := runModel(t, sc, 0, Options{})
	if got := value(t, sc, res, "sampling.sampled@round2"); got != 55+33 {
		t.Errorf("%v sampled at home, want 88", got)
	}
	if _, ok := res.Value(Catalog(sc), "sampling.wait.mean@round2"); ok {
		t.Error("a round door to door has a wait at the sites")
	}
	for _, s := range m.rounds[0].sites {
		if s.swab.Capacity() != 0 {
			t.Errorf("site %s has %d on duty at the end", s.spec.Name, s.swab.Capacity())
		}
	}
	// Its medical staff are paid for round 1 only.
	if got, want := sc.roundsAtSites(), 1; got != want {
		t.Errorf("%d rounds at the sites, want %d", got, want)
	}
}

// TestRoundsChecked: the later rounds' fields are checked, each at its
// path.
func TestRoundsChecked(t *testing.T) {
	for _, c := range []struct {
		change func(*Scenario)
		path   string
	}{
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Day = 3 }, "sampling.rounds[1].day"},
		{func(sc *Scenario) { sc.Sampling.Rounds[0].Day = 1 }, "sampling.rounds[0].day"},
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Day = 5 }, "sampling.rounds[1].day"},
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Method = "rapid" }, "sampling.rounds[1].method"},
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Start = 25 * 3600 }, "sampling.rounds[1].start"},
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Buildings = []string{"9"} }, "sampling.rounds[1].buildings[0]"},
		{func(sc *Scenario) { sc.Sampling.Rounds[0].Kits.Test = Dist{} }, "sampling.rounds[0].kits.test"},
		{func(sc *Scenario) { sc.Sampling.Rounds[0].Kits.Returned = 2 }, "sampling.rounds[0].kits.returned"},
		{func(sc *Scenario) { sc.Sampling.Rounds[1].Kits = sc.Sampling.Rounds[0].Kits }, "sampling.rounds[1].kits"},
		{func(sc *Scenario) { sc.Sampling.Rounds[0].Kits = nil }, "sampling.rounds[0].kits"},
		{func(sc *Scenario) {
			sc.Sampling.Rounds[1].Method = MethodDoorToDoor
			sc.Staff = sc.Staff[:len(sc.Staff)-1]
			sc.Sampling.DoorToDoor = DoorToDoor{}
		}, "sampling.rounds[1].method"},
	} {
		sc := threeRounds()
		c.change(sc)
		errs := sc.Check()
		if len(errs) == 0 || errs[0].Path != c.path {
			t.Errorf("%s: errors %v", c.path, errs)
		}
	}
}

// TestAntigenRoundOfEmptyBuildings: an antigen round of buildings where no
// one lives hands out nothing and takes no time.
func TestAntigenRoundOfEmptyBuildings(t *testing.T) {
	sc := threeRounds()
	sc.Buildings[0].Residents, sc.Buildings[0].Households = 0, 0
	sc.Sampling.Rounds[0].Buildings = []string{"1"}
	_, res := runModel(t, sc, 0, Options{})
	for _, k := range []string{"sampling.kits.handed_out@round2", "sampling.kits.handed_out_by@round2", "sampling.kits.collected_by@round2"} {
		if got := value(t, sc, res, k); got != 0 {
			t.Errorf("%s = %v, want 0", k, got)
		}
	}
}

// TestLabTestsEveryRound: the lab tests the samples of every round that
// swabs (not the antigen kits): round 3's 132 residents (buildings 1-3 on
// day 4) all get their results after round 3 starts, on the same servers
// as round 1's, and round 3 has the lab's KPIs of its own.
func TestLabTestsEveryRound(t *testing.T) {
	sc := threeRounds()
	sc.Sampling.Lab = &Lab{Servers: 1, Test: Const(60), Prevalence: 1}
	m, res := runModel(t, sc, 1, Options{})
	for i, want := range map[int]int{0: 264, 2: 132} {
		l := m.rounds[i].lab
		if l == nil || l.results != want {
			t.Fatalf("round %d's lab: %+v, want %d results", i+1, l, want)
		}
		if l.res != m.rounds[0].lab.res {
			t.Errorf("round %d's lab has servers of its own", i+1)
		}
	}
	if m.rounds[1].lab != nil {
		t.Error("the antigen round has a lab")
	}
	known := value(t, sc, res, "sampling.results_known@round3")
	if end := m.tl.horizon - m.rounds[2].start; known <= 0 || known >= end {
		t.Errorf("sampling.results_known@round3 = %v, want within round 3's day (before %v)", known, end)
	}
	// At prevalence 1 every pool is positive: round 3's pools are re-tested.
	pools := value(t, sc, res, "sampling.pools_retested@round3")
	if want := float64(m.rounds[2].lab.pools); pools != want || pools == 0 {
		t.Errorf("sampling.pools_retested@round3 = %v, want %v (every pool of round 3)", pools, want)
	}
}
