package compound

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// quietNights returns a scenario of days days in which nothing carries
// over from one day to the next: the day starts at 06:00, nothing arrives
// from 20:00 to 08:00, the staff are on duty from 07:00 to 23:00 only
// (none across the day's start, so no suit limit runs over), plenty of
// them clear the day's work before they go, and the garbage window closes
// at 23:00. It has the sampling round on day 1, a lorry at 14:00 on each
// day and medicine with a deadline.
func quietNights(days int) *Scenario {
	sc := small()
	sc.Horizon = Horizon{Start: 6 * 3600, Days: days}
	day := []float64{0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1, 1, 0, 0, 0, 0}
	sc.Kinds[0].Profile, sc.Kinds[1].Profile = day, day
	sc.Kinds = append(sc.Kinds, Kind{Name: "medicine", PerDay: 20, Profile: day, Batch: Const(1), Priority: 3, Deadline: 3 * 3600})
	for d := 1; d <= days; d++ {
		sc.Kinds[0].Schedule = append(sc.Kinds[0].Schedule, Drop{Day: d, At: 14 * 3600, Items: 40})
	}
	shift := []Shift{{From: 7 * 3600, To: 23 * 3600}}
	for i := range sc.Staff {
		p := &sc.Staff[i]
		n := max(p.Count, 2) + 1
		p.Count, p.Breaks = 0, nil
		p.Shifts = []Shift{{From: shift[0].From, To: shift[0].To, Count: n}}
	}
	sc.Transfer.Carts = 4
	sc.Gate.Open, sc.Gate.Close = 7*3600, 22*3600
	sc.Garbage.From, sc.Garbage.To = 21*3600, 23*3600
	sc.SpecialNeeds.Profile = day
	return sc
}

// TestDayByDayEqualsEachDayAlone: the KPIs of each day of a two-day run in
// which nothing carries over equal the KPIs of that day run alone. Day 1
// alone is the scenario run for one day; day 2 alone is the scenario run
// for one day on day 2's random streams (Options.Day 2), with its lorry on
// its day 1 and without the round, which is on day 1 of the two. Counts
// are equal; times and means equal but for the rounding of a clock a day
// later (a relative 1e-9).
func TestDayByDayEqualsEachDayAlone(t *testing.T) {
	two := quietNights(2)
	if errs := two.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	dayOne := quietNights(1)
	dayTwo := quietNights(1)
	dayTwo.Sampling = nil
	for _, sc := range []*Scenario{dayOne, dayTwo} {
		if errs := sc.Check(); len(errs) > 0 {
			t.Fatal(errs)
		}
	}
	cat2 := Catalog(two)
	alone := map[int]*Scenario{1: dayOne, 2: dayTwo}
	for rep := range 3 {
		res2 := runSmall(t, two, rep)
		for d := 1; d <= 2; d++ {
			// The precondition: nothing carried over.
			for _, name := range []string{"items.backlog", "garbage.backlog", "special_needs.backlog"} {
				if v, _ := res2.Value(cat2, DayKPI(name, d)); v != 0 {
					t.Fatalf("rep %d: %s = %v: day %d carries over; the scenario does not test what it should", rep, DayKPI(name, d), v, d)
				}
			}
			m, err := Build(alone[d], rep, Options{Day: d})
			if err != nil {
				t.Fatal(err)
			}
			res1, err := m.Run()
			if err != nil {
				t.Fatal(err)
			}
			cat1 := Catalog(alone[d])
			compared := 0
			for i, k := range cat2 {
				if k.Day != d {
					continue
				}
				base, _ := WholeRun(k.Name)
				want, ok := res1.Value(cat1, base)
				if !ok {
					t.Errorf("day %d: %s has no %s alone", d, k.Name, base)
					continue
				}
				if got := res2.Values[i]; !same(got, want) {
					t.Errorf("rep %d: %s = %v, alone %v", rep, k.Name, got, want)
				}
				compared++
			}
			if compared < 50 {
				t.Errorf("day %d: %d KPIs compared: the days have too few", d, compared)
			}
		}
	}
}

