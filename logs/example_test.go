package logs_test

import (
	"context"
	"fmt"
	"strings"

	"cordon/logs"
	"cordon/scenarios"
)

// Reading the arrivals of a logged day: one timestamp with its offset, one
// time of day with a date and a zone name, and a bad row, read leniently.
func ExampleReadArrivals() {
	sc, err := scenarios.Resolve("day-one") // clock.start 07:00, one day
	if err != nil {
		panic(err)
	}
	const log = `# north gate, 25 November
time,date,tz,kind,building,zone,id
2021-11-25T07:04:57+08:00,,,takeout,38,,T-1
07:10,2021-11-25,Asia/Shanghai,express,,zone-3,E-1
2021-11-25T07:12:00+08:00,,,takout,4,,T-2
`
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(log), sc, logs.Options{Lenient: true})
	if err != nil {
		panic(err)
	}
	fmt.Println("the run starts", got.Day.Start.Format("2006-01-02 15:04 -07:00"))
	for _, a := range got.Rows {
		fmt.Printf("%s at %v s: building %d, zone %d, id %s\n", sc.Kinds[a.Kind].Name, a.At, a.Building, a.Zone, a.ID)
	}
	fmt.Println(got.Skipped, "skipped:", got.SkippedErrors)
	// Output:
	// the run starts 2021-11-25 07:00 +08:00
	// takeout at 297 s: building 37, zone 9, id T-1
	// express at 600 s: building -1, zone 2, id E-1
	// 1 skipped: arrivals.csv:5: kind: no kind "takout", did you mean takeout?
}
