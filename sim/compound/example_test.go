package compound_test

import (
	"fmt"

	"cordon/sim/compound"
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
