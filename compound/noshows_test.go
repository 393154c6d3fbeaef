package compound

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// withNoShows returns small() with a share of the residents called down
// missing their call, swept an hour after it by a team of two.
func withNoShows(share float64) *Scenario {
	sc := small()
	sc.Staff = append(sc.Staff, Pool{Name: "sweepers", Count: 2, Tasks: []Task{{TaskSweep, 1}}})
	sc.Sampling.NoShows = NoShows{Share: share, Sweep: Sweep{After: 3600, Visit: Const(300)}}
	return sc
}

// TestNoShowsAccountedFor: every resident is sampled at a site, at home,
// by the sweep, or not yet; the sweep samples everyone who missed the
// call; those left when the sites close are the sweep's; and the sweep
// ends after the sites close.
func TestNoShowsAccountedFor(t *testing.T) {
	sc := withNoShows(0.2)
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	for rep := range 4 {
		res := runSmall(t, sc, rep)
		l := res.Ledger
		if l.Residents != 264 || l.Residents != l.Sampled+l.NotSampled || l.NotSampled != 0 {
			t.Errorf("rep %d: residents %d, sampled %d, not sampled %d", rep, l.Residents, l.Sampled, l.NotSampled)
		}
		missed, swept := value(t, sc, res, "sampling.no_shows"), value(t, sc, res, "sampling.swept")
		// About a fifth of the 252 who come down (12 are sampled at home).
		if missed != swept || missed < 25 || missed > 80 {
			t.Errorf("rep %d: %v missed the call, %v swept", rep, missed, swept)
		}
		if left := value(t, sc, res, "sampling.left_at_close"); left < 0 || left > missed {
			t.Errorf("rep %d: %v not sampled when the sites closed, of %v who missed the call", rep, left, missed)
		}
		sweep, last := value(t, sc, res, "sampling.sweep_done"), value(t, sc, res, "sampling.makespan")
		sites := math.Max(value(t, sc, res, "sampling.site.a.makespan"), value(t, sc, res, "sampling.site.b.makespan"))
		if sweep != last || sweep <= 3600 || sweep < sites-3600 {
			t.Errorf("rep %d: sweep done at %v, round's last at %v, sites' last at %v", rep, sweep, last, sites)
		}
	}
}

// TestNoShowsSweepStart: a sweep that sets off at 18:00 samples no one
// before then; one that sets off after the run leaves everyone who missed
// the call not sampled, and the sites still close.
func TestNoShowsSweepStart(t *testing.T) {
	sc := withNoShows(0.2)
	sc.Sampling.NoShows.Sweep = Sweep{Start: 18 * 3600, Visit: Const(300)}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	m, err := Build(sc, 0, Options{Log: &Log{}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	missed := value(t, sc, res, "sampling.no_shows")
	if got := value(t, sc, res, "sampling.sweep_done"); got < 6*3600+300 || missed == 0 {
		t.Errorf("sweep done %v after the 12:00 round, with %v missed: want after 18:05", got, missed)
	}
	// The sweep's samples are the last ones, from 18:05 (11 h into the run).
	times := m.opts.Log.Sampled
	late := len(times) - slices.IndexFunc(times, func(t float64) bool { return t >= 11*3600 })
	if float64(late) != missed {
		t.Errorf("%d sampled from 18:00, %v missed the call", late, missed)
	}

	sc.Sampling.NoShows.Sweep.Start = 32 * 3600 // 08:00 the next day: after the run
	res = runSmall(t, sc, 0)
	missed = value(t, sc, res, "sampling.no_shows")
	if left, not := value(t, sc, res, "sampling.left_at_close"), value(t, sc, res, "sampling.not_sampled"); left != missed || not != missed || value(t, sc, res, "sampling.swept") != 0 {
		t.Errorf("no sweep: %v missed, %v left when the sites closed, %v not sampled", missed, left, not)
	}
	if l := res.Ledger; l.Residents != l.Sampled+l.NotSampled || float64(l.NotSampled) != missed {
		t.Errorf("no sweep: ledger %+v, %v missed the call", l, missed)
	}
	if got := value(t, sc, res, "sampling.site.a.makespan"); got >= 12*3600-5*3600 {
		t.Errorf("site a stood down %v after the round started: it does not wait for the sweep", got)
	}
}

// TestNoShowsNoneChangeNothing: no one missing the call (a share of 0)
// gives the very results of a scenario with the section left out, and no
// KPI of the sweep.
func TestNoShowsNoneChangeNothing(t *testing.T) {
	zero := withNoShows(0)
	out := withNoShows(0)
	out.Sampling.NoShows = NoShows{}
	without := runSmall(t, out, 2)
	if errs := zero.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := runSmall(t, zero, 2); !sameBits(got.Values, without.Values) || got.Ledger != without.Ledger {
		t.Error("a share of 0 changes the results")
	}
	for _, k := range Catalog(zero) {
		if strings.HasPrefix(k.Name, "sampling.") && strings.Contains(k.Name, "sweep") || k.Name == "sampling.no_shows" {
			t.Errorf("KPI %s with no one missing the call", k.Name)
		}
	}
}

// TestNoShowsChecked: the section's fields are checked, each at its path.
func TestNoShowsChecked(t *testing.T) {
	for _, c := range []struct {
		change func(*Scenario)
		path   string
	}{
		{func(sc *Scenario) { sc.Sampling.NoShows.Share = 1.5 }, "sampling.no_shows.share"},
		{func(sc *Scenario) { sc.Sampling.NoShows.Sweep.Visit = Dist{} }, "sampling.no_shows.sweep.visit"},
		{func(sc *Scenario) { sc.Sampling.NoShows.Sweep.Start = 14 * 3600 }, "sampling.no_shows.sweep.after"},
		{func(sc *Scenario) { sc.Sampling.NoShows.Sweep = Sweep{Start: 11 * 3600, Visit: Const(60)} }, "sampling.no_shows.sweep.start"},
		{func(sc *Scenario) { sc.Sampling.NoShows.Sweep.After = -1 }, "sampling.no_shows.sweep.after"},
		{func(sc *Scenario) { sc.Staff = sc.Staff[:len(sc.Staff)-1] }, "sampling.no_shows"},
	} {
		sc := withNoShows(0.1)
		c.change(sc)
		errs := sc.Check()
		if len(errs) != 1 || errs[0].Path != c.path {
			t.Errorf("%s: errors %v", c.path, errs)
		}
	}
}
