package reports_test

import (
	"bytes"
	"context"
	"fmt"

	"gonum.org/v1/plot/vg"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
)

// Run a scenario, build its report's figures and draw the first as SVG.
func ExampleRender() {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		panic(err)
	}
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2})
	if err != nil {
		panic(err)
	}
	plots, err := reports.RunPlots(o)
	if err != nil {
		panic(err)
	}
	for _, p := range plots {
		fmt.Printf("%s: %s\n", p.Name, p.Title)
	}
	svg, err := reports.Render(plots[0].P, "svg", 9*vg.Inch, 4.5*vg.Inch)
	if err != nil {
		panic(err)
	}
	first, _, _ := bytes.Cut(svg, []byte("\n"))
	fmt.Printf("%s ... complete: %v\n", first, bytes.HasSuffix(bytes.TrimSpace(svg), []byte("</svg>")))
	// Output:
	// staging: Items in the staging area by the gate
	// queues: Items waiting at the posts through the day
	// task-queues: Tasks waiting at the staff pools through the day
	// door-times: Time from the gate to the door, by kind
	// utilisation: Staff utilisation by pool and hour
	// on-duty: Staff on duty by hour
	// sampling: Residents sampled at each testing site
	// site-queues: Residents waiting at each testing site
	// bottlenecks: Bottlenecks: where work waits
	// <?xml version="1.0"?> ... complete: true
}
