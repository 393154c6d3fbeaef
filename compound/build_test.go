package compound

import (
	"context"
	"errors"
	"testing"
)

// countdown is a context that is cancelled once Err has been asked n times:
// it counts how often a build looks at it.
type countdown struct {
	context.Context
	n, asked int
}

func (c *countdown) Err() error {
	c.asked++
	if c.asked > c.n {
		return context.Canceled
	}
	return nil
}

// millionResidents is the small scenario with ten more buildings of
// MaxBuildingResidents residents: a million in all, at MaxResidents.
func millionResidents() *Scenario {
	sc := small()
	widen(sc, 10)
	for i := range sc.Buildings[6:] {
		sc.Buildings[6+i].Residents = MaxBuildingResidents
	}
	sc.Buildings[6].Residents -= 264 // the small scenario's own
	return sc
}

// TestBuildLooksAtItsContextInLongLoops: building a million residents looks
// at the context every few thousand of them, and stops with its error as
// soon as it is cancelled.
func TestBuildLooksAtItsContextInLongLoops(t *testing.T) {
	sc := millionResidents()
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	never := &countdown{Context: context.Background(), n: 1 << 30}
	if _, err := BuildContext(never, sc, 0, Options{}); err != nil {
		t.Fatal(err)
	}
	if min := MaxResidents / checkEvery; never.asked < min {
		t.Errorf("looked at the context %d times while drawing a million residents, want at least %d", never.asked, min)
	}
	soon := &countdown{Context: context.Background(), n: 20}
	m, err := BuildContext(soon, sc, 0, Options{})
	if !errors.Is(err, context.Canceled) || m != nil {
		t.Fatalf("cancelled build: model %v, error %v, want context.Canceled", m, err)
	}
	if soon.asked != soon.n+1 {
		t.Errorf("looked at the context %d times, want %d: the build goes on after it is cancelled", soon.asked, soon.n+1)
	}
}

// TestBuildAtLimits builds replications with counts at their limits: a
// million places in each space, the most carts and staff, a million
// residents. Each takes linear time (a second or so); quadratic steps took
// hours.
func TestBuildAtLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds several hundred MB of models")
	}
	cases := map[string]func(sc *Scenario){
		"places": func(sc *Scenario) {
			sc.Disinfection.Space = MaxPlaces
			sc.Gate.Ground, sc.Gate.Shelves = MaxPlaces, 0
		},
		"carts and staff": func(sc *Scenario) {
			sc.Transfer.Carts = MaxStaff
			sc.Staff[1].Count = MaxStaff
			sc.Staff[0].Shifts[0].Count = MaxStaff
			sc.Zones[0].Volunteers = MaxStaff
			sc.Sampling.Sites[0].Swab = MaxStaff
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			sc := small()
			change(sc)
			if errs := sc.Check(); len(errs) > 0 {
				t.Fatal(errs)
			}
			if _, err := Build(sc, 0, Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("residents", func(t *testing.T) {
		if _, err := Build(millionResidents(), 0, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestLoggedRosterBounded: a logged roster may not put more than MaxStaff
// of a pool on duty: one entry above it is refused by CheckReplay, and
// entries that add up above it by Build.
func TestLoggedRosterBounded(t *testing.T) {
	sc := small()
	one := []RosterEntry{{Pool: "sorters", From: 0, To: 3600, Count: MaxStaff + 1}}
	if errs := sc.CheckReplay(nil, one); len(errs) != 1 {
		t.Errorf("CheckReplay of %d sorters: %v, want one error", MaxStaff+1, errs)
	}
	half := MaxStaff/2 + 1
	two := []RosterEntry{{Pool: "sorters", From: 0, To: 3600, Count: half}, {Pool: "sorters", From: 0, To: 7200, Count: half}}
	if errs := sc.CheckReplay(nil, two); len(errs) != 0 {
		t.Fatal(errs)
	}
	if _, err := Build(sc, 0, Options{Roster: two}); err == nil {
		t.Errorf("built a roster of %d sorters at once", 2*half)
	}
}
