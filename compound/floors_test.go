package compound

import (
	"slices"
	"testing"
)

// TestDutyShortfalls: an on-duty floor is broken at the first moment a
// pool (or a zone's group) has fewer on duty than it asks, breaks counted;
// against a reference, only where the reference had more.
func TestDutyShortfalls(t *testing.T) {
	gateOpen := DutyFloor{Pool: "gate", Min: 1, During: DuringGateOpen, To: 24 * 3600}
	cases := []struct {
		name  string
		edit  func(*Scenario)
		ref   func(*Scenario) // nil: no reference
		wants []string        // Shortfall.String() of each
	}{
		{"kept", func(sc *Scenario) {}, nil, nil},
		{"night cut", func(sc *Scenario) { sc.Staff[0].Shifts[1].Count = 0 }, nil,
			[]string{"gate has 0 on duty at 06:00, below the floor of 1 (floors.on_duty[0])"}},
		{"lunch leaves nobody", func(sc *Scenario) { sc.Staff[0].Shifts[0].Count = 1 }, nil,
			[]string{"gate has 0 on duty at 12:00, below the floor of 1 (floors.on_duty[0])"}},
		{"already under the floor", func(sc *Scenario) { sc.Staff[0].Shifts[1].Count = 0 },
			func(ref *Scenario) { ref.Staff[0].Shifts[1].Count = 0 }, nil},
		{"cut elsewhere while under", func(sc *Scenario) { sc.Staff[0].Shifts[1].Count = 0; sc.Staff[0].Shifts[0].Count = 1 },
			func(ref *Scenario) { ref.Staff[0].Shifts[1].Count = 0 },
			[]string{"gate has 0 on duty at 12:00, below the floor of 1 (floors.on_duty[0])"}},
		{"gate closed at night", func(sc *Scenario) {
			sc.Staff[0].Shifts[1].Count = 0
			sc.Gate.Open = 7 * 3600
			sc.Gate.Close = 19 * 3600
		}, nil, nil},
		{"a zone's group", func(sc *Scenario) {
			sc.Floors.OnDuty = append(sc.Floors.OnDuty, DutyFloor{Pool: "volunteers", Min: 2, From: 20 * 3600, To: 2 * 3600})
			sc.Zones[1].Volunteers = 1
		}, nil, []string{"volunteers/south has 1 on duty at 00:00, below the floor of 2 (floors.on_duty[1])"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := small()
			sc.Floors.OnDuty = []DutyFloor{gateOpen}
			c.edit(sc)
			if errs := sc.Check(); len(errs) > 0 {
				t.Fatal(errs)
			}
			var ref *Scenario
			if c.ref != nil {
				ref = small()
				c.ref(ref)
			}
			var got []string
			for _, s := range sc.DutyShortfalls(ref) {
				got = append(got, s.String())
			}
			if !slices.Equal(got, c.wants) {
				t.Errorf("shortfalls %q, want %q", got, c.wants)
			}
		})
	}
}

// TestCapacities: every capacity path reads the value --set would change,
// and a knob floor is found by its path.
func TestCapacities(t *testing.T) {
	sc := small()
	sc.Floors.Knobs = []KnobFloor{{Path: "gate.shelves", Min: 1}}
	want := map[string]int{
		"staff.gate.shifts[0].count": 2, "staff.gate.shifts[1].count": 1, "staff.suited.count": 2, "staff.volunteers.count": 2,
		"sampling.sites.a.registration": 1, "sampling.sites.b.swab": 2, "gate.shelves": 1, "gate.containers": 0,
		"transfer.carts": 2, "disinfection.space": 60,
	}
	paths := sc.CapacityPaths()
	for p, v := range want {
		if !slices.Contains(paths, p) {
			t.Errorf("%s is not a capacity path: %v", p, paths)
		}
		if got, ok := sc.Capacity(p); !ok || got != v {
			t.Errorf("Capacity(%s) = %d, %v; want %d", p, got, ok, v)
		}
	}
	if _, ok := sc.Capacity("gate.ground"); ok {
		t.Error("gate.ground is not a capacity a plan changes")
	}
	if m, ok := sc.KnobFloor("gate.shelves"); !ok || m != 1 {
		t.Errorf("KnobFloor(gate.shelves) = %d, %v", m, ok)
	}
	if _, ok := sc.KnobFloor("gate.containers"); ok {
		t.Error("a floor nobody declared")
	}
}
