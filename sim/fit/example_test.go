package fit_test

import (
	"fmt"

	"cordon/sim/fit"
	"cordon/sim/random"
)

// Service times logged at a checkpoint (here drawn from a lognormal of mean
// 40 s and sd 40 s): Best ranks the families, and the first one's Spec goes
// into the scenario.
func ExampleBest() {
	truth, _ := random.NewLogNormal(40, 40, random.NewStreams(2026, 1).Source("checkpoint/service"))
	times := make([]float64, 2000)
	for i := range times {
		times[i] = truth.Rand()
	}

	fits, err := fit.Best(times)
	if err != nil {
		fmt.Println(err)
		return
	}
	best := fits[0].Spec
	fmt.Printf("best: %s, mean %.0fs, sd %.0fs\n", best.Family, best.Mean, best.SD)
	for _, f := range fits {
		fmt.Printf("%-11s KS %.3f  p %.2f\n", f.Spec.Family, f.KS, f.PValue)
	}
	// Output:
	// best: lognormal, mean 39s, sd 39s
	// lognormal   KS 0.016  p 0.72
	// gamma       KS 0.057  p 0.00
	// weibull     KS 0.060  p 0.00
	// exponential KS 0.121  p 0.00
	// normal      KS 0.163  p 0.00
}

// Walking times between two blocks, to the second: the gamma's mean and cv,
// and whether the fit is plausible.
func ExampleGamma() {
	walks := []float64{95, 120, 88, 143, 101, 77, 132, 110, 99, 160, 84, 118, 105, 126, 92}
	f, err := fit.Gamma(walks)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("gamma(mean=%.1f, cv=%.3f), KS %.3f, p %.2f, n %d\n", f.Spec.Mean, f.Spec.CV, f.KS, f.PValue, f.N)
	// Output:
	// gamma(mean=110.0, cv=0.199), KS 0.106, p 1.00, n 15
}

// The fitted Spec is a scenario's distribution: it validates and builds a
// sampler, in cordon's own parameters (the lognormal's mean and sd of the
// time itself).
func ExampleLogNormal() {
	f, err := fit.LogNormal([]float64{31, 45, 38, 52, 29, 61, 40, 35, 47, 33})
	if err != nil {
		fmt.Println(err)
		return
	}
	service, err := f.Spec.New(random.NewStreams(2026, 1).Source("gate/service"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: mean %.1fs, sd %.1fs, ℓ = %.2f\n", f.Spec.Family, f.Spec.Mean, f.Spec.SD, f.LogLikelihood)
	fmt.Printf("mean of the sampler %.1fs\n", service.Mean())
	// Output:
	// lognormal: mean 41.1s, sd 9.4s, ℓ = -36.23
	// mean of the sampler 41.1s
}

// Zero samples (a gate that waved people through) rule out the families on
// (0, ∞).
func ExampleWeibull() {
	_, err := fit.Weibull([]float64{12, 0, 15, 9, 0, 14})
	fmt.Println(err)
	// Output:
	// fit weibull: 2 of 6 samples are zero; the weibull needs every sample > 0
}
