package compound

import (
	"math"
	"testing"

	"cordon/sim/random"
)

// TestBatchKeepsDailyVolume: drops bring whole items, at least one, and
// however the batch size is drawn the items a day average per_day (a batch
// of 0.5 on average gave twice the volume: every drop rounded up to one).
func TestBatchKeepsDailyVolume(t *testing.T) {
	for _, batch := range []Dist{
		{random.Spec{Family: random.FamilyUniform, Min: 0, Max: 1}},
		{random.Spec{Family: random.FamilyUniform, Min: 0.5, Max: 2.5}},
		{random.Spec{Family: random.FamilyExponential, Mean: 0.7}},
		{random.Spec{Family: random.FamilyTriangular, Min: 2, Mode: 5, Max: 10}},
	} {
		sc := small()
		sc.Kinds[0].Batch = batch // express, 150 a day
		if errs := sc.Check(); len(errs) > 0 {
			t.Fatal(errs)
		}
		const reps = 40
		sum, sq := 0.0, 0.0
		for rep := range reps {
			n, _ := runSmall(t, sc, rep).Value(Catalog(sc), "express.arrived")
			sum += n
			sq += n * n
		}
		mean := sum / reps
		se := math.Sqrt((sq/reps - mean*mean) / reps)
		if math.Abs(mean-150) > 4*se {
			t.Errorf("batch %+v: %.1f ± %.1f items a day, want 150", batch.Spec, mean, se)
		}
	}
}
