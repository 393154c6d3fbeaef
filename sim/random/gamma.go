package random

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// Gamma is the gamma distribution, parameterised by its mean and coefficient
// of variation cv = sd/mean.
type Gamma struct {
	mean, cv float64
	scale    float64      // mean*cv², the scale θ = mean/shape
	base     distuv.Gamma // shape 1/cv², rate 1
}

// NewGamma returns the gamma distribution with the given mean (> 0) and
// coefficient of variation cv (>= 0), drawing from src: shape k = 1/cv² and
// rate k/mean. If cv == 0 it returns a [Fixed] value.
func NewGamma(mean, cv float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkGamma(mean, cv), needSource(FamilyGamma, src)); err != nil {
		return nil, err
	}
	if cv == 0 {
		return Fixed{v: mean}, nil
	}
	shape, scale := gammaParams(mean, cv)
	return &Gamma{mean: mean, cv: cv, scale: scale, base: distuv.Gamma{Alpha: shape, Beta: 1, Src: src}}, nil
}

func checkGamma(mean, cv float64) error {
	err := firstErr(
		need(FamilyGamma, "mean", mean, mean > 0, "> 0"),
		need(FamilyGamma, "cv", cv, cv >= 0, ">= 0"),
	)
	if err != nil || cv == 0 {
		return err
	}
	shape, scale := gammaParams(mean, cv)
	return firstErr(needDerived(FamilyGamma, "shape 1/cv²", shape), needDerived(FamilyGamma, "scale mean*cv²", scale))
}

// gammaParams returns the shape and the scale. The draw is scale times a
// rate-1 gamma draw, which avoids dividing by a rate that may overflow.
func gammaParams(mean, cv float64) (shape, scale float64) {
	return 1 / (cv * cv), mean * cv * cv
}

// Rand returns a draw.
func (g *Gamma) Rand() float64 { return g.scale * g.base.Rand() }

// Mean returns the mean.
func (g *Gamma) Mean() float64 { return g.mean }

func (g *Gamma) String() string { return fmt.Sprintf("gamma(mean=%v, cv=%v)", g.mean, g.cv) }

// gammaFamily is the gamma's entry in Families.
func gammaFamily() Family {
	return Family{
		Name: FamilyGamma, Doc: "gamma with the given mean and coefficient of variation cv",
		Params: []Param{meanParam(Positive), {Name: "cv", Doc: "the coefficient of variation, sd/mean: a plain number",
			Plain: true, number: func(s *Spec) *float64 { return &s.CV }}},
		Example:  [2]string{"mean: 8, cv: 0.5", "mean: 40s, cv: 0.5"},
		validate: func(s Spec) error { return checkGamma(s.Mean, s.CV) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewGamma(s.Mean, s.CV, src) },
		mean:     func(s Spec) float64 { return s.Mean },
		atLeast: func(s Spec, t float64) float64 {
			if s.CV == 0 {
				return step(s.Mean >= t)
			}
			shape, scale := gammaParams(s.Mean, s.CV)
			return mathext.GammaIncRegComp(shape, t/scale)
		},
		excess: func(s Spec, t float64) float64 {
			if s.CV == 0 {
				return max(s.Mean-t, 0)
			}
			shape, scale := gammaParams(s.Mean, s.CV)
			return max(s.Mean*mathext.GammaIncRegComp(shape+1, t/scale)-t*mathext.GammaIncRegComp(shape, t/scale), 0)
		},
	}
}
