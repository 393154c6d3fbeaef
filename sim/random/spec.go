package random

import (
	"math/rand/v2"
	"slices"
)

// The families of distribution a [Spec] can describe.
const (
	FamilyConstant    = "constant"
	FamilyExponential = "exponential"
	FamilyUniform     = "uniform"
	FamilyTriangular  = "triangular"
	FamilyNormal      = "normal" // truncated at zero
	FamilyLogNormal   = "lognormal"
	FamilyGamma       = "gamma"
	FamilyWeibull     = "weibull"
	FamilyEmpirical   = "empirical"
)

// Spec describes a distribution as plain data. Family is one of the
// Family* constants; each family reads only its own fields and ignores the
// others.
type Spec struct {
	Family          string
	Value           float64   // constant
	Mean            float64   // exponential, normal, lognormal, gamma
	SD              float64   // normal, lognormal
	CV              float64   // gamma
	Min, Mode, Max  float64   // uniform (Min, Max), triangular
	Shape, Scale    float64   // weibull
	Values, Weights []float64 // empirical
}

// Constant returns the Spec of the distribution that always returns v.
func Constant(v float64) Spec { return Spec{Family: FamilyConstant, Value: v} }

// Validate reports whether New would succeed with a non-nil source: it makes
// the constructor's checks, and its error names the bad field.
func (s Spec) Validate() error {
	f, err := s.family()
	if err != nil {
		return err
	}
	return f.validate(s)
}

// New builds the distribution, drawing from src. src may be nil only for a
// constant.
func (s Spec) New(src rand.Source) (Dist, error) {
	f, err := s.family()
	if err != nil {
		return nil, err
	}
	return f.build(s, src)
}

// MeanValue returns the mean of the distribution without building it, for
// analytic checks; for normal, the mean after truncation. It is meaningful
// only if Validate returns nil.
func (s Spec) MeanValue() float64 {
	f, err := s.family()
	if err != nil {
		return 0
	}
	return f.mean(s)
}

// Scaled returns the same shape of distribution with every time parameter
// multiplied by f, so the mean is multiplied by f (for sensitivity analysis:
// f = 1.2 is a 20% longer service time). The weibull scale and the empirical
// values scale; the gamma cv, the weibull shape and the empirical weights do
// not. The result shares no slice with s. Any f > 0 keeps a valid Spec valid
// (short of overflow); f <= 0 or non-finite generally makes it invalid.
func (s Spec) Scaled(f float64) Spec {
	s.Weights = slices.Clone(s.Weights)
	s.Values = slices.Clone(s.Values)
	fam, ok := FamilyOf(s.Family)
	if !ok {
		return s
	}
	for _, p := range fam.Params {
		switch {
		case p.Plain:
		case p.List:
			xs := p.Numbers(&s)
			for i := range *xs {
				(*xs)[i] *= f
			}
		default:
			*p.Number(&s) *= f
		}
	}
	return s
}
