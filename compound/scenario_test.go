package compound

import "cordon/sim/random"

// small returns a small scenario with every section: 6 buildings in 2 zones,
// 2 testing sites, shifts, breaks, a suit limit, garbage and special needs.
func small() *Scenario {
	d := func(s string) Duration {
		v, err := ParseDuration(s)
		if err != nil {
			panic(err)
		}
		return v
	}
	c := func(s string) Clock {
		v, err := ParseClock(s)
		if err != nil {
			panic(err)
		}
		return v
	}
	dist := func(kind string, a, b, cc float64) Dist {
		switch kind {
		case random.FamilyLogNormal:
			return Dist{random.Spec{Family: kind, Mean: a, SD: b}}
		case random.FamilyTriangular:
			return Dist{random.Spec{Family: kind, Min: a, Mode: b, Max: cc}}
		case random.FamilyUniform:
			return Dist{random.Spec{Family: kind, Min: a, Max: b}}
		}
		return Const(a)
	}
	return &Scenario{
		Name: "small", Seed: 7, Replications: 4,
		Horizon: Horizon{Start: c("07:00"), Days: 1},
		Buildings: []Building{
			{ID: "1", Households: 20, Residents: 44, Walk: Const(0)}, {ID: "2", Households: 22, Residents: 48, Walk: Const(0)},
			{ID: "3", Households: 18, Residents: 40, Walk: Const(0)}, {ID: "4", Households: 20, Residents: 44, Walk: Const(0)},
			{ID: "5", Households: 25, Residents: 55, Walk: Const(60)}, {ID: "6", Households: 15, Residents: 33, Walk: Const(0)},
		},
		Zones: []Zone{
			{Name: "north", Buildings: []string{"1-3"}, Walk: Const(180), Site: "a", WalkToSite: dist("uniform", 60, 180, 0)},
			{Name: "south", Buildings: []string{"4", "5", "6"}, Walk: dist("triangular", 120, 300, 480), Site: "b", WalkToSite: Const(120)},
		},
		Staff: []Pool{
			{Name: "gate", Shifts: []Shift{{From: c("07:00"), To: c("19:00"), Count: 2}, {From: c("19:00"), To: c("07:00"), Count: 1}},
				Breaks: []Break{{At: c("12:00"), Length: d("30m"), Count: 1}}, Tasks: []Task{{TaskIntake, 1}}},
			{Name: "suited", Count: 2, Suit: &Suit{Limit: d("4h"), Changeover: d("30m")}, Tasks: []Task{{TaskTransfer, 1}}},
			{Name: "sorters", Count: 1, Tasks: []Task{{TaskSorting, 1}}},
			{Name: "volunteers", Count: 2, PerZone: true, Tasks: []Task{{TaskDelivery, 2}, {TaskGarbage, 1}}},
			{Name: "workers", Count: 1, Tasks: []Task{{TaskSpecialNeeds, 1}, {TaskLabRun, 0}}},
			{Name: "mobile", Count: 1, Tasks: []Task{{TaskDoorToDoor, 1}}},
		},
		Gate: Gate{Open: c("06:00"), Close: c("24:00"), Ground: 20, Shelves: 1, ShelfSlots: 40, ContainerSlots: 150,
			WhenFull: "wait", CourierPatience: d("30m"), Intake: dist("lognormal", 20, 8, 0)},
		Kinds: []Kind{
			{Name: "express", PerDay: 150, Batch: dist("triangular", 2, 5, 10), Target: d("12h"),
				Profile: []float64{0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0}},
			{Name: "takeout", PerDay: 60, Batch: Const(1), Priority: 2, Hot: true, Target: d("45m"),
				Profile: []float64{0, 0, 0, 1, 3, 1, 1, 3, 1, 0, 0, 0}},
		},
		Transfer:     Transfer{Carts: 2, Capacity: 20, Fill: d("10m"), Trip: dist("triangular", 180, 300, 480), Load: Const(5)},
		Disinfection: Disinfection{Space: 60, Dwell: dist("triangular", 600, 1200, 1800)},
		Sorting:      Sorting{Time: dist("lognormal", 8, 3, 0)},
		Delivery:     Delivery{ItemsPerRun: 10, Fill: d("30m"), Door: dist("lognormal", 90, 40, 0)},
		Sampling: &Sampling{Start: c("12:00"), Day: 1,
			Sites:        []Site{{Name: "a", Registration: 1, Swab: 2}, {Name: "b", Registration: 0, Swab: 2}},
			Calling:      Calling{Interval: d("15m"), PerWave: 2, ComeDown: dist("uniform", 0, 1200, 0)},
			Registration: dist("lognormal", 12, 4, 0), Swab: dist("lognormal", 35, 10, 0),
			Pooling:    Pooling{PerTube: 2, TubesPerBox: 20, Every: d("30m"), Trip: dist("triangular", 1200, 1800, 2700)},
			DoorToDoor: DoorToDoor{Share: 0.05, Visit: dist("triangular", 240, 360, 600)}},
		Garbage:      &Garbage{From: c("21:00"), To: c("24:00"), BagsPerHousehold: 1.3, PerBag: dist("lognormal", 10, 4, 0)},
		SpecialNeeds: &SpecialNeeds{PerDay: 10, Handling: dist("lognormal", 1200, 600, 0), TripShare: 0.2, Trip: Const(2700), Target: d("2h")},
		Targets:      []string{"takeout.door_time.p95 <= 45m"},
	}
}
