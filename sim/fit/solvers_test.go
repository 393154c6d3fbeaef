package fit

import (
	"math"
	"strings"
	"testing"
)

// TestGammaShapeSolver: gammaShape inverts log k − ψ(k) from Minka's start
// across shapes from 0.001 (cv 32) to 1e7 (cv 0.0003).
func TestGammaShapeSolver(t *testing.T) {
	for _, k := range []float64{1e-3, 0.01, 0.1, 0.5, 1, 4, 19.99, 20, 100, 1e4, 1e7} {
		s, _ := logMinusDigamma(k)
		got, err := gammaShape(s)
		if err != nil || relErr(got, k) > 1e-9 {
			t.Errorf("shape %v: solved %v, %v", k, got, err)
		}
	}
}

// TestWideSpread: samples over forty orders of magnitude, where x/mean − 1
// leaves log1p no digits, fit the gamma and the Weibull, equivariantly; the
// lognormal of those samples has an sd beyond float64 (σ² ≈ 770), which is
// an error.
func TestWideSpread(t *testing.T) {
	x := []float64{1e-30, 1e-20, 1e-3, 1, 2, 10, 100, 1e5, 1e10}
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = v * 3
	}
	if _, err := LogNormal(x); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("lognormal: %v, want the parameters out of range", err)
	}
	for _, kind := range []string{"gamma", "weibull"} {
		fx, err := fitter(kind)(x)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		fy, err := fitter(kind)(y)
		if err != nil {
			t.Errorf("%s ×3: %v", kind, err)
			continue
		}
		for _, p := range params(kind) {
			if e := relErr(p.get(fy.Spec), p.get(fx.Spec.Scaled(3))); e > 1e-9 {
				t.Errorf("%s: %s %v ×3 gives %v", kind, p.name, p.get(fx.Spec), p.get(fy.Spec))
			}
		}
		if math.Abs(fx.KS-fy.KS) > 1e-12 {
			t.Errorf("%s: KS %v ×3 gives %v", kind, fx.KS, fy.KS)
		}
	}
}

// TestWeibullShapeExtremes: samples that barely spread (a shape in the
// thousands) and samples that spread over decades (a shape below 0.1).
func TestWeibullShapeExtremes(t *testing.T) {
	tight := make([]float64, 100)
	wide := make([]float64, 100)
	for i := range tight {
		u := (float64(i) + 0.5) / 100
		e := -math.Log1p(-u)                  // exponential quantiles
		tight[i] = 60 * math.Pow(e, 1.0/2000) // weibull(2000, 60) quantiles
		wide[i] = 60 * math.Pow(e, 1/0.08)    // weibull(0.08, 60) quantiles
	}
	for _, c := range []struct {
		name  string
		x     []float64
		shape float64
	}{{"tight", tight, 2000}, {"wide", wide, 0.08}} {
		f, err := Weibull(c.x)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		// Quantiles at the plotting positions fit the shape within a few
		// percent.
		if relErr(f.Spec.Shape, c.shape) > 0.1 || relErr(f.Spec.Scale, 60) > 0.1 {
			t.Errorf("%s: %+v, want shape %v scale 60", c.name, f.Spec, c.shape)
		}
	}
}
