package fit

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"cordon/sim/random"
)

var (
	genTime = rapid.Float64Range(1e-3, 1e6) // a mean or a scale, in seconds
	genCV   = rapid.Float64Range(0.05, 2)
)

// genSpec returns valid parameters of a family.
func genSpec(t *rapid.T, kind string) random.Spec {
	s := random.Spec{Family: kind}
	switch kind {
	case random.FamilyExponential:
		s.Mean = genTime.Draw(t, "mean")
	case random.FamilyLogNormal:
		s.Mean = genTime.Draw(t, "mean")
		s.SD = s.Mean * genCV.Draw(t, "cv")
	case random.FamilyGamma:
		s.Mean, s.CV = genTime.Draw(t, "mean"), genCV.Draw(t, "cv")
	case random.FamilyWeibull:
		s.Shape, s.Scale = rapid.Float64Range(0.3, 10).Draw(t, "shape"), genTime.Draw(t, "scale")
	case random.FamilyNormal: // from far above zero to a truncated one
		s.Mean = genTime.Draw(t, "mean")
		s.SD = s.Mean * rapid.Float64Range(0.02, 1).Draw(t, "cv")
	}
	return s
}

// checkFit fails t unless f is a sound fit of kind to n samples.
func checkFit(t *rapid.T, f Fit, kind string, n int) {
	if f.Spec.Family != kind || f.N != n {
		t.Fatalf("%s: kind %q, N %d, want %d", kind, f.Spec.Family, f.N, n)
	}
	for _, p := range params(kind) {
		if v := p.get(f.Spec); !(v > 0) || math.IsInf(v, 0) {
			t.Fatalf("%s: %s = %v, want finite > 0", kind, p.name, v)
		}
	}
	if err := f.Spec.Validate(); err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	if !(f.KS >= 0 && f.KS <= 1) || !(f.PValue >= 0 && f.PValue <= 1) {
		t.Fatalf("%s: KS %v, p %v, want both in [0, 1]", kind, f.KS, f.PValue)
	}
	if math.IsNaN(f.LogLikelihood) || math.IsInf(f.LogLikelihood, 0) {
		t.Fatalf("%s: ℓ = %v", kind, f.LogLikelihood)
	}
}

// TestPropertyFitsSucceed: for valid parameters of any family and 50 or
// more samples, every fitter succeeds with finite positive parameters,
// KS and p-value in [0, 1], and Best ranks all five by KS.
func TestPropertyFitsSucceed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := genSpec(t, rapid.SampledFrom(kinds).Draw(t, "family"))
		n := rapid.IntRange(50, 1000).Draw(t, "n")
		x := draw(t, spec, n, rapid.Uint64().Draw(t, "seed"))
		for _, kind := range kinds {
			f, err := fitter(kind)(x)
			if err != nil {
				t.Fatalf("%s fitted to %d samples of %+v: %v", kind, n, spec, err)
			}
			checkFit(t, f, kind, n)
		}
		fits, err := Best(x)
		if err != nil {
			t.Fatal(err)
		}
		if len(fits) != len(kinds) || !slices.IsSortedFunc(fits, func(a, b Fit) int { return cmp.Compare(a.KS, b.KS) }) {
			t.Fatalf("Best: %d fits, or not sorted by KS: %+v", len(fits), fits)
		}
	})
}

// TestPropertyScaleEquivariant: measuring in other units (x·c) scales the
// fitted time parameters by c and leaves the shapes and the KS statistic
// alone; ℓ moves by −n·log c (the densities are per unit).
func TestPropertyScaleEquivariant(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		kind := rapid.SampledFrom(kinds).Draw(t, "family")
		spec := genSpec(t, kind)
		n := rapid.IntRange(50, 500).Draw(t, "n")
		x := draw(t, spec, n, rapid.Uint64().Draw(t, "seed"))
		c := math.Exp2(float64(rapid.IntRange(-10, 10).Draw(t, "log2 c"))) * rapid.Float64Range(1, 2).Draw(t, "c")
		y := make([]float64, n)
		for i, v := range x {
			y[i] = v * c
		}
		fx, err := fitter(kind)(x)
		if err != nil {
			t.Fatal(err)
		}
		fy, err := fitter(kind)(y)
		if err != nil {
			t.Fatal(err)
		}
		want := fx.Spec.Scaled(c)
		for _, p := range params(kind) {
			if e := relErr(p.get(fy.Spec), p.get(want)); e > 1e-8 {
				t.Fatalf("%s ×%v: %s %v, want %v", kind, c, p.name, p.get(fy.Spec), p.get(want))
			}
		}
		if math.Abs(fy.KS-fx.KS) > 1e-8 {
			t.Fatalf("%s ×%v: KS %v, want %v", kind, c, fy.KS, fx.KS)
		}
		wantLL := fx.LogLikelihood - float64(n)*math.Log(c)
		if math.Abs(fy.LogLikelihood-wantLL) > 1e-8*math.Max(1, math.Abs(wantLL)) {
			t.Fatalf("%s ×%v: ℓ %v, want %v", kind, c, fy.LogLikelihood, wantLL)
		}
	})
}
