package experiment_test

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestHoursWaitedIsLittlesLaw: the hours spent waiting at a post that the
// ranking orders by are the time integral of its queue, which Little's
// law makes the sum of the waits of what it served (nothing is left
// waiting past the end of these runs but a few; turned-away arrivals wait
// nothing): checked replication by replication on the validation posts of
// mmck.yaml (M/M/2/5, turning arrivals away) and jackson.yaml (three posts
// with feedback), whose queues are also checked against queueing theory
// (TestValidationMMcK, TestValidationJacksonNetwork). The hours of the
// days add up to the whole run's.
func TestHoursWaitedIsLittlesLaw(t *testing.T) {
	for _, file := range []string{"mmck.yaml", "jackson.yaml"} {
		sc, err := scenarios.LoadFile("../scenarios/validation/" + file)
		if err != nil {
			t.Fatal(err)
		}
		out := run(t, sc, 3)
		checked := 0
		for r, res := range out.Runs {
			for _, p := range res.Posts {
				if p.Class != "post" {
					continue
				}
				served := float64(p.Arrivals - p.Blocked)
				waits := p.WaitMean * served // seconds, over everything served
				// The integral holds every served wait exactly, and besides
				// only the waits of what is still queued at the end: a few
				// arrivals' (0.2% at most here, mostly none).
				if p.Waited < waits*(1-1e-9) || p.Waited-waits > 0.005*waits {
					t.Errorf("%s replication %d post %s: queue integral %.6g s, sum of waits %.6g s (%d served, mean wait %.4g s)",
						file, r, p.Name, p.Waited, waits, int(served), p.WaitMean)
				}
				if len(p.DayWaited) < 2 {
					t.Errorf("%s post %s: %d days of hours waited in a run of %d days", file, p.Name, len(p.DayWaited), sc.Horizon.Days)
				}
				days := 0.0
				for _, d := range p.DayWaited {
					days += d
				}
				if math.Abs(days-p.Waited) > 1e-6*p.Waited {
					t.Errorf("%s replication %d post %s: the days' hours waited add up to %.9g s, the run's are %.9g s", file, r, p.Name, days, p.Waited)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Fatalf("%s: no post checked", file)
		}
		for _, b := range out.Bottlenecks {
			if b.Class != "post" {
				continue
			}
			mean := 0.0
			for _, res := range out.Runs {
				i := slices.IndexFunc(res.Posts, func(p compound.PostResult) bool { return p.Name == b.Post })
				mean += res.Posts[i].Waited / 3600 / float64(len(out.Runs))
			}
			if math.Abs(b.Waited.Mean-mean) > 1e-9*mean {
				t.Errorf("%s post %s: the ranking's hours waited %.6g, the replications' mean %.6g", file, b.Post, b.Waited.Mean, mean)
			}
		}
	}
}

// isSite says a post is a testing site's station.
func isSite(b experiment.Bottleneck) bool { return b.Class == "site" }

// TestBottlenecksTwoDaysPointAtStaging: on two-days, the source incident
// (day 1 the old gate's staging area overflows and items lie on a pile
// outside for about 4 hours), the hours waited at the staging area, the
// items on the pile, lead day 1's ranking clearly (paired over the
// replications), and in the whole run's ranking the staging area is
// ahead of every sampling site, which the ranking by the share of open
// time with work waiting put first (the sites open only for the round).
// The pile is on day 1 only: day 2 has no hours waited at staging.
func TestBottlenecksTwoDaysPointAtStaging(t *testing.T) {
	out := run(t, load(t, "two-days"), 10)
	if len(out.DayBottlenecks) != 2 {
		t.Fatalf("%d days ranked, want 2", len(out.DayBottlenecks))
	}
	day1 := out.DayBottlenecks[0]
	if lead := day1.Posts[0]; lead.Post != "staging" || !lead.Clear {
		t.Errorf("day 1 is led by %s (%.1f h, ahead of the next by %.1f [%.1f, %.1f], clear %v), want staging clearly",
			lead.Post, lead.Waited.Mean, lead.Lead.Mean, lead.Lead.Low, lead.Lead.High, lead.Clear)
	}
	rank := map[string]experiment.Bottleneck{}
	for _, b := range out.Bottlenecks {
		rank[b.Post] = b
	}
	staging, ok := rank["staging"]
	if !ok {
		t.Fatal("no staging post in the ranking")
	}
	if pile, _ := out.KPI("gate.pile.time_nonempty"); pile.Mean < 3600 {
		t.Fatalf("the pile lay outside for %.0f s: the scenario no longer has the incident", pile.Mean)
	}
	for _, b := range out.Bottlenecks {
		if isSite(b) && b.Rank < staging.Rank {
			t.Errorf("site post %s ranks %d (%.1f h waited), ahead of staging's %d (%.1f h)", b.Post, b.Rank, b.Waited.Mean, staging.Rank, staging.Waited.Mean)
		}
	}
	if d := staging.Days[1].Mean; d != 0 {
		t.Errorf("staging: %.3g hours waited on day 2, after the entrance was reorganised; want none", d)
	}
	if staging.Days[0].Mean < 50 {
		t.Errorf("staging: %.1f hours waited on day 1; the pile of up to 100 items for about 4 h holds far more", staging.Days[0].Mean)
	}
	// The staging area's hours waited are its pile's: by Little's law the
	// items put on it times their mean time on it (the pile is empty by
	// the end, so every item's time is in both).
	cat := compound.Catalog(out.Scenario)
	for r, res := range out.Runs {
		items, _ := res.Value(cat, "gate.pile.items")
		i := slices.IndexFunc(res.Posts, func(p compound.PostResult) bool { return p.Name == "staging" })
		p := res.Posts[i]
		if items == 0 || math.Abs(p.Waited-items*p.WaitMean) > 1e-6*p.Waited {
			t.Errorf("replication %d: staging's queue integral %.6g s, %v items on the pile times their mean time there %.4g s: %.6g s",
				r, p.Waited, items, p.WaitMean, items*p.WaitMean)
		}
	}
}

// TestBottleneckLeadersHoldOnFreshSeeds: what the ranking calls clearly
// first, over the whole run and on each day, at the scenario's own seed
// with 10 replications is first again with 30 replications of a seed it
// never saw, on baseline (the sampling sites) and two-days (the staging
// area on day 1).
func TestBottleneckLeadersHoldOnFreshSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 80 replications")
	}
	fresh := uint64(20261207)
	for _, name := range []string{"baseline", "two-days"} {
		sc := load(t, name)
		first := run(t, sc, 10)
		again, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 30, Seed: &fresh})
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		if b := first.Bottlenecks[0]; b.Clear {
			checked++
			if a := again.Bottlenecks[0]; a.Post != b.Post {
				t.Errorf("%s: %s leads clearly (%.1f h, ahead by %.1f [%.1f, %.1f]), but %s leads on fresh seeds (%.1f h)",
					name, b.Post, b.Waited.Mean, b.Lead.Mean, b.Lead.Low, b.Lead.High, a.Post, a.Waited.Mean)
			}
		}
		for d, day := range first.DayBottlenecks {
			if p := day.Posts[0]; p.Clear {
				checked++
				if a := again.DayBottlenecks[d].Posts[0]; a.Post != p.Post {
					t.Errorf("%s day %d: %s leads clearly (%.1f h), but %s leads on fresh seeds (%.1f h)", name, day.Day, p.Post, p.Waited.Mean, a.Post, a.Waited.Mean)
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no leader is clear; the test checks nothing", name)
		}
		var leaders []string
		for _, day := range again.DayBottlenecks {
			leaders = append(leaders, day.Posts[0].Post)
		}
		t.Logf("%s: leader %s; on fresh seeds %s, by day %s", name, first.Bottlenecks[0].Post, again.Bottlenecks[0].Post, strings.Join(leaders, ", "))
	}
}
