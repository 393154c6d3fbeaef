package random_test

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"cordon/sim/random"
)

// distCase is one distribution under test, with what the tests know of it
// independently of the package: its variance, and its CDF from gonum (or
// the probabilities of its values, for a discrete one).
type distCase struct {
	name     string
	spec     random.Spec
	variance float64
	cdf      func(x float64) float64 // nil if discrete or degenerate
	probs    map[float64]float64     // value -> probability, for a discrete one
}

// refSrc is set as the source of the gonum reference distributions, which
// are only used for their CDFs, so that none ever falls back to a global
// source.
func refSrc() rand.Source { return rand.NewPCG(1, 2) }

// distCases returns one case or more per kind, including awkward shapes.
func distCases() []distCase {
	return []distCase{
		{name: "constant", spec: random.Constant(5), variance: 0},
		exponentialCase("exponential", 40),
		uniformCase("uniform", 10, 50),
		uniformCase("uniform/from-zero", 0, 1),
		triangularCase("triangular", 10, 20, 60),
		triangularCase("triangular/mode-at-min", 0, 0, 30),
		normalCase("normal", 30, 10),
		normalCase("normal/heavy-cut", 2, 5),
		normalCase("normal/far-tail", -10, 1),
		normalCase("normal/narrow", 5, 0.001),
		logNormalCase("lognormal", 40, 15),
		logNormalCase("lognormal/wide", 40, 120),
		gammaCase("gamma", 40, 0.5),
		gammaCase("gamma/small-shape", 40, 3), // shape 1/9 < 0.2: gonum's other algorithm
		weibullCase("weibull", 1.5, 30),
		weibullCase("weibull/heavy", 0.5, 30),
		empiricalCase("empirical", []float64{10, 20, 30, 40}, []float64{1, 2, 3, 0}),
		empiricalCase("empirical/equal", []float64{7, 3, 3}, nil),
	}
}

func exponentialCase(name string, mean float64) distCase {
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyExponential, Mean: mean},
		variance: mean * mean,
		cdf:      distuv.Exponential{Rate: 1 / mean, Src: refSrc()}.CDF,
	}
}

func uniformCase(name string, lo, hi float64) distCase {
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyUniform, Min: lo, Max: hi},
		variance: (hi - lo) * (hi - lo) / 12,
		cdf:      distuv.Uniform{Min: lo, Max: hi, Src: refSrc()}.CDF,
	}
}

func triangularCase(name string, lo, mode, hi float64) distCase {
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyTriangular, Min: lo, Mode: mode, Max: hi},
		variance: (lo*lo + mode*mode + hi*hi - lo*mode - lo*hi - mode*hi) / 18,
		cdf:      distuv.NewTriangle(lo, hi, mode, refSrc()).CDF,
	}
}

// normalCase is a normal(mean, sd) truncated at zero. With a = -mean/sd and
// the inverse Mills ratio λ = φ(a)/S(a), S(z) = 1-Φ(z) the standard normal
// survival, its variance is sd²(1 + aλ - λ²) and its CDF is
// 1 - S((x-mean)/sd)/S(a). S is computed with math.Erfc, which keeps its
// precision in the far tail, where gonum's Normal.Survival (1 - erf) is 0.
func normalCase(name string, mean, sd float64) distCase {
	z := distuv.Normal{Mu: 0, Sigma: 1, Src: refSrc()}
	S := func(x float64) float64 { return math.Erfc(x/math.Sqrt2) / 2 }
	a := -mean / sd
	lambda := z.Prob(a) / S(a)
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyNormal, Mean: mean, SD: sd},
		variance: sd * sd * (1 + a*lambda - lambda*lambda),
		cdf:      func(x float64) float64 { return 1 - S((x-mean)/sd)/S(a) },
	}
}

func logNormalCase(name string, mean, sd float64) distCase {
	s2 := math.Log(1 + sd*sd/(mean*mean))
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyLogNormal, Mean: mean, SD: sd},
		variance: sd * sd,
		cdf:      distuv.LogNormal{Mu: math.Log(mean) - s2/2, Sigma: math.Sqrt(s2), Src: refSrc()}.CDF,
	}
}

func gammaCase(name string, mean, cv float64) distCase {
	k := 1 / (cv * cv)
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyGamma, Mean: mean, CV: cv},
		variance: cv * cv * mean * mean,
		cdf:      distuv.Gamma{Alpha: k, Beta: k / mean, Src: refSrc()}.CDF,
	}
}

func weibullCase(name string, shape, scale float64) distCase {
	g1, g2 := math.Gamma(1+1/shape), math.Gamma(1+2/shape)
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyWeibull, Shape: shape, Scale: scale},
		variance: scale * scale * (g2 - g1*g1),
		cdf:      distuv.Weibull{K: shape, Lambda: scale, Src: refSrc()}.CDF,
	}
}

func empiricalCase(name string, values, weights []float64) distCase {
	probs := map[float64]float64{}
	total := 0.0
	for i, v := range values {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		probs[v] += w
		total += w
	}
	mean, variance := 0.0, 0.0
	for v := range probs {
		probs[v] /= total
		mean += probs[v] * v
	}
	for v, p := range probs {
		variance += p * (v - mean) * (v - mean)
	}
	return distCase{
		name:     name,
		spec:     random.Spec{Family: random.FamilyEmpirical, Values: values, Weights: weights},
		variance: variance,
		probs:    probs,
	}
}
