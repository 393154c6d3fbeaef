package fit

import (
	"math"
	"slices"
	"strings"
	"testing"

	"cordon/sim/random"
)

var kinds = []string{random.FamilyExponential, random.FamilyLogNormal, random.FamilyGamma, random.FamilyWeibull, random.FamilyNormal}

// onPositives reports whether a family needs every sample > 0.
func onPositives(kind string) bool {
	return kind == random.FamilyLogNormal || kind == random.FamilyGamma || kind == random.FamilyWeibull
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		x    []float64
		want string // in the error; "" for no error
		// wantPositive, if not "", is what the families on (0,∞) say instead.
		wantPositive string
	}{
		{"nil", nil, "need at least 2 samples, got 0", ""},
		{"empty", []float64{}, "need at least 2 samples, got 0", ""},
		{"one", []float64{3}, "need at least 2 samples, got 1", ""},
		{"NaN", []float64{1, math.NaN(), 2}, "sample 1 is NaN; samples must be finite", ""},
		{"+Inf", []float64{1, 2, math.Inf(1)}, "sample 2 is +Inf", ""},
		{"-Inf", []float64{math.Inf(-1), 2}, "sample 0 is -Inf", ""},
		{"negative", []float64{1, -2, 3, -0.5}, "2 of 4 samples are negative (the first is sample 1, -2)", ""},
		{"zeros", []float64{0, 1, 2, 0, 5}, "", "2 of 5 samples are zero; the %s needs every sample > 0"},
		{"all equal", []float64{3, 3, 3}, "all 3 samples equal 3; there is no spread to fit", ""},
		{"all zero", []float64{0, 0}, "all 2 samples equal 0", ""},
	}
	for _, c := range cases {
		for _, kind := range kinds {
			want := c.want
			if c.wantPositive != "" && onPositives(kind) {
				want = strings.ReplaceAll(c.wantPositive, "%s", kind)
			}
			in := slices.Clone(c.x)
			f, err := fitter(kind)(in)
			switch {
			case want == "" && err != nil:
				t.Errorf("%s, %s: unexpected error %v", c.name, kind, err)
			case want == "" && f.Spec.Family != kind:
				t.Errorf("%s, %s: got %+v", c.name, kind, f)
			case want != "" && err == nil:
				t.Errorf("%s, %s: no error, want %q", c.name, kind, want)
			case want != "" && (!strings.HasPrefix(err.Error(), "fit "+kind+": ") || !strings.Contains(err.Error(), want)):
				t.Errorf("%s, %s: error %q, want it to start with %q and hold %q", c.name, kind, err, "fit "+kind+": ", want)
			}
			if !slices.EqualFunc(in, c.x, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
				t.Errorf("%s, %s: the input changed to %v", c.name, kind, in)
			}
		}
	}
}

func TestBestErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		x    []float64
		want string
	}{
		{"empty", nil, "fit: need at least 2 samples, got 0"},
		{"one", []float64{1}, "fit: need at least 2 samples, got 1"},
		{"NaN", []float64{1, math.NaN()}, "fit: sample 1 is NaN"},
		{"negative", []float64{-1, 1}, "fit: 1 of 2 samples are negative"},
		{"all equal", []float64{2, 2}, "fit: all 2 samples equal 2"},
	} {
		fits, err := Best(c.x)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || fits != nil {
			t.Errorf("%s: Best = %v, %v; want the error %q", c.name, fits, err, c.want)
		}
	}
	// With zeros, the families on (0,∞) are left out.
	fits, err := Best([]float64{0, 1, 2, 0, 5, 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fits {
		got = append(got, f.Spec.Family)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{random.FamilyExponential, random.FamilyNormal}) {
		t.Errorf("Best with zeros fitted %v, want exponential and normal", got)
	}
}

// TestInputUnsorted: the fitters sort a copy, and the order of the samples
// changes nothing.
func TestInputUnsorted(t *testing.T) {
	x := draw(t, random.Spec{Family: random.FamilyGamma, Mean: 40, CV: 0.5}, 200, 1)
	sorted := slices.Sorted(slices.Values(x))
	for _, kind := range kinds {
		in := slices.Clone(x)
		a, err := fitter(kind)(in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fitter(kind)(sorted)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(in, x) {
			t.Errorf("%s changed its input", kind)
		}
		if relErr(a.KS, b.KS) > 1e-12 || relErr(a.LogLikelihood, b.LogLikelihood) > 1e-12 {
			t.Errorf("%s: unsorted %+v, sorted %+v", kind, a, b)
		}
	}
}
