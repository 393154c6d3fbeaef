package random_test

import (
	"fmt"

	"cordon/sim/random"
)

// Each source of randomness draws from its own stream, so the draws of one
// never depend on how much another is used.
func ExampleStreams() {
	streams := random.NewStreams(2026, 1) // scenario seed 2026, replication 1
	arrivals, _ := random.NewExponential(60, streams.Source("gate/arrivals"))
	service, _ := random.NewUniform(20, 40, streams.Source("gate/service"))
	for range 3 {
		fmt.Printf("arrival gap %5.1fs, service %4.1fs\n", arrivals.Rand(), service.Rand())
	}
	fmt.Println(streams.Names())
	// Output:
	// arrival gap  35.4s, service 35.9s
	// arrival gap  25.5s, service 22.9s
	// arrival gap  49.6s, service 30.7s
	// [gate/arrivals gate/service]
}

func ExampleSpec_New() {
	// As read from a scenario file: {dist: lognormal, mean: 40s, sd: 15s}.
	spec := random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: 15}
	if err := spec.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("mean %.0fs, 20%% slower %.0fs\n", spec.MeanValue(), spec.Scaled(1.2).MeanValue())

	// Per replication, with the replication's stream.
	streams := random.NewStreams(2026, 1)
	service, err := spec.New(streams.Source("checkpoint/service"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(service)
	fmt.Printf("%.1f %.1f %.1f\n", service.Rand(), service.Rand(), service.Rand())
	// Output:
	// mean 40s, 20% slower 48s
	// lognormal(mean=40, sd=15)
	// 37.7 44.3 41.5
}

func ExampleSpec_Validate() {
	spec := random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: -3}
	fmt.Println(spec.Validate())
	// Output:
	// lognormal: sd must be >= 0, got -3
}

func ExampleNewLogNormal() {
	streams := random.NewStreams(7, 0)
	d, err := random.NewLogNormal(40, 15, streams.Source("service"))
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := 0.0
	for range 100000 {
		sum += d.Rand()
	}
	fmt.Printf("%v: sample mean %.0f\n", d, sum/100000)

	_, err = random.NewLogNormal(40, -3, streams.Source("service"))
	fmt.Println(err)
	// Output:
	// lognormal(mean=40, sd=15): sample mean 40
	// lognormal: sd must be >= 0, got -3
}

// A normal truncated at zero never draws a negative duration; its mean is
// that of the truncated distribution.
func ExampleNewTruncNormal() {
	d, _ := random.NewTruncNormal(10, 20, random.NewStreams(7, 0).Source("walk"))
	fmt.Printf("%v: mean %.2f\n", d, d.Mean())
	// Output:
	// normal(mean=10, sd=20) truncated at 0: mean 20.18
}
