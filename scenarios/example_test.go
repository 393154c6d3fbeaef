package scenarios_test

import (
	"fmt"

	"cordon/scenarios"
)

func ExampleLoad() {
	data := []byte(`name: tiny
clock:
  start: 7am
gate:
  shelfs: 4
  intake: {dist: lognormal, mean: 20, sd: 5s}
`)
	_, err := scenarios.Load("tiny.yaml", data)
	fmt.Println(err)

	// Overrides are checked like the file, and reported at themselves.
	sc, err := scenarios.Resolve("testdata/valid/small.yaml",
		scenarios.Override{Path: "staff.gate-crew.shifts[0].count", Value: "4"},
		scenarios.Override{Path: "gate.intake", Value: "30s"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sc.Staff[0].Shifts[0].Count, sc.Gate.Intake.Family, sc.Gate.Intake.Value, sc.Horizon.Start)
	// Output:
	// tiny.yaml:3:10: clock.start: "7am" is not a time of day: write HH:MM, for example 07:30
	// tiny.yaml:5:3: gate.shelfs: unknown field, did you mean shelves? (fields here: open, close, ground, shelves, shelf_slots, containers, container_slots, when_full, courier_patience, intake, pile_intake)
	// tiny.yaml:6:35: gate.intake.mean: 20 has no unit: write a duration such as 20s
	// 4 constant 30 06:30
}
