package stats_test

import (
	"fmt"

	"cordon/sim/stats"
)

func ExampleTally() {
	var wait stats.Tally
	wait.KeepValues()
	for _, w := range []float64{12, 30, 18, 45, 25} { // seconds
		wait.Add(w)
	}
	fmt.Printf("n=%d mean=%.1f sd=%.2f min=%.0f max=%.0f\n",
		wait.Count(), wait.Mean(), wait.StdDev(), wait.Min(), wait.Max())
	fmt.Printf("median=%.0f p90=%.0f within 30s=%.0f%%\n",
		wait.Quantile(0.5), wait.Quantile(0.9), 100*wait.FractionAtMost(30))
	// Output:
	// n=5 mean=26.0 sd=12.63 min=12 max=45
	// median=25 p90=45 within 30s=80%
}

func ExampleLevel() {
	queue := stats.NewLevel(0, 0) // empty at time 0
	queue.TrackThreshold(2)
	queue.Add(10, 1) // 1 waiting from 10 s
	queue.Add(20, 1) // 2 from 20 s
	queue.Add(50, -2)
	// Area: 0*10 + 1*10 + 2*30 + 0*10 = 70 over 60 s.
	fmt.Printf("mean=%.3f max=%.0f at or above 2 for %.0fs\n",
		queue.Mean(60), queue.Max(), queue.TimeAtOrAbove(60, 2))
	// Output:
	// mean=1.167 max=2 at or above 2 for 30s
}

func ExampleSummarize() {
	// Mean time to the door in five replications, in minutes.
	s := stats.Summarize([]float64{41.2, 39.8, 43.5, 40.1, 42.4}, 0.95)
	fmt.Printf("%.2f ± %.2f (95%% CI %.2f..%.2f, n=%d)\n",
		s.Mean, s.HalfWidth(), s.Low, s.High, s.N)
	// Output:
	// 41.40 ± 1.93 (95% CI 39.47..43.33, n=5)
}
