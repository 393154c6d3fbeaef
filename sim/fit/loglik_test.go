package fit

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"

	"cordon/sim/random"
)

// sumLogProb returns Σ log f(x) by gonum.
func sumLogProb(d dist, x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += d.LogProb(v)
	}
	return s
}

// TestLogLikelihoodMatchesGonum: the closed forms of ℓ at the fit agree with
// the sum of gonum's LogProb at the fitted parameters.
func TestLogLikelihoodMatchesGonum(t *testing.T) {
	for _, truth := range truths {
		for _, seed := range seeds {
			x := draw(t, truth.spec, 2000, seed)
			f, err := fitter(truth.spec.Family)(x)
			if err != nil {
				t.Fatal(err)
			}
			want := sumLogProb(gonumDist(t, f.Spec), x)
			if relErr(f.LogLikelihood, want) > 1e-10 {
				t.Errorf("%s seed %d: ℓ = %.12g, gonum's Σ LogProb %.12g", truth.spec.Family, seed, f.LogLikelihood, want)
			}
		}
	}
}

// TestFitIsMaximum: at the fit, the gradient of gonum's Σ LogProb in its
// own parameters is zero — checked by central differences, scaled by the
// parameter and n — and any small step lowers it. That is the equations
// solved, and solved to the end, for the iterated shapes too.
func TestFitIsMaximum(t *testing.T) {
	// set returns gonum's distribution of a fit with its parameters scaled
	// by (1+a, 1+b).
	set := func(s random.Spec, a, b float64) dist {
		switch g := gonumDist(t, s).(type) {
		case distuv.Exponential:
			return distuv.Exponential{Rate: g.Rate * (1 + a)}
		case distuv.LogNormal:
			return distuv.LogNormal{Mu: g.Mu * (1 + a), Sigma: g.Sigma * (1 + b)}
		case distuv.Gamma:
			return distuv.Gamma{Alpha: g.Alpha * (1 + a), Beta: g.Beta * (1 + b)}
		case distuv.Weibull:
			return distuv.Weibull{K: g.K * (1 + a), Lambda: g.Lambda * (1 + b)}
		case distuv.Normal:
			return distuv.Normal{Mu: g.Mu * (1 + a), Sigma: g.Sigma * (1 + b)}
		}
		t.Fatalf("unexpected %+v", s)
		return nil
	}
	const h = 1e-6
	for _, truth := range truths {
		for _, seed := range seeds {
			x := draw(t, truth.spec, 2000, seed)
			f, err := fitter(truth.spec.Family)(x)
			if err != nil {
				t.Fatal(err)
			}
			ll := func(a, b float64) float64 { return sumLogProb(set(f.Spec, a, b), x) }
			n := float64(len(x))
			best := ll(0, 0)
			steps := [][2]float64{{h, 0}, {0, h}}
			moves := [][2]float64{{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}, {1e-3, 1e-3}, {-1e-3, 1e-3}}
			if truth.spec.Family == random.FamilyExponential { // one parameter
				steps, moves = steps[:1], moves[:2]
			}
			for _, step := range steps {
				// θ·∂ℓ/∂θ / n, to about 1e-16·|ℓ|/(h·n) ≈ 1e-9.
				grad := (ll(step[0], step[1]) - ll(-step[0], -step[1])) / (2 * h) / n
				if math.Abs(grad) > 1e-7 {
					t.Errorf("%s seed %d: θ·∂ℓ/∂θ/n = %.3g along %v, want 0", truth.spec.Family, seed, grad, step)
				}
			}
			for _, step := range moves {
				if v := ll(step[0], step[1]); v >= best {
					t.Errorf("%s seed %d: ℓ %.12g at a step %v, not below %.12g at the fit", truth.spec.Family, seed, v, step, best)
				}
			}
			if w, ok := gonumDist(t, f.Spec).(distuv.Weibull); ok {
				// gonum's analytic score, summed: zero at the fit.
				var score [2]float64
				deriv := make([]float64, 2)
				for _, v := range x {
					w.Score(deriv, v)
					score[0] += deriv[0] * w.K / n
					score[1] += deriv[1] * w.Lambda / n
				}
				if math.Abs(score[0]) > 1e-9 || math.Abs(score[1]) > 1e-9 {
					t.Errorf("weibull seed %d: scaled score %v, want 0", seed, score)
				}
			}
		}
	}
}

// TestAgainstGonumFit: gonum's own estimates for the exponential and the
// normal (whose variance, like this package's, has the divisor n).
func TestAgainstGonumFit(t *testing.T) {
	for _, seed := range seeds {
		x := draw(t, random.Spec{Family: random.FamilyExponential, Mean: 40}, 500, seed)
		var e distuv.Exponential
		e.Fit(x, nil)
		f, err := Exponential(x)
		if err != nil {
			t.Fatal(err)
		}
		if relErr(f.Spec.Mean, 1/e.Rate) > 1e-12 {
			t.Errorf("seed %d: exponential mean %v, gonum's %v", seed, f.Spec.Mean, 1/e.Rate)
		}

		x = draw(t, random.Spec{Family: random.FamilyNormal, Mean: 100, SD: 15}, 500, seed)
		var g distuv.Normal
		g.Fit(x, nil)
		f, err = Normal(x)
		if err != nil {
			t.Fatal(err)
		}
		if relErr(f.Spec.Mean, g.Mu) > 1e-12 || relErr(f.Spec.SD, g.Sigma) > 1e-12 {
			t.Errorf("seed %d: normal %+v, gonum's %+v", seed, f.Spec, g)
		}
	}
}

// TestLogMinusDigamma: the asymptotic series the gamma shape uses from 20 up
// agrees with gonum's Digamma and ψ′ = ζ(2, ·) where both are accurate, and
// meets the direct form at 20.
func TestLogMinusDigamma(t *testing.T) {
	direct := func(k float64) (float64, float64) {
		return math.Log(k) - mathext.Digamma(k), 1/k - mathext.Zeta(2, k) // ψ′(k) = ζ(2, k)
	}
	for _, k := range []float64{19.999, 20, 25, 50, 100, 300} {
		h, dh := logMinusDigamma(k)
		wh, wdh := direct(k)
		if relErr(h, wh) > 1e-11 || relErr(dh, wdh) > 1e-8 {
			t.Errorf("k = %v: h = %.15g, %.15g; direct %.15g, %.15g", k, h, dh, wh, wdh)
		}
	}
	// Known values: ψ(1) = −γ, ψ′(1) = π²/6. gonum's Digamma is good to
	// about 1e-10 below 7 (its asymptotic series starts at 6.5), which moves
	// a fitted shape by a relative 1e-9 or less: nothing, beside standard
	// errors of a percent.
	h, dh := logMinusDigamma(1)
	if math.Abs(h-0.57721566490153286) > 1e-9 || math.Abs(dh-(1-math.Pi*math.Pi/6)) > 1e-15 {
		t.Errorf("k = 1: %v, %v", h, dh)
	}
}
