package validation

import (
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"cordon/sim"
	"cordon/sim/random"
)

// TestHourlyArrivalsFitProfile checks the non-homogeneous Poisson arrivals:
// over 400 simulated days of a 24-hour express profile, the counts per hour
// of the day must fit the profile by a chi-square test at 1%.
//
// Expected count for hour h: E_h = days × rate_h. Hours with a zero rate must
// see no arrival at all; the others give
//
//	X² = Σ (O_h − E_h)² / E_h.
//
// The counts of different hours are independent Poisson variables and their
// total is not fixed in advance, so X² has k degrees of freedom (not k − 1),
// k being the number of hours with a positive rate. It must stay below the
// 99% quantile of χ²(k).
func TestHourlyArrivalsFitProfile(t *testing.T) {
	// Parcels per hour through the day: none at night, peaks late morning and
	// evening (the shape of the baseline's express profile).
	rates := []float64{0, 0, 0, 0, 0, 0, 2, 8, 20, 35, 40, 30, 25, 25, 30, 35, 30, 25, 40, 45, 30, 15, 5, 0}
	const days = 400
	streams := random.NewStreams(42, 0)
	unit, err := random.NewExponential(1, streams.Source("arrivals"))
	if err != nil {
		t.Fatal(err)
	}
	arr, err := sim.NewHourly(rates, 0, unit)
	if err != nil {
		t.Fatal(err)
	}
	s := sim.New()
	counts := make([]int, 24)
	flow := sim.NewFlow("parcel")
	s.NewSource(flow, arr).Setup(func(e *sim.Entity, _ int64) {
		counts[int(s.Now()/3600)%24]++
	}).Start()
	s.RunUntil(days * 24 * 3600)

	x2, k := 0.0, 0
	for h, r := range rates {
		if r == 0 {
			if counts[h] != 0 {
				t.Errorf("hour %d has rate 0 but %d arrivals", h, counts[h])
			}
			continue
		}
		e := days * r
		d := float64(counts[h]) - e
		x2 += d * d / e
		k++
	}
	crit := distuv.ChiSquared{K: float64(k)}.Quantile(0.99)
	if x2 > crit {
		t.Errorf("chi-square %.2f with %d degrees of freedom exceeds the 1%% critical value %.2f", x2, k, crit)
	}
	t.Logf("chi-square %.2f, %d degrees of freedom, critical value %.2f", x2, k, crit)
}

// TestHourlyArrivalsWithOrigin checks that a profile anchored at 07:00 (the
// run starts at 07:00, so profile hour 0 began seven hours before time 0)
// gives each clock hour its own rate.
func TestHourlyArrivalsWithOrigin(t *testing.T) {
	rates := make([]float64, 24)
	rates[12] = 100 // only 12:00-13:00
	unit, _ := random.NewExponential(1, random.NewStreams(1, 0).Source("arrivals"))
	arr, err := sim.NewHourly(rates, -7*3600, unit)
	if err != nil {
		t.Fatal(err)
	}
	s := sim.New()
	var first, last float64
	n := 0
	s.NewSource(sim.NewFlow("x"), arr).Setup(func(e *sim.Entity, _ int64) {
		if n == 0 {
			first = s.Now()
		}
		last = s.Now()
		n++
	}).Start()
	s.RunUntil(24 * 3600) // 07:00 to 07:00 the next day
	// 12:00 is five hours after the 07:00 start.
	if n == 0 || first < 5*3600 || last >= 6*3600 {
		t.Errorf("%d arrivals from %.0f s to %.0f s, want all within [18000, 21600)", n, first, last)
	}
}
