package experiment_test

import (
	"cordon/experiment"
	"strings"
	"testing"
)

func TestFitSteps(t *testing.T) {
	by := map[string][]float64{
		"gate.intake":   {30, 41, 35, 52, 28, 44},
		"delivery.door": {60, 60},
		"lift.ride":     {12},
	}
	steps, err := experiment.FitSteps("durations.csv", by, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range steps {
		got = append(got, s.Name+":"+s.Skipped)
	}
	want := []string{"delivery.door:2 samples, fewer than --min 3", "gate.intake:", "lift.ride:1 sample, fewer than --min 3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(steps[1].Fits) == 0 {
		t.Error("gate.intake not fitted")
	}

	only, err := experiment.FitSteps("durations.csv", by, []string{"delivery.door"}, 2)
	if err != nil || len(only) != 1 || only[0].Name != "delivery.door" || only[0].Fits != nil || only[0].Skipped != "" {
		t.Errorf("--step delivery.door: got %+v, %v; want the one step, a constant", only, err)
	}

	_, err = experiment.FitSteps("durations.csv", by, []string{"gate.intak", "lift.ride"}, 2)
	wantErr := "--step gate.intak: durations.csv has no such step, did you mean gate.intake?\n" +
		"--step lift.ride: durations.csv has 1 sample of it: a fit needs at least 2"
	if err == nil || err.Error() != wantErr {
		t.Errorf("got error %v, want\n%s", err, wantErr)
	}
}
