package compound_test

import (
	"fmt"

	"cordon/compound"
)

func ExampleParseTarget() {
	t, err := compound.ParseTarget("takeout.door_time.p95 <= 45m")
	fmt.Println(t.KPI, t.Op, t.Value, err)
	fmt.Println(t.Met(2400), t.Met(3000))
	// Output:
	// takeout.door_time.p95 <= 2700 <nil>
	// true false
}

func ExampleFormatSeconds() {
	for _, s := range []float64{45, 2700, 5430, 1.25} {
		fmt.Println(compound.FormatSeconds(s))
	}
	// Output:
	// 45s
	// 45m
	// 1h30m30s
	// 1.3s
}

func ExampleExpandBuildings() {
	ids, _ := compound.ExpandBuildings("3-6")
	fmt.Println(ids)
	// Output: [3 4 5 6]
}

func ExampleScenario_PlannedRoster() {
	// A day from 07:00: a gate crew of 4 from 08:00 to 20:00 and 1 at
	// night, one of them on a lunch break of 30 minutes at noon.
	sc := &compound.Scenario{
		Horizon: compound.Horizon{Start: 7 * 3600, Days: 1},
		Staff: []compound.Pool{{
			Name: "gate-crew",
			Shifts: []compound.Shift{
				{From: 8 * 3600, To: 20 * 3600, Count: 4},
				{From: 20 * 3600, To: 8 * 3600, Count: 1},
			},
			Breaks: []compound.Break{{At: 12 * 3600, Length: 1800, Count: 1}},
		}},
	}
	for _, e := range sc.PlannedRoster() {
		fmt.Printf("%s from %s to %s: %d\n", e.Pool,
			compound.FormatSeconds(e.From), compound.FormatSeconds(e.To), e.Count)
	}
	// Output:
	// gate-crew from 0s to 1h: 1
	// gate-crew from 1h to 5h: 4
	// gate-crew from 5h to 5h30m: 3
	// gate-crew from 5h30m to 13h: 4
	// gate-crew from 13h to 24h: 1
}
