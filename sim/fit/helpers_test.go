package fit

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"cordon/sim/random"
)

// fataler is what the helpers need of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// draw returns n samples of spec, drawn by cordon's own samplers from a PCG
// source seeded with seed (never from a global source).
func draw(t fataler, spec random.Spec, n int, seed uint64) []float64 {
	t.Helper()
	d, err := spec.New(rand.NewPCG(seed, 0xc0d0))
	if err != nil {
		t.Fatalf("%+v: %v", spec, err)
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = d.Rand()
	}
	return x
}

// dist is what the tests use of a gonum distribution. Never Rand: with a
// nil Src it would draw from a global source.
type dist interface {
	CDF(x float64) float64
	LogProb(x float64) float64
}

// gonumDist returns gonum's distribution for a Spec of one of the fitted
// families, in gonum's parameters, as an independent reference. The normal
// is the plain normal, not truncated.
func gonumDist(t fataler, s random.Spec) dist {
	t.Helper()
	switch s.Family {
	case random.FamilyExponential:
		return distuv.Exponential{Rate: 1 / s.Mean}
	case random.FamilyLogNormal:
		s2 := math.Log1p(s.SD * s.SD / (s.Mean * s.Mean))
		return distuv.LogNormal{Mu: math.Log(s.Mean) - s2/2, Sigma: math.Sqrt(s2)}
	case random.FamilyGamma:
		return distuv.Gamma{Alpha: 1 / (s.CV * s.CV), Beta: 1 / (s.Mean * s.CV * s.CV)}
	case random.FamilyWeibull:
		return distuv.Weibull{K: s.Shape, Lambda: s.Scale}
	case random.FamilyNormal:
		return distuv.Normal{Mu: s.Mean, Sigma: s.SD}
	}
	t.Fatalf("no gonum distribution for %q", s.Family)
	return nil
}

// param is one fitted parameter of a family.
type param struct {
	name string
	get  func(random.Spec) float64
}

var (
	pMean  = param{"mean", func(s random.Spec) float64 { return s.Mean }}
	pSD    = param{"sd", func(s random.Spec) float64 { return s.SD }}
	pCV    = param{"cv", func(s random.Spec) float64 { return s.CV }}
	pShape = param{"shape", func(s random.Spec) float64 { return s.Shape }}
	pScale = param{"scale", func(s random.Spec) float64 { return s.Scale }}
)

// params returns the parameters a family's Spec carries.
func params(kind string) []param {
	switch kind {
	case random.FamilyExponential:
		return []param{pMean}
	case random.FamilyLogNormal, random.FamilyNormal:
		return []param{pMean, pSD}
	case random.FamilyGamma:
		return []param{pMean, pCV}
	case random.FamilyWeibull:
		return []param{pShape, pScale}
	}
	return nil
}

// fitter returns the fitter of a family.
func fitter(kind string) func([]float64) (Fit, error) {
	return map[string]func([]float64) (Fit, error){
		random.FamilyExponential: Exponential,
		random.FamilyLogNormal:   LogNormal,
		random.FamilyGamma:       Gamma,
		random.FamilyWeibull:     Weibull,
		random.FamilyNormal:      Normal,
	}[kind]
}

func relErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }

// The known distributions of the recovery tests, with the asymptotic
// relative standard error of each parameter's estimate at n = 2000.
var truths = []struct {
	spec  random.Spec
	relSE []float64 // in the order of params(spec.Kind)
}{
	{random.Spec{Family: random.FamilyExponential, Mean: 40}, []float64{0.0224}},
	{random.Spec{Family: random.FamilyLogNormal, Mean: 40, SD: 15}, []float64{0.0084, 0.0206}},
	{random.Spec{Family: random.FamilyGamma, Mean: 40, CV: 0.5}, []float64{0.0112, 0.0152}},
	{random.Spec{Family: random.FamilyWeibull, Shape: 1.5, Scale: 45}, []float64{0.0174, 0.0157}},
	{random.Spec{Family: random.FamilyNormal, Mean: 100, SD: 15}, []float64{0.0034, 0.0158}},
}

// seeds are the seeds of the tests that draw samples: fixed, and not chosen
// to make any test pass.
var seeds = []uint64{1, 2, 3, 4, 5}