// same reports whether two KPI values are equal but for the rounding of a
// clock a day later, or both not measured.
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestDayKPINames: a run of several days has, after the whole run's KPIs
// in their order, each day's in the same order, named KPI@dayN; a run of
// one day has the whole run's alone, as it always had; the sampling
// round's KPIs are for its day only; the cost's for the whole run only.
func TestDayKPINames(t *testing.T) {
	one := Catalog(small())
	for _, k := range one {
		if k.Day != 0 || strings.Contains(k.Name, "@") {
			t.Fatalf("a run of one day has %s (day %d)", k.Name, k.Day)
		}
	}
	sc := small()
	sc.Horizon.Days = 3
	sc.Sampling.Day = 2
	cat := Catalog(sc)
	for i, k := range one {
		if cat[i].Name != k.Name {
			t.Fatalf("KPI %d is %s in a run of three days, %s in one", i, cat[i].Name, k.Name)
		}
	}
	seen := map[string]bool{}
	for _, k := range cat {
		seen[k.Name] = true
	}
	days := map[int]int{}
	for _, k := range cat[len(one):] {
		base, d := WholeRun(k.Name)
		if d != k.Day || d < 1 || d > 3 || k.Name != DayKPI(base, d) || !seen[base] {
			t.Errorf("%s: day %d, whole run %s (day %d)", k.Name, k.Day, base, d)
		}
		if !strings.HasSuffix(k.Label, fmt.Sprintf(", day %d", d)) || strings.Contains(k.Desc, "%!") {
			t.Errorf("%s: label %q, description %q", k.Name, k.Label, k.Desc)
		}
		days[d]++
	}
	if days[1] == 0 || days[1] != days[3] || days[2] <= days[1] {
		t.Errorf("KPIs by day %v: want the same every day, and the round's more on its day", days)
	}
	for _, name := range []string{"express.door_time.p95@day2", "gate.staging.max@day1", "garbage.done_after@day3",
		"staff.suited.utilisation@day2", "sampling.makespan@day2", "households.same_day@day1", "consumables.suits@day3"} {
		if !seen[name] {
			t.Errorf("no KPI %s", name)
		}
	}
	for _, name := range []string{"sampling.makespan@day1", "cost.total@day1", "express.door_time.p95@day4"} {
		if seen[name] {
			t.Errorf("KPI %s", name)
		}
	}
	for _, name := range []string{"a.b@day0", "a.b@day02", "a.b@dayx", "a.b"} {
		if base, d := WholeRun(name); d != 0 || base != name {
			t.Errorf("WholeRun(%s) = %s, %d", name, base, d)
		}
	}
}

// TestDaysDoNotPool: in a run of three days, each night's garbage round is
// reported on its own (done within the night), while the whole run's
// figure runs from the first night to the last; a day's deliveries add up
// to the whole run's.
func TestDaysDoNotPool(t *testing.T) {
	sc := small()
	sc.Horizon.Days = 3
	res := runSmall(t, sc, 1)
	v := func(name string) float64 { return value(t, sc, res, name) }
	whole := v("garbage.done_after")
	sum := 0.0
	for d := 1; d <= 3; d++ {
		if n := v(DayKPI("garbage.done_after", d)); !(n > 0 && n < 12*3600) {
			t.Errorf("garbage.done_after@day%d = %v", d, n)
		}
		sum += v(DayKPI("express.arrived", d))
	}
	if whole < 2*24*3600 {
		t.Errorf("garbage.done_after = %v: the whole run's should span the nights", whole)
	}
	if sum != v("express.arrived") {
		t.Errorf("arrivals by day add up to %v, the run's are %v", sum, v("express.arrived"))
	}
}

// TestDaysAddUp: the KPIs that count (items, suits, litres, staff-hours)
// add up over the days of a run to the whole run's, the staff who come on
// duty when the run starts counted on day 1.
func TestDaysAddUp(t *testing.T) {
	sc := small()
	sc.Horizon.Days = 2
	cat := Catalog(sc)
	for rep := range 2 {
		res := runSmall(t, sc, rep)
		for _, name := range []string{"express.arrived", "express.delivered", "takeout.turned_away", "garbage.collected",
			"staff.suited.suits", "staff.suited.hours", "staff.hours", "consumables.suits", "consumables.disinfectant",
			"special_needs.cards"} {
			whole, ok := res.Value(cat, name)
			if !ok {
				t.Fatalf("no KPI %s", name)
			}
			sum := 0.0
			for d := 1; d <= 2; d++ {
				v, _ := res.Value(cat, DayKPI(name, d))
				sum += v
			}
			if !same(sum, whole) {
				t.Errorf("rep %d: %s by day adds up to %v, the whole run's is %v", rep, name, sum, whole)
			}
		}
	}
}
