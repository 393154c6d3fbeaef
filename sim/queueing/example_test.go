package queueing_test

import (
	"fmt"

	"cordon/sim/queueing"
)

// The supply gate: residents arrive at 1.5 a minute, two clerks each
// serve one a minute on average.
func ExampleMMc() {
	gate := queueing.MMc{Lambda: 1.5, Mu: 1, C: 2}
	pw, _ := gate.ProbWait()
	wq, _ := gate.Wq()
	p90, _ := gate.WaitQuantile(0.9)
	l, _ := gate.L()
	fmt.Printf("utilisation %.2f\n", gate.Rho())
	fmt.Printf("P(wait) %.4f\n", pw)
	fmt.Printf("mean wait %.4f min, 90%% wait within %.4f min\n", wq, p90)
	fmt.Printf("mean in system %.4f\n", l)
	// Output:
	// utilisation 0.75
	// P(wait) 0.6429
	// mean wait 1.2857 min, 90% wait within 3.7215 min
	// mean in system 3.4286
}

// A testing site: 30 residents an hour, 8 minutes a swab. How many swab
// posts keep the mean wait under 2 minutes, and the 95th percentile
// under 5?
func ExampleMinServers() {
	lambda, mu := 30.0/60, 1.0/8 // per minute
	fmt.Println("stability needs", queueing.MinStable(lambda, 8))
	mean, _ := queueing.MinServers(lambda, mu, 2)
	p95, _ := queueing.MinServersForQuantile(lambda, mu, 0.95, 5)
	fmt.Println("mean wait <= 2 min needs", mean)
	fmt.Println("95% wait <= 5 min needs", p95)
	// Output:
	// stability needs 5
	// mean wait <= 2 min needs 6
	// 95% wait <= 5 min needs 7
}

// Residents go through registration (0) and a swab post (1); one in ten
// swabs must be redone.
func ExampleJackson() {
	net := queueing.Jackson{
		External: []float64{0.5, 0},
		Mu:       []float64{1, 0.2},
		Servers:  []int{1, 4},
		Routing: [][]float64{
			{0, 1},
			{0, 0.1},
		},
	}
	st, err := net.Stations()
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range st {
		fmt.Printf("station %d: arrivals %.4f, utilisation %.4f, mean wait %.4f\n", i, s.Lambda, s.Rho, s.Wq)
	}
	w, _ := net.SojournTime()
	fmt.Printf("mean time in network %.4f\n", w)
	// Output:
	// station 0: arrivals 0.5000, utilisation 0.5000, mean wait 1.0000
	// station 1: arrivals 0.5556, utilisation 0.6944, mean wait 1.7185
	// mean time in network 9.4650
}
