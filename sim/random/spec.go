package random

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The kinds of distribution a [Spec] can describe.
const (
	KindConstant    = "constant"
	KindExponential = "exponential"
	KindUniform     = "uniform"
	KindTriangular  = "triangular"
	KindNormal      = "normal" // truncated at zero
	KindLogNormal   = "lognormal"
	KindGamma       = "gamma"
	KindWeibull     = "weibull"
	KindEmpirical   = "empirical"
)

// Kinds returns all kinds, in the order of the Kind constants: constant,
// exponential, uniform, triangular, normal, lognormal, gamma, weibull,
// empirical.
func Kinds() []string {
	return []string{KindConstant, KindExponential, KindUniform, KindTriangular,
		KindNormal, KindLogNormal, KindGamma, KindWeibull, KindEmpirical}
}

// Spec describes a distribution as plain data. Kind is one of the Kind*
// constants; each kind reads only its own fields and ignores the others.
type Spec struct {
	Kind            string
	Value           float64   // constant
	Mean            float64   // exponential, normal, lognormal, gamma
	SD              float64   // normal, lognormal
	CV              float64   // gamma
	Min, Mode, Max  float64   // uniform (Min, Max), triangular
	Shape, Scale    float64   // weibull
	Values, Weights []float64 // empirical
}

// Constant returns the Spec of the distribution that always returns v.
func Constant(v float64) Spec { return Spec{Kind: KindConstant, Value: v} }

// Validate reports whether New would succeed with a non-nil source: it makes
// the constructor's checks, and its error names the bad field.
func (s Spec) Validate() error {
	switch s.Kind {
	case KindConstant:
		return checkConstant(s.Value)
	case KindExponential:
		return checkExponential(s.Mean)
	case KindUniform:
		return checkUniform(s.Min, s.Max)
	case KindTriangular:
		return checkTriangular(s.Min, s.Mode, s.Max)
	case KindNormal:
		return checkTruncNormal(s.Mean, s.SD)
	case KindLogNormal:
		return checkLogNormal(s.Mean, s.SD)
	case KindGamma:
		return checkGamma(s.Mean, s.CV)
	case KindWeibull:
		return checkWeibull(s.Shape, s.Scale)
	case KindEmpirical:
		return checkEmpirical(s.Values, s.Weights)
	}
	return fmt.Errorf("unknown distribution kind %q, want one of %s", s.Kind, strings.Join(Kinds(), ", "))
}

// New builds the distribution, drawing from src. src may be nil only for a
// constant.
func (s Spec) New(src rand.Source) (Dist, error) {
	switch s.Kind {
	case KindConstant:
		return NewConstant(s.Value)
	case KindExponential:
		return NewExponential(s.Mean, src)
	case KindUniform:
		return NewUniform(s.Min, s.Max, src)
	case KindTriangular:
		return NewTriangular(s.Min, s.Mode, s.Max, src)
	case KindNormal:
		return NewTruncNormal(s.Mean, s.SD, src)
	case KindLogNormal:
		return NewLogNormal(s.Mean, s.SD, src)
	case KindGamma:
		return NewGamma(s.Mean, s.CV, src)
	case KindWeibull:
		return NewWeibull(s.Shape, s.Scale, src)
	case KindEmpirical:
		return NewEmpirical(s.Values, s.Weights, src)
	}
	return nil, s.Validate()
}

// MeanValue returns the mean of the distribution without building it, for
// analytic checks; for normal, the mean after truncation. It is meaningful
// only if Validate returns nil.
func (s Spec) MeanValue() float64 {
	switch s.Kind {
	case KindConstant:
		return s.Value
	case KindExponential, KindLogNormal, KindGamma:
		return s.Mean
	case KindUniform:
		return uniformMean(s.Min, s.Max)
	case KindTriangular:
		return triangularMean(s.Min, s.Mode, s.Max)
	case KindNormal:
		return truncNormalMean(s.Mean, s.SD)
	case KindWeibull:
		return weibullMean(s.Shape, s.Scale)
	case KindEmpirical:
		return empiricalMean(s.Values, s.Weights)
	}
	return 0
}

// Scaled returns the same shape of distribution with every time parameter
// multiplied by f, so the mean is multiplied by f (for sensitivity analysis:
// f = 1.2 is a 20% longer service time). The weibull scale and the empirical
// values scale; the gamma cv, the weibull shape and the empirical weights do
// not. The result shares no slice with s. Any f > 0 keeps a valid Spec valid
// (short of overflow); f <= 0 or non-finite generally makes it invalid.
func (s Spec) Scaled(f float64) Spec {
	s.Value *= f
	s.Mean *= f
	s.SD *= f
	s.Min *= f
	s.Mode *= f
	s.Max *= f
	s.Scale *= f
	s.Weights = slices.Clone(s.Weights)
	s.Values = slices.Clone(s.Values)
	for i := range s.Values {
		s.Values[i] *= f
	}
	return s
}
