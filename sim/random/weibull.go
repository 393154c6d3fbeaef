package random

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// Weibull is the Weibull distribution with a shape and a scale.
type Weibull struct {
	d distuv.Weibull
}

// NewWeibull returns the Weibull distribution with the given shape (> 0)
// and scale (> 0), drawing from src. Its mean, scale*Γ(1+1/shape), must be
// finite, which rules out shapes below about 0.006.
func NewWeibull(shape, scale float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkWeibull(shape, scale), needSource(FamilyWeibull, src)); err != nil {
		return nil, err
	}
	return &Weibull{d: distuv.Weibull{K: shape, Lambda: scale, Src: src}}, nil
}

func checkWeibull(shape, scale float64) error {
	return firstErr(
		need(FamilyWeibull, "shape", shape, shape > 0, "> 0"),
		need(FamilyWeibull, "scale", scale, scale > 0, "> 0"),
		needDerived(FamilyWeibull, "the mean scale*Γ(1+1/shape)", weibullMean(shape, scale)),
	)
}

func weibullMean(shape, scale float64) float64 { return scale * math.Gamma(1+1/shape) }

// Rand returns a draw.
func (w *Weibull) Rand() float64 { return w.d.Rand() }

// Mean returns the mean, scale*Γ(1+1/shape).
func (w *Weibull) Mean() float64 { return weibullMean(w.d.K, w.d.Lambda) }

func (w *Weibull) String() string {
	return fmt.Sprintf("weibull(shape=%v, scale=%v)", w.d.K, w.d.Lambda)
}

// weibullFamily is the Weibull's entry in Families.
func weibullFamily() Family {
	return Family{
		Name: FamilyWeibull, Doc: "Weibull with the given shape and scale",
		Params: []Param{
			{Name: "shape", Doc: "the shape: a plain number", Plain: true, Bound: Positive, number: func(s *Spec) *float64 { return &s.Shape }},
			{Name: "scale", Doc: "the scale", Bound: Positive, number: func(s *Spec) *float64 { return &s.Scale }},
		},
		Example:  [2]string{"shape: 1.5, scale: 8", "shape: 1.5, scale: 40s"},
		validate: func(s Spec) error { return checkWeibull(s.Shape, s.Scale) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewWeibull(s.Shape, s.Scale, src) },
		mean:     func(s Spec) float64 { return weibullMean(s.Shape, s.Scale) },
		atLeast:  func(s Spec, t float64) float64 { return math.Exp(-math.Pow(t/s.Scale, s.Shape)) },
		excess: func(s Spec, t float64) float64 {
			x := math.Pow(t/s.Scale, s.Shape)
			return max(weibullMean(s.Shape, s.Scale)*mathext.GammaIncRegComp(1+1/s.Shape, x)-t*math.Exp(-x), 0)
		},
	}
}
